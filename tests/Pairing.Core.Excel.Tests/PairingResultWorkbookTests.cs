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
