using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;
using Pairing.Core.Excel.Internals;
using Pairing.Core.Files;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel;

/// <summary>
/// Reads activity records (and holidays) from Excel workbooks (.xlsx, or old .xls): the records in the sheet
/// <c>activities</c> (or 活动记录), else the workbook's first sheet; the holidays in the sheet <c>holidays</c> (or 假期)
/// of the holidays workbook given, else its first sheet, or, when none is given, in a <c>holidays</c> sheet of the
/// activities workbook when it has one.
/// </summary>
/// <remarks>
/// The cells go through exactly the checks <see cref="ActivityFiles.Read"/> runs on CSV files (the same columns, field
/// rules and codes), and every problem is listed at once, located as <c>activities.xlsx!activities!C12</c>. Cells read
/// as the text their number format shows (a date cell as an ISO date, an id stored as a number as its digits); an id a
/// spreadsheet cut to 15 digits (E+ notation) is <c>ACF018</c>. A path that is not a workbook by its extension is read
/// as CSV, as <see cref="ActivityFiles.Read"/> reads it, so a CSV holidays file may go with a workbook of records.
/// </remarks>
public static class ActivityWorkbooks
{
    /// <summary>The sheet of the activity records: <c>activities</c>, as the file without <c>.csv</c>.</summary>
    public const string ActivitiesSheet = "activities";

    /// <summary>The sheet of the holidays: <c>holidays</c>, as the file without <c>.csv</c>.</summary>
    public const string HolidaysSheet = "holidays";

    private const string ActivitiesChinese = "活动记录";
    private const string HolidaysChinese = "假期";

    /// <summary>Reads and checks activity records from a workbook, and holidays from a workbook or CSV file when one is given.</summary>
    /// <param name="path">The workbook of activity records (a path that is not a workbook is read as CSV).</param>
    /// <param name="holidaysPath">
    /// The holidays workbook or CSV file; when null, the <c>holidays</c> sheet of <paramref name="path"/>'s workbook if it
    /// has one, else the default holidays everywhere.
    /// </param>
    /// <param name="limits">The limits the files are held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The records and calendar when both are valid, and every problem found either way.</returns>
    public static ReadResult<ActivityLog> Read(string path, string? holidaysPath = null, InputFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<Finding>();
        IReadOnlyList<ActivityRecord>? records = null;
        HolidayCalendar? calendar = holidaysPath is null ? HolidayCalendar.Default : null;
        if (!RosterWorkbooks.IsWorkbook(path))
        {
            // A CSV file of records, read as ActivityFiles reads it (its default holidays are not used).
            records = Take(problems, ActivityFiles.Read(path, limits: limits))?.Records;
        }
        else
        {
            using var book = Open(path, problems, limits);
            if (book is not null)
            {
                var file = Path.GetFileName(path);
                var sheet = book.SheetNames.FirstOrDefault(s => Names(s, ActivitiesSheet, ActivitiesChinese))
                    ?? book.SheetNames.FirstOrDefault(s => !Names(s, HolidaysSheet, HolidaysChinese));
                records = sheet is null
                    ? Missing(problems, file, ActivitiesSheet)
                    : ReadSheet(problems, book, file, sheet, cells => Take(problems, ActivityFiles.ParseActivities(cells)));
                if (holidaysPath is null && book.SheetNames.FirstOrDefault(s => Names(s, HolidaysSheet, HolidaysChinese)) is { } holidays)
                {
                    calendar = ReadSheet(problems, book, file, holidays, cells => Take(problems, ActivityFiles.ParseHolidays(cells)));
                }
            }
        }

        if (holidaysPath is not null)
        {
            calendar = ReadHolidays(holidaysPath, problems, limits);
        }

        return ReadResult<ActivityLog>.Of(records is not null && calendar is not null ? new ActivityLog(records, calendar) : null, problems);
    }

    /// <summary>
    /// Writes activity records (and, when given, a calendar's per-province holidays) as one workbook with the sheets
    /// <c>activities</c> and <c>holidays</c>: the columns of <see cref="ActivityFiles"/>' files under one English header
    /// row, every cell a text cell, so that <see cref="Read"/> reads it back as it is.
    /// </summary>
    /// <param name="records">The records, in the order given.</param>
    /// <param name="path">The workbook to write (.xlsx), replaced whole.</param>
    /// <param name="holidays">The holidays to write in a <c>holidays</c> sheet, or null for none.</param>
    public static void Write(IEnumerable<ActivityRecord> records, string path, HolidayCalendar? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(path);
        WorkbookWriter.Write(path, SheetsOf(records, holidays), HeaderRows.English);
    }

