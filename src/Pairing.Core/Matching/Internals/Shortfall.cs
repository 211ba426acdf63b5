using System.Globalization;
using System.Text;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// Why an inland school cannot take a Xinjiang school whole, in numbers: the rule of the first measure that falls
/// short (P4 for the totals, P5 for a grade's classes, P6 for a grade's students) and every shortfall spelled out.
/// </summary>
internal readonly record struct Shortfall(int Count, PairingRule Rule, string Text)
{
    public static Shortfall Of(RosterView v, int t, int s)
    {
        var id = v.Roster.SchoolArray[t].Id.Value;
        var parts = new StringBuilder();
        var count = 0;
        PairingRule? rule = null;
        void Add(PairingRule r, string text)
        {
            rule ??= r;
            count++;
            if (parts.Length > 0)
            {
                parts.Append("; ");
            }

            parts.Append(text);
        }

        if (v.SchoolClassCount[t] < v.SchoolClassCount[s])
        {
            Add(PairingRule.P4, Say($"inland school {id} has {v.SchoolClassCount[t]} classes, {v.SchoolClassCount[s]} are needed"));
        }

        if (v.SchoolStudentCount[t] < v.SchoolStudentCount[s])
        {
            Add(PairingRule.P4, Say($"inland school {id} has {v.SchoolStudentCount[t]} students, {v.SchoolStudentCount[s]} are needed"));
        }

        for (var g = 0; g < RosterView.Grades; g++)
        {
            int have = v.GradeClasses[(t * RosterView.Grades) + g], need = v.GradeClasses[(s * RosterView.Grades) + g];
            if (have < need)
            {
                Add(PairingRule.P5, Say($"inland school {id} offers {have} grade-{g + 7} classes, {need} are needed"));
            }
        }

        for (var g = 0; g < RosterView.Grades; g++)
        {
            int have = v.GradeStudents[(t * RosterView.Grades) + g], need = v.GradeStudents[(s * RosterView.Grades) + g];
            if (have < need)
            {
                Add(PairingRule.P6, Say($"inland school {id} has {have} grade-{g + 7} students, {need} are needed"));
            }
        }

        return new Shortfall(count, rule ?? PairingRule.P3, parts.ToString());
    }

    /// <summary>The inland school among <paramref name="inland"/> that comes closest to taking <paramref name="s"/>: fewest shortfalls, then most students, then id.</summary>
    public static (int School, Shortfall Shortfall) Closest(RosterView v, ReadOnlySpan<int> inland, int s)
    {
        var best = -1;
        Shortfall bestShortfall = default;
        foreach (var t in inland)
        {
            var shortfall = Of(v, t, s);
            if (best < 0 || shortfall.Count < bestShortfall.Count
                || (shortfall.Count == bestShortfall.Count && v.SchoolStudentCount[t] > v.SchoolStudentCount[best]))
            {
                best = t;
                bestShortfall = shortfall;
            }
        }

        return (best, bestShortfall);
    }

    public static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
