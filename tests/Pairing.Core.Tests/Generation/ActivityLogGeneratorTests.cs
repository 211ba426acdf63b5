using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Testing;

namespace Pairing.Core.Tests.Generation;

public sealed class ActivityLogGeneratorTests
{
    private static readonly Lazy<(Roster Roster, PairingResult Result)> Programme = new(() =>
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 3_000, Seed = 7 });
        return (roster, SimplePairing.Pair(roster));
    });

    [Fact]
    public void Asked_for_them_the_log_is_mostly_on_schedule_with_a_share_behind_and_the_deliberate_violations()
    {
        var (roster, result) = Programme.Value;
        Assert.True(result.StudentPairs.Count > 2_000, $"{result.StudentPairs.Count} pairs of {roster.CountsOf(Pairing.Core.Hierarchy.Side.Xinjiang)}");
        var records = ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { Seed = 1, DeliberateViolations = true });
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
        var first = ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { Seed = 5 });
        var second = ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { Seed = 5 });
        Assert.Equal(first, second);
        Assert.NotEqual(first, ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { Seed = 6 }));
        Assert.True(first.Zip(first.Skip(1)).All(p => p.First.Date <= p.Second.Date && p.First.Id < p.Second.Id));

        using var stream = new MemoryStream();
        ActivityFiles.Write(first, stream);
        var read = ActivityFiles.Parse(stream.ToArray());
        Assert.True(read.IsValid, string.Join("\n", read.Findings.Take(5)));
        Assert.Equal(first, read.Value!.Records);
    }

    [Fact]
    public void Without_violations_and_with_everyone_on_schedule_every_must_rule_is_met()
    {
        var (roster, result) = Programme.Value;
        var records = ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { Seed = 3, BehindShare = 0 });
        var report = ActivityValidator.Validate(roster, result, records, new DateOnly(2015, 6, 30));
        Assert.DoesNotContain(report.Entries, e => e.Status is ComplianceStatus.Violated or ComplianceStatus.Missing);
        Assert.Equal(result.StudentPairs.Count, report.Programme.A3Completed);
    }

    [Fact]
    public void By_default_the_log_breaks_no_rule_and_is_the_requested_log_without_the_five_violations()
    {
        var (roster, result) = Programme.Value;

        var plain = ActivityLogGenerator.Generate(roster, result);
        var asked = ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { DeliberateViolations = true });
        var report = ActivityValidator.Validate(roster, result, plain, new DateOnly(2015, 6, 30));

        Assert.DoesNotContain(report.Entries, e => e.Status == ComplianceStatus.Violated);
        Assert.Equal(plain.Count + 5, asked.Count);
    }

    [Fact]
    public void Bad_options_are_refused_with_every_one_listed()
    {
        var (roster, result) = Programme.Value;
        var options = new ActivityLogGeneratorOptions { SchoolYear = 1800, BehindShare = double.NaN };

        var error = Assert.Throws<PairingOptionsException>(() => ActivityLogGenerator.Generate(roster, result, options));

        Assert.Equal(["SchoolYear", "BehindShare"], options.Validate().Select(f => f.Subject!.Value.Id));
        Assert.Contains("SchoolYear is 1800", error.Message, StringComparison.Ordinal);
        Assert.Contains("BehindShare is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_the_documented_values()
    {
        var options = new ActivityLogGeneratorOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((1L, 2014, 0.2, false), (options.Seed, options.SchoolYear, options.BehindShare, options.DeliberateViolations));
    }
}
