using Pairing.Core.Files.Compliance;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// The result sheets' Chinese names (the result format's, which the workbook is written with) and their English names (the files
/// without .csv, which older workbooks used and reading still takes).
/// </summary>
internal static class ResultSheetNames
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["county_pairs"] = "县结对",
        ["school_pairs"] = "学校结对",
        ["class_pairs"] = "班级结对",
        ["student_pairs"] = "学生结对",
        ["unpaired"] = "未结对",
        ["continuity"] = "结对延续", // the package's choice: FORMATS.md names no sheet for continuity.csv
        ["summary"] = "摘要",
    };

    public static string ChineseOf(string english) => Chinese[english];

    public static bool Names(string sheet, string english)
    {
        var name = sheet.Trim();
        return name.Equals(english, StringComparison.OrdinalIgnoreCase) || (Chinese.TryGetValue(english, out var zh) && name == zh);
    }
}
