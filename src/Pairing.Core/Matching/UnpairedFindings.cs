using System.Resources;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching;

/// <summary>
/// The codes of <c>unpaired.csv</c> (prefix <c>UNP</c>): why a Xinjiang county, school, class or student is left without a
/// partner, with the shortfall in numbers. Every argument of these codes is a column of the file (<c>inland</c> is
/// <c>inland_id</c>, <c>grade</c>, <c>available</c>, <c>needed</c>), and what the two numbers count is fixed by the code
/// (<see cref="CountedBy"/>), so a row read back gives the same finding. Messages in
/// <c>Matching/Resources/UnpairedMessages.resx</c> and its zh-Hans satellite.
/// </summary>
/// <remarks>
/// "Room" for a Xinjiang school in an inland school means: the inland school takes fewer Xinjiang schools than allowed
/// (<see cref="PairingOptions.XinjiangSchoolsPerInlandSchool"/>), and its classes and students cover the sums of the
/// Xinjiang schools it already takes and this one (P4). With one Xinjiang school per inland school this is P4 itself.
/// </remarks>
public static class UnpairedFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Matching.Resources.UnpairedMessages", typeof(UnpairedFindings).Assembly);

    private const string Category = "unpaired";

    // Filled by New, in declaration (code) order, before any descriptor below is made: the level each code explains, what it counts, and every code.
    private static readonly Dictionary<string, (FindingDescriptor Descriptor, PairingLevel Level, string? Counted)> ByCode = new(StringComparer.Ordinal);
    private static readonly List<FindingDescriptor> Declared = [];

    /// <summary>UNP001: P1: the aided area's supporting province (<c>inland</c>) has no county in the roster.</summary>
    public static FindingDescriptor NoInlandCounty { get; } = NewForProvince("UNP001", PairingLevel.County, "P1", "counties", "inland", "available", "needed");

    /// <summary>UNP002: P2: every inland county of the province (<c>inland</c>) already takes as many Xinjiang counties as allowed (none has a place left).</summary>
    public static FindingDescriptor InlandCountiesTaken { get; } = NewForProvince("UNP002", PairingLevel.County, "P2", "counties", "inland", "available", "needed");

    /// <summary>UNP003: P3: the inland counties of the province (<c>inland</c>) have no school.</summary>
    public static FindingDescriptor NoInlandSchools { get; } = NewForProvince("UNP003", PairingLevel.County, "P3", "schools", "inland", "available", "needed");

    /// <summary>UNP004: P4: no inland school that could still take one of its schools (a place left in it and in its inland county) has the classes and students free for any; the closest (<c>inland</c>) has too few classes free.</summary>
    public static FindingDescriptor CountyClassesShort { get; } = New("UNP004", PairingLevel.County, "P4", "classes", "inland", "available", "needed");

    /// <summary>UNP005: P4: no inland school that could still take one of its schools (a place left in it and in its inland county) has the classes and students free for any; the closest (<c>inland</c>) has too few students free.</summary>
    public static FindingDescriptor CountyStudentsShort { get; } = New("UNP005", PairingLevel.County, "P4", "students", "inland", "available", "needed");

    /// <summary>UNP006: P4: no inland school that could still take one of its schools (a place left in it and in its inland county) has the classes and students free for any; the closest (<c>inland</c>) has too few classes free, and too few students as well.</summary>
    public static FindingDescriptor CountyBothShort { get; } = New("UNP006", PairingLevel.County, "P4", "classes", "inland", "available", "needed");

    /// <summary>UNP007: P4: the inland counties of the province (<c>inland</c>) that could take another Xinjiang county have no school with room left for any of its schools.</summary>
    public static FindingDescriptor CountyNoRoom { get; } = NewForProvince("UNP007", PairingLevel.County, "P4", "schools", "inland", "available", "needed");

    /// <summary>UNP011: P3: its county is not paired, so no inland school can be chosen for it.</summary>
    public static FindingDescriptor CountyUnpaired { get; } = New("UNP011", PairingLevel.School, "P3", null);

    /// <summary>UNP012: P3: its county's paired inland county (<c>inland</c>) has no school.</summary>
    public static FindingDescriptor NoSchoolsInCounty { get; } = New("UNP012", PairingLevel.School, "P3", "schools", "inland", "available", "needed");

    /// <summary>UNP013: P3: every school of the paired inland county (<c>inland</c>) already takes as many Xinjiang schools as allowed (none has a place left), and one of them would meet P4 for it.</summary>
    public static FindingDescriptor SchoolsTaken { get; } = New("UNP013", PairingLevel.School, "P3", "schools", "inland", "available", "needed");

    /// <summary>UNP014: P4: no school of the paired inland county has room for it; the closest with a place left (<c>inland</c>) has too few classes left.</summary>
    public static FindingDescriptor NoRoomClasses { get; } = New("UNP014", PairingLevel.School, "P4", "classes", "inland", "available", "needed");

    /// <summary>UNP015: P4: no school of the paired inland county has room for it; the closest with a place left (<c>inland</c>) has too few students left.</summary>
    public static FindingDescriptor NoRoomStudents { get; } = New("UNP015", PairingLevel.School, "P4", "students", "inland", "available", "needed");

    /// <summary>UNP016: P4: no school of the paired inland county has room for it; the closest with a place left (<c>inland</c>) has too few classes and too few students left.</summary>
    public static FindingDescriptor NoRoomBoth { get; } = New("UNP016", PairingLevel.School, "P4", "classes", "inland", "available", "needed");

    /// <summary>UNP017: P4: no school of the paired inland county has as many classes and students; the closest (<c>inland</c>) has too few classes.</summary>
    public static FindingDescriptor SchoolClassesShort { get; } = New("UNP017", PairingLevel.School, "P4", "classes", "inland", "available", "needed");

    /// <summary>UNP018: P4: no school of the paired inland county has as many classes and students; the closest (<c>inland</c>) has too few students.</summary>
    public static FindingDescriptor SchoolStudentsShort { get; } = New("UNP018", PairingLevel.School, "P4", "students", "inland", "available", "needed");

    /// <summary>UNP019: P4: no school of the paired inland county has as many classes and students; the closest (<c>inland</c>) has too few classes, and too few students as well.</summary>
    public static FindingDescriptor SchoolBothShort { get; } = New("UNP019", PairingLevel.School, "P4", "classes", "inland", "available", "needed");

    /// <summary>UNP021: P5: the paired inland school (<c>inland</c>) has fewer classes in the grade than its Xinjiang schools bring.</summary>
    public static FindingDescriptor GradeClassesShort { get; } = New("UNP021", PairingLevel.Class, "P5", "classes", "inland", "grade", "available", "needed");

    /// <summary>UNP022: P5: its school is not paired, so no inland class can be chosen for it.</summary>
    public static FindingDescriptor ClassSchoolUnpaired { get; } = New("UNP022", PairingLevel.Class, "P5", null);

    /// <summary>UNP031: P6: the paired inland school (<c>inland</c>) has fewer students in the grade than its Xinjiang schools bring.</summary>
    public static FindingDescriptor GradeStudentsShort { get; } = New("UNP031", PairingLevel.Student, "P6", "students", "inland", "grade", "available", "needed");

    /// <summary>UNP032: P6: its school is not paired, so no inland student can be chosen for it.</summary>
    public static FindingDescriptor StudentSchoolUnpaired { get; } = New("UNP032", PairingLevel.Student, "P6", null);

    /// <summary>
    /// What the numbers of a code count (the <c>counted</c> column): <c>counties</c>, <c>schools</c>, <c>classes</c> or
    /// <c>students</c>; null for a code without numbers (a unit unpaired because the unit above it is).
    /// </summary>
    /// <param name="descriptor">An <c>UNP</c> descriptor.</param>
    /// <returns>The word, as the file has it, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> is null.</exception>
    public static string? CountedBy(FindingDescriptor descriptor)
    {
        return ByCode.TryGetValue(Guard.NotNull(descriptor).Code, out var entry) ? entry.Counted : null;
    }

    /// <summary>The level of unit an <c>UNP</c> code explains, as declared with it (never read from the code's digits).</summary>
    /// <param name="descriptor">An <c>UNP</c> descriptor.</param>
    /// <exception cref="ArgumentException"><paramref name="descriptor"/> is not an <c>UNP</c> descriptor.</exception>
    internal static PairingLevel LevelOf(FindingDescriptor descriptor)
    {
        if (!ByCode.TryGetValue(Guard.NotNull(descriptor).Code, out var entry))
        {
            Throw.Argument(nameof(descriptor), "is not an unpaired code");
        }

        return entry.Level;
    }

    /// <summary>Every <c>UNP</c> descriptor, in code order.</summary>
    public static IReadOnlyList<FindingDescriptor> All => Declared;

    /// <summary>The <c>UNP</c> descriptor with this code.</summary>
    /// <param name="code">The code, such as <c>UNP021</c>.</param>
    /// <param name="descriptor">The descriptor, when there is one.</param>
    /// <returns>Whether the code is an <c>UNP</c> code.</returns>
    public static bool TryGet(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FindingDescriptor? descriptor)
    {
        descriptor = code is not null && ByCode.TryGetValue(code, out var entry) ? entry.Descriptor : null;
        return descriptor is not null;
    }

    /// <summary>A county-level shortfall whose <c>inland</c> unit is the supporting province (rendered with its name).</summary>
    private static FindingDescriptor NewForProvince(string code, PairingLevel level, string rule, string? counted, params string[] arguments) =>
        Add(new FindingDescriptor(code, Category, FindingSeverity.Warning, rule, Messages, arguments)
        {
            ProvinceArguments = new HashSet<string>([.. FindingDescriptor.DefaultProvinceArguments, "inland"], StringComparer.Ordinal),
        }, level, counted);

    private static FindingDescriptor New(string code, PairingLevel level, string rule, string? counted, params string[] arguments) =>
        Add(new FindingDescriptor(code, Category, FindingSeverity.Warning, rule, Messages, arguments), level, counted);

    private static FindingDescriptor Add(FindingDescriptor descriptor, PairingLevel level, string? counted)
    {
        var code = descriptor.Code;
        ByCode.Add(code, (descriptor, level, counted));
        Declared.Add(descriptor);
        return descriptor;
    }
}
