using System.Globalization;
using System.Runtime.CompilerServices;
using Pairing.Core.Findings;
using Pairing.Core.Internals;
using Pairing.Core.Files;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// What can be wrong with a CSV file as a table, before any field is read. Each kind of input (roster, activity
/// records) has one finding code per issue, taking the arguments listed here.
/// </summary>
internal enum CsvTableIssue
{
    /// <summary>The file is UTF-16 (no arguments).</summary>
    Utf16,

    /// <summary>A byte is neither UTF-8 nor GB18030 (<c>byte</c>, <c>character</c>, <c>offset</c>).</summary>
    BadByte,

    /// <summary>No header row (<c>columns</c>: the required ones).</summary>
    EmptyFile,

    /// <summary>A quoted field is never closed (no arguments).</summary>
    UnclosedQuote,

    /// <summary>Text follows a closing quote (no arguments).</summary>
    TextAfterQuote,

    /// <summary>A quote inside an unquoted field (no arguments).</summary>
    QuoteInField,

    /// <summary>A row's field count differs from the header's (<c>fields</c>, <c>header</c>).</summary>
    FieldCount,

    /// <summary>A required column is missing (<c>column</c>, <c>columns</c>).</summary>
    MissingColumn,

    /// <summary>A column appears twice (<c>column</c>, <c>first</c>).</summary>
    DuplicateColumn,

    /// <summary>A column the format does not know, ignored (<c>column</c>, <c>columns</c>).</summary>
    UnknownColumn,

    /// <summary>A column whose header names personal data (<c>column</c>).</summary>
    PersonalColumn,

    /// <summary>A cell's value is shaped like an ID-card number; the row is not read and the value never shown (<c>column</c>).</summary>
    IdCardValue,

    /// <summary>A column not in the format holds phone numbers; refused (<c>column</c>).</summary>
    PhoneValues,

    /// <summary>A column not in the format holds e-mail addresses; refused (<c>column</c>).</summary>
    EmailValues,

    /// <summary>The header is one field that another separator splits into the format's columns (<c>separator</c>).</summary>
    WrongSeparator,

    /// <summary>A field longer than the limit; the file is not read further (<c>length</c>, <c>max</c>).</summary>
    FieldTooLong,

    /// <summary>A line longer than the limit; the file is not read further (<c>length</c>, <c>max</c>).</summary>
    LineTooLong,

    /// <summary>Blank lines were skipped, counted once for the file (<c>count</c>).</summary>
    BlankLines,
}

/// <summary>Reports one table-level problem with its typed arguments; each kind of input turns it into its own finding.</summary>
internal delegate void CsvTableReport(CsvTableIssue issue, int? line, int? column, string? columnName, params FindingArgument[] arguments);

/// <summary>
/// What reading any of the library's CSV files has in common: decoding (UTF-8 or GB18030), the header (required,
/// optional, unknown, duplicated and personal-data columns), the field count of every row, and a position for every
/// problem, every one of them reported rather than the first.
/// </summary>
internal static class CsvTableReader
{
    /// <summary>
    /// Reads a file's rows, handing each well-formed one to the handler <paramref name="start"/> makes from the
    /// header's columns (name to 1-based field number) and the table's <see cref="PersonalCells"/>, which has looked
    /// at every field of the row before the handler sees it.
    /// </summary>
    /// <param name="bytes">The file.</param>
    /// <param name="required">The columns the format requires.</param>
    /// <param name="optional">The columns the format allows.</param>
    /// <param name="isPersonal">Whether a column's name names personal data.</param>
    /// <param name="report">Where problems go.</param>
    /// <param name="start">Makes the rows' handler.</param>
    /// <param name="second">
    /// When given, a large file whose first half holds no double quote is read in two halves at once, the second on a
    /// thread of its own with what this makes for it (its own problems and rows, merged in file order afterwards).
    /// </param>
    /// <returns>Whether the rows could be read at all; when not, the problems reported say why.</returns>
    public static bool Read(
        ByteSource bytes,
        string[] required,
        string[] optional,
        Func<string, bool> isPersonal,
        CsvTableReport report,
        Func<Dictionary<string, int>, PersonalCells, Action<CsvRecord>> start,
        Func<double, SecondHalf>? second = null)
    {
        // Two passes over the bytes, neither holding the file: the first chooses the encoding (a file on disk was scanned
        // when opened, for its size), the second decodes and tokenizes a chunk at a time.
        var scan = bytes.Scanned ??= TextDecoding.Scan(bytes, long.MaxValue);
        if (scan.Error is { } encodingError)
        {
            ReportError(report, encodingError, null);
            return false;
        }

        if (second is not null && SplitAt(bytes, scan) is { } split && bytes.OpenAnother() is { } other)
        {
            using (other)
            {
                return ReadInTwo(bytes, other, scan, split, required, optional, isPersonal, report, start, second);
            }
        }

        var csv = new CsvReader(TextDecoding.Open(bytes, scan));
        if (ReadHeader(csv, required, optional, isPersonal, report) is not { } header)
        {
            return false;
        }

        var rows = ReadRows(csv, header, header.Personal, start(header.Columns, header.Personal), report, null);
        return Finish(rows, header.Ok, report);
    }

