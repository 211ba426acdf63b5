using Pairing.Core.Activities;
using Pairing.Core.Excel;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Compliance;

namespace Pairing.Core.Tests.Cli;

/// <summary><c>activities</c> with the records in a workbook (issue 12, item 1).</summary>
public sealed class ActivitiesWorkbookCommandTests : CliTestBase
{
    [Fact]
    public void Records_in_a_workbook_give_the_same_report_as_the_same_records_in_csv()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--seed", "4", "--activities", "--out", In("roster")).Code);
        var records = ActivityFiles.Read(In("roster", "activities.csv")).GetValueOrThrow().Records;
        ActivityWorkbooks.Write(records, In("activities.xlsx"));

        var csv = Run("activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--as-of", "2015-06-30", "--out", In("from-csv"));
        var book = Run("activities", In("roster"), In("roster", "pairing"), In("activities.xlsx"), "--as-of", "2015-06-30", "--out", In("from-xlsx"));

        Assert.Equal(0, csv.Code);
        Assert.Equal(0, book.Code);
        foreach (var file in ComplianceReportFiles.FileNames)
        {
            Assert.Equal(File.ReadAllBytes(In("from-csv", file)), File.ReadAllBytes(In("from-xlsx", file)));
        }
    }

    [Fact]
    public async Task A_damaged_cell_of_a_records_workbook_is_listed_by_sheet_and_cell()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--activities", "--out", In("roster")).Code);
        await using (var stream = File.Create(In("bad.xlsx")))
        {
            await using var book = await SpreadCheetah.Spreadsheet.CreateNewAsync(stream);
            await book.StartWorksheetAsync("activities");
            await book.AddRowAsync([new SpreadCheetah.DataCell("activity_id"), new("kind"), new("date")]);
            await book.AddRowAsync([new SpreadCheetah.DataCell("A1"), new("letter"), new("2014-13-01")]);
            await book.FinishAsync();
        }

        var run = Run("activities", In("roster"), In("roster", "pairing"), In("bad.xlsx"), "--out", In("report"));

        Assert.Equal(2, run.Code);
        Assert.Contains("bad.xlsx!activities!C2 (date)", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(In("report")));
    }
}
