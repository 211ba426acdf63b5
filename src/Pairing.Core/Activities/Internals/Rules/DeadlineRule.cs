using Pairing.Core.Findings;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// S2–S4, the timeline (工作安排): schools and students reported by 20 July (S2), county and school pairs fixed by 31
/// July (S3), class and student pairs made after the new term starts (S4), for every province whose plan dates the
/// caller gave.
/// </summary>
internal sealed class DeadlineRule(ActivityIndex index) : RuleChecker(index)
{
    public override void Emit(List<ReportRow> rows)
    {
        var options = Index.Options;
        foreach (var plan in Index.Plans.Values)
        {
            var province = plan.Province.Value;
            var dataDue = ActivityValidationOptions.Within(Index.YearStart, options.DataDue);
            var pairsDue = ActivityValidationOptions.Within(Index.YearStart, options.PairsDue);
            var term = plan.TermStarted ?? ActivityValidationOptions.Within(Index.YearStart, options.TermStart);
            rows.Add(ByDeadline(ActivityRule.S2, province, plan.DataReported, dataDue,
                ComplianceFindings.DataReportedOnTime, ComplianceFindings.DataReportedLate, ComplianceFindings.DataNotReported));
            rows.Add(ByDeadline(ActivityRule.S3, province, plan.CountyAndSchoolPairsFixed, pairsDue,
                ComplianceFindings.PairsFixedOnTime, ComplianceFindings.PairsFixedLate, ComplianceFindings.PairsNotFixed));

            var made = plan.ClassAndStudentPairsMade;
            var subject = new FindingSubject("province", province);
            var row = made switch
            {
                null => (ComplianceStatus.Missing, ComplianceFindings.ClassPairsNotMade.Create(subject, null)),
                { } m when m >= term => (ComplianceStatus.Met, ComplianceFindings.ClassPairsAfterTermStart.Create(subject, null)),
                { } m => (ComplianceStatus.Violated, ComplianceFindings.ClassPairsBeforeTermStart.Create(
                    subject, null, FindingArgument.Of("count", term.DayNumber - m.DayNumber))),
            };
            rows.Add(ReportRow.Of(ActivityRule.S4, ComplianceLevel.Province, row.Item1, province, province, row.Item2));
        }
    }

    private static ReportRow ByDeadline(
        ActivityRule rule, string province, DateOnly? done, DateOnly due, FindingDescriptor onTime, FindingDescriptor late, FindingDescriptor missing)
    {
        var subject = new FindingSubject("province", province);
        var (status, finding) = done switch
        {
            null => (ComplianceStatus.Missing, missing.Create(subject, null)),
            { } d when d <= due => (ComplianceStatus.Met, onTime.Create(subject, null)),
            { } d => (ComplianceStatus.Violated, late.Create(subject, null, FindingArgument.Of("count", d.DayNumber - due.DayNumber))),
        };
        return ReportRow.Of(rule, ComplianceLevel.Province, status, province, province, finding);
    }
}
