using Pairing.Core.Findings;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// Why an inland school cannot take a Xinjiang school, in numbers: P4, the one hard rule on a school pair (no fewer
/// classes and no fewer students in total, beside the Xinjiang schools it already takes when several share it). A grade
/// with too few classes or students is no reason here: it is explained at the class (P5) and student (P6) levels.
/// </summary>
/// <param name="Count">How many of the two totals fall short (0, 1 or 2).</param>
/// <param name="ClassesShort">Whether the classes fall short.</param>
/// <param name="StudentsShort">Whether the students fall short.</param>
/// <param name="Available">What the inland school has (free): classes when they fall short, else students.</param>
/// <param name="Needed">What the Xinjiang school needs, in the same unit.</param>
internal readonly record struct Shortfall(int Count, bool ClassesShort, bool StudentsShort, int Available, int Needed)
{
    /// <summary>Inland school t against Xinjiang school s, on t's whole totals (free: false) or on what its partners leave (free: true).</summary>
    public static Shortfall Of(RosterView v, PlanState? state, int t, int s)
    {
        var classes = state is null ? v.SchoolClassCount[t] : state.FreeClassTotal[t];
        var students = state is null ? v.SchoolStudentCount[t] : state.FreeStudentTotal[t];
        var classesShort = classes < v.SchoolClassCount[s];
        var studentsShort = students < v.SchoolStudentCount[s];
        return classesShort
            ? new Shortfall(studentsShort ? 2 : 1, true, studentsShort, classes, v.SchoolClassCount[s])
            : new Shortfall(studentsShort ? 1 : 0, false, studentsShort, students, v.SchoolStudentCount[s]);
    }

    /// <summary>
    /// The inland school among <paramref name="inland"/> that comes closest to taking <paramref name="s"/>: fewest
    /// shortfalls, then most students, then the order given. -1 when <paramref name="inland"/> is empty.
    /// </summary>
    public static (int School, Shortfall Shortfall) Closest(RosterView v, PlanState? state, ReadOnlySpan<int> inland, int s)
    {
        var best = -1;
        Shortfall bestShortfall = default;
        foreach (var t in inland)
        {
            var shortfall = Of(v, state, t, s);
            if (best < 0 || shortfall.Count < bestShortfall.Count
                || (shortfall.Count == bestShortfall.Count && v.SchoolStudentCount[t] > v.SchoolStudentCount[best]))
            {
                best = t;
                bestShortfall = shortfall;
            }
        }

        return (best, bestShortfall);
    }

    /// <summary>Of three codes (classes short, students short, both), the one this shortfall is.</summary>
    public FindingDescriptor Pick(FindingDescriptor classes, FindingDescriptor students, FindingDescriptor both) =>
        ClassesShort ? (StudentsShort ? both : classes) : students;

    /// <summary>The finding's arguments: the inland school, what it has, what is needed.</summary>
    public FindingArgument[] Arguments(string inlandId) =>
        [FindingArgument.Of("inland", inlandId), FindingArgument.Of("available", Available), FindingArgument.Of("needed", Needed)];
}
