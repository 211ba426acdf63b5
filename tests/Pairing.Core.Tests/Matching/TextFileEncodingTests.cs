using System.Text;
using Pairing.Core.Activities;
using Pairing.Core.Files;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Files.Results;
using Pairing.Core.Findings;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Tests.Rosters;
using static Pairing.Core.Tests.Activities.ActivitySamples;

namespace Pairing.Core.Tests.Matching;

/// <summary>The files people open in UTF-8 with a BOM or in GB18030 (issue 12, item 5); the machine-facing files unchanged.</summary>
public sealed class TextFileEncodingTests
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    private static readonly string[] PeopleFiles = [PairingResultFiles.UnpairedFile, ComplianceReportFiles.ComplianceFile, ComplianceReportFiles.RollupCsvFile];

    private static PairingResult ResultWithUnpaired(out PairingResult previous)
    {
        // Too few inland students: units are left unpaired, with Chinese reasons; a previous year gives continuity rows.
        var year1 = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 11, InlandRatio = 0.6 });
        previous = new PairingMatcher().Match(year1);
        var year2 = RosterGenerator.NextYear(year1, NextYearOptions.LargeChanges());
        var result = new PairingMatcher().Match(year2, previous: previous);
        Assert.NotEmpty(result.Unpaired);
        Assert.NotEmpty(result.Continuity);
        return result;
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);

    [Fact]
    public void A_result_in_either_encoding_reads_back_the_same_and_only_unpaired_csv_differs()
    {
        var result = ResultWithUnpaired(out _);
        using var dir = new TempDirectory();
        var utf8 = Path.Combine(dir.Path, "utf8");
        var gb = Path.Combine(dir.Path, "gb18030");
        PairingResultFiles.Write(result, utf8, includeTimings: false);
        PairingResultFiles.Write(result, gb, includeTimings: false, encoding: TextFileEncoding.Gb18030);

        var a = Files(utf8);
        var b = Files(gb);
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(PairingResultFiles.ContinuityFile, a.Keys);
        foreach (var (file, bytes) in a)
        {
            if (file == PairingResultFiles.UnpairedFile)
            {
                // The same text: with a BOM in UTF-8, without one in GB18030, whose bytes are not UTF-8.
                Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
                Assert.NotEqual(Encoding.UTF8.Preamble.ToArray(), b[file][..3]);
                Assert.Equal(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), Gb18030.GetString(b[file]));
                Assert.Contains("内地", Gb18030.GetString(b[file]), StringComparison.Ordinal);
                Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(b[file]));
            }
            else
            {
                // The pair files, continuity.csv and summary.json keep today's bytes whatever is chosen.
                Assert.Equal(bytes, b[file]);
            }
        }

        var fromUtf8 = PairingResultFiles.Read(utf8).GetValueOrThrow();
        var fromGb = PairingResultFiles.Read(gb).GetValueOrThrow();
        Assert.Equal(result.Unpaired, fromGb.Unpaired);
        Assert.Equal(fromUtf8.Unpaired, fromGb.Unpaired);
        Assert.Equal(result.Continuity, fromGb.Continuity);
        Assert.Equal(ResultBytes.Of(fromUtf8), ResultBytes.Of(fromGb));
    }

    [Fact]
    public void The_default_is_utf8_with_a_bom_as_before()
    {
        var result = ResultWithUnpaired(out _);
        using var dir = new TempDirectory();
        PairingResultFiles.Write(result, Path.Combine(dir.Path, "default"), includeTimings: false);
        PairingResultFiles.Write(result, Path.Combine(dir.Path, "utf8"), includeTimings: false, encoding: TextFileEncoding.Utf8WithBom);
        Assert.Equal(Files(Path.Combine(dir.Path, "default")), Files(Path.Combine(dir.Path, "utf8")));
    }

    [Fact]
    public void A_compliance_report_in_either_encoding_reads_back_the_same_entries_and_rollup_json_is_unchanged()
    {
        var report = Validate(
        [
            .. Complete("X1", "N1", "p1"),
            Camp("2015-01-20", "2015-01-25", Province, 30, "camp-30"),
            Family("2014-08-10", InlandCounty, 12, FamilyConsent.All),
        ]);
        using var dir = new TempDirectory();
        var utf8 = Path.Combine(dir.Path, "utf8");
        var gb = Path.Combine(dir.Path, "gb18030");
        ComplianceReportFiles.Write(report, utf8);
        ComplianceReportFiles.Write(report, gb, FindingLanguage.ChineseAndEnglish, TextFileEncoding.Gb18030);

        var a = Files(utf8);
        var b = Files(gb);
        Assert.Equal(a[ComplianceReportFiles.RollupJsonFile], b[ComplianceReportFiles.RollupJsonFile]);
        foreach (var file in PeopleFiles.Where(a.ContainsKey))
        {
            Assert.Equal(Encoding.UTF8.Preamble.ToArray(), a[file][..3]);
            Assert.Equal(Encoding.UTF8.GetString(a[file], 3, a[file].Length - 3), Gb18030.GetString(b[file]));
        }

        Assert.NotEqual(a[ComplianceReportFiles.ComplianceFile], b[ComplianceReportFiles.ComplianceFile]);
        Assert.Equal(report.Entries, ComplianceReportFiles.ReadEntries(gb).GetValueOrThrow());
        Assert.Equal(ComplianceReportFiles.ReadEntries(utf8).GetValueOrThrow(), ComplianceReportFiles.ReadEntries(gb).GetValueOrThrow());
    }

    [Fact]
    public void An_encoding_that_is_not_one_is_refused_before_anything_is_written()
    {
        var result = ResultWithUnpaired(out _);
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "out");
        Assert.Throws<ArgumentOutOfRangeException>(() => PairingResultFiles.Write(result, target, encoding: (TextFileEncoding)7));
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
