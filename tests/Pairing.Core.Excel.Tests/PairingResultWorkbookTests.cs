using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel.Tests;

public class PairingResultWorkbookTests
{
    [Fact]
    public void A_result_workbook_reads_back_as_the_same_result()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5 });
        var result = new PairingMatcher().Match(roster);
        var book = folder.File("result.xlsx");
        PairingResultWorkbook.Write(result, book, roster);

        var read = PairingResultWorkbook.Read(book);

        PairingResultFiles.Write(result, folder.File("a"), includeTimings: false);
        PairingResultFiles.Write(read, folder.File("b"), includeTimings: false);
        Assert.Equal(TestFolder.Contents(folder.File("a")), TestFolder.Contents(folder.File("b")));
    }

    [Fact]
    public void A_result_with_a_previous_year_has_a_continuity_sheet_and_reads_back_equal()
    {
        using var folder = new TestFolder();
        var year1 = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5 });
        var previous = new PairingMatcher().Match(year1);
        var year2 = RosterGenerator.NextYear(year1, NextYearOptions.LargeChanges());
        var result = new PairingMatcher().Match(year2, previous: previous);
        Assert.NotEmpty(result.Continuity);
        Assert.Contains(result.Continuity, e => e.Status == ContinuityStatus.Dropped);
        var book = folder.File("result.xlsx");
        PairingResultWorkbook.Write(result, book, year2);

        var read = PairingResultWorkbook.Read(book);

        Assert.Equal(result.Continuity, read.Continuity);
        Assert.Equal(result.Summary.ContinuityCounts, read.Summary.ContinuityCounts);
        PairingResultFiles.Write(result, folder.File("a"), includeTimings: false);
        PairingResultFiles.Write(read, folder.File("b"), includeTimings: false);
        Assert.Equal(TestFolder.Contents(folder.File("a")), TestFolder.Contents(folder.File("b")));
        Assert.True(File.Exists(folder.File("a/continuity.csv")));
    }

    [Fact]
    public void The_continuity_sheet_has_chinese_headers_and_names_beside_county_and_school_ids()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5 });
        var previous = new PairingMatcher().Match(roster);
        var result = new PairingMatcher().Match(roster, previous: previous);
        var book = folder.File("result.xlsx");
        PairingResultWorkbook.Write(result, book, roster);

        using var workbook = Pairing.Core.Excel.Internals.Workbook.Open(book);
        Assert.Contains(PairingResultWorkbook.ContinuitySheet, workbook.SheetNames);
        var rows = workbook.Rows(PairingResultWorkbook.ContinuitySheet).Select(r => r.Cells.ToArray()).ToList();
        Assert.Equal(["层级", "新疆单位编号", "新疆单位名称", "内地单位编号", "内地单位名称"], rows[0][..5]);
        Assert.Equal(["level", "xinjiang_id", "xinjiang_name", "inland_id", "inland_name", "status"], rows[1][..6]);
        var county = rows.Skip(2).First(r => r[0] == "county");
        Assert.Equal(roster.Counties.Single(c => c.Id.Value == county[1]).Name, county[2]);
        var student = rows.Skip(2).First(r => r[0] == "student");
        Assert.Equal(string.Empty, student[2]);
        Assert.Equal(result.Continuity.Count, rows.Count - 2);
        Assert.Equal(result.Continuity, PairingResultWorkbook.Read(book).Continuity);
    }

    [Fact]
    public void A_planning_result_has_no_class_or_student_sheets_and_reads_back()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5, CountsOnly = true });
        var plan = new PairingMatcher().Plan(roster);
        var book = folder.File("plan.xlsx");
        PairingResultWorkbook.Write(plan, book);

        var read = PairingResultWorkbook.Read(book);

        Assert.Equal(plan.CountyPairs, read.CountyPairs);
        Assert.Equal(plan.SchoolPairs, read.SchoolPairs);
        Assert.Empty(read.ClassPairs);
    }
}
