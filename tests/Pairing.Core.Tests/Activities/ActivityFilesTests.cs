using System.Text;
using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Findings;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Rosters;
using static Pairing.Core.Tests.Activities.ActivitySamples;
using Pairing.Core.Files;

namespace Pairing.Core.Tests.Activities;

public sealed partial class ActivityFilesTests
{
    private static ReadResult<ActivityLog> Parse(string activities, string? holidays = null) =>
        ActivityFiles.Parse(Encoding.UTF8.GetBytes(activities), holidays is null ? null : Encoding.UTF8.GetBytes(holidays));

    [Fact]
    public void Reads_every_kind_with_columns_in_any_order()
    {
        var result = Parse("""
            kind,activity_id,date,from_id,to_id,unit_id,count,consent,end_date,detail
            letter,a1,2014-09-10,X1,N1,,,,,
            chat,a2,2014-09-11,X1,N1,,,,,
            book-sent,a3,2014-09-12,X1,N1,,,,,《草房子》
            book-reflection,a4,2014-09-13,N1,X1,,,,,
            deed-agreed,a5,2014-09-14,X1,N1,,,,,为学校广播站投稿
            deed-done,a6,2014-09-15,X1,,,,,,
            deed-reflection,a7,2014-09-16,X1,N1,,,,,
            school-exchange,a8,2014-09-17,,NS1,XS1,,,,
            camp,a9,2014-07-15,,,370000,55,,2014-07-22,
            family-event,a10,2014-08-01,,,379001,12,all,,
            """);
        Assert.True(result.IsValid, string.Join("\n", result.Findings));
        Assert.Equal(10, result.Value!.Records.Count);
        Assert.Equal(Enum.GetValues<ActivityKind>(), result.Value!.Records.Select(r => r.Kind));
        var camp = result.Value!.Records[8];
        Assert.Equal((D("2014-07-15"), D("2014-07-22"), "370000", 55), (camp.Date, camp.LastDate, camp.UnitId, camp.Count));
        Assert.Equal(FamilyConsent.All, result.Value!.Records[9].Consent);
        Assert.Equal("《草房子》", result.Value!.Records[2].Detail);
        Assert.Same(HolidayCalendar.Default, result.Value!.Holidays);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_line_and_column_and_the_file_is_rejected_whole()
    {
        var result = Parse("""
            activity_id,kind,date,end_date,from_id,to_id,unit_id,count,consent,colour
            a1,letter,2014-09-10,,X1,N1,,,,red
            a2,postcard,2014-09-10,,X1,N1,,,,
            a3,letter,2014-13-01,,X1,N1,,,,
            a1,letter,2014-09-10,,X1,,,,,
            a5,camp,2014-07-20,2014-07-10,,,370000,many,,
            a6,family-event,2014-08-01,,,,379001,12,some,
            a7,family-event,2014-08-01,,,,379001,12,,
            a8,letter,2014-09-10,," X1",N1,,,,
            a9,letter,2014-09-10
            """);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var errors = result.Errors.Select(p => (ProblemKinds.Of(p), p.Location?.Line, p.Location?.Column, p.Location?.ColumnName)).ToList();
        Assert.Contains(("BadKind", 3, 2, "kind"), errors);
        Assert.Contains(("BadDate", 4, 3, "date"), errors);
        Assert.Contains(("DuplicateId", 5, 1, "activity_id"), errors);
        Assert.Contains(("MissingField", 5, 6, "to_id"), errors);
        Assert.Contains(("BadDateRange", 6, 4, "end_date"), errors);
        Assert.Contains(("BadCount", 6, 8, "count"), errors);
        Assert.Contains(("BadConsent", 7, 9, "consent"), errors);
        Assert.Contains(("MissingField", 8, 9, "consent"), errors);
        Assert.Contains(("BadId", 9, 5, "from_id"), errors);
        Assert.Contains(result.Errors, p => p.Code is ("ACF005" or "ACF006" or "ACF007" or "ACF008" or "ACF043" or "ACF044" or "ACF045" or "ACF046" or "ACF047") && p.Location?.Line == 10);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("UnknownColumn", 1, 10, "colour"), (ProblemKinds.Of(warning), warning.Location?.Line, warning.Location?.Column, warning.Location?.ColumnName));
        Assert.All(result.Findings, p => Assert.Equal(ActivityFiles.ActivitiesFile, p.Location?.File));
        var kind = result.Errors.First(p => p.Code is ("ACF020" or "ACF021"));
        Assert.Equal(("ACF020", "postcard"), (kind.Code, kind["value"]));
        Assert.Equal(("ACF019", "ACF029", "ACF024", "ACF030", "ACF031", "ACF016"),
            (Code(5, 1), Code(5, 6), Code(6, 4), Code(6, 8), Code(7, 9), Code(9, 5)));
        Assert.Equal("activities.csv:3:2 (kind): error ACF020: kind 'postcard' is not known; expected letter, chat, book-sent, book-reflection, deed-agreed, deed-done, deed-reflection, school-exchange, camp or family-event",
            FindingRenderer.Default.RenderLine(kind, FindingLanguage.English));
        Assert.Equal("activities.csv:3:2 (kind): 错误 ACF020: 活动类型“postcard”无法识别；应为 letter、chat、book-sent、book-reflection、deed-agreed、deed-done、deed-reflection、school-exchange、camp 或 family-event",
            FindingRenderer.Default.RenderLine(kind, FindingLanguage.Chinese));

        string Code(int line, int column) => result.Errors.First(p => p.Location?.Line == line && p.Location?.Column == column).Code;
        var ex = Assert.Throws<InputRejectedException>(() => result.GetValueOrThrow().Records);
        Assert.Equal(result.Findings, ex.Findings);
    }

