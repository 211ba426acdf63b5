using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Rosters;
using static Pairing.Core.Tests.Activities.ActivitySamples;

namespace Pairing.Core.Tests.Activities;

/// <summary>The example at the top of docs/activities.md, run end to end through files.</summary>
public sealed class ActivitiesDocsExampleTests
{
    [Fact]
    public void The_docs_example_runs_from_files_to_a_report_folder()
    {
        using var dir = new TempDirectory();
        RosterFiles.Write(ActivitySamples.Roster, dir.File("roster"));
        ActivityFiles.Write([.. Complete("X1", "N1", "p1"), Camp("2015-01-20", "2015-01-25", Province, 30, "camp-30")], dir.File("activities.csv"));
        ActivityFiles.WriteHolidays(new HolidayCalendar([new Holiday(new(Province), 2015, HolidayKind.Winter, D("2015-01-25"), D("2015-03-05"))]), dir.File("holidays.csv"));

        // As in the docs:
        var roster = RosterFiles.Read(dir.File("roster")).GetValueOrThrow();
        var result = Result;
        var read = ActivityFiles.Read(dir.File("activities.csv"), dir.File("holidays.csv"));
        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        var report = ActivityValidator.Validate(roster, result, read.Value!.Records, asOf: new DateOnly(2015, 6, 30), read.Value!.Holidays);
        ComplianceReportFiles.Write(report, dir.File("report"));

        var lines = File.ReadAllLines(dir.File(Path.Combine("report", "compliance.csv")));
        Assert.Contains(lines, l => l.StartsWith("A5,record,camp-30,violated,CMP809,370000,30,50,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("A5,record,camp-30,violated,CMP810,370000,,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("A1,pair,X1|N1,met,", StringComparison.Ordinal));
        Assert.True(File.Exists(dir.File(Path.Combine("report", "rollup.json"))));
    }
}
