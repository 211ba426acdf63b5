using System.Globalization;
using Pairing.Core.Rosters;

namespace Pairing.Core.Internals.Csv;

/// <summary>What can be wrong with a CSV file as a table, before any field is read.</summary>
internal enum CsvTableIssue
{
    BadEncoding,
    MalformedCsv,
    MissingColumn,
    DuplicateColumn,
    UnknownColumn,
    PersonalData,
}

/// <summary>Reports one table-level problem; each kind of input turns it into its own problem type.</summary>
internal delegate void CsvTableReport(
    CsvTableIssue issue, ProblemSeverity severity, int? line, int? column, string? columnName, string message, string expected);

/// <summary>
/// What reading any of the library's CSV files has in common: decoding (UTF-8 or GB18030), the header (required,
/// optional, unknown, duplicated and personal-data columns), the field count of every row, and a position for every
/// problem, every one of them reported rather than the first.
/// </summary>
internal static class CsvTableReader
{
    /// <summary>
    /// Reads a file's rows, handing each well-formed one to the handler <paramref name="start"/> makes from the
    /// header's columns (name to 1-based field number).
    /// </summary>
    /// <returns>Whether the rows could be read at all; when not, the problems reported say why.</returns>
    public static bool Read(
        ReadOnlySpan<byte> bytes,
        string[] required,
        string[] optional,
        Func<string, bool> isPersonal,
        CsvTableReport report,
        Func<Dictionary<string, int>, Action<CsvRecord>> start)
    {
        if (!TextDecoding.TryDecode(bytes, out var text, out _, out var encodingError))
        {
            report(CsvTableIssue.BadEncoding, ProblemSeverity.Error, encodingError!.Line, null, null, encodingError.Message, encodingError.Expected);
            return false;
        }

        var csv = new CsvReader(text);
        if (!csv.TryRead(out var header) || header.IsBlank)
        {
            report(CsvTableIssue.MissingColumn, ProblemSeverity.Error, 1, null, null,
                "the file is empty: it has no header row", $"a header row naming {string.Join(", ", required)}");
            return false;
        }

        if (header.Error is { } headerError)
        {
            report(CsvTableIssue.MalformedCsv, ProblemSeverity.Error, headerError.Line, headerError.Column, null,
                $"the header row is malformed: {headerError.Message}", headerError.Expected);
            return false;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerOk = true;
        for (var i = 0; i < header.Count; i++)
        {
            var name = header.GetString(i).Trim();
            var column = i + 1;
            if (Array.IndexOf(required, name) >= 0 || Array.IndexOf(optional, name) >= 0)
            {
                if (!columns.TryAdd(name, column))
                {
                    headerOk = false;
                    report(CsvTableIssue.DuplicateColumn, ProblemSeverity.Error, 1, column, name,
                        $"column '{name}' appears twice in the header (first as column {columns[name].ToString(CultureInfo.InvariantCulture)})",
                        "each column once");
                }
            }
            else if (isPersonal(name))
            {
                headerOk = false;
                report(CsvTableIssue.PersonalData, ProblemSeverity.Error, 1, column, name,
                    $"column '{name}' looks like personal data (a name, address, ID-card number, phone or birth date); students are minors and the library never takes them",
                    "no such column: remove it before handing the file over");
            }
            else
            {
                report(CsvTableIssue.UnknownColumn, ProblemSeverity.Warning, 1, column, name,
                    $"column '{name}' is not part of the format and is ignored",
                    $"only {string.Join(", ", required.Concat(optional))}");
            }
        }

        foreach (var name in required)
        {
            if (!columns.ContainsKey(name))
            {
                headerOk = false;
                report(CsvTableIssue.MissingColumn, ProblemSeverity.Error, 1, null, name,
                    $"required column '{name}' is missing from the header",
                    $"a header with {string.Join(", ", required)}");
            }
        }

        var onRecord = start(columns);
        while (csv.TryRead(out var record))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (record.Error is { } error)
            {
                report(CsvTableIssue.MalformedCsv, ProblemSeverity.Error, error.Line, error.Column == 0 ? null : error.Column, null, error.Message, error.Expected);
                continue;
            }

            if (record.Count != header.Count)
            {
                report(CsvTableIssue.MalformedCsv, ProblemSeverity.Error, record.Line, null, null,
                    $"the row has {record.Count.ToString(CultureInfo.InvariantCulture)} fields, the header {header.Count.ToString(CultureInfo.InvariantCulture)}",
                    $"{header.Count.ToString(CultureInfo.InvariantCulture)} fields, as in the header (quote a field that holds a comma)");
                continue;
            }

            if (headerOk)
            {
                // Without every required column no row can be read; the header problems say why.
                onRecord(record);
            }
        }

        return headerOk;
    }
}
