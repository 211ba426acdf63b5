using Pairing.Core.Files.Tables;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// The Chinese header of each of the formats' columns in the workbooks the package writes (above the English name in a
/// compliance workbook, in its place in a result workbook), and back: each Chinese header names one column.
/// </summary>
internal static class ColumnNames
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["xinjiang_county_id"] = "新疆县编号",
        ["xinjiang_county_name"] = "新疆县名称",
        ["inland_county_id"] = "内地县编号",
        ["inland_county_name"] = "内地县名称",
        ["xinjiang_school_id"] = "新疆学校编号",
        ["xinjiang_school_name"] = "新疆学校名称",
        ["inland_school_id"] = "内地学校编号",
        ["inland_school_name"] = "内地学校名称",
        ["xinjiang_class_id"] = "新疆班级编号",
        ["inland_class_id"] = "内地班级编号",
        ["xinjiang_student_id"] = "新疆学生编号",
        ["inland_student_id"] = "内地学生编号",
        ["cross_class"] = "跨班",
        ["level"] = "层级",
        ["id"] = "编号",
        ["name"] = "名称",
        ["rule"] = "规则",
        ["code"] = "代码",
        ["xinjiang_id"] = "新疆单位编号",
        ["xinjiang_name"] = "新疆单位名称",
        ["inland_id"] = "内地单位编号",
        ["inland_name"] = "内地单位名称",
        ["grade"] = "年级",
        ["counted"] = "计数对象",
        ["available"] = "可用",
        ["needed"] = "需要",
        ["reason"] = "原因",
        ["subject_id"] = "对象编号",
        ["status"] = "状态",
        ["unit_id"] = "单位编号",
        ["count"] = "数量",
        ["required"] = "要求",
        ["detail"] = "说明",
        ["pairs"] = "结对数",
        ["a1_completed"] = "完成A1",
        ["a2_completed"] = "完成A2",
        ["a3_completed"] = "完成A3",
        ["camps_held"] = "举办营数",
        ["camps_valid"] = "有效营数",
        ["families_reached"] = "参与家庭",
        ["summary.json"] = "摘要",
    };

    private static readonly Dictionary<string, string> English = Chinese.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ChineseOf(string column) => Chinese.GetValueOrDefault(column, column);

    /// <summary>The column a header names: its Chinese header mapped back, an English name (an older workbook's second header row) as it is.</summary>
    public static string EnglishOf(string header) => English.GetValueOrDefault(header.Trim(), header.Trim());

    /// <summary>Whether a header is one of the columns' Chinese or English names.</summary>
    public static bool IsKnown(string header) => English.ContainsKey(header.Trim()) || Chinese.ContainsKey(header.Trim());
}
