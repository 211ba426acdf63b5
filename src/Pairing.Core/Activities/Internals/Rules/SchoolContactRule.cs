using Pairing.Core.Findings;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// A4, paired schools' league organisations keep in contact (加强结对学校共青团组织合作): encouraged, so a school pair
/// without any exchange this programme year is a warning, never an error. An exchange between schools that are not a
/// pair, or dated before the pair existed, breaks the rule.
/// </summary>
internal sealed class SchoolContactRule(ActivityIndex index) : RuleChecker(index)
{
    private const int Encouraged = 1;

    private readonly int[] _exchanges = new int[index.Result.SchoolPairs.Count];

    public override void Gather(int record, ActivityRecord r, int slot)
    {
        var unit = FindingArgument.Of("unit", r.UnitId!);
        if (!Index.SchoolPairIndex.TryGetValue((r.UnitId!, r.ToId!), out var pair))
        {
            Index.Violate(record, ComplianceFindings.SchoolsNotPaired, r.UnitId!, unit);
            return;
        }

        if (r.Date.DayNumber < Index.SchoolPairExists[pair])
        {
            Index.Violate(record, ComplianceFindings.ExchangeBeforeSchoolPair, r.UnitId!, unit);
            return;
        }

        _exchanges[pair]++;
    }

    public override void Emit(List<ReportRow> rows)
    {
        var pairs = Index.Result.SchoolPairs;
        for (var i = 0; i < pairs.Count; i++)
        {
            var k = _exchanges[i];
            var subject = $"{pairs[i].Xinjiang.Value}|{pairs[i].Inland.Value}";
            var code = k >= Encouraged ? ComplianceFindings.SchoolContactMet : ComplianceFindings.SchoolContactNone;
            rows.Add(ReportRow.Of(ActivityRule.A4, ComplianceLevel.SchoolPair, k >= Encouraged ? ComplianceStatus.Met : ComplianceStatus.Warning,
                subject, subject, code.Create(new FindingSubject("school_pair", subject), null, FindingArgument.Of("count", k), FindingArgument.Of("required", Encouraged))));
        }
    }
}
