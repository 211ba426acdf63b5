using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// The CON013 and CON017 rows of <c>continuity.csv</c> (CHK109, CHK111): a school pair kept from last term (or from the
/// plan) though P4 no longer holds (strict P4 off) gives its first shortfall, recounted here; a pair that meets P4 claims
/// no tolerance. That a CON013 pair is last term's is checked against the previous result when one is given (a row for a
/// pair it lacks is found); that a CON017 pair is the plan's cannot be, the plan not being given to the checker.
/// Its verdicts judge a row of <c>continuity.csv</c>, not a pair against the rules: they carry no level.
/// </summary>
internal sealed class ToleranceCheck(CheckContext context) : ResultCheck(context)
{
    private Dictionary<(string, string), ContinuityEntry>? _tolerated;

    protected override PairingLevel? Level => null;

    /// <summary>
    /// The continuity row that says school pair <paramref name="p"/> is last term's, kept though P4 no longer holds
    /// (<c>CON013</c>, or <c>CON017</c> for the plan's, status kept, rule P4); null when there is none or P4 is strict (then P4 is checked as for any pair).
    /// </summary>
    public ContinuityEntry? Claimed(SchoolPair p)
    {
        if (Options.StrictP4)
        {
            return null;
        }

        _tolerated ??= Result.Continuity
            .Where(e => e.Level == PairingLevel.School && e.Status == ContinuityStatus.Kept && (e.Code == ContinuityFindings.KeptShort.Code || e.Code == ContinuityFindings.PlanKeptShort.Code) && e.Rule == PairingRule.P4)
            .GroupBy(e => (e.XinjiangId, e.InlandId))
            .ToDictionary(g => g.Key, g => g.First());
        return _tolerated.GetValueOrDefault((p.Xinjiang.Value, p.Inland.Value));
    }

    /// <summary>The row's numbers against the pair's: its Xinjiang school's classes and students, and its inland school's.</summary>
    public void Check(ContinuityEntry row, int xClasses, int nClasses, int xStudents, int nStudents, string subject, FindingSubject about)
    {
        var (counted, have, need) = nClasses < xClasses ? ("classes", (long)nClasses, (long)xClasses)
            : nStudents < xStudents ? ("students", nStudents, xStudents)
            : ((string?)null, (long?)null, (long?)null);
        if (counted is null)
        {
            Add(CheckFindings.EveryRuleHolds, subject, about, A("code", row.Code), A("rule", RuleText(row.Rule)));
        }
        else if (row.Counted != counted || row.Available != have || row.Needed != need)
        {
            Add(CheckFindings.OtherContinuityNumbers, subject, about,
                A("rowAvailable", NumberOrNone(row.Available)), A("rowNeeded", NumberOrNone(row.Needed)), A("rowCounted", row.Counted ?? None),
                A("available", NumberOrNone(have)), A("needed", NumberOrNone(need)), A("counted", counted));
        }
    }
}
