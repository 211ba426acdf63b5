using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Pairing.Core.Activities;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Rosters;
using Pairing.Core.Files;

namespace Pairing.Core.Files.Activities;

/// <summary>
/// Reads and writes activity records (<c>activities.csv</c>) and per-province holidays (<c>holidays.csv</c>) in
/// the programme's CSV format.
/// </summary>
/// <remarks>
/// Reading holds the files to the same discipline as rosters: UTF-8 with or without a BOM or GB18030; columns found
/// by header name in any order; unknown columns ignored with a warning; every problem listed with its file, line and
/// column and what was expected; and a file with any error rejected whole. Writing gives UTF-8 without a BOM, \n line
/// ends, RFC 4180 quoting and cells safe from spreadsheet formula injection.
/// </remarks>
public static class ActivityFiles
{
    /// <summary>The usual name of the activity records file.</summary>
    public const string ActivitiesFile = "activities.csv";

    /// <summary>The usual name of the holidays file.</summary>
    public const string HolidaysFile = "holidays.csv";

    private static readonly string[] ActivityColumns = ["activity_id", "kind", "date"];
    private static readonly string[] ActivityOptional = ["end_date", "from_id", "to_id", "unit_id", "count", "consent", "detail"];
    private static readonly string[] HolidayColumns = ["province_id", "year", "kind", "start", "end"];

    /// <summary>Reads and checks activity records, and the holidays file when one is given.</summary>
    /// <param name="activitiesPath">The activity records file.</param>
    /// <param name="holidaysPath">The holidays file, or null for the default holidays everywhere.</param>
    /// <param name="cancellationToken">Stops the read within milliseconds, between rows; nothing is returned then.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The records and calendar when both files are valid, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activitiesPath"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ReadResult<ActivityLog> Read(string activitiesPath, string? holidaysPath = null, CancellationToken cancellationToken = default, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(activitiesPath);
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = Ambient.Use(cancellationToken);
        var problems = new ActivityProblems();
        // Each file is opened and read a chunk at a time, never whole: memory is what the log keeps, not the files' size.
        using var activities = OpenText(activitiesPath, problems);
        using var holidays = holidaysPath is null ? null : OpenText(holidaysPath, problems);
        if (activities is null || (holidaysPath is not null && holidays is null))
        {
            return Result(null, null, problems);
        }

