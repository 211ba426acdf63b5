using Pairing.Cli;
using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Compliance;

namespace Pairing.Core.Tests.Cli;

/// <summary><c>generate --activities</c> and <c>activities</c>, run in-process.</summary>
public sealed class ActivitiesCommandTests : CliTestBase
{
    [Fact]
    public void Generated_log_checked_against_its_pairing_gives_a_report_with_the_deliberate_violations()
    {
        var generate = Run("generate", "--xinjiang-students", "1000", "--seed", "9", "--activities", "--out", In("roster"));
        Assert.Equal(0, generate.Code);
        Assert.True(File.Exists(In("roster", "activities.csv")));

        // 'pairing match' on the same roster reproduces the pairing the log refers to.
        Assert.Equal(0, Run("match", In("roster"), "--out", In("result")).Code);
        Assert.Equal(File.ReadAllBytes(In("roster", "pairing", "student_pairs.csv")), File.ReadAllBytes(In("result", "student_pairs.csv")));

        var check = Run("activities", In("roster"), In("result"), In("roster", "activities.csv"), "--as-of", "2015-06-30", "--out", In("report"));
        Assert.Equal(0, check.Code);
        Assert.Contains("A5", check.Out, StringComparison.Ordinal);
        var compliance = File.ReadAllLines(In("report", ComplianceReportFiles.ComplianceFile));
        Assert.Equal("rule,level,subject_id,status,code,unit_id,count,required,detail", compliance[0]);
        Assert.Contains(compliance, l => l.StartsWith("A5,record,", StringComparison.Ordinal) && l.Contains(",violated,CMP809,", StringComparison.Ordinal));
        Assert.Contains(compliance, l => l.StartsWith("A6,record,", StringComparison.Ordinal) && l.Contains(",violated,CMP812,", StringComparison.Ordinal));
        Assert.True(File.Exists(In("report", "rollup.json")));
    }

    [Fact]
    public void Bad_records_are_listed_and_nothing_is_checked()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--activities", "--out", In("roster")).Code);
        File.WriteAllText(In("bad.csv"), "activity_id,kind,date\nA1,letter,2014-13-01\nA2,telegram,2014-09-01\n");

        var run = Run("activities", In("roster"), In("roster", "pairing"), In("bad.csv"), "--out", In("report"));

