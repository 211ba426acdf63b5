using System.Globalization;
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
    /// <returns>Whether the rows could be read at all; when not, the problems reported say why.</returns>
    public static bool Read(
        ByteSource bytes,
        string[] required,
        string[] optional,
        Func<string, bool> isPersonal,
        CsvTableReport report,
        Func<Dictionary<string, int>, PersonalCells, Action<CsvRecord>> start)
    {
        // Two passes over the bytes, neither holding the file: the first chooses the encoding (a file on disk was scanned
        // when opened, for its size), the second decodes and tokenizes a chunk at a time.
        var scan = bytes.Scanned ??= TextDecoding.Scan(bytes, long.MaxValue);
        if (scan.Error is { } encodingError)
        {
            ReportError(report, encodingError, null);
            return false;
        }

        return Read(new CsvReader(TextDecoding.Open(bytes, scan)), required, optional, isPersonal, report, start);
    }

    private static bool Read(
        CsvReader csv,
        string[] required,
        string[] optional,
        Func<string, bool> isPersonal,
        CsvTableReport report,
        Func<Dictionary<string, int>, PersonalCells, Action<CsvRecord>> start)
    {
        if (!csv.TryRead(out var header) || header.IsBlank)
        {
            report(CsvTableIssue.EmptyFile, 1, null, null, FindingArgument.Of("columns", string.Join(", ", required)));
            return false;
        }

        if (header.Error is { } headerError)
        {
            ReportError(report, headerError, headerError.Column == 0 ? null : headerError.Column);
            return false;
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
            return false;
        }

        var personal = new PersonalCells(report, names, inFormat);
        var onRecord = start(columns, personal);
        var polled = 0;
        long rows = 0;
        long blank = 0;
        var firstBlank = 0;
        while (csv.TryRead(out var record))
        {
            Ambient.Poll(ref polled);
            Ambient.Rows(++rows);
            if (record.Error is { StopsReading: true } tooLong)
            {
                ReportError(report, tooLong, tooLong.Column == 0 ? null : tooLong.Column);
                headerOk = false;
                break;
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

            if (headerOk)
            {
                // Without every required column no row can be read; the header problems say why.
                onRecord(record);
            }
        }

        Ambient.Rows(rows, last: true);
        if (blank > 1)
        {
            // One blank line (a file ending in two line breaks) is not worth a word; more are counted once.
            report(CsvTableIssue.BlankLines, firstBlank, null, null, FindingArgument.Of("count", blank));
        }

        return headerOk;
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
