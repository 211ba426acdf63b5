using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using SpreadCheetah;

namespace Pairing.Core.Excel.Tests;

public class ActivityWorkbooksTests
{
    private static readonly DataCell[] Header =
        [new("activity_id"), new("kind"), new("date"), new("end_date"), new("from_id"), new("to_id"), new("unit_id"), new("count"), new("consent"), new("detail")];

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

    private static string Csv(IEnumerable<ActivityRecord> records, string path)
    {
        ActivityFiles.Write(records, path);
        return Convert.ToBase64String(File.ReadAllBytes(path));
    }

    [Fact]
    public void Generated_records_written_as_a_workbook_read_back_as_the_same_records()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 7 });
        var result = new PairingMatcher().Match(roster);
        var records = ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { Seed = 7, DeliberateViolations = true });
        Assert.NotEmpty(records);
        var holidays = new HolidayCalendar([new Holiday(new ProvinceId("110000"), 2015, HolidayKind.Winter, new DateOnly(2015, 1, 20), new DateOnly(2015, 2, 25))]);
        var book = folder.File("activities.xlsx");
        ActivityWorkbooks.Write(records, book, holidays);

        var read = ActivityWorkbooks.Read(book);

        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        Assert.Empty(read.Findings);
        Assert.Equal(records, read.Value!.Records);
        Assert.Equal(Csv(records, folder.File("a.csv")), Csv(read.Value!.Records, folder.File("b.csv")));
        Assert.Equal(holidays.Holidays, read.Value!.Holidays.Holidays);

        // The same records as CSV read the same through ActivityFiles: the workbook is held to the CSV's checks.
        var csv = ActivityFiles.Read(folder.File("a.csv"));
        Assert.Equal(csv.Value!.Records, read.Value!.Records);
    }

    [Fact]
    public void Without_a_holidays_sheet_or_file_the_default_holidays_apply()
    {
        using var folder = new TestFolder();
        var book = folder.File("activities.xlsx");
        ActivityWorkbooks.Write([], book);

        var read = ActivityWorkbooks.Read(book);

        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        Assert.Empty(read.Value!.Records);
        Assert.Same(HolidayCalendar.Default, read.Value!.Holidays);
    }

    [Fact]
    public async Task A_damaged_cell_is_a_problem_located_by_workbook_sheet_and_cell()
    {
        using var folder = new TestFolder();
        var path = folder.File("book.xlsx");
        await Book(path, ("活动记录",
        [
            Header,
            [new("L1"), new("letter"), new("2014-09-15"), new(), new("S1"), new("S2"), new(), new(), new(), new()],
            [],
            [new("L2"), new("letter"), new("2014-13-01"), new(), new("S1"), new("S2"), new(), new(), new(), new()],
            [new("C1"), new("camp"), new("2015-07-10"), new("2015-07-20"), new(), new(), new("110000"), new("many"), new(), new()],
            [new("L3"), new("letter"), new("2014-09-16"), new(), new(653201123456789012d), new("S2"), new(), new(), new(), new()],
        ]));

        var read = ActivityWorkbooks.Read(path);

        Assert.False(read.IsValid);
        var errors = read.Errors.ToList();
        Assert.Equal(["ACF023", "ACF030", "ACF018"], errors.Select(e => e.Code));
        Assert.Equal("book.xlsx!活动记录!C4 (date)", errors[0].Location!.Value.ToString());
        Assert.Equal("book.xlsx!活动记录!H5 (count)", errors[1].Location!.Value.ToString());
        Assert.Equal("book.xlsx!活动记录!E6 (from_id)", errors[2].Location!.Value.ToString());
        Assert.StartsWith("book.xlsx!活动记录!C4 (date): error ACF023:", errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cells_typed_as_numbers_and_dates_read_as_the_text_a_person_sees()
    {
        using var folder = new TestFolder();
        var path = folder.File("activities.xlsx");
        var date = new SpreadCheetah.Styling.Style { Format = SpreadCheetah.Styling.NumberFormat.Standard(SpreadCheetah.Styling.StandardNumberFormat.ShortDate) };
        await using (var stream = File.Create(path))
        {
            await using var book = await Spreadsheet.CreateNewAsync(stream);
            await book.StartWorksheetAsync("Sheet1");
            var style = book.AddStyle(date);
            await book.AddRowAsync(Header);
            await book.AddRowAsync(new Cell[]
            {
                new("F1"), new("family-event"), new(new DataCell(new DateTime(2015, 1, 25)), style), new(string.Empty), new(string.Empty), new(string.Empty),
                new(110101), new(12), new("all"), new(string.Empty),
            });
            await book.FinishAsync();
        }

        var read = ActivityWorkbooks.Read(path);

        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        var record = Assert.Single(read.Value!.Records);
        Assert.Equal(new DateOnly(2015, 1, 25), record.Date);
        Assert.Equal("110101", record.UnitId);
        Assert.Equal(12, record.Count);
    }

    [Fact]
    public async Task Holidays_come_from_a_holidays_workbook_or_csv_with_their_problems_located()
    {
        using var folder = new TestFolder();
        var activities = folder.File("activities.xlsx");
        ActivityWorkbooks.Write([], activities);
        var holidays = folder.File("holidays.xlsx");
        await Book(holidays, ("假期",
        [
            [new("province_id"), new("year"), new("kind"), new("start"), new("end")],
            [new("110000"), new(2015), new("winter"), new("2015-01-20"), new("2015-02-25")],
            [new("110000"), new(2015), new("spring"), new("2015-04-01"), new("2015-04-05"), new(), new("?")],
        ]));

        var read = ActivityWorkbooks.Read(activities, holidays);

        Assert.False(read.IsValid);
        Assert.Equal(["ACF021"], read.Errors.Select(e => e.Code));
        Assert.Equal("holidays.xlsx!假期!C3 (kind)", read.Errors.Single().Location!.Value.ToString());
        var warning = Assert.Single(read.Warnings);
        Assert.Equal("ACF041", warning.Code);
        Assert.Equal("holidays.xlsx!假期!G3", warning.Location!.Value.ToString());

        var csv = folder.File("holidays.csv");
        File.WriteAllText(csv, "province_id,year,kind,start,end\n110000,2015,winter,2015-01-20,2015-02-25\n");
        var fromCsv = ActivityWorkbooks.Read(activities, csv);
        Assert.True(fromCsv.IsValid, string.Join("\n", fromCsv.Findings));
        Assert.Single(fromCsv.Value!.Holidays.Holidays);
    }

    [Fact]
    public async Task A_missing_or_damaged_workbook_an_empty_sheet_and_a_missing_column_are_problems()
    {
        using var folder = new TestFolder();
        var missing = ActivityWorkbooks.Read(folder.File("none.xlsx"));
        Assert.Equal(["ACF042"], missing.Errors.Select(e => e.Code));

        var damaged = folder.File("damaged.xlsx");
        File.WriteAllText(damaged, "activity_id,kind,date\n");
        Assert.Equal(["ACF037"], ActivityWorkbooks.Read(damaged).Errors.Select(e => e.Code));

        var directory = folder.File("folder.xlsx");
        Directory.CreateDirectory(directory);
        Assert.Equal(["ACF034"], ActivityWorkbooks.Read(directory).Errors.Select(e => e.Code));

        var empty = folder.File("empty.xlsx");
        await Book(empty, ("activities", [[], []]));
        var read = ActivityWorkbooks.Read(empty);
        Assert.Equal(["ACF040"], read.Errors.Select(e => e.Code));
        Assert.Equal("empty.xlsx!activities", read.Errors.Single().Location!.Value.ToString());

        var noDate = folder.File("nodate.xlsx");
        await Book(noDate, ("activities", [[], [new("activity_id"), new("kind")], [new("L1"), new("letter")]]));
        var column = Assert.Single(ActivityWorkbooks.Read(noDate).Errors);
        Assert.Equal("ACF009", column.Code);
        Assert.Equal("nodate.xlsx!activities!2 (date)", column.Location!.Value.ToString());
    }

    [Fact]
    public async Task An_id_card_number_in_any_cell_is_refused_without_its_value()
    {
        using var folder = new TestFolder();
        var path = folder.File("activities.xlsx");
        const string idCard = "11010519491231002X";
        await Book(path, ("activities",
        [
            Header,
            [new("L1"), new("letter"), new("2014-09-15"), new(), new("S1"), new("S2"), new(), new(), new(), new(idCard)],
            [new("L2"), new("letter"), new("2014-09-15"), new(), new("S1"), new("S2"), new(), new(), new(), new(), new(idCard)],
        ]));

        var read = ActivityWorkbooks.Read(path);

        Assert.Equal(["ACF013", "ACF013"], read.Errors.Select(e => e.Code));
        Assert.DoesNotContain(read.Findings, p => p.ToString().Contains(idCard, StringComparison.Ordinal));
        Assert.Equal("activities.xlsx!activities!J2 (detail)", read.Errors.First().Location!.Value.ToString());
    }
}
