using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Activities;

public sealed class ActivityGeneratorTests
{
    private static readonly Lazy<(Roster Roster, PairingResult Result)> Programme = new(() =>
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 3_000, Seed = 7 });
        return (roster, SimplePairing.Pair(roster));
    });

    [Fact]
    public void The_log_is_mostly_on_schedule_with_a_share_behind_and_the_deliberate_violations()
    {
        var (roster, result) = Programme.Value;
        Assert.True(result.StudentPairs.Count > 2_000, $"{result.StudentPairs.Count} pairs of {roster.CountsOf(Pairing.Core.Hierarchy.Side.Xinjiang)}");
        var records = ActivityGenerator.Generate(roster, result, seed: 1, schoolYear: 2014);
        var report = ActivityValidator.Validate(roster, result, records, new DateOnly(2015, 6, 30));

        var pairs = result.StudentPairs.Count;
        var a3 = report.Count(ActivityRule.A3, ComplianceStatus.Met);
        Assert.InRange(a3, pairs * 0.7, pairs * 0.9);
        Assert.InRange(report.Count(ActivityRule.A1, ComplianceStatus.Missing), 1, pairs * 0.1);
        Assert.InRange(report.Count(ActivityRule.A1, ComplianceStatus.Warning), 1, pairs * 0.2);
        Assert.True(report.Count(ActivityRule.A4, ComplianceStatus.Met) > 0);
        Assert.True(report.Count(ActivityRule.A4, ComplianceStatus.Warning) > 0);
        Assert.Equal(0, report.Count(ActivityRule.A5, ComplianceStatus.Missing));

        var violations = report.Entries.Where(e => e.Status == ComplianceStatus.Violated).ToList();
        Assert.Equal(5, violations.Count);
        Assert.Equal(
            ["CMP802", "CMP803", "CMP809", "CMP810", "CMP812"],
            violations.Select(v => v.Code).Order(StringComparer.Ordinal));
        Assert.Contains(violations, v => v.Code == "CMP809" && v.Count == 30 && v.Required == 50);
    }

    [Fact]
    public void The_same_seed_gives_the_same_log_in_date_order()
    {
        var (roster, result) = Programme.Value;
        var first = ActivityGenerator.Generate(roster, result, seed: 5, schoolYear: 2014);
        var second = ActivityGenerator.Generate(roster, result, seed: 5, schoolYear: 2014);
        Assert.Equal(first, second);
        Assert.NotEqual(first, ActivityGenerator.Generate(roster, result, seed: 6, schoolYear: 2014));
        Assert.True(first.Zip(first.Skip(1)).All(p => p.First.Date <= p.Second.Date && p.First.Id < p.Second.Id));

        using var stream = new MemoryStream();
        ActivityFiles.Write(first, stream);
        var read = ActivityFiles.Parse(stream.ToArray());
        Assert.True(read.IsValid, string.Join("\n", read.Problems.Take(5)));
        Assert.Equal(first, read.Records);
    }

    [Fact]
    public void Without_violations_and_with_everyone_on_schedule_every_must_rule_is_met()
    {
        var (roster, result) = Programme.Value;
        var records = ActivityGenerator.Generate(roster, result, seed: 3, schoolYear: 2014, behindShare: 0, deliberateViolations: false);
        var report = ActivityValidator.Validate(roster, result, records, new DateOnly(2015, 6, 30));
        Assert.DoesNotContain(report.Entries, e => e.Status is ComplianceStatus.Violated or ComplianceStatus.Missing);
        Assert.Equal(result.StudentPairs.Count, report.Programme.A3Completed);
    }
}