    /// <summary>The bytes from which a second reader reads a file read in two halves (<see cref="Read"/>).</summary>
    internal const long InTwoFrom = 8 << 20;

    private static readonly AsyncLocal<long?> InTwoFromHere = new();

    /// <summary>
    /// Within the scope, files of <paramref name="bytes"/> or more are read in two halves whatever the cores (tests
    /// compare small files read both ways).
    /// </summary>
    internal static Ambient.Scope<long?> ReadInTwoFrom(long bytes)
    {
        var saved = InTwoFromHere.Value;
        InTwoFromHere.Value = bytes;
        return new Ambient.Scope<long?>(() => InTwoFromHere.Value = saved);
    }

    /// <summary>What reads the second half of a file: its own problems and rows, merged into the first's in file order.</summary>
    internal sealed class SecondHalf
    {
        /// <summary>Where the second half's problems go (kept apart until the merge).</summary>
        public required CsvTableReport Report { get; init; }

        /// <summary>Makes the second half's rows' handler, as <c>start</c> does the first's.</summary>
        public required Func<Dictionary<string, int>, PersonalCells, Action<CsvRecord>> Start { get; init; }

        /// <summary>
        /// Called on the caller's thread once both halves are read, unless the first half stopped the reading (a line
        /// too long): adds the second half's problems and rows after the first's. It is given the columns the first
        /// half refused for holding phone numbers or e-mail addresses, which is said once, at the first.
        /// </summary>
        public required Action<IReadOnlyCollection<int>> Merge { get; init; }
    }

