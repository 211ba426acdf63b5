using Pairing.Core.Excel;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Cli;

/// <summary>The commands take a workbook wherever they take a roster or result folder (issue 12).</summary>
public class WorkbookCommandTests : CliTestBase
{
    private string Workbook()
    {
        Directory.CreateDirectory(Folder);
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 9 });
        var path = In("roster.xlsx");
        RosterWorkbooks.Write(roster, path);
        return path;
    }

    [Fact]
    public void Check_takes_a_workbook()
    {
        var (code, output, _) = Run("check", Workbook());

        Assert.Equal(0, code);
        Assert.Contains("roster.xlsx is a valid roster", output.Replace('\n', ' '), StringComparison.Ordinal); // wrapped at 80 columns
    }

    [Fact]
    public void Match_takes_a_workbook_and_writes_one_that_reads_back()
    {
        var book = Workbook();

        var (code, _, error) = Run("match", book, "--out", In("result.xlsx"));

        Assert.True(code == 0, error);
        var result = PairingResultWorkbook.Read(In("result.xlsx")).GetValueOrThrow();
        Assert.NotEmpty(result.StudentPairs);
        var (verify, _, verifyError) = Run("verify", book, In("result.xlsx"));
        Assert.True(verify == 0, verifyError);
    }

    [Fact]
    public void A_workbook_beside_the_CSV_files_is_an_error_not_silently_ignored()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 9 });
        RosterFiles.Write(roster, In("roster"));
        File.Delete(In("roster", "students.csv"));
        RosterWorkbooks.Write(roster, In("roster", "students.xlsx"));

        var (code, output, _) = Run("check", In("roster"));

        Assert.Equal(2, code);
        Assert.Contains("CSV files (counties.csv, schools.csv, classes.csv) would be ignored: students.xlsx", output, StringComparison.Ordinal);
        Assert.DoesNotContain("valid counts-only roster", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_given_as_the_roster_folder_is_named_as_a_file()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(In("roster.csv"), "county_id\n");

        var (code, _, error) = Run("check", In("roster.csv"));

        Assert.Equal(2, code);
        Assert.Contains("is a file, not a roster folder or workbook", error, StringComparison.Ordinal);
        Assert.DoesNotContain("is not in the roster folder", error, StringComparison.Ordinal);
    }
}
