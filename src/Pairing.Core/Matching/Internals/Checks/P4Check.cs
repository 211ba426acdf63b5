using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// P4 (CHK026–CHK029): an inland school has no fewer classes and students than the Xinjiang school it takes, and than
/// the Xinjiang schools it takes together. A school pair that a continuity row says is last term's, kept though P4 no
/// longer holds, is judged by <see cref="ToleranceCheck"/> instead.
/// </summary>
internal sealed class P4Check(CheckContext context) : ResultCheck(context)
{
    private readonly ToleranceCheck _tolerance = new(context);

    protected override PairingLevel? Level => PairingLevel.School;

    /// <summary>P4 for one school pair of roster schools on the right sides.</summary>
    public void Check(SchoolPair p, School s, School t, string subject, FindingSubject about)
    {
        var xs = Roster.ClassesIn(s.Id);
        var ns = Roster.ClassesIn(t.Id);
        var xStudents = xs.Sum(c => c.Size);
        var nStudents = ns.Sum(c => c.Size);
        if (_tolerance.Claimed(p) is { } row)
        {
            _tolerance.Check(row, xs.Count, ns.Count, xStudents, nStudents, subject, about);
            return;
        }

        if (ns.Count < xs.Count)
        {
            Add(CheckFindings.SchoolClassesShort, subject, about, A("inland", t.Id.Value), A("available", ns.Count), A("needed", xs.Count));
        }

        if (nStudents < xStudents)
        {
            Add(CheckFindings.SchoolStudentsShort, subject, about, A("inland", t.Id.Value), A("available", nStudents), A("needed", xStudents));
        }
    }

    /// <summary>
    /// P4 on the sums: an inland school that takes several Xinjiang schools has no fewer classes and students than
    /// they have together. Grades are not checked here: a school pair may be short in a grade, and then the class
    /// and student levels list what could not be paired.
    /// </summary>
    public void CheckSums()
    {
        foreach (var group in Context.SchoolOf.GroupBy(p => p.Value).Where(g => g.Count() > 1).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            var inland = Roster.ClassesIn(group.Key);
            var xinjiang = group.SelectMany(p => Roster.ClassesIn(p.Key)).ToList();
            var about = Unit(PairingLevel.School, group.Key.Value);
            if (inland.Count < xinjiang.Count)
            {
                Add(CheckFindings.SumClassesShort, group.Key.Value, about,
                    A("inland", group.Key.Value), A("available", inland.Count), A("schools", group.Count()), A("needed", xinjiang.Count));
            }

            long have = inland.Sum(c => (long)c.Size), need = xinjiang.Sum(c => (long)c.Size);
            if (have < need)
            {
                Add(CheckFindings.SumStudentsShort, group.Key.Value, about,
                    A("inland", group.Key.Value), A("available", have), A("schools", group.Count()), A("needed", need));
            }
        }
    }
}