    /// <summary>
    /// Where a second reader starts: at the first line after the middle, when the file is large, there are two cores,
    /// and no double quote comes before it (so that every line feed before it ends a record); else null.
    /// </summary>
    private static long? SplitAt(ByteSource bytes, TextScan scan)
    {
        var body = scan.Bytes - scan.Preamble;
        var from = InTwoFromHere.Value;
        if ((from is null && Environment.ProcessorCount < 2) || body < (from ?? InTwoFrom) || body < 2
            || (scan.FirstQuote >= 0 && scan.FirstQuote < scan.Preamble + (body / 2)))
        {
            return null;
        }

        var middle = scan.Preamble + (body / 2);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ByteSource.ChunkBytes);
        try
        {
            bytes.Rewind(middle, scan.Bytes - middle);
            var at = middle;
            int n;
            while ((n = bytes.Read(buffer.AsSpan(0, ByteSource.ChunkBytes))) > 0)
            {
                var chunk = buffer.AsSpan(0, n);
                var feed = chunk.IndexOf((byte)'\n');
                if (feed >= 0)
                {
                    var split = at + feed + 1;
                    var quoted = scan.FirstQuote >= 0 && scan.FirstQuote < split;
                    return quoted || split >= scan.Bytes ? null : split;
                }

                at += n;
            }

            return null;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool ReadInTwo(
        ByteSource bytes,
        ByteSource other,
        TextScan scan,
        long split,
        string[] required,
        string[] optional,
        Func<string, bool> isPersonal,
        CsvTableReport report,
        Func<Dictionary<string, int>, PersonalCells, Action<CsvRecord>> start,
        Func<double, SecondHalf> second)
    {
        var csv = new CsvReader(TextDecoding.Open(bytes, scan, scan.Preamble, split - scan.Preamble));
        if (ReadHeader(csv, required, optional, isPersonal, report) is not { } header)
        {
            return false;
        }

        var onRecord = start(header.Columns, header.Personal);
        var half = second((double)(scan.Bytes - split) / Math.Max(1, scan.Bytes - scan.Preamble));
        var personal = new PersonalCells(half.Report, header.Names, header.InFormat);
        var onSecond = half.Start(header.Columns, personal);
        var stop = new StrongBox<bool>();

        // A thread of its own (not the pool's, which a host may need): it counts the records the first half ends, then
        // reads from there; the execution context (cancellation, limits) flows to it.
        var reading = Task.Factory.StartNew(
            () =>
            {
                using var quiet = Ambient.ReportRows(null);
                var line = FirstLineAfter(other, scan.Preamble, split);
                var rest = new CsvReader(TextDecoding.Open(other, scan, split, scan.Bytes - split), line);
                return ReadRows(rest, header, personal, onSecond, half.Report, stop);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Rows first;
        try
        {
            first = ReadRows(csv, header, header.Personal, onRecord, report, null);
        }
        catch
        {
            // The second half stops at its next record and is waited for, so that no thread reads on after this returns;
            // the first half's exception is the one thrown.
            Volatile.Write(ref stop.Value, true);
            try
            {
                reading.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }

            throw;
        }

        if (first.Stopped)
        {
            // A line too long stops the reading: nothing after it is read, as with one reader.
            Volatile.Write(ref stop.Value, true);
        }

        var rest = reading.GetAwaiter().GetResult();
        if (first.Stopped)
        {
            return Finish(first, false, report);
        }

        half.Merge(header.Personal.Refused);
        var both = new Rows(
            first.Count + rest.Count,
            first.Blank + rest.Blank,
            first.Blank > 0 ? first.FirstBlank : rest.FirstBlank,
            rest.Stopped);
        return Finish(both, header.Ok, report);
    }

    /// <summary>The line a record starting at byte <paramref name="split"/> is on: one more than the records ended before it.</summary>
    private static int FirstLineAfter(ByteSource source, long from, long split)
    {
        // No double quote comes before the split, so every \n, \r\n or lone \r ends a record (as CsvReader counts them):
        // the line feeds, plus the carriage returns, less those followed by a line feed.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ByteSource.ChunkBytes);
        try
        {
            source.Rewind(from, split - from);
            long ends = 0;
            var carriage = false; // the chunk before ended in \r
            int n;
            while ((n = source.Read(buffer.AsSpan(0, ByteSource.ChunkBytes))) > 0)
            {
                Ambient.ThrowIfCancelled();
                var chunk = buffer.AsSpan(0, n);
                ends += chunk.Count((byte)'\n');
                if (carriage && chunk[0] == '\n')
                {
                    ends--;
                }

                var returns = chunk.Count((byte)'\r');
                if (returns > 0)
                {
                    ends += returns - chunk.Count("\r\n"u8);
                }

                carriage = chunk[^1] == '\r';
            }

            return (int)Math.Min(int.MaxValue, ends + 1);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The header's columns as checked, and what the rows' checks need of them.</summary>
    private sealed record Header(Dictionary<string, int> Columns, string?[] Names, bool[] InFormat, int Width, bool Ok, PersonalCells Personal);

    /// <summary>What reading the rows found: how many, the blank ones, and whether a line too long stopped it.</summary>
    private readonly record struct Rows(long Count, long Blank, int FirstBlank, bool Stopped);

    private static Header? ReadHeader(CsvReader csv, string[] required, string[] optional, Func<string, bool> isPersonal, CsvTableReport report)
    {
        if (!csv.TryRead(out var header) || header.IsBlank)
        {
            report(CsvTableIssue.EmptyFile, 1, null, null, FindingArgument.Of("columns", string.Join(", ", required)));
            return null;
        }

        if (header.Error is { } headerError)
        {
            ReportError(report, headerError, headerError.Column == 0 ? null : headerError.Column);
            return null;
        }

        // Trailing columns with no header (a spreadsheet's used range ran wider than the table) are not columns.
        var width = header.Count;
        while (width > 1 && header.GetSpan(width - 1, out _).Trim().IsEmpty)
        {
            width--;
        }

        var fields = new string[width];
        for (var i = 0; i < width; i++)
        {
            fields[i] = header.GetString(i);
        }

        if (CheckHeader(fields, 1, required, optional, isPersonal, report, out var columns, out var names, out var inFormat) is not { } headerOk)
        {
            return null;
        }

        return new Header(columns, names, inFormat, width, headerOk, new PersonalCells(report, names, inFormat));
    }

    private static Rows ReadRows(CsvReader csv, Header header, PersonalCells personal, Action<CsvRecord> onRecord, CsvTableReport report, StrongBox<bool>? stop)
    {
        var width = header.Width;
        var polled = 0;
        long rows = 0;
        long blank = 0;
        var firstBlank = 0;
        while (csv.TryRead(out var record))
        {
            Ambient.Poll(ref polled);
            Ambient.Rows(++rows);
            if (stop is not null && Volatile.Read(ref stop.Value))
            {
                break;
            }

            if (record.Error is { StopsReading: true } tooLong)
            {
                ReportError(report, tooLong, tooLong.Column == 0 ? null : tooLong.Column);
                return new Rows(rows, blank, firstBlank, true);
            }

            if (record.IsBlank || (record.Error is null && IsEmpty(record, 0)))
            {
                // A wholly empty row, such as the bare commas a spreadsheet leaves after the table: skipped, and counted
                // once below, so that a file of empty lines costs nothing per line.
                if (record.IsBlank)
                {
                    if (blank++ == 0)
                    {
                        firstBlank = record.Line;
                    }
                }

                continue;
            }

            if (record.Error is { } error)
            {
                ReportError(report, error, error.Column == 0 ? null : error.Column);
                continue;
            }

            if (record.Count != width && (record.Count < width || !IsEmpty(record, width)))
            {
                report(CsvTableIssue.FieldCount, record.Line, null, null, FindingArgument.Of("fields", record.Count), FindingArgument.Of("header", width));
                continue;
            }

            personal.BeginRow();
            for (var i = 0; i < width; i++)
            {
                var field = record.GetSpan(i, out var escaped);
                if (field.Length >= 5)
                {
                    personal.Check(record.Line, i, escaped ? record.GetString(i).AsSpan() : field);
                }
            }

            if (header.Ok)
            {
                // Without every required column no row can be read; the header problems say why.
                onRecord(record);
            }
        }

        return new Rows(rows, blank, firstBlank, false);
    }

    private static bool Finish(Rows rows, bool ok, CsvTableReport report)
    {
        Ambient.Rows(rows.Count, last: true);
        if (rows.Blank > 1)
        {
            // One blank line (a file ending in two line breaks) is not worth a word; more are counted once.
            report(CsvTableIssue.BlankLines, rows.FirstBlank, null, null, FindingArgument.Of("count", rows.Blank));
        }

        return ok && !rows.Stopped;
    }

    /// <summary>
    /// The header's checks, one place for files and sheets alike (a sheet's header row is handed over as its cells):
    /// another separator than commas, ID-card numbers, duplicated, unknown, personal-data and missing columns, each
    /// reported at <paramref name="line"/>.
    /// </summary>
    /// <returns>Whether every row can be read (null: not even the rows can be looked at, as with another separator).</returns>
    internal static bool? CheckHeader(
        IReadOnlyList<string> fields,
        int line,
        string[] required,
        string[] optional,
        Func<string, bool> isPersonal,
        CsvTableReport report,
        out Dictionary<string, int> columns,
        out string?[] names,
        out bool[] inFormat)
    {
        var width = fields.Count;
        columns = new Dictionary<string, int>(StringComparer.Ordinal);
        names = new string?[width];
        inFormat = new bool[width];

        // A file saved with semicolons, tabs or bars (a European Excel, a database export) has one header field that
        // holds every column: say so once, rather than as a missing column for each and the header as personal data.
        if (width == 1 && OtherSeparator(fields[0], required, optional) is { } separator)
        {
            report(CsvTableIssue.WrongSeparator, line, null, null, FindingArgument.Of("separator", separator));
            return null;
        }

        var headerOk = true;
        for (var i = 0; i < width; i++)
        {
            var written = fields[i].Trim();
            var column = i + 1;
            if (PersonalData.LooksLikeIdCardNumber(written))
            {
                // Not even the header may show it: the column is named by its number.
                headerOk = false;
                report(CsvTableIssue.IdCardValue, line, column, null, FindingArgument.Of("column", column.ToString(CultureInfo.InvariantCulture)));
                continue;
            }

            var known = ColumnNames.Canonical(written, required, optional);
            var name = known ?? written;
            names[i] = name;
            if (known is not null)
            {
                inFormat[i] = columns.TryAdd(name, column);
                if (!inFormat[i])
                {
                    headerOk = false;
                    report(CsvTableIssue.DuplicateColumn, line, column, name, FindingArgument.Of("column", name), FindingArgument.Of("first", columns[name]));
                }
            }
            else if (isPersonal(name))
            {
                headerOk = false;
                report(CsvTableIssue.PersonalColumn, line, column, name, FindingArgument.Of("column", name));
            }
            else
            {
                report(CsvTableIssue.UnknownColumn, line, column, name,
                    FindingArgument.Of("column", name), FindingArgument.Of("columns", string.Join(", ", required.Concat(optional))));
            }
        }

        foreach (var name in required)
        {
            if (!columns.ContainsKey(name))
            {
                headerOk = false;
                report(CsvTableIssue.MissingColumn, line, null, name, FindingArgument.Of("column", name), FindingArgument.Of("columns", string.Join(", ", required)));
            }
        }

        return headerOk;
    }

    /// <summary>
    /// The separator (as shown to the user) that splits a one-field header into names of which at least one is the
    /// format's, or null when none does.
    /// </summary>
    private static string? OtherSeparator(string header, string[] required, string[] optional)
    {
        foreach (var (separator, shown) in new[] { (';', ";"), ('\t', "Tab"), ('|', "|") })
        {
            var names = header.Split(separator, StringSplitOptions.TrimEntries);
            if (names.Length > 1 && names.Any(n => ColumnNames.Canonical(n, required, optional) is not null))
            {
                return shown;
            }
        }

        return null;
    }

    /// <summary>Whether every field from <paramref name="from"/> on is empty or white space.</summary>
    private static bool IsEmpty(CsvRecord record, int from)
    {
        for (var i = from; i < record.Count; i++)
        {
            if (!record.GetSpan(i, out _).Trim().IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private static void ReportError(CsvTableReport report, CsvError error, int? column)
    {
        switch (error.Kind)
        {
            case CsvErrorKind.Utf16:
                report(CsvTableIssue.Utf16, error.Line, null, null);
                break;
            case CsvErrorKind.BadByte:
                report(CsvTableIssue.BadByte, error.Line, null, null,
                    FindingArgument.Of("byte", error.ByteText), FindingArgument.Of("character", error.Character), FindingArgument.Of("offset", error.Offset));
                break;
            case CsvErrorKind.UnclosedQuote:
                report(CsvTableIssue.UnclosedQuote, error.Line, column, null);
                break;
            case CsvErrorKind.TextAfterQuote:
                report(CsvTableIssue.TextAfterQuote, error.Line, column, null);
                break;
            case CsvErrorKind.FieldTooLong:
                report(CsvTableIssue.FieldTooLong, error.Line, column, null, FindingArgument.Of("length", error.Length), FindingArgument.Of("max", (long)InputFileLimits.Current.MaxFieldChars));
                break;
            case CsvErrorKind.LineTooLong:
                report(CsvTableIssue.LineTooLong, error.Line, null, null, FindingArgument.Of("length", error.Length), FindingArgument.Of("max", (long)InputFileLimits.Current.MaxLineChars));
                break;
            default:
                report(CsvTableIssue.QuoteInField, error.Line, column, null);
                break;
        }
    }
}
