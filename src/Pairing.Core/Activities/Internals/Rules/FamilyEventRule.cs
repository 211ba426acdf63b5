using Pairing.Core.Findings;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// A6, family friendship (各民族中学生家庭联谊): encouraged yearly for each paired inland county (a warning when there is
/// none), but only on a fully voluntary basis: an event without every family's consent breaks the rule.
/// </summary>
internal sealed class FamilyEventRule(ActivityIndex index) : RuleChecker(index)
{
    private const int Encouraged = 1;

    private readonly int[] _events = new int[index.InlandCounties.Count];
    private readonly long[] _families = new long[index.InlandCounties.Count];

    public override void Gather(int record, ActivityRecord r, int slot)
    {
        var unit = FindingArgument.Of("unit", r.UnitId!);
        if (!Index.InlandCountyIndex.TryGetValue(r.UnitId!, out var county))
        {
            Index.Violate(record, ComplianceFindings.FamilyEventHolderUnknown, r.UnitId!, unit);
            return;
        }

        if (r.Consent != FamilyConsent.All)
        {
            Index.Violate(record, ComplianceFindings.FamilyEventWithoutConsent, r.UnitId!, unit, FindingArgument.Of("count", r.Count!.Value));
            return;
        }

        _events[county]++;
        _families[county] += r.Count!.Value;
    }

    public override void Emit(List<ReportRow> rows)
    {
        for (var c = 0; c < Index.InlandCounties.Count; c++)
        {
            var events = _events[c];
            var subject = Index.InlandCounties[c];
            var met = events >= Encouraged;
            rows.Add(ReportRow.Of(ActivityRule.A6, ComplianceLevel.CountyPair, met ? ComplianceStatus.Met : ComplianceStatus.Warning, subject, subject,
                (met ? ComplianceFindings.FamilyEventsMet : ComplianceFindings.FamilyEventsNone).Create(
                    new FindingSubject("county_pair", subject), null, FindingArgument.Of("count", events), FindingArgument.Of("required", Encouraged))));
        }
    }

    public override void Contribute(RollupTally tally)
    {
        for (var c = 0; c < _families.Length; c++)
        {
            tally.CountyFamilies[c] = _families[c];
        }
    }
}