        var records = Pass(activities, () => ParseActivities(activities, Path.GetFileName(activitiesPath), problems), problems);
        var calendar = holidays is null ? HolidayCalendar.Default : Pass(holidays, () => ParseHolidays(holidays, Path.GetFileName(holidaysPath!), problems), problems);
        return Result(records, calendar, problems);
    }

    /// <summary>
    /// Reads and checks activity records as <see cref="Read"/> does, off the caller's thread: the read runs on a
    /// thread-pool thread, a chunk of each file at a time, so that memory is what the log keeps, not the files' size.
    /// </summary>
    /// <param name="activitiesPath">The activity records file.</param>
    /// <param name="holidaysPath">The holidays file, or null for the default holidays everywhere.</param>
    /// <param name="cancellationToken">Stops the read within milliseconds, between rows.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The records and calendar when both files are valid, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activitiesPath"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ReadResult<ActivityLog>> ReadAsync(string activitiesPath, string? holidaysPath = null, CancellationToken cancellationToken = default, InputFileLimits? limits = null)
    {
        Guard.NotNull(activitiesPath);
        var scoped = limits ?? InputFileLimits.Current;
        return Task.Run(() => Read(activitiesPath, holidaysPath, cancellationToken, scoped), cancellationToken);
    }

    /// <summary>
    /// Reads and checks activity records given as streams (an upload, a database export), as <see cref="Parse"/> does bytes:
    /// each stream is read asynchronously to its end (at most <see cref="InputFileLimits.MaxFileBytes"/>; not disposed), its
    /// first mebibyte kept in memory and the rest in a temporary file deleted after the read, then checked a chunk at a time.
    /// </summary>
    /// <param name="activities">The activity records, as an <c>activities.csv</c> holds them.</param>
    /// <param name="holidays">The holidays, as a <c>holidays.csv</c> holds them, or null for the default holidays everywhere.</param>
    /// <param name="cancellationToken">Stops the read: while reading the streams, and between rows while checking.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The records and calendar when both are valid, and every problem found either way (a stream past the size cap is one).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ReadResult<ActivityLog>> ParseAsync(Stream activities, Stream? holidays = null, CancellationToken cancellationToken = default, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(activities);
        var problems = new ActivityProblems();
        var max = InputFileLimits.Current.MaxFileBytes;
        var (a, aRead) = await ByteSource.SpoolAsync(activities, ActivitiesFile, max, cancellationToken).ConfigureAwait(false);
        using var spooledActivities = a;
        var (h, hRead) = holidays is null ? default : await ByteSource.SpoolAsync(holidays, HolidaysFile, max, cancellationToken).ConfigureAwait(false);
        using var spooledHolidays = h;
        if (a is null)
        {
            problems.Add(FileProblem(new InputFileError(InputFileIssue.TooLarge, ActivitiesFile, Size: aRead, Max: max), ActivitiesFile));
        }

        if (holidays is not null && h is null)
        {
            problems.Add(FileProblem(new InputFileError(InputFileIssue.TooLarge, HolidaysFile, Size: hRead, Max: max), HolidaysFile));
        }

        if (problems.Count > 0)
        {
            return Result(null, null, problems);
        }

        using var scope = Ambient.Use(cancellationToken);
        // As Parse does, with the bytes decoded a chunk at a time, never into one string beside them.
        var records = Pass(a!, () => ParseActivities(a!, ActivitiesFile, problems), problems);
        var calendar = h is null ? HolidayCalendar.Default : Pass(h, () => ParseHolidays(h, HolidaysFile, problems), problems);
        return Result(records, calendar, problems);
    }

    /// <summary>Writes activity records to a file as <see cref="Write(IEnumerable{ActivityRecord}, string)"/> does (replaced whole, or left as it was), without blocking a thread on the disk.</summary>
    /// <param name="records">The records.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the write; the file is then left as it was.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the file is as it was.</exception>
    public static async Task WriteAsync(IEnumerable<ActivityRecord> records, string path, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(records);
        Guard.NotNull(path);
        await WriteOneAsync(path, stream => Write(records, stream), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks activity records (and holidays) already in memory, as <see cref="Read"/> does files.</summary>
    /// <param name="activities">The bytes of an activity records file.</param>
    /// <param name="holidays">The bytes of a holidays file, or null for the default holidays everywhere.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The records and calendar when both are valid, and every problem found either way (named as in <c>activities.csv</c> and <c>holidays.csv</c>).</returns>
    public static ReadResult<ActivityLog> Parse(ReadOnlyMemory<byte> activities, byte[]? holidays = null, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        var problems = new ActivityProblems();
        // Read from the bytes as given, a chunk at a time: no decoded copy of the file beside them.
        var records = ParseActivities(ByteSource.Of(activities), ActivitiesFile, problems);
        var calendar = holidays is null ? HolidayCalendar.Default : ParseHolidays(ByteSource.Of(holidays), HolidaysFile, problems);
        return Result(records, calendar, problems);
    }

    /// <summary>Writes activity records to a file (replaced whole, or left as it was if writing fails), in the order given.</summary>
    /// <param name="records">The records.</param>
    /// <param name="path">The file to write.</param>
    public static void Write(IEnumerable<ActivityRecord> records, string path)
    {
        Guard.NotNull(records);
        Guard.NotNull(path);
        WriteOne(path, stream => Write(records, stream));
    }

    /// <summary>Writes activity records to a stream, in the order given; the stream is left open.</summary>
    /// <param name="records">The records.</param>
    /// <param name="stream">The stream to write to.</param>
    public static void Write(IEnumerable<ActivityRecord> records, Stream stream)
    {
        Guard.NotNull(records);
        Guard.NotNull(stream);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using var csv = new CsvWriter(writer);
        WriteRecords(csv, records);
    }

    /// <summary>
    /// Activity records (and, when given, a calendar's per-province holidays) as tables of cells holding exactly what
    /// <see cref="Write(IEnumerable{ActivityRecord}, Stream)"/> and <see cref="WriteHolidays"/> write, keyed
    /// <c>activities.csv</c> and <c>holidays.csv</c>: for a workbook or a grid, with no CSV text to parse back.
    /// </summary>
    /// <param name="records">The records, in the order given.</param>
    /// <param name="holidays">The holidays, or null for none.</param>
    /// <returns>The tables by file name, header first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or a record is null.</exception>
    public static IReadOnlyDictionary<string, CellTable> ToTables(IEnumerable<ActivityRecord> records, HolidayCalendar? holidays = null)
    {
        Guard.NotNull(records);
        var tables = new SortedDictionary<string, CellTable>(StringComparer.Ordinal);
        List<CellRow> rows = [];
        using (var csv = new CsvWriter(rows))
        {
            WriteRecords(csv, records);
        }

        tables[ActivitiesFile] = new CellTable(ActivitiesFile, Path.GetFileNameWithoutExtension(ActivitiesFile), rows);
        if (holidays is not null)
        {
            List<CellRow> holidayRows = [];
            using (var csv = new CsvWriter(holidayRows))
            {
                WriteHolidayRows(csv, holidays);
            }

            tables[HolidaysFile] = new CellTable(HolidaysFile, Path.GetFileNameWithoutExtension(HolidaysFile), holidayRows);
        }

        return tables;
    }

    /// <summary>The records' rows, header first.</summary>
    private static void WriteRecords(CsvWriter csv, IEnumerable<ActivityRecord> records)
    {
        csv.WriteHeader(["activity_id", "kind", "date", .. ActivityOptional]);
        Span<char> date = stackalloc char[10];
        foreach (var r in records)
        {
            Guard.NotNull(r);
            csv.Write(r.Id.Value);
            csv.Write(ActivityShape.NameOf(r.Kind));
            csv.Write(Iso(r.Date, date));
            csv.Write(r.EndDate is { } end ? Iso(end, date) : []);
            csv.Write(r.FromId);
            csv.Write(r.ToId);
            csv.Write(r.UnitId);
            if (r.Count is { } count)
            {
                csv.Write(count);
            }
            else
            {
                csv.Write(string.Empty);
            }

            csv.Write(r.Consent is { } consent ? ActivityShape.NameOf(consent) : string.Empty);
            csv.Write(r.Detail);
            csv.EndRow();
        }
    }

    /// <summary>Writes a calendar's per-province holidays to a file, sorted by province, year and kind.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="path">The file to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file cannot be written; it is as it was.</exception>
    public static void WriteHolidays(HolidayCalendar calendar, string path)
    {
        Guard.NotNull(calendar);
        Guard.NotNull(path);
        WriteOne(path, stream => WriteHolidayFile(calendar, stream));
    }

    /// <summary>The holidays file's bytes into <paramref name="stream"/>, which the writer closes.</summary>
    private static void WriteHolidayFile(HolidayCalendar calendar, Stream stream)
    {
        using var csv = new CsvWriter(stream);
        WriteHolidayRows(csv, calendar);
    }

    /// <summary>Writes a calendar's holidays to a file as <see cref="WriteHolidays"/> does, without blocking a thread on the disk.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Stops the write; the file is then as it was.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file cannot be written; it is as it was.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the file is as it was.</exception>
    public static async Task WriteHolidaysAsync(HolidayCalendar calendar, string path, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(calendar);
        Guard.NotNull(path);
        await WriteOneAsync(path, stream => WriteHolidayFile(calendar, stream), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A calendar's per-province holidays as rows, header first, sorted by province, year and kind.</summary>
    private static void WriteHolidayRows(CsvWriter csv, HolidayCalendar calendar)
    {
        csv.WriteHeader(HolidayColumns);
        Span<char> date = stackalloc char[10];
        foreach (var h in calendar.Holidays)
        {
            csv.Write(h.Province.Value);
            csv.Write(h.Year);
            csv.Write(h.Kind == HolidayKind.Winter ? "winter" : "summer");
            csv.Write(Iso(h.Start, date));
            csv.Write(Iso(h.End, date));
            csv.EndRow();
        }
    }

    internal static ReadOnlySpan<char> Iso(DateOnly date, Span<char> buffer)
    {
        date.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return buffer[..written];
    }

    /// <summary>
    /// As <see cref="WriteOne"/>, without blocking a thread on the disk: the bytes are formatted in memory first, then
    /// written asynchronously; a cancelled token leaves the file as it was.
    /// </summary>
    private static async Task WriteOneAsync(string path, Action<Stream> write, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        write(buffer);
        var bytes = buffer.ToArray(); // the writer may have closed the stream; ToArray still reads it
        cancellationToken.ThrowIfCancellationRequested();
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        using var files = AtomicFiles.InPlace(directory);
        await using (var stream = files.Create(Path.GetFileName(full)))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        files.Commit();
    }

    private static void WriteOne(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        using var files = AtomicFiles.InPlace(directory);
        using (var stream = files.Create(Path.GetFileName(full)))
        {
            write(stream);
        }

        files.Commit();
    }

    /// <summary>
    /// Opens an input file as every reader of activity files does (a workbook, say): only a regular file, within
    /// <see cref="InputFileLimits.MaxFileBytes"/>; a folder, a pipe, a device, an unreadable or an oversized file is a
    /// located finding (<c>ACF…</c>), never an exception. An empty file opens as an empty stream.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="stream">The open stream (the caller disposes it), or null.</param>
    /// <param name="problem">Why the file cannot be read, or null.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>Whether the file was opened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static bool TryOpen(string path, [NotNullWhen(true)] out Stream? stream, out Finding? problem, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(path);
        problem = SafeFile.TryOpenInput(path, out stream, out var error) ? null : FileProblem(error, path);
        return problem is null;
    }

    /// <summary>
    /// Reads and checks a holidays file alone (<c>holidays.csv</c>'s format), as <see cref="Read"/> does with its
    /// second file.
    /// </summary>
    /// <param name="path">The holidays file.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The calendar when the file is valid, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ReadResult<HolidayCalendar> ReadHolidays(string path, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(path);
        var problems = new ActivityProblems();
        using var bytes = OpenText(path, problems);
        var calendar = bytes is null ? null : Pass(bytes, () => ParseHolidays(bytes, Path.GetFileName(path), problems), problems);
        return Checked(calendar, problems);
    }

    /// <summary>
    /// Reads and checks activity records given as cells (a workbook's sheet), with exactly the checks a CSV file gets;
    /// every problem is located at the table's file, sheet, row and column (<c>activities.xlsx!activities!C12</c>).
    /// </summary>
    /// <param name="cells">The table, header first.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The records when the table is valid, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    public static ReadResult<IReadOnlyList<ActivityRecord>> ParseActivities(CellTable cells, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(cells);
        var problems = new ActivityProblems();
        IReadOnlyList<ActivityRecord> records = ParseActivities(cells, problems);
        return Checked(records, problems);
    }

    /// <summary>Reads and checks holidays given as cells (a workbook's sheet), as <see cref="ParseActivities(CellTable, InputFileLimits?)"/> does records.</summary>
    /// <param name="cells">The table, header first.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The calendar when the table is valid, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    public static ReadResult<HolidayCalendar> ParseHolidays(CellTable cells, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(cells);
        var problems = new ActivityProblems();
        return Checked(ParseHolidays(cells, problems), problems);
    }

    private static ReadResult<T> Checked<T>(T? value, ActivityProblems problems)
        where T : class => ReadResult<T>.Of(value, problems.WithOmitted());

    /// <summary>A file opened to be read a chunk at a time (the caller disposes it), or null with the problem that says why it cannot be read (missing, a folder, a pipe, too large).</summary>
    internal static ByteSource? OpenText(string path, ActivityProblems problems)
    {
        if (ByteSource.TryOpenFile(path, out var bytes, out var error))
        {
            return bytes;
        }

        problems.Add(FileProblem(error, path));
        return null;
    }

    /// <summary>Reads an opened file; a file that fails while it is read is a problem (as one that cannot be opened), and nothing of it is kept.</summary>
    private static T? Pass<T>(ByteSource bytes, Func<T?> read, ActivityProblems problems)
        where T : class
    {
        T? value = null;
        if (!ByteSource.TryPass(bytes, () => value = read(), out var failed))
        {
            problems.Add(FileProblem(failed, failed.Path));
            return null;
        }

        return value;
    }

    /// <summary>The problem of a file that cannot be read, named by its file name, with the path as given.</summary>
    internal static Finding FileProblem(InputFileError error, string path)
    {
        var location = new FindingLocation(Path.GetFileName(path));
        var pathArgument = FindingArgument.Of("path", path);
        return error.Issue switch
        {
            InputFileIssue.Folder => ActivityFileFindings.FolderNotFile.Create(null, location, pathArgument),
            InputFileIssue.Special => ActivityFileFindings.SpecialFile.Create(null, location, pathArgument),
            InputFileIssue.Unreadable => ActivityFileFindings.UnreadableFile.Create(null, location, pathArgument, FindingArgument.Of("error", error.Error)),
            InputFileIssue.TooLarge => ActivityFileFindings.FileTooLarge.Create(null, location, pathArgument,
                FindingArgument.Of("size", error.Size), FindingArgument.Of("max", error.Max)),
            _ => ActivityFileFindings.MissingFile.Create(null, location, pathArgument),
        };
    }

    /// <summary>The read's outcome: the log when no problem is an error, and every problem, each code's omitted count after its last listed.</summary>
    private static ReadResult<ActivityLog> Result(List<ActivityRecord>? records, HolidayCalendar? calendar, ActivityProblems problems) =>
        Checked(records is not null && calendar is not null ? new ActivityLog(records, calendar, owned: true) : null, problems);

    internal static List<ActivityRecord> ParseActivities(ByteSource bytes, string fileName, ActivityProblems problems)
    {
        var scan = bytes.Scanned ??= TextDecoding.Scan(bytes, long.MaxValue);
        var records = new List<ActivityRecord>(RowsHint(scan.Lines, scan.Bytes));
        ActivityCsvTable.Read(problems, bytes, fileName, ActivityColumns, ActivityOptional, ActivityRow(records));
        return records;
    }

    /// <summary>
    /// The records to make room for: one per line feed, but no more than the bytes could hold ("a,b,c" and a line feed),
    /// nor more than 16 Mi ahead, so that a file of empty lines reserves nothing per line.
    /// </summary>
    private static int RowsHint(long lines, long bytes) => (int)Math.Max(16, Math.Min(Math.Min(lines, bytes / 24), 1 << 24));

    /// <summary>Activity records from a workbook's sheet, through exactly the checks of a CSV file (Pairing.Core.Excel's seam).</summary>
    internal static List<ActivityRecord> ParseActivities(CellTable cells, ActivityProblems problems)
    {
        var records = new List<ActivityRecord>();
        ActivityCsvTable.Read(problems, cells, ActivityColumns, ActivityOptional, ActivityRow(records));
        return records;
    }

    /// <summary>Holidays from a workbook's sheet, through exactly the checks of a CSV file; null when any is an error.</summary>
    internal static HolidayCalendar? ParseHolidays(CellTable cells, ActivityProblems problems)
    {
        var holidays = new List<Holiday>();
        var errorsBefore = problems.Count(p => p.Severity == FindingSeverity.Error);
        ActivityCsvTable.Read(problems, cells, HolidayColumns, [], HolidayRow(holidays));
        return problems.Count(p => p.Severity == FindingSeverity.Error) > errorsBefore ? null : new HolidayCalendar(holidays);
    }

    /// <summary>The check of one activities row, adding each valid record to <paramref name="records"/>.</summary>
    private static Action<ActivityCsvTable.Row> ActivityRow(List<ActivityRecord> records)
    {
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        // Many records name the same students, schools and units: keep one string per id.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Shared(string? id)
        {
            if (id is null)
            {
                return null;
            }

            if (ids.TryGetValue(id, out var shared))
            {
                return shared;
            }

            ids.Add(id, id);
            return id;
        }

        return row =>
        {
            var ok = true;
            var id = row.Id("activity_id");
            ok &= id is not null;
            if (id is not null && !firstLine.TryAdd(id, row.Line))
            {
                ok = false;
                row.Problem(ActivityFileFindings.DuplicateActivity, "activity_id", FindingArgument.Of("id", id), FindingArgument.Of("first", firstLine[id]));
            }

            var kindText = row.Text("kind");
            if (!ActivityShape.TryParseKind(kindText, out var kind))
            {
                ok = false;
                row.Problem(ActivityFileFindings.BadKind, "kind", FindingArgument.Of("value", kindText));
            }

            var date = row.Date("date", required: true, out var dateOk);
            var end = row.Date("end_date", required: false, out var endOk);
            ok &= dateOk && endOk;
            if (date is { } d && end is { } e && e < d)
            {
                ok = false;
                row.Problem(ActivityFileFindings.EndBeforeDate, "end_date", FindingArgument.Of("end", e), FindingArgument.Of("date", d));
            }

            var from = row.OptionalId("from_id", out var fromOk);
            var to = row.OptionalId("to_id", out var toOk);
            var unit = row.OptionalId("unit_id", out var unitOk);
            ok &= fromOk && toOk && unitOk;

            int? count = null;
            var countText = row.Text("count");
            if (countText.Length > 0)
            {
                if (int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
                {
                    count = c;
                }
                else
                {
                    ok = false;
                    row.Problem(ActivityFileFindings.BadCount, "count", FindingArgument.Of("value", countText));
                }
            }

            FamilyConsent? consent = null;
            var consentText = row.Text("consent");
            if (consentText.Length > 0)
            {
                if (ActivityShape.TryParseConsent(consentText, out var parsed))
                {
                    consent = parsed;
                }
                else
                {
                    ok = false;
                    row.Problem(ActivityFileFindings.BadConsent, "consent", FindingArgument.Of("value", consentText));
                }
            }

            if (kind != 0)
            {
                var required = ActivityShape.Required(kind);
                foreach (var field in (ReadOnlySpan<ActivityShape.Field>)[ActivityShape.Field.From, ActivityShape.Field.To, ActivityShape.Field.Unit, ActivityShape.Field.Count, ActivityShape.Field.Consent])
                {
                    var column = ActivityShape.ColumnOf(field);
                    var present = field switch
                    {
                        ActivityShape.Field.From => from is not null || !fromOk,
                        ActivityShape.Field.To => to is not null || !toOk,
                        ActivityShape.Field.Unit => unit is not null || !unitOk,
                        ActivityShape.Field.Count => countText.Length > 0,
                        _ => consentText.Length > 0,
                    };
                    if (required.HasFlag(field) && !present)
                    {
                        ok = false;
                        row.Problem(ActivityFileFindings.MissingField, column, FindingArgument.Of("kind", ActivityShape.NameOf(kind)), FindingArgument.Of("column", column));
                    }
                }
            }

            if (ok && !row.Refused)
            {
                records.Add(new ActivityRecord(new ActivityId(id!), kind, date!.Value, end, Shared(from), Shared(to), Shared(unit), count, consent,
                    row.Text("detail")));
            }
        };
    }

    internal static HolidayCalendar? ParseHolidays(ByteSource bytes, string fileName, ActivityProblems problems)
    {
        var holidays = new List<Holiday>();
        var errorsBefore = problems.Count(p => p.Severity == FindingSeverity.Error);
        ActivityCsvTable.Read(problems, bytes, fileName, HolidayColumns, [], HolidayRow(holidays));
        return problems.Count(p => p.Severity == FindingSeverity.Error) > errorsBefore ? null : new HolidayCalendar(holidays);
    }

    /// <summary>The check of one holidays row, adding each valid holiday to <paramref name="holidays"/>.</summary>
    private static Action<ActivityCsvTable.Row> HolidayRow(List<Holiday> holidays)
    {
        var firstLine = new Dictionary<(string, int, HolidayKind), int>();
        return row =>
        {
            var province = row.Id("province_id");
            var yearText = row.Text("year");
            var yearOk = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2999;
            if (!yearOk)
            {
                row.Problem(ActivityFileFindings.BadYear, "year", FindingArgument.Of("value", yearText));
            }

            var kindText = row.Text("kind");
            HolidayKind? kind = kindText switch
            {
                "winter" => HolidayKind.Winter,
                "summer" => HolidayKind.Summer,
                _ => null,
            };
            if (kind is null)
            {
                row.Problem(ActivityFileFindings.BadHolidayKind, "kind", FindingArgument.Of("value", kindText));
            }

            var start = row.Date("start", required: true, out _);
            var end = row.Date("end", required: true, out _);
            var rangeOk = true;
            if (start is { } s && end is { } e)
            {
                if (e < s)
                {
                    rangeOk = false;
                    row.Problem(ActivityFileFindings.EndBeforeStart, "end", FindingArgument.Of("end", e), FindingArgument.Of("start", s));
                }
                else if (yearOk && (year < s.Year || year > e.Year))
                {
                    rangeOk = false;
                    row.Problem(ActivityFileFindings.YearOutsideHoliday, "year", FindingArgument.Of("year", year), FindingArgument.Of("start", s), FindingArgument.Of("end", e));
                }
            }

            if (province is null || !yearOk || kind is null || start is null || end is null || !rangeOk || row.Refused)
            {
                return;
            }

            if (!firstLine.TryAdd((province, year, kind.Value), row.Line))
            {
                row.Problem(ActivityFileFindings.DuplicateHoliday, "kind", FindingArgument.Of("kind", kind.Value), FindingArgument.Of("year", year),
                    FindingArgument.Of("province", province), FindingArgument.Of("first", firstLine[(province, year, kind.Value)]));
                return;
            }

            holidays.Add(new Holiday(new ProvinceId(province), year, kind.Value, start.Value, end.Value));
        };
    }
}
