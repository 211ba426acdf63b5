using System.Globalization;
using Pairing.Core.Internals.Csv;
using Pairing.Core.Rosters;

namespace Pairing.Core.Activities.Internals;

/// <summary>
/// Reading an activities or holidays file: the table itself through <see cref="CsvTableReader"/>, shared with the
/// roster files so that both kinds of input report problems the same way, then typed access to each row.
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
        Action<Row> onRow) =>
        CsvTableReader.Read(
            bytes,
            required,
            optional,
            _ => false,
            (issue, severity, line, column, columnName, message, expected) =>
                problems.Add(new ActivityProblem(KindOf(issue), severity, fileName, line, column, columnName, message, expected)),
            columns =>
            {
                var row = new Row(problems, fileName, columns);
                return record =>
                {
                    row.Record = record;
                    onRow(row);
                };
            });

    private static ActivityProblemKind KindOf(CsvTableIssue issue) => issue switch
    {
        CsvTableIssue.BadEncoding => ActivityProblemKind.BadEncoding,
        CsvTableIssue.MalformedCsv => ActivityProblemKind.MalformedCsv,
        CsvTableIssue.MissingColumn => ActivityProblemKind.MissingColumn,
        CsvTableIssue.DuplicateColumn => ActivityProblemKind.DuplicateColumn,
        _ => ActivityProblemKind.UnknownColumn,
    };

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
