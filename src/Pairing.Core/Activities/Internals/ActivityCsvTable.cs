using System.Globalization;
using Pairing.Core.Findings;
using Pairing.Core.Internals.Csv;

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
            name => Rosters.PersonalData.LooksLikePersonalColumn(name, allowName: false),
            (issue, line, column, columnName, arguments) =>
                problems.Add(new ActivityProblem(CodeOf(issue).Create(null, new FindingLocation(fileName, null, line, column, columnName), arguments))),
            (columns, personal) =>
            {
                var row = new Row(problems, fileName, columns) { Personal = personal };
                return record =>
                {
                    row.Record = record;
                    onRow(row);
                };
            });

    private static FindingDescriptor CodeOf(CsvTableIssue issue) => issue switch
    {
        CsvTableIssue.Utf16 => ActivityFileFindings.Utf16,
        CsvTableIssue.BadByte => ActivityFileFindings.BadByte,
        CsvTableIssue.EmptyFile => ActivityFileFindings.EmptyFile,
        CsvTableIssue.UnclosedQuote => ActivityFileFindings.UnclosedQuote,
        CsvTableIssue.TextAfterQuote => ActivityFileFindings.TextAfterQuote,
        CsvTableIssue.QuoteInField => ActivityFileFindings.QuoteInField,
        CsvTableIssue.FieldCount => ActivityFileFindings.FieldCount,
        CsvTableIssue.MissingColumn => ActivityFileFindings.MissingColumn,
        CsvTableIssue.DuplicateColumn => ActivityFileFindings.DuplicateColumn,
        CsvTableIssue.UnknownColumn => ActivityFileFindings.UnknownColumn,
        CsvTableIssue.IdCardValue => ActivityFileFindings.IdCardValue,
        CsvTableIssue.PhoneValues => ActivityFileFindings.PersonalValues,
        CsvTableIssue.EmailValues => ActivityFileFindings.EmailValues,
        _ => ActivityFileFindings.PersonalColumn,
    };

    /// <summary>Typed access to one record's fields by column name, reporting problems at the field.</summary>
    internal sealed class Row(List<ActivityProblem> problems, string fileName, Dictionary<string, int> columns)
    {
        public CsvRecord Record { get; set; }

        public int Line => Record.Line;

        /// <summary>Which of the row's fields held an ID-card-shaped value (already reported): they read as empty.</summary>
        public PersonalCells? Personal { get; set; }

        /// <summary>Whether the row held an ID-card-shaped value: such a row is not read (its problem says so).</summary>
        public bool Refused => Personal is { Any: true };

        private bool IsFlagged(string column) =>
            Personal is { Any: true } personal && columns.TryGetValue(column, out var index) && personal.IsFlagged(index - 1);

        public bool Has(string column) => columns.ContainsKey(column);

        /// <summary>The field's text, or empty when the column is absent.</summary>
        public string Text(string column) => columns.TryGetValue(column, out var index) && !IsFlagged(column) ? Record.GetString(index - 1) : string.Empty;

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
            if (IsFlagged(column))
            {
                return null; // reported as an ID-card-shaped value, which no other problem may show
            }

            if (value.Length == 0)
            {
                Problem(ActivityFileFindings.EmptyId, column, FindingArgument.Of("column", column));
                return null;
            }

            return CheckId(column, value) ? value : null;
        }

        private bool CheckId(string column, string value)
        {
            if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            {
                Problem(ActivityFileFindings.SpacedId, column, FindingArgument.Of("column", column), FindingArgument.Of("value", value));
                return false;
            }

            foreach (var c in value)
            {
                if (char.IsControl(c))
                {
                    Problem(ActivityFileFindings.ControlInId, column, FindingArgument.Of("column", column),
                        FindingArgument.Of("character", "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
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
                    Problem(ActivityFileFindings.MissingDate, column, FindingArgument.Of("column", column));
                }

                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            ok = false;
            Problem(ActivityFileFindings.BadDate, column, FindingArgument.Of("column", column), FindingArgument.Of("value", value));
            return null;
        }

        /// <summary>Reports a problem at this record's field of <paramref name="column"/>.</summary>
        public void Problem(FindingDescriptor code, string column, params FindingArgument[] arguments)
        {
            if (IsFlagged(column))
            {
                return; // the field's one problem is that it holds an ID-card-shaped value, already reported
            }

            problems.Add(new ActivityProblem(code.Create(
                null, new FindingLocation(fileName, null, Record.Line, columns.TryGetValue(column, out var index) ? index : null, column), arguments)));
        }
    }
}