    [Fact]
    public void A_missing_required_column_is_named_once_and_no_row_cascades()
    {
        var result = Parse("activity_id,date,from_id\na1,2014-09-10,X1\na2,2014-09-11,X1\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(("MissingColumn", 1, "kind"), (ProblemKinds.Of(error), error.Location?.Line, error.Location?.ColumnName));
    }

    [Fact]
    public void An_id_a_spreadsheet_turned_into_a_number_is_named_as_such()
    {
        var result = Parse("activity_id,kind,date,from_id,to_id\na1,letter,2014-09-10,6.53201E+11,X2\n6.53201E+11,letter,2014-09-11,X1,X2\n");
        Assert.Equal(
            [("ACF018", 2, "from_id"), ("ACF018", 3, "activity_id")],
            result.Errors.Select(e => (e.Code, e.Location?.Line ?? 0, e.Location?.ColumnName)));
    }

    [Fact]
    public void Holidays_are_read_and_checked()
    {
        var good = Parse("activity_id,kind,date\n", "province_id,year,kind,start,end\n370000,2015,winter,2015-01-25,2015-03-05\n370000,2015,summer,2015-07-05,2015-08-31\n");
        Assert.True(good.IsValid, string.Join("\n", good.Findings));
        Assert.True(good.Value!.Holidays.TryGet(new("370000"), 2015, HolidayKind.Winter, out var winter));
        Assert.Equal((D("2015-01-25"), D("2015-03-05")), (winter.Start, winter.End));

        var bad = Parse("activity_id,kind,date\n", """
            province_id,year,kind,start,end
            370000,2015,spring,2015-04-01,2015-04-05
            370000,20x5,winter,2015-01-25,2015-03-05
            370000,2015,summer,2015-08-31,2015-07-05
            370000,2015,winter,2015-01-25,2015-03-05
            370000,2015,winter,2015-01-20,2015-03-01
            """);
        Assert.False(bad.IsValid);
        var errors = bad.Errors.Select(p => (p.Location?.File, ProblemKinds.Of(p), p.Location?.Line, p.Location?.ColumnName)).ToList();
        Assert.Contains(("holidays.csv", "BadKind", 2, "kind"), errors);
        Assert.Contains(("holidays.csv", "BadDate", 3, "year"), errors);
        Assert.Contains(("holidays.csv", "BadDateRange", 4, "end"), errors);
        Assert.Contains(("holidays.csv", "DuplicateId", 6, "kind"), errors);
    }

    [Fact]
    public void Records_and_holidays_round_trip_through_their_files()
    {
        var records = Complete("X1", "N1", "p1")
            .Append(Camp("2014-07-15", "2014-07-22", InlandCounty, 50, "c1"))
            .Append(Family("2014-08-01", InlandCounty, 12, FamilyConsent.Partial, "f1"))
            .Append(Exchange("2014-09-01", "XS1", "NS1", "e1"))
            .Append(new ActivityRecord(new ActivityId("t1"), ActivityKind.BookSent, D("2014-10-01"), fromId: "X2", toId: "N2", detail: "=cmd|' /C calc'!A0, \"quoted\"\nline"))
            .ToList();
        var calendar = new HolidayCalendar([new Holiday(new("370000"), 2015, HolidayKind.Winter, D("2015-01-25"), D("2015-03-05"))]);
        using var dir = new TempDirectory();
        ActivityFiles.Write(records, dir.File(ActivityFiles.ActivitiesFile));
        ActivityFiles.WriteHolidays(calendar, dir.File(ActivityFiles.HolidaysFile));
        var read = ActivityFiles.Read(dir.File(ActivityFiles.ActivitiesFile), dir.File(ActivityFiles.HolidaysFile));
        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        Assert.Empty(read.Findings);
        Assert.Equal(records, read.Value!.Records);
        Assert.Equal(calendar.Holidays, read.Value!.Holidays.Holidays);
        var text = File.ReadAllText(dir.File(ActivityFiles.ActivitiesFile));
        Assert.StartsWith("activity_id,kind,date,end_date,from_id,to_id,unit_id,count,consent,detail\n", text, StringComparison.Ordinal);
        Assert.Contains("\"'=cmd", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
    {
        using var dir = new TempDirectory();
        var result = ActivityFiles.Read(dir.File("nope.csv"));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("MissingFile", "nope.csv"), (ProblemKinds.Of(error), error.Location?.File));
    }

    [Fact]
    public void Gb18030_files_are_read()
    {
        var gb = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var result = ActivityFiles.Parse(gb.GetBytes("activity_id,kind,date,from_id,to_id,detail\na1,book-sent,2014-09-10,X1,N1,草房子\n"));
        Assert.True(result.IsValid, string.Join("\n", result.Findings));
        Assert.Equal("草房子", result.Value!.Records[0].Detail);
    }

    [Fact]
    public void Activity_records_separated_by_semicolons_are_said_once()
    {
        var result = ActivityFiles.Parse("activity_id;kind;date;from_id;to_id\nA1;letter;2014-09-01;x1;n1\n"u8.ToArray());
        var problem = Assert.Single(result.Findings);
        Assert.Equal("ACF043", problem.Code);
        Assert.Equal(";", problem.Arguments.Single(a => a.Name == "separator").Value);
    }

    [Fact]
    public void Many_bad_records_of_one_code_are_listed_a_hundred_and_the_rest_counted_exactly()
    {
        // Issue 28, item 2: findings counted, not flooded.
        var text = new StringBuilder("activity_id,kind,date,from_id,to_id\n");
        for (var i = 0; i < 1000; i++)
        {
            text.Append("A").Append(i).Append(",telegram,2014-09-01,x1,n1\n");
        }

        var result = ActivityFiles.Parse(Encoding.UTF8.GetBytes(text.ToString()));

        var codes = result.Findings.Select(p => p.Code).ToList();
        var bad = codes.GroupBy(c => c).Single(g => g.Key != "ACF047");
        Assert.Equal(100, bad.Count());
        var more = Assert.Single(result.Findings, p => p.Code == "ACF047");
        Assert.Equal(900, more.Arguments.Single(a => a.Name == "count").Value);
        Assert.Equal(bad.Key, more.Arguments.Single(a => a.Name == "code").Value);
        Assert.Equal(codes.LastIndexOf(bad.Key) + 1, codes.IndexOf("ACF047"));
        Assert.False(result.IsValid);
    }
}
