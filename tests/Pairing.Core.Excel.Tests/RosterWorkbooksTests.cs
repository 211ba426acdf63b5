using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Rosters;
using SpreadCheetah;

namespace Pairing.Core.Excel.Tests;

public class RosterWorkbooksTests
{
    private static readonly RosterGeneratorOptions Small = new() { XinjiangStudents = 504, Seed = 3 };

    private static string Folder(Roster roster, TestFolder folder, string name)
    {
        var path = folder.File(name);
        RosterFiles.Write(roster, path);
        return path;
    }

    [Fact]
    public void A_written_workbook_reads_back_as_the_same_roster()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(Small);
        var path = folder.File("roster.xlsx");
        RosterWorkbooks.Write(roster, path);

        var read = RosterWorkbooks.Read(path);

        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        Assert.Equal(TestFolder.Contents(Folder(roster, folder, "a")), TestFolder.Contents(Folder(read.Value, folder, "b")));
    }

    private static async Task Book(string path, params (string Sheet, DataCell[][] Rows)[] sheets)
    {
        await using var stream = File.Create(path);
        await using var book = await Spreadsheet.CreateNewAsync(stream);
        foreach (var (sheet, rows) in sheets)
        {
            await book.StartWorksheetAsync(sheet);
            foreach (var row in rows)
            {
                await book.AddRowAsync(row);
            }
        }

        await book.FinishAsync();
    }

    private static (string, DataCell[][]) Counties(string sheet = "县") => (sheet,
    [
        [new("county_id"), new("side"), new("name"), new("unit")],
        [new(653201), new("xinjiang"), new("和田市"), new(653201)],
        [new(110101), new("inland"), new("东城区"), new(110000)],
    ]);

    private static (string, DataCell[][]) Schools() => ("学校",
    [
        [new("school_id"), new("county_id"), new("name")],
        [new("X1"), new(653201), new("和田市第1中学")],
        [new("N1"), new(110101), new("东城区第1中学")],
    ]);

    [Fact]
    public async Task Chinese_sheet_names_and_ids_typed_as_numbers_read_as_the_text_shown()
    {
        using var folder = new TestFolder();
        var path = folder.File("roster.xlsx");
        await Book(path, Counties(), Schools(), ("班级",
        [
            [new("class_id"), new("school_id"), new("grade"), new("size")],
            [new("XC1"), new("X1"), new(7), new(30)],
            [new("NC1"), new("N1"), new(7), new(31)],
            [new(string.Empty), new(string.Empty), new(string.Empty), new(string.Empty)],
        ]));

        var read = RosterWorkbooks.Read(path);

        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        Assert.Contains(read.Value.Counties, c => c.Id.Value == "653201" && c.Unit == "653201");
        Assert.False(read.Value.HasStudents);
    }

    [Fact]
    public async Task Every_bad_cell_is_located_by_workbook_sheet_and_cell()
    {
        using var folder = new TestFolder();
        var path = folder.File("roster.xlsx");
        await Book(path, Counties(), Schools(), ("班级",
        [
            [new("class_id"), new("school_id"), new("grade"), new("size")],
            [new("XC1"), new("X1"), new(13), new(30)],
            [new("NC1"), new("N1"), new(7), new("many")],
        ]));

        var read = RosterWorkbooks.Read(path);

        Assert.False(read.IsValid);
        var lines = read.Errors.Select(p => p.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("roster.xlsx!班级!C2 (grade): error ROS014: grade '13'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("roster.xlsx!班级!D3 (size): error ROS033:", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public async Task An_id_that_lost_its_digits_is_named_as_such_without_follow_on_errors()
    {
        using var folder = new TestFolder();
        var path = folder.File("roster.xlsx");
        await Book(path, Counties("counties"), Schools(), ("classes",
        [
            [new("class_id"), new("school_id"), new("grade")],
            [new("XC1"), new("X1"), new(7)],
            [new("NC1"), new("N1"), new(7)],
        ]), ("students",
        [
            [new("student_id"), new("class_id"), new("gender")],
            [new(653201123456789012d), new("XC1"), new("F")],
            [new(653201123456789013d), new("XC1"), new("F")],
            [new("N-1"), new("NC1"), new("M")],
        ]));

        var read = RosterWorkbooks.Read(path);

        var errors = read.Errors.ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains(e.Code, (string[])["ROS016", "ROS017", "ROS018", "ROS019"]));
        Assert.StartsWith("roster.xlsx!students!A2 (student_id): error ROS019: student_id '6.53201123456789E+17' is a number in E notation", errors[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("students", errors[1].Location?.Sheet);
        Assert.Equal(3, errors[1].Location?.Line);
    }

    [Fact]
    public async Task A_missing_sheet_is_named_with_the_sheets_there_are()
    {
        using var folder = new TestFolder();
        var path = folder.File("roster.xlsx");
        await Book(path, Counties(), ("Sheet2", [[new("x")]]));

        var read = RosterWorkbooks.Read(path);

        var errors = read.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("roster.xlsx has no sheet schools (or 学校)", StringComparison.Ordinal) && e.Contains("县, Sheet2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("no sheet classes (or 班级)", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_one_problem()
    {
        using var folder = new TestFolder();
        var path = folder.File("roster.xlsx");
        File.WriteAllText(path, "county_id,side\n");

        var read = RosterWorkbooks.Read(path);

        var error = Assert.Single(read.Errors);
        Assert.Contains(error.Code, (string[])["ROS045", "ROS047", "ROS048", "ROS049"]);
        Assert.Contains("cannot be read as a workbook", error.ToString(), StringComparison.Ordinal);
    }
}
