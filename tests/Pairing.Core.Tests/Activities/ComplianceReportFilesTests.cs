using System.Text;
using System.Text.Json;
using Pairing.Core.Activities;
using Pairing.Core.Tests.Rosters;
using static Pairing.Core.Tests.Activities.ActivitySamples;

namespace Pairing.Core.Tests.Activities;

public sealed class ComplianceReportFilesTests
{
    [Fact]
    public void Writes_the_three_files_of_the_format()
    {
        var report = Validate(
        [
            .. Complete("X1", "N1", "p1"),
            Camp("2015-01-20", "2015-01-25", Province, 30, "camp-30"),
            Family("2014-08-10", InlandCounty, 12, FamilyConsent.All),
        ]);
        using var dir = new TempDirectory();
        ComplianceReportFiles.Write(report, dir.Path);
        Assert.Equal(
            [ComplianceReportFiles.ComplianceFile, ComplianceReportFiles.RollupCsvFile, ComplianceReportFiles.RollupJsonFile],
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var compliance = File.ReadAllText(dir.File("compliance.csv"), Encoding.UTF8);
        var lines = compliance.Split('\n');
        Assert.Equal("rule,level,subject_id,status,detail", lines[0]);
        Assert.StartsWith("A1,pair,X1|N1,met,\"结对交友信：新疆→内地 2014-09-10", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("A5,record,camp-30,violated,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("A5,province,370000,missing,", StringComparison.Ordinal));
        Assert.Equal(report.Entries.Count + 2, lines.Length);
        Assert.DoesNotContain('\r', compliance);

        var rollup = File.ReadAllText(dir.File("rollup.csv"));
        Assert.StartsWith("level,subject_id,pairs,a1_completed,a2_completed,a3_completed,camps_held,camps_valid,families_reached\nschool_pair,XS1|NS1,2,1,1,1,,,\n", rollup, StringComparison.Ordinal);
        Assert.EndsWith("programme,programme,3,1,1,1,1,0,12\n", rollup, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllBytes(dir.File("rollup.json")));
        var root = json.RootElement;
        Assert.Equal("2015-06-30", root.GetProperty("as_of").GetString());
        Assert.Equal("2014-07-01", root.GetProperty("programme_year").GetProperty("start").GetString());
        Assert.Equal(1, root.GetProperty("statuses").GetProperty("A5").GetProperty("violated").GetInt32());
        Assert.Equal(3, root.GetProperty("programme").GetProperty("pairs").GetInt32());
        Assert.Equal(12, root.GetProperty("provinces")[0].GetProperty("families_reached").GetInt32());
        Assert.Equal(2, root.GetProperty("school_pairs").GetArrayLength());
        Assert.False(root.GetProperty("school_pairs")[0].TryGetProperty("camps_held", out _));
    }

    [Fact]
    public void The_same_report_gives_the_same_bytes()
    {
        var records = Complete("X1", "N1", "p1").ToList();
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        ComplianceReportFiles.Write(Validate(records), a.Path);
        records.Reverse();
        ComplianceReportFiles.Write(Validate(records), b.Path);
        foreach (var name in new[] { "compliance.csv", "rollup.csv", "rollup.json" })
        {
            Assert.Equal(File.ReadAllBytes(a.File(name)), File.ReadAllBytes(b.File(name)));
        }
    }
}
