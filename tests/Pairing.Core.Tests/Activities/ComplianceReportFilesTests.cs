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

        // Files people open carry a BOM so that Excel reads their Chinese.
        var bytes = File.ReadAllBytes(dir.File("compliance.csv"));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var compliance = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = compliance.Split('\n');
        Assert.Equal("rule,level,subject_id,status,code,unit_id,count,required,detail", lines[0]);
        Assert.Equal("A1,pair,X1|N1,met,CMP101,X1|N1,5,4,结对交友信已互写；此后书信 5 封（到统计日应至少 4 封） / friendship letters written both ways; regular letters since: 5 (expected by now: 4)", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("A5,record,camp-30,violated,CMP809,370000,30,50,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("A5,province,370000,missing,CMP502,370000,0,1,", StringComparison.Ordinal));
        Assert.Equal(report.Entries.Count + 2, lines.Length);
        Assert.DoesNotContain('\r', compliance);

        var rollup = File.ReadAllText(dir.File("rollup.csv"));
        Assert.StartsWith("level,subject_id,pairs,a1_completed,a2_completed,a3_completed,camps_held,camps_valid,families_reached,camps_too_small,camps_outside_holidays,camp_minimum\nschool_pair,XS1|NS1,2,1,1,1,,,,,,\n", rollup, StringComparison.Ordinal);
        Assert.Contains("\nprovince,370000,3,1,1,1,1,0,12,1,0,50\n", rollup, StringComparison.Ordinal);
        Assert.EndsWith("programme,programme,3,1,1,1,1,0,12,1,0,\n", rollup, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllBytes(dir.File("rollup.json")));
        var root = json.RootElement;
        Assert.Equal("2015-06-30", root.GetProperty("as_of").GetString());
        Assert.Equal("2014-07-01", root.GetProperty("programme_year").GetProperty("start").GetString());
        Assert.Equal(1, root.GetProperty("statuses").GetProperty("A5").GetProperty("violated").GetInt32());
        Assert.Equal(3, root.GetProperty("programme").GetProperty("pairs").GetInt32());
        Assert.Equal(12, root.GetProperty("provinces")[0].GetProperty("families_reached").GetInt32());
        Assert.Equal(2, root.GetProperty("school_pairs").GetArrayLength());
        Assert.False(root.GetProperty("school_pairs")[0].TryGetProperty("camps_held", out _));
        Assert.Equal(1, root.GetProperty("programme").GetProperty("camps_too_small").GetInt32());
        var thresholds = root.GetProperty("thresholds");
        Assert.Equal(1, thresholds.GetProperty("camps_per_year").GetInt32());
        Assert.Equal(50, thresholds.GetProperty("camp_minimum").GetProperty("370000").GetInt32());
        Assert.Equal("2014-07-01", thresholds.GetProperty("holidays")[0].GetProperty("start").GetString());
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
