using System.Text;
using System.Text.Json;
using Pairing.Core.Activities;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Tests.Rosters;
using static Pairing.Core.Tests.Activities.ActivitySamples;
using Pairing.Core.Files;

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

    [Fact]
    public void Compliance_read_back_gives_the_same_typed_entries_in_every_language()
    {
        var report = Validate(
        [
            .. Complete("X1", "N1", "p1"),
            Camp("2015-01-20", "2015-01-25", Province, 30, "camp-30"),
            Family("2014-08-10", InlandCounty, 12, FamilyConsent.All),
        ]);
        foreach (var language in Enum.GetValues<Pairing.Core.Findings.FindingLanguage>())
        {
            using var dir = new TempDirectory();
            ComplianceReportFiles.Write(report, dir.Path, language);

            var read = ComplianceReportFiles.ReadEntries(dir.Path).GetValueOrThrow();

            Assert.Equal(report.Entries, read);
            Assert.Contains(read, e => e.Code == "CMP809" && e.Count == 30 && e.Required == 50);
        }
    }

    [Fact]
    public void A_compliance_row_that_does_not_fit_its_code_is_refused_with_its_line()
    {
        var report = Validate([.. Complete("X1", "N1", "p1"), Camp("2015-01-20", "2015-01-25", Province, 30, "camp-30")]);
        using var dir = new TempDirectory();
        ComplianceReportFiles.Write(report, dir.Path);
        var path = dir.File("compliance.csv");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var camp = Array.FindIndex(lines, l => l.StartsWith("A5,record,camp-30,violated,CMP809,", StringComparison.Ordinal));
        lines[camp] = lines[camp].Replace(",30,50,", ",many,50,", StringComparison.Ordinal);
        lines[1] = lines[1].Replace("CMP101", "CMP999", StringComparison.Ordinal);
        File.WriteAllLines(path, lines, new UTF8Encoding(true));

        var e = Assert.Throws<InputRejectedException>(() => ComplianceReportFiles.ReadEntries(dir.Path).GetValueOrThrow());
        Assert.Contains("compliance.csv:2: error RES025: compliance.csv: code is 'CMP999'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"compliance.csv:{camp + 1}: error RES025: compliance.csv: count is 'many', expected a whole number for code CMP809", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>A compliance folder read back lists every problem, located, instead of throwing.</summary>
public sealed class ComplianceFolderProblemsTests : IDisposable
{
    private readonly Rosters.TempDirectory _temp = new();

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_missing_or_broken_compliance_folder_gives_located_findings()
    {
        var missingRead = ComplianceReportFiles.ReadEntries(Dir);
        var missing = missingRead.Findings;
        Assert.False(missingRead.IsValid);
        var none = missingRead.Value;
        Assert.Null(none);
        Assert.Equal("RES001", Assert.Single(missing).Code);
        var noRollupRead = Pairing.Core.Files.Compliance.ComplianceReportFiles.ReadSnapshot(Dir);
        var noRollup = noRollupRead.Findings;
        Assert.False(noRollupRead.IsValid);
        Assert.Equal("RES001", Assert.Single(noRollup).Code);

        Directory.CreateDirectory(Dir);
        File.WriteAllText(Path.Combine(Dir, ComplianceReportFiles.ComplianceFile), "rule,level,subject_id,status,code,unit_id,count,required\nA9,pair,X|Y,met,CMP999,,,\n");
        File.WriteAllText(Path.Combine(Dir, ComplianceReportFiles.RollupJsonFile), "{ \"statuses\": 3 }");
        var rowsRead = ComplianceReportFiles.ReadEntries(Dir);
        var rows = rowsRead.Findings;
        Assert.False(rowsRead.IsValid);
        Assert.All(rows, p => Assert.Equal(new Pairing.Core.Findings.FindingLocation(ComplianceReportFiles.ComplianceFile, Line: 2), p.Location));
        Assert.Contains(rows, p => p.Code == "RES025" && ((string)p["error"]).StartsWith("code is 'CMP999'", StringComparison.Ordinal));
        var rollupRead = Pairing.Core.Files.Compliance.ComplianceReportFiles.ReadSnapshot(Dir);
        var rollup = rollupRead.Findings;
        Assert.False(rollupRead.IsValid);
        Assert.Equal("RES012", Assert.Single(rollup).Code);
        Assert.Throws<InputRejectedException>(() => ComplianceReportFiles.ReadEntries(Dir).GetValueOrThrow());
    }
}
