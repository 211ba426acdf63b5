using Pairing.Cli;

namespace Pairing.Core.Tests.Cli;

/// <summary><c>pairing report</c>, run in-process.</summary>
public sealed class ReportCommandTests : CliTestBase
{
    [Fact]
    public void Report_of_a_match_and_two_compliance_reports_is_written_and_equals_the_library_output()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "1000", "--seed", "9", "--activities", "--out", In("roster")).Code);
        Assert.Equal(0, Run("activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--as-of", "2015-06-30", "--out", In("june")).Code);
        Assert.Equal(0, Run("activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--as-of", "2015-01-31", "--out", In("january")).Code);

        var run = Run("report", In("roster"), In("roster", "pairing"), "--activities", In("june"), "--activities", In("january"), "--out", In("out", "report.html"));

        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("report.html", run.Out, StringComparison.Ordinal);
        var html = File.ReadAllText(In("out", "report.html"));
        var doc = Reports.PairingReportTests.Parse(html);
        Assert.Contains(doc.Descendants("svg"), e => e.Attribute("data-chart")?.Value == "three-ones-over-time");
        Assert.Contains("2015-01-31", html, StringComparison.Ordinal);

        var roster = Core.Files.Rosters.RosterFiles.Read(In("roster")).GetValueOrThrow();
        var result = Core.Files.Results.PairingResultFiles.Read(In("roster", "pairing")).GetValueOrThrow();
        var expected = Core.Reports.PairingReport.Render(roster, result,
            [Pairing.Core.Files.Compliance.ComplianceReportFiles.ReadSnapshot(In("january")).GetValueOrThrow(), Pairing.Core.Files.Compliance.ComplianceReportFiles.ReadSnapshot(In("june")).GetValueOrThrow()]);
        Assert.Equal(expected, html);
    }

    [Fact]
    public void Every_bad_option_is_listed_at_once()
    {
        var run = Run("report", In("roster"), In("result"), "--colour", "red");

        Assert.Equal(2, run.Code);
        Assert.Contains("--out", run.Err, StringComparison.Ordinal);
        Assert.Contains("--colour", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_inputs_are_all_reported_and_nothing_is_written()
    {
        var run = Run("report", In("no-roster"), In("no-result"), "--activities", In("no-compliance"), "--out", In("report.html"));

        Assert.Equal(2, run.Code);
        Assert.Contains("no-roster", run.Err, StringComparison.Ordinal);
        Assert.Contains("no-result", run.Err, StringComparison.Ordinal);
        Assert.Contains("no-compliance", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(In("report.html")));
    }
}
