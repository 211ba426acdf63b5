using Pairing.Cli;
using Pairing.Core.Activities;

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
}
