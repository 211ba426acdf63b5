using System.Globalization;
using Pairing.Core.Internals.Csv;
using Pairing.Core.Rosters;

namespace Pairing.Core.Activities.Internals;

/// <summary>
/// The part of reading an activities or holidays file that is the same for both: decoding, the header (required,
/// optional, unknown and duplicated columns), field counts, and a position for every problem. Mirrors the
/// roster's CsvTable so that both kinds of input report problems the same way.
/// </summary>
internal static class ActivityCsvTable
{
    /// <summary>Reads a file's rows; false when the file cannot be read at all (its problems are reported).</summary>
    public static bool Read(
        List<ActivityProblem> problems,
        ReadOnlySpan<byte> bytes,
        string fileName,
        string[] required,
        string[] optional,
        Action<Row> onRow)
    {
        if (!TextDecoding.TryDecode(bytes, out var text, out _, out var encodingError))
        {
            problems.Add(new ActivityProblem(ActivityProblemKind.BadEncoding, ProblemSeverity.Error, fileName, encodingError!.Line, null, null,
                encodingError.Message, encodingError.Expected));
            return false;
        }

        var csv = new CsvReader(text);
        if (!csv.TryRead(out var header) || header.IsBlank)
        {
            problems.Add(new ActivityProblem(ActivityProblemKind.MissingColumn, ProblemSeverity.Error, fileName, 1, null, null,
                "the file is empty: it has no header row", $"a header row naming {string.Join(", ", required)}"));
            return false;
        }

        if (header.Error is { } headerError)
        {
            problems.Add(new ActivityProblem(ActivityProblemKind.MalformedCsv, ProblemSeverity.Error, fileName, headerError.Line,
                headerError.Column, null, $"the header row is malformed: {headerError.Message}", headerError.Expected));
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
                    problems.Add(new ActivityProblem(ActivityProblemKind.DuplicateColumn, ProblemSeverity.Error, fileName, 1, column, name,
                        $"column '{name}' appears twice in the header (first as column {columns[name].ToString(CultureInfo.InvariantCulture)})",
                        "each column once"));
                }
            }
            else
            {
                problems.Add(new ActivityProblem(ActivityProblemKind.UnknownColumn, ProblemSeverity.Warning, fileName, 1, column, name,
                    $"column '{name}' is not part of the format and is ignored",
                    $"only {string.Join(", ", required.Concat(optional))}"));
            }
        }

        foreach (var name in required)
        {
            if (!columns.ContainsKey(name))
            {
                headerOk = false;
                problems.Add(new ActivityProblem(ActivityProblemKind.MissingColumn, ProblemSeverity.Error, fileName, 1, null, name,
                    $"required column '{name}' is missing from the header",
                    $"a header with {string.Join(", ", required)}"));
            }
        }

        var row = new Row(problems, fileName, columns);
        while (csv.TryRead(out var record))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (record.Error is { } error)
            {
                problems.Add(new ActivityProblem(ActivityProblemKind.MalformedCsv, ProblemSeverity.Error, fileName, error.Line,
                    error.Column == 0 ? null : error.Column, null, error.Message, error.Expected));
                continue;
            }

            if (record.Count != header.Count)
            {
                problems.Add(new ActivityProblem(ActivityProblemKind.MalformedCsv, ProblemSeverity.Error, fileName, record.Line, null, null,
                    $"the row has {record.Count.ToString(CultureInfo.InvariantCulture)} fields, the header {header.Count.ToString(CultureInfo.InvariantCulture)}",
                    $"{header.Count.ToString(CultureInfo.InvariantCulture)} fields, as in the header (quote a field that holds a comma)"));
                continue;
            }

            if (!headerOk)
            {
                // Without every required column no row can be read; the header problems say why.
                continue;
            }

            row.Record = record;
            onRow(row);
        }

        return headerOk;
    }

    /// <summary>Typed access to one record's fields by column name, reporting problems at the field.</summary>
    internal sealed class Row(List<ActivityProblem> problems, string fileName, Dictionary<string, int> columns)
    {
        public CsvRecord Record { get; set; }

        public int Line => Record.Line;

        public bool Has(string column) => columns.ContainsKey(column);

        /// <summary>The field's text, or empty when the column is absent.</summary>
        public string Text(string column) => columns.TryGetValue(column, out var index) ? Record.GetString(index - 1) : string.Empty;

        /// <summary>An optional id: null when empty; null with a problem when malformed.</summary>
        public string? OptionalId(string column, out bool ok)
        {
            ok = true;
            var value = Text(column);
            if (value.Length == 0)
            {
                return null;
            }

            ok = CheckId(column, value);
            return ok ? value : null;
        }

        /// <summary>A required id, or null (with a problem reported) when it is empty or malformed.</summary>
        public string? Id(string column)
        {
            var value = Text(column);
            if (value.Length == 0)
            {
                Problem(ActivityProblemKind.BadId, column, $"{column} is empty", "a non-empty id");
                return null;
            }

            return CheckId(column, value) ? value : null;
        }

        private bool CheckId(string column, string value)
        {
            if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            {
                Problem(ActivityProblemKind.BadId, column, $"{column} '{value}' has white space around it", "an id without surrounding spaces");
                return false;
            }

            foreach (var c in value)
            {
                if (char.IsControl(c))
                {
                    Problem(ActivityProblemKind.BadId, column, $"{column} contains a control character (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)})",
                        "an id of printable characters");
                    return false;
                }
            }

            return true;
        }

        /// <summary>An ISO date; null when empty (reported when <paramref name="required"/>), or malformed (reported).</summary>
        public DateOnly? Date(string column, bool required, out bool ok)
        {
            ok = true;
            var value = Text(column);
            if (value.Length == 0)
            {
                if (required)
                {
                    ok = false;
                    Problem(ActivityProblemKind.BadDate, column, $"{column} is empty", "an ISO date such as 2014-09-15");
                }

                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            ok = false;
            Problem(ActivityProblemKind.BadDate, column, $"{column} '{value}' is not a date", "an ISO date such as 2014-09-15");
            return null;
        }

        public void Problem(ActivityProblemKind kind, string column, string message, string expected) =>
            problems.Add(new ActivityProblem(kind, ProblemSeverity.Error, fileName, Record.Line,
                columns.TryGetValue(column, out var index) ? index : null, column, message, expected));
    }
}
