using System.Globalization;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;

namespace Pairing.Core.Files.Activities;

/// <summary>
/// Reading an activities or holidays file: the table itself through <see cref="CsvTableReader"/>, shared with the
/// roster files so that both kinds of input report problems the same way, then typed access to each row. A workbook's
/// sheet (a <see cref="CellTable"/>, from Pairing.Core.Excel) is read through the same header checks and the same row
/// handler, as <see cref="Pairing.Core.Files.Rosters.RosterTableReader"/> does for rosters, with problems at the sheet's rows and columns.
/// </summary>
internal static class ActivityCsvTable
{
    /// <summary>Reads a file's rows a chunk at a time; false when the file cannot be read at all (its problems are reported).</summary>
    public static bool Read(
        ActivityProblems problems,
        ByteSource bytes,
        string fileName,
        string[] required,
        string[] optional,
        Action<Row> onRow) =>
        CsvTableReader.Read(
            bytes,
            required,
            optional,
            name => PersonalData.LooksLikePersonalColumn(name, allowName: false),
            Report(problems, fileName),
            Start(problems, fileName, onRow));

    private static CsvTableReport Report(ActivityProblems problems, string fileName) =>
        (issue, line, column, columnName, arguments) =>
            problems.Add(CodeOf(issue).Create(null, new FindingLocation(fileName, null, line, column, columnName), arguments));

    private static Func<Dictionary<string, int>, PersonalCells, Action<CsvRecord>> Start(ActivityProblems problems, string fileName, Action<Row> onRow) =>
        (columns, personal) =>
        {
            var row = new Row(problems, fileName, columns) { Personal = personal };
            return record =>
            {
                row.Record = record;
                onRow(row);
            };
        };

    /// <summary>
    /// Reads a sheet's rows: its first non-empty row is the header, read through the CSV header checks (as one quoted
    /// CSV line, so that what a header may say is decided in one place); wholly empty rows are skipped; a cell past the
    /// header's columns is a warning, said once per column. False when the rows cannot be read (problems say why).
    /// </summary>
    public static bool Read(ActivityProblems problems, CellTable cells, string[] required, string[] optional, Action<Row> onRow) =>
        SheetTableReader.Read(
            cells,
            required,
            optional,
            name => PersonalData.LooksLikePersonalColumn(name, allowName: false),
            (issue, line, column, columnName, arguments) =>
                problems.Add(CodeOf(issue).Create(null, new FindingLocation(cells.File, cells.Sheet, line, column, columnName), arguments)),
            () => problems.Add(ActivityFileFindings.EmptySheet.Create(null, new FindingLocation(cells.File, cells.Sheet),
                FindingArgument.Of("sheet", cells.Sheet), FindingArgument.Of("columns", string.Join(", ", required)))),
            (row, column, header) => problems.Add(ActivityFileFindings.UnheadedColumn.Create(
                null, new FindingLocation(cells.File, cells.Sheet, row, column),
                FindingArgument.Of("column", FindingLocation.ColumnLetters(column)), FindingArgument.Of("header", header))),
            (columns, personal) =>
            {
                var row = new Row(problems, cells.File, columns) { Personal = personal, Sheet = cells.Sheet };
                return cellRow =>
                {
                    row.Cells = cellRow.Cells;
                    row.CellRow = cellRow.Number;
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
        CsvTableIssue.WrongSeparator => ActivityFileFindings.WrongSeparator,
        CsvTableIssue.FieldTooLong => ActivityFileFindings.FieldTooLong,
        CsvTableIssue.LineTooLong => ActivityFileFindings.LineTooLong,
        CsvTableIssue.BlankLines => ActivityFileFindings.BlankLines,
        _ => ActivityFileFindings.PersonalColumn,
    };

    /// <summary>Typed access to one record's fields by column name, reporting problems at the field.</summary>
    internal sealed class Row(ActivityProblems problems, string fileName, Dictionary<string, int> columns)
    {
        public CsvRecord Record { get; set; }

        /// <summary>The row's cells (column A first) when the table is a workbook's sheet, in place of <see cref="Record"/>.</summary>
        public IReadOnlyList<string>? Cells { get; set; }

        /// <summary>The sheet row of <see cref="Cells"/>.</summary>
        public int CellRow { get; set; }

        /// <summary>The sheet the table is, for a workbook's; null for a CSV file.</summary>
        public string? Sheet { get; init; }

        /// <summary>The record's line (CSV) or the sheet's row number.</summary>
        public int Line => Cells is null ? Record.Line : CellRow;

        /// <summary>Which of the row's fields held an ID-card-shaped value (already reported): they read as empty.</summary>
        public PersonalCells? Personal { get; set; }

        /// <summary>Whether the row held an ID-card-shaped value: such a row is not read (its problem says so).</summary>
        public bool Refused => Personal is { Any: true };

        private bool IsFlagged(string column) =>
            Personal is { Any: true } personal && columns.TryGetValue(column, out var index) && personal.IsFlagged(index - 1);

        public bool Has(string column) => columns.ContainsKey(column);

        /// <summary>The field's text, or empty when the column is absent.</summary>
        public string Text(string column) => !columns.TryGetValue(column, out var index) || IsFlagged(column)
            ? string.Empty
            : Cells is { } cells
                ? (index - 1 < cells.Count ? cells[index - 1] : string.Empty)
                : Record.GetString(index - 1);

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

            if (CellText.IsENotation(value))
            {
                // What a spreadsheet shows for a long number: the digits past the 15th are gone.
                Problem(ActivityFileFindings.NumberId, column, FindingArgument.Of("column", column), FindingArgument.Of("value", value));
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

            problems.Add(code.Create(
                null, new FindingLocation(fileName, Sheet, Line, columns.TryGetValue(column, out var index) ? index : null, column), arguments));
        }
    }
}
