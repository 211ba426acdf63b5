using System.Resources;
using Pairing.Core.Findings;

namespace Pairing.Core.Matching;

/// <summary>
/// The codes of <c>advice.csv</c> (prefix <c>ADV</c>): why an inland county, school or class is advised, the rule it
/// lifts and the numbers. Messages in <c>Matching/Resources/AdviceMessages.resx</c> and its zh-Hans satellite.
/// </summary>
public static class AdviceFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Matching.Resources.AdviceMessages", typeof(AdviceFindings).Assembly);

    private const string Category = "advice";

    /// <summary>ADV001: P2: the supporting province (<c>province</c>) has <c>available</c> inland counties for its <c>needed</c> Xinjiang counties; a new county (<c>county</c>) for <c>xinjiang</c>.</summary>
    public static FindingDescriptor AddCounty { get; } = new("ADV001", Category, FindingSeverity.Info, "P2", Messages, "province", "county", "xinjiang", "available", "needed");

    /// <summary>ADV002: P3: the inland county (<c>county</c>) has <c>available</c> schools for the <c>needed</c> Xinjiang schools of its partner; a new school (<c>school</c>) for <c>xinjiang</c>.</summary>
    public static FindingDescriptor AddSchool { get; } = new("ADV002", Category, FindingSeverity.Info, "P3", Messages, "county", "school", "xinjiang", "available", "needed");

    /// <summary>ADV003: P6: the inland school (<c>school</c>) has <c>available</c> students in the grade where <c>xinjiang</c> brings <c>needed</c>; <c>classes</c> classes with <c>students</c> students.</summary>
    public static FindingDescriptor AddGradeStudents { get; } = new("ADV003", Category, FindingSeverity.Info, "P6", Messages, "school", "grade", "xinjiang", "available", "needed", "classes", "students");

    /// <summary>ADV004: P4: the inland school (<c>school</c>) has <c>available</c> classes in all where <c>xinjiang</c> has <c>needed</c>; <c>classes</c> classes of the grade with <c>students</c> students.</summary>
    public static FindingDescriptor AddClasses { get; } = new("ADV004", Category, FindingSeverity.Info, "P4", Messages, "school", "grade", "xinjiang", "available", "needed", "classes", "students");

    /// <summary>ADV005: as ADV003, for an inland school that takes <c>schools</c> Xinjiang schools (shared inland units): <c>needed</c> is what they bring together, <c>xinjiang</c> the first of them by id.</summary>
    public static FindingDescriptor AddSharedGradeStudents { get; } = new("ADV005", Category, FindingSeverity.Info, "P6", Messages, "school", "grade", "xinjiang", "schools", "available", "needed", "classes", "students");

    /// <summary>ADV006: as ADV004, for an inland school that takes <c>schools</c> Xinjiang schools (shared inland units): <c>needed</c> is the classes they have together, <c>xinjiang</c> the first of them by id.</summary>
    public static FindingDescriptor AddSharedClasses { get; } = new("ADV006", Category, FindingSeverity.Info, "P4", Messages, "school", "grade", "xinjiang", "schools", "available", "needed", "classes", "students");

    /// <summary>ADV011: one supporting province's total (<c>province</c>): what to add so that all <c>xinjiang</c> students it supports can be paired (<c>covered</c> now).</summary>
    public static FindingDescriptor ProvinceTotal { get; } = new("ADV011", Category, FindingSeverity.Info, null, Messages, "province", "counties", "schools", "classes", "students", "covered", "xinjiang");

    /// <summary>ADV012: the advice's total: to cover the other <c>uncovered</c> students, what to add in all (<c>covered</c> of <c>xinjiang</c> now).</summary>
    public static FindingDescriptor Total { get; } = new("ADV012", Category, FindingSeverity.Info, null, Messages, "uncovered", "counties", "schools", "classes", "students", "covered", "xinjiang");

    /// <summary>ADV013: with shared inland units, the province's (<c>province</c>) exact model stopped at its work limit (<c>limit</c>, deterministic seconds per aim) before proving its advice the least: enough, not proven least.</summary>
    public static FindingDescriptor SharedNotProven { get; } = new("ADV013", Category, FindingSeverity.Warning, null, Messages, "province", "limit");
}