        Assert.Equal(2, run.Code);
        Assert.Contains("bad.csv:2", run.Err, StringComparison.Ordinal);
        Assert.Contains("bad.csv:3", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(In("report")));
    }

    [Fact]
    public void Bad_options_are_listed_together()
    {
        var run = Run("activities", "r", "p", "a.csv", "--as-of", "2015-02-30");
        Assert.Equal(2, run.Code);
        Assert.Contains("--as-of", run.Err, StringComparison.Ordinal);
        Assert.Contains("--out", run.Err, StringComparison.Ordinal);

        var both = Run("generate", "--xinjiang-students", "600", "--counts-only", "--activities", "--out", In("x"));
        Assert.Equal(2, both.Code);
        Assert.Contains("--counts-only", both.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Activities_without_as_of_checks_the_programme_year_the_records_fall_in_and_says_so()
    {
        // Issue 22, item 1: 2014-15 records checked years later were all "missing" against the current year.
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--seed", "9", "--activities", "--out", In("roster")).Code);

        var en = Run("activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--out", In("en"), "--language", "en");
        var zh = Run("activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--out", In("zh"), "--language", "zh");
        var given = Run("activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--as-of", "2015-06-30", "--out", In("given"));

        Assert.Equal(0, en.Code);
        Assert.Contains("No --as-of given: checked the programme year the records fall in, 2014-07-01 to 2015-06-30.", en.Out.Replace('\n', ' '), StringComparison.Ordinal);
        Assert.Contains("未指定 --as-of：已检查记录所在的活动年度，2014-07-01 至 2015-06-30。", zh.Out.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("CMP901", en.Err, StringComparison.Ordinal);
        // The same report as with the year's last day given by hand.
        Assert.Equal(File.ReadAllBytes(In("given", ComplianceReportFiles.ComplianceFile)), File.ReadAllBytes(In("en", ComplianceReportFiles.ComplianceFile)));
        var report = Pairing.Core.Files.Compliance.ComplianceReportFiles.ReadSnapshot(In("en")).GetValueOrThrow();
        Assert.Equal(new DateOnly(2015, 6, 30), report.AsOf);
        Assert.True(report.Programme.A1Completed > 0);
    }

    [Fact]
    public void Records_before_the_year_checked_are_counted_in_a_warning_in_both_languages()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--seed", "9", "--activities", "--out", In("roster")).Code);
        var records = ActivityFiles.Read(In("roster", "activities.csv")).GetValueOrThrow().Records;
        var before = records.Count(r => r.Date < new DateOnly(2016, 7, 1) && r.Date >= new DateOnly(2014, 7, 1));
        Assert.True(before > 0);

        var en = Run("activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--as-of", "2017-06-30", "--out", In("en"), "--language", "en");
        var zh = Run("activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--as-of", "2017-06-30", "--out", In("zh"), "--language", "zh");

        Assert.Equal(0, en.Code);
        Assert.Contains($"warning CMP901: {before} records", en.Err, StringComparison.Ordinal);
        Assert.Contains("before the programme year checked (2016-07-01 to 2017-06-30)", en.Err, StringComparison.Ordinal);
        Assert.Contains("CMP901", zh.Err, StringComparison.Ordinal);
        Assert.Contains("早于所检查的活动年度（2016-07-01 至 2017-06-30）", zh.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_as_of_is_today_within_the_records_year_and_the_years_last_day_after_it()
    {
        ActivityRecord Letter(DateOnly date) => new(new ActivityId("L" + date.DayNumber), ActivityKind.Letter, date, fromId: "X1", toId: "N1");
        var records = new[] { Letter(new(2014, 9, 1)), Letter(new(2015, 3, 1)) };

        Assert.Equal(new DateOnly(2015, 6, 30), ActivityValidator.DefaultAsOf(records, new DateOnly(2026, 12, 7)));
        Assert.Equal(new DateOnly(2015, 5, 1), ActivityValidator.DefaultAsOf(records, new DateOnly(2015, 5, 1)));
        // A record after today is not "the year the records fall in": it is reported as after the as-of date.
        Assert.Equal(new DateOnly(2014, 10, 1), ActivityValidator.DefaultAsOf(records, new DateOnly(2014, 10, 1)));
        Assert.Equal(new DateOnly(2026, 12, 7), ActivityValidator.DefaultAsOf([], new DateOnly(2026, 12, 7)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Generate_and_activities_wrap_their_summaries_and_say_what_was_written_first(string language)
    {
        // Issue 22, item 10: summary lines of 135 to 186 characters, and "paired it into" before "wrote a roster to".
        var generate = Run("generate", "--xinjiang-students", "600", "--seed", "9", "--activities", "--out", In("roster"), "--language", language);
        var next = Run("generate", "--next-year", In("roster"), "--out", In("next"), "--language", language);
        var activities = Run("activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--out", In("report"), "--language", language);

        foreach (var run in new[] { generate, next, activities })
        {
            Assert.Equal(0, run.Code);
            Assert.All(run.Out.Split('\n'), line => Assert.True(Pairing.Cli.Text.TextLayout.Width(line) <= 80, line));
        }

        var wrote = generate.Out.IndexOf(In("roster") + (language == "en" ? ":" : "："), StringComparison.Ordinal);
        var paired = generate.Out.IndexOf(In("roster", "pairing"), StringComparison.Ordinal);
        Assert.True(wrote >= 0 && paired > wrote, generate.Out);
    }
}
