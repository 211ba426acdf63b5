using System.Resources;

namespace Pairing.Core.Findings;

/// <summary>
/// The codes of <c>continuity.csv</c> (prefix <c>CON</c>): what became of each pair of a previous year's result. Kept,
/// or dropped because a member left, a rule no longer holds (with the numbers), the pair above is not made, or so that
/// more students could be covered. Messages in <c>Findings/Resources/ContinuityMessages.resx</c> and its zh-Hans
/// satellite.
/// </summary>
public static class ContinuityFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Findings.Resources.ContinuityMessages", typeof(ContinuityFindings).Assembly);

    /// <summary>CON001: The pair is made again this year.</summary>
    public static FindingDescriptor Kept { get; } = new("CON001", "continuity", FindingSeverity.Info, null, Messages);

    /// <summary>CON002: A member (<c>member</c>) is no longer in the roster, or no longer on its side.</summary>
    public static FindingDescriptor MemberLeft { get; } = new("CON002", "continuity", FindingSeverity.Warning, null, Messages, "member");

    /// <summary>CON003: P1: the two counties are no longer in the same supporting province.</summary>
    public static FindingDescriptor ProvinceChanged { get; } = new("CON003", "continuity", FindingSeverity.Warning, "P1", Messages, "xinjiang", "xinjiangProvince", "inland", "inlandProvince");

    /// <summary>CON004: P4: no school pair under the county pair can be made (<c>available</c> inland schools fit, <c>needed</c> one).</summary>
    public static FindingDescriptor NoSchoolPair { get; } = new("CON004", "continuity", FindingSeverity.Warning, "P4", Messages, "inland", "xinjiang", "schools", "available", "needed");

    /// <summary>CON005: P4: the inland school has fewer classes (<c>available</c>) than the Xinjiang school (<c>needed</c>).</summary>
    public static FindingDescriptor ClassesShort { get; } = new("CON005", "continuity", FindingSeverity.Warning, "P4", Messages, "inland", "available", "needed");

    /// <summary>CON006: P4: the inland school has fewer students (<c>available</c>) than the Xinjiang school (<c>needed</c>).</summary>
    public static FindingDescriptor StudentsShort { get; } = new("CON006", "continuity", FindingSeverity.Warning, "P4", Messages, "inland", "available", "needed");

    /// <summary>CON007: P5: the classes (or the students' classes) are no longer in grades that pair.</summary>
    public static FindingDescriptor GradesApart { get; } = new("CON007", "continuity", FindingSeverity.Warning, "P5", Messages, "xinjiangGrade", "inlandGrade");

    /// <summary>CON008: The pair above it (county pair of a school pair, school pair of a class or student pair) is not made this year.</summary>
    public static FindingDescriptor PairAboveDropped { get; } = new("CON008", "continuity", FindingSeverity.Warning, null, Messages, "above", "xinjiang", "inland");

    /// <summary>CON009: The pair could still stand; it was dropped so that <c>more</c> more students could be covered (<c>available</c> with it, <c>needed</c> without).</summary>
    public static FindingDescriptor MoreCovered { get; } = new("CON009", "continuity", FindingSeverity.Warning, null, Messages, "more", "available", "needed");

    /// <summary>CON010: The pair could still stand and keeping it costs no student; it was dropped for the aims after coverage.</summary>
    public static FindingDescriptor OtherAims { get; } = new("CON010", "continuity", FindingSeverity.Info, null, Messages, "available", "needed");

    /// <summary>CON011: The pair could still stand by its own rules; its inland member has no place left beside this year's pairs.</summary>
    public static FindingDescriptor NoPlace { get; } = new("CON011", "continuity", FindingSeverity.Info, null, Messages);

    /// <summary>
    /// CON013: P4: kept, though the inland school has fallen below the Xinjiang school in classes or students
    /// (<c>classes</c> against <c>neededClasses</c>, <c>students</c> against <c>neededStudents</c>); a previous pair
    /// survives attrition unless P4 is strict. The row's counted/available/needed give the first shortfall.
    /// </summary>
    public static FindingDescriptor KeptShort { get; } = new("CON013", "continuity", FindingSeverity.Warning, "P4", Messages, "inland", "classes", "neededClasses", "students", "neededStudents");

    /// <summary>
    /// CON014: The pair could still stand; with the balanced objective it was dropped because the choice made covers
    /// fewer students (<c>needed</c> against <c>available</c> with it kept) but keeps more of last term's pairs, so
    /// that covered plus kept is larger.
    /// </summary>
    public static FindingDescriptor MoreKept { get; } = new("CON014", "continuity", FindingSeverity.Warning, null, Messages, "available", "needed");

    /// <summary>CON015: The pair is made this term and the previous result did not have it (status <c>new</c>).</summary>
    public static FindingDescriptor New { get; } = new("CON015", "continuity", FindingSeverity.Info, null, Messages);

    /// <summary>
    /// CON016: The student pair is kept, but its class pair changed: its students' classes are paired this term and were
    /// not last term (or the other way round), or it is cross-class this term and was not last term (or the other way round).
    /// </summary>
    public static FindingDescriptor KeptClassChanged { get; } = new("CON016", "continuity", FindingSeverity.Info, null, Messages, "xinjiangClass", "inlandClass");

    /// <summary>
    /// CON017: P4: a school pair of the plan given (<c>--plan</c>), not last term's, kept though its inland school has
    /// fallen below the Xinjiang school in classes or students (<c>classes</c> against <c>neededClasses</c>,
    /// <c>students</c> against <c>neededStudents</c>); a plan's pair survives attrition as last term's does (CON013)
    /// unless P4 is strict. The row's counted/available/needed give the first shortfall.
    /// </summary>
    public static FindingDescriptor PlanKeptShort { get; } = new("CON017", "continuity", FindingSeverity.Warning, "P4", Messages, "inland", "classes", "neededClasses", "students", "neededStudents");

    /// <summary>CON012: The plan given to the roster phase pairs a member otherwise.</summary>
    public static FindingDescriptor Plan { get; } = new("CON012", "continuity", FindingSeverity.Info, null, Messages);
}