    /// <summary>Writes the records as <see cref="Write"/> does, without blocking a thread on the disk; cancelled, the file is as it was.</summary>
    /// <param name="records">The records, in the order given.</param>
    /// <param name="path">The workbook to write (.xlsx), replaced whole.</param>
    /// <param name="holidays">The holidays to write in a <c>holidays</c> sheet, or null for none.</param>
    /// <param name="cancellationToken">Stops the write; the workbook is then as it was.</param>
    /// <returns>A task that completes when the workbook is in place.</returns>
    public static Task WriteAsync(IEnumerable<ActivityRecord> records, string path, HolidayCalendar? holidays = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(path);
        return WorkbookWriter.WriteAsync(path, SheetsOf(records, holidays), HeaderRows.English, cancellationToken);
    }

    private static IEnumerable<SheetData> SheetsOf(IEnumerable<ActivityRecord> records, HolidayCalendar? holidays)
    {
        var tables = ActivityFiles.ToTables(records, holidays);
        var sheets = new List<SheetData> { TableRows.Sheet(ActivitiesSheet, tables[ActivityFiles.ActivitiesFile]) };
        if (tables.TryGetValue(ActivityFiles.HolidaysFile, out var holidayTable))
        {
            sheets.Add(TableRows.Sheet(HolidaysSheet, holidayTable));
        }
        return sheets;
    }

    private static HolidayCalendar? ReadHolidays(string path, List<Finding> problems, InputFileLimits? limits)
    {
        if (!RosterWorkbooks.IsWorkbook(path))
        {
            return Take(problems, ActivityFiles.ReadHolidays(path, limits));
        }

        using var book = Open(path, problems, limits);
        if (book is null)
        {
            return null;
        }

        var file = Path.GetFileName(path);
        var sheet = book.SheetNames.FirstOrDefault(s => Names(s, HolidaysSheet, HolidaysChinese)) ?? book.SheetNames.FirstOrDefault();
        if (sheet is null)
        {
            Missing(problems, file, HolidaysSheet);
            return null;
        }

        return ReadSheet(problems, book, file, sheet, cells => Take(problems, ActivityFiles.ParseHolidays(cells)));
    }

    private static IReadOnlyList<ActivityRecord>? Missing(List<Finding> problems, string file, string table)
    {
        problems.Add(ActivityFileFindings.NoSheet.Create(null, new FindingLocation(file),
            FindingArgument.Of("file", file), FindingArgument.Of("table", table)));
        return null;
    }

    private static T? ReadSheet<T>(List<Finding> problems, Workbook book, string file, string sheet, Func<CellTable, T?> read)
        where T : class
    {
        try
        {
            return read(new CellTable(file, sheet, book.Rows(sheet)));
        }
        catch (Exception e) when (WorkbookErrors.IsUnreadable(e))
        {
            problems.Add(ActivityFileFindings.BadSheet.Create(null, new FindingLocation(file, sheet),
                FindingArgument.Of("sheet", sheet), FindingArgument.Of("file", file), FindingArgument.Of("error", e.Message)));
            return null;
        }
    }

    private static Workbook? Open(string path, List<Finding> problems, InputFileLimits? limits)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            problems.Add(ActivityFileFindings.MissingWorkbook.Create(null, new FindingLocation(file), FindingArgument.Of("path", path)));
            return null;
        }

        try
        {
            // A folder, a pipe or a device in the workbook's place, an unreadable or an oversized file is the activity
            // readers' own finding.
            if (ActivityFiles.TryOpen(path, out var stream, out var refused, limits))
            {
                return Workbook.Open(stream);
            }

            problems.Add(refused!);
        }
        catch (Exception e) when (WorkbookErrors.IsUnreadable(e))
        {
            problems.Add(ActivityFileFindings.BadWorkbook.Create(null, new FindingLocation(file),
                FindingArgument.Of("file", file), FindingArgument.Of("error", e.Message)));
        }

        return null;
    }

    /// <summary>A read's findings added to the workbook's, and its value (null when rejected).</summary>
    private static T? Take<T>(List<Finding> problems, ReadResult<T> read)
        where T : class
    {
        problems.AddRange(read.Findings);
        return read.Value;
    }

    private static bool Names(string sheet, string english, string chinese)
    {
        var name = sheet.Trim();
        return name.Equals(english, StringComparison.OrdinalIgnoreCase) || name == chinese;
    }
}
