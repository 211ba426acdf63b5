using System.Globalization;
using System.Text;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// Matching header names as people write them: folded (NFKC), without any kind of space, invisible character or
/// separator (<c>_</c>, <c>-</c>, <c>.</c>), in lower case; and the format's Chinese aliases (listed below).
/// </summary>
internal static class ColumnNames
{
    // Alias (as a key) to the format's names it may stand for; the file's own columns decide which one it is.
    private static readonly Dictionary<string, string[]> Aliases = Build(
        ("县编号", ["county_id"]), ("县代码", ["county_id"]), ("所属方", ["side"]), ("新疆或内地", ["side"]),
        ("名称", ["name"]), ("县名称", ["name"]), ("学校名称", ["name"]), ("单位", ["unit"]), ("所属单位", ["unit"]),
        ("学校编号", ["school_id"]), ("班级编号", ["class_id"]), ("年级", ["grade"]), ("人数", ["size", "count"]),
        ("班级人数", ["size"]), ("学生编号", ["student_id"]), ("性别", ["gender"]), ("出生年份", ["birth_year"]),
        ("语言", ["language"]), ("兴趣", ["interests"]), ("兴趣爱好", ["interests"]),
        ("活动编号", ["activity_id"]), ("类型", ["kind"]), ("活动类型", ["kind"]), ("假期类型", ["kind"]), ("日期", ["date"]),
        ("结束日期", ["end_date", "end"]), ("发出方编号", ["from_id"]), ("接收方编号", ["to_id"]), ("单位编号", ["unit_id"]),
        ("数量", ["count"]), ("同意情况", ["consent"]), ("详情", ["detail"]), ("说明", ["detail"]),
        ("省编号", ["province_id"]), ("省份编号", ["province_id"]), ("年份", ["year"]), ("开始日期", ["start"]));

    /// <summary>The header as a comparable key: NFKC, no white space, invisible characters or separators, lower case.</summary>
    public static string Key(string header)
    {
        var folded = header.IsNormalized(NormalizationForm.FormKC) ? header : header.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' or '.' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue;
            }

            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    /// <summary>The format's name (among the file's required and optional columns) the header stands for, or null when none.</summary>
    public static string? Canonical(string header, string[] required, string[] optional)
    {
        var key = Key(header);
        foreach (var name in required.Concat(optional))
        {
            if (string.Equals(Key(name), key, StringComparison.Ordinal))
            {
                return name;
            }
        }

        if (Aliases.TryGetValue(key, out var names))
        {
            foreach (var name in names)
            {
                if (Array.IndexOf(required, name) >= 0 || Array.IndexOf(optional, name) >= 0)
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static Dictionary<string, string[]> Build(params (string Alias, string[] Names)[] aliases)
    {
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (alias, names) in aliases)
        {
            table.Add(Key(alias), names);
        }

        return table;
    }
}
