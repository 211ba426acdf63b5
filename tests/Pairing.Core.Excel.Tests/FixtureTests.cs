using System.Diagnostics;
using Pairing.Core.Excel.Internals;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Files.Tables;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Xunit.Abstractions;

namespace Pairing.Core.Excel.Tests;

/// <summary>
/// Files from a real spreadsheet program: the fixtures that Fixtures/make-fixtures.sh makes with LibreOffice Calc
/// from the generated roster in Fixtures/roster, each read as its source roster or failing with the located problem
/// expected; and a workbook the library writes, opened in LibreOffice and converted back to CSV there.
/// </summary>
public class FixtureTests(ITestOutputHelper output)
{
    private static Roster Source() => RosterFiles.Read(TestFolder.Fixture("roster")).GetValueOrThrow();

    private static Dictionary<string, string> Written(Roster roster, TestFolder folder, string name)
    {
        var path = folder.File(name);
        RosterFiles.Write(roster, path);
        return TestFolder.Contents(path);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public void Four_workbooks_saved_by_LibreOffice_read_as_the_source_roster(string kind)
    {
        using var folder = new TestFolder();

        var read = RosterWorkbooks.Read(TestFolder.Fixture(kind));

        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        Assert.Equal(Written(Source(), folder, "source"), Written(read.Value, folder, "read"));
    }

    [Fact]
    public void CSV_saved_by_LibreOffice_in_GB18030_with_CRLF_reads_as_the_source_roster()
    {
        using var folder = new TestFolder();

        var read = RosterFiles.Read(TestFolder.Fixture("gb18030"));

        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        Assert.Equal(Written(Source(), folder, "source"), Written(read.Value, folder, "read"));
    }

    [Fact]
    public void Excel_typical_damage_gives_only_the_located_lost_ids()
    {
        // Decimal grades and sizes (7.0) read as Calc shows them, and the empty rows at the end are skipped; the
        // three 18-digit student ids Calc kept to 15 digits are each named, with nothing following from them.
        var read = RosterWorkbooks.Read(TestFolder.Fixture("damaged"));

        var errors = read.Errors.ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal(["A2", "A3", "A4"], errors.Select(e => $"A{e.Location?.Line}"));
        Assert.All(errors, e =>
        {
            Assert.Equal("students.xlsx", e.Location?.File);
            Assert.Equal("students", e.Location?.Sheet);
            Assert.Equal("ROS019", e.Code);
            Assert.Contains("E notation", e.ToString(), StringComparison.Ordinal);
        });
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void A_result_workbook_the_library_writes_opens_in_LibreOffice()
    {
        var soffice = FindSoffice();
        if (soffice is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "soffice (libreoffice-calc-nogui) must be installed under CI: .ci/run installs it");
            output.WriteLine("SKIPPED: soffice is not installed (apt-get install -y libreoffice-calc-nogui); the test runs under CI=true");
            return;
        }

        using var folder = new TestFolder();
        var roster = Source();
        var result = new PairingMatcher().Match(roster);
        var book = folder.File("result.xlsx");
        PairingResultWorkbook.Write(result, book, roster, includeTimings: false);
        PairingResultFiles.Write(result, folder.File("csv"), includeTimings: false);

        // All sheets to CSV (the last token, -1), UTF-8: one file result-<sheet>.csv per sheet.
        var start = new ProcessStartInfo(soffice)
        {
            ArgumentList =
            {
                $"-env:UserInstallation=file://{folder.File("profile")}", "--headless",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", folder.File("lo"), book,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "soffice did not finish in 5 minutes");
            Assert.Equal(0, process.ExitCode);
        }

        foreach (var (sheet, file) in new[] { ("县结对", "county_pairs"), ("学校结对", "school_pairs"), ("班级结对", "class_pairs"), ("学生结对", "student_pairs") })
        {
            var converted = File.ReadAllLines(Path.Combine(folder.File("lo"), $"result-{sheet}.csv"));
            var expected = File.ReadAllLines(Path.Combine(folder.File("csv"), file + ".csv"));

            // Row 1 is the Chinese header, the values are in Chinese (是/否), and names stand beside county and school ids;
            // mapped back through the 说明 sheet's table, the rest is the CSV file.
            var header = converted[0].Split(',').Select(ColumnNames.EnglishOf).ToArray();
            Assert.DoesNotContain(converted[0].Split(','), h => h.Contains('_', StringComparison.Ordinal));
            var keep = Enumerable.Range(0, header.Length).Where(i => !header[i].EndsWith("_name", StringComparison.Ordinal)).ToArray();
            var rows = converted.Skip(1).Select(l => string.Join(',', keep.Select(i => WorkbookLabels.MachineValue(header[i], l.Split(',')[i]))));
            Assert.Equal(expected, (string[])[string.Join(',', keep.Select(i => header[i])), .. rows]);
        }

        var summary = File.ReadAllLines(Path.Combine(folder.File("lo"), "result-摘要.csv"));
        Assert.StartsWith("项目,数值,字段,原值", summary[0], StringComparison.Ordinal);
        Assert.Contains(summary, l => l.StartsWith("县：已结对," + result.Summary.Counties.Paired.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",levels.county.paired,", StringComparison.Ordinal));
        PairingResultFiles.Write(PairingResultWorkbook.Read(book).GetValueOrThrow(), folder.File("read"), includeTimings: false);
        Assert.Equal(TestFolder.Contents(folder.File("csv")), TestFolder.Contents(folder.File("read")));
    }

    private static string? FindSoffice() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "soffice"))
            .FirstOrDefault(File.Exists);
}
