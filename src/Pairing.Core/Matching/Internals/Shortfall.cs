using System.Globalization;
using System.Text;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// Why an inland school cannot be paired with a Xinjiang school, in numbers: P4, the one hard rule on a school pair
/// (no fewer classes and no fewer students in total), with each shortfall spelled out. A grade with too few classes
/// or students is no reason here: it is explained at the class (P5) and student (P6) levels.
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
