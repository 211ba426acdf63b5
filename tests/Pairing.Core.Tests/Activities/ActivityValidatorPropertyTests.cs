using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Hierarchy;
using static Pairing.Core.Tests.Activities.ActivitySamples;

namespace Pairing.Core.Tests.Activities;

/// <summary>Invariants of the validator over random activity logs of the sample programme, good and bad records mixed.</summary>
public sealed class ActivityValidatorPropertyTests
{
    private static readonly string[] Students = ["X1", "X2", "X3", "X9", "N1", "N2", "N3", "N9"];
    private static readonly string[] Partners = ["X1", "N1", "X2", "N2", "X3", "N3"];
    private static readonly string[] Schools = ["XS1", "NS1", "XS2", "NS2"];
    private static readonly string[] Units = [Province, InlandCounty, "110000"];

    /// <summary>A random activity log: a seed and a number of records.</summary>
    public sealed record Log(int Seed, int Count)
    {
        public List<ActivityRecord> Records() => Build(Seed, Count, "r");

        public static List<ActivityRecord> Build(int seed, int count, string prefix)
        {
            var random = new Random(seed);
            var start = D("2014-06-15");
            var records = new List<ActivityRecord>(count);
            for (var i = 0; i < count; i++)
            {
                var id = new ActivityId($"{prefix}{i}");
                var date = start.AddDays(random.Next(400));
                var kind = (ActivityKind)random.Next(1, 11);
                string Student()
                {
                    // Mostly partners, so that rules get met; sometimes anyone, so that some records break them.
                    if (random.Next(5) == 0)
                    {
                        return Students[random.Next(Students.Length)];
                    }

                    return Partners[random.Next(Partners.Length)];
                }

                records.Add(kind switch
                {
                    ActivityKind.SchoolExchange => new ActivityRecord(id, kind, date, unitId: Schools[random.Next(4)], toId: Schools[random.Next(4)]),
                    ActivityKind.Camp => new ActivityRecord(id, kind, date, date.AddDays(random.Next(10)), unitId: Units[random.Next(3)], count: random.Next(20, 90)),
                    ActivityKind.FamilyEvent => new ActivityRecord(id, kind, date, unitId: Units[random.Next(3)], count: random.Next(1, 30), consent: (FamilyConsent)random.Next(1, 4)),
                    ActivityKind.DeedDone => new ActivityRecord(id, kind, date, fromId: Student()),
                    _ => PartnerRecord(id, kind, date, random, Student),
                });
            }

            return records;
        }

        private static ActivityRecord PartnerRecord(ActivityId id, ActivityKind kind, DateOnly date, Random random, Func<string> student)
        {
            var from = student();
            var index = Array.IndexOf(Partners, from);
            var to = index >= 0 && random.Next(6) != 0 ? Partners[index ^ 1] : student();
            return new ActivityRecord(id, kind, date, fromId: from, toId: to);
        }
    }

    public static class Generators
    {
        public static Arbitrary<Log> Logs() =>
            (from seed in Gen.Choose(0, int.MaxValue - 1)
             from count in Gen.Choose(0, 120)
             select new Log(seed, count)).ToArbitrary();
    }

    private static readonly PlanDates[] Plans = [new(new(Province), D("2014-07-19"), D("2014-08-02"), D("2014-09-03"))];

    private static byte[] Bytes(ComplianceReport report)
    {
        using var stream = new MemoryStream();
        ComplianceReportFiles.WriteCompliance(report, stream);
        ComplianceReportFiles.WriteRollupCsv(report, stream);
        ComplianceReportFiles.WriteRollupJson(report, stream);
        return stream.ToArray();
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 50)]
    public void The_order_of_the_records_never_changes_the_report(Log log, int shuffleSeed)
    {
        var records = log.Records();
        var shuffled = records.ToList();
        var random = new Random(shuffleSeed);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
        Assert.Equal(Bytes(Validate(records, plans: Plans)), Bytes(Validate(shuffled, plans: Plans)));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 50)]
    public void Adding_a_record_never_turns_met_into_missing(Log log, int extraSeed)
    {
        var records = log.Records();
        var extra = Log.Build(extraSeed, 1, "extra")[0];
        var before = Validate(records, plans: Plans).Entries.Where(e => e.Status == ComplianceStatus.Met).ToList();
        var after = Validate([.. records, extra], plans: Plans).Entries.Where(e => e.Level != ComplianceLevel.Record).ToDictionary(e => (e.Rule, e.Level, e.SubjectId));
        foreach (var met in before)
        {
            Assert.True(after.TryGetValue((met.Rule, met.Level, met.SubjectId), out var now), $"{met.Rule} {met.SubjectId} disappeared");
            Assert.NotEqual(ComplianceStatus.Missing, now.Status);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 50)]
    public void Every_violation_names_a_record_or_a_plan(Log log)
    {
        var records = log.Records();
        var ids = records.Select(r => r.Id.Value).ToHashSet(StringComparer.Ordinal);
        var report = Validate(records, plans: Plans);
        foreach (var entry in report.Entries.Where(e => e.Status == ComplianceStatus.Violated))
        {
            if (entry.Level == ComplianceLevel.Record)
            {
                Assert.Contains(entry.SubjectId, ids);
            }
            else
            {
                Assert.Equal((ComplianceLevel.Province, Province), (entry.Level, entry.SubjectId));
                Assert.True(entry.Rule is ActivityRule.S2 or ActivityRule.S3 or ActivityRule.S4);
            }

            Assert.Equal(entry.Rule.ToString(), entry.Finding.Rule ?? entry.Rule.ToString());
            Assert.Contains(" / ", Pairing.Core.Findings.FindingRenderer.Default.Render(entry.Finding, Pairing.Core.Findings.FindingLanguage.ChineseAndEnglish), StringComparison.Ordinal);
        }

        Assert.All(report.Entries.Where(e => e.Level == ComplianceLevel.Record), e => Assert.Equal(ComplianceStatus.Violated, e.Status));
        Assert.Equal(report.Entries.Count, report.Entries.Select(e => (e.Rule, e.Level, e.SubjectId, e.Code, e.UnitId)).Distinct().Count());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 30)]
    public void Records_round_trip_through_the_file_and_validate_the_same(Log log)
    {
        var records = log.Records();
        using var stream = new MemoryStream();
        ActivityFiles.Write(records, stream);
        var read = ActivityFiles.Parse(stream.ToArray());
        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        Assert.Equal(records, read.Value!.Records);
        Assert.Equal(Bytes(Validate(records)), Bytes(Validate(read.Value!.Records)));
    }
}
