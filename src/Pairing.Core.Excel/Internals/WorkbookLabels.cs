using System.Globalization;
using Pairing.Core.Files.Results;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// The Chinese a result workbook shows in place of the format's machine values: the values of its coded columns
/// (<c>level</c> county → 县, <c>cross_class</c> true → 是 …), the labels of the 摘要 sheet's figures, and the 摘要
/// and 说明 sheets' own headers. Every label the result workbook writes is here or in <see cref="ColumnNames"/> and
/// <see cref="ResultSheetNames"/>; each value map is one-to-one, so the reader maps a label back to exactly its value.
/// </summary>
internal static class WorkbookLabels
{
    /// <summary>The legend sheet: each sheet's file, each header's column name, each shown value's machine value.</summary>
    public const string LegendSheet = "说明";

    // The 摘要 sheet's columns: what a person reads, then (hidden) the summary.json key and its JSON value, which the reader uses.
    public const string SummaryItem = "项目";
    public const string SummaryValue = "数值";
    public const string SummaryKey = "字段";
    public const string SummaryJson = "原值";

    // The 说明 sheet's columns.
    public static readonly string[] LegendHeaders = ["工作表", "表头或取值", "文件中的名称", "备注"];
    public const string LegendNameColumn = "名称，仅供阅读：文件中没有此列，读回时忽略";
    public const string LegendValueOf = "“{0}”列的取值";
    public const string LegendSummary = "“字段”“原值”两列已隐藏，存放 summary.json 的字段和原值，供程序读回";
    public const string Coverage = "覆盖率（已覆盖 ÷ 新疆学生）";

    private static readonly Dictionary<string, string> Levels = new(StringComparer.Ordinal)
    {
        ["county"] = "县",
        ["school"] = "学校",
        ["class"] = "班级",
        ["student"] = "学生",
    };

    private static readonly Dictionary<string, Dictionary<string, string>> Values = new(StringComparer.Ordinal)
    {
        ["level"] = Levels,
        ["counted"] = new(StringComparer.Ordinal)
        {
            ["counties"] = "县",
            ["schools"] = "学校",
            ["classes"] = "班级",
            ["students"] = "学生",
        },
        ["cross_class"] = new(StringComparer.Ordinal) { ["true"] = "是", ["false"] = "否" },
        ["status"] = new(StringComparer.Ordinal) { ["kept"] = "保留", ["dropped"] = "未保留", ["new"] = "新结对" },
    };

    private static readonly Dictionary<string, Dictionary<string, string>> Machine = Values.ToDictionary(
        v => v.Key, v => v.Value.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The labels of summary.json's keys (a nested key as <c>options.seed</c>); a level's figures and the continuity codes are built below.</summary>
    private static readonly Dictionary<string, string> SummaryLabels = new(StringComparer.Ordinal)
    {
        ["format"] = "文件格式",
        ["phase"] = "阶段",
        ["input_hash"] = "名册的哈希值（核对结果是否出自此名册）",
        ["library_version"] = "程序库版本",
        ["or_tools_version"] = "OR-Tools 版本",
        ["options.xinjiang_counties_per_inland_county"] = "选项：每个内地县结对的新疆县数",
        ["options.xinjiang_schools_per_inland_school"] = "选项：每所内地学校结对的新疆学校数",
        ["options.relax_grade_to_nearest"] = "选项：同年级不足时放宽到相邻年级",
        ["options.continuity_first"] = "选项：先保留上一年的结对",
        ["options.same_gender_weight"] = "选项：同性别权重",
        ["options.shared_interest_weight"] = "选项：共同兴趣权重",
        ["options.same_language_weight"] = "选项：同语言权重",
        ["options.close_birth_year_weight"] = "选项：出生年份相近权重",
        ["options.seed"] = "选项：随机数种子",
        ["options.work_limit_per_subproblem"] = "选项：每次计算的工作量上限",
        ["xinjiang_students"] = "新疆学生总数",
        ["covered_students"] = "已覆盖的新疆学生",
        ["cross_class_pairs"] = "跨班学生结对",
        ["class_size_difference"] = "班级结对人数差之和",
        ["same_gender_pairs"] = "同性别学生结对",
        ["same_gender_share"] = "同性别学生结对占比",
        ["preference_score"] = "偏好得分",
        ["continuity_first_uncovered"] = "因先保留上一年结对而未覆盖的学生",
    };

    private static readonly Dictionary<string, string> LevelFigures = new(StringComparer.Ordinal)
    {
        ["paired"] = "已结对",
        ["unpaired"] = "未结对",
        ["inland_surplus"] = "内地富余",
        ["kept"] = "保留上一年结对",
    };

    private static readonly Dictionary<string, string> Phases = new(StringComparer.Ordinal)
    {
        ["planning"] = "规划阶段（县、学校，按人数）",
        ["roster"] = "名册阶段（县、学校、班级、学生）",
    };

    /// <summary>The value a person reads for a cell of a coded column; other columns' values as they are.</summary>
    public static string Display(string column, string value) =>
        Values.TryGetValue(column, out var map) && map.TryGetValue(value, out var label) ? label : value;

    /// <summary>The format's value of a shown cell: a label mapped back, anything else (an English value of an older workbook) as it is.</summary>
    public static string MachineValue(string column, string shown) =>
        Machine.TryGetValue(column, out var map) && map.TryGetValue(shown, out var value) ? value : shown;

    /// <summary>The coded columns' labels, for the legend: (column, value, label).</summary>
    public static IEnumerable<(string Column, string Value, string Label)> ValueLabels() =>
        Values.SelectMany(c => c.Value.Select(v => (c.Key, v.Key, v.Value)));

    /// <summary>The label of a summary.json key (<c>levels.county.paired</c>, <c>continuity.CON001</c> …); the key itself when it has none.</summary>
    public static string SummaryLabel(string key)
    {
        if (SummaryLabels.TryGetValue(key, out var label))
        {
            return label;
        }

        var parts = key.Split('.');
        return parts switch
        {
            ["levels", var level, var figure] when Levels.TryGetValue(level, out var l) && LevelFigures.TryGetValue(figure, out var f) => $"{l}：{f}",
            ["continuity", var code] => $"上一年结对的去向：{code}（行数）",
            ["seconds_per_stage", var level] when Levels.TryGetValue(level, out var l) => $"用时（秒）：{l}",
            _ => key,
        };
    }

    /// <summary>The value a person reads for a summary figure, given its JSON value.</summary>
    public static string SummaryDisplay(string key, string json)
    {
        if (json == "null")
        {
            return "—";
        }

        if (json is "true" or "false")
        {
            return json == "true" ? "是" : "否";
        }

        if (json.StartsWith('"'))
        {
            var text = System.Text.Json.JsonSerializer.Deserialize<string>(json) ?? string.Empty;
            return key == "phase" && Phases.TryGetValue(text, out var phase) ? phase : text;
        }

        return key == "same_gender_share" && double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var share)
            ? Percent(share)
            : json;
    }

    /// <summary>A share as a percentage with one decimal (0.5123 → 51.2%).</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
