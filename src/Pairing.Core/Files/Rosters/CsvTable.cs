using System.Globalization;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Rosters;

namespace Pairing.Core.Files.Rosters;

/// <summary>
/// The part of reading a roster file that is the same for every file: decoding, the header (required, optional,
/// unknown, duplicated and personal-data columns), field counts, and positions for every problem.
/// </summary>
internal static class CsvTable
{
    public static void Read(
        RosterBuilder builder,
        TableInput input,
        string fileName,
        string table,
        string[] required,
        string[] optional,
        bool allowName,
        Action<RowReader, RosterBuilder.Source> onRow) =>
        Read(builder, input, fileName, table, required, optional, allowName, _ => onRow, inTwo: false);

    /// <summary>
    /// Reads a table; with <paramref name="inTwo"/>, a large CSV file in two halves at once (<see cref="CsvTableReader.Read"/>),
    /// the second half's rows handled by what <paramref name="rowsFor"/> makes for a builder of their own, merged into
    /// <paramref name="builder"/> afterwards in file order, so that the roster and its problems are those one reader finds.
    /// </summary>
    public static void Read(
        RosterBuilder builder,
        TableInput input,
        string fileName,
        string table,
        string[] required,
        string[] optional,
        bool allowName,
        Func<RosterBuilder, Action<RowReader, RosterBuilder.Source>> rowsFor,
        bool inTwo)
    {
        if (input.Cells is { } cells)
        {
            CellTableReader.Read(builder, cells, table, required, optional, allowName, rowsFor(builder));
            return;
        }

        RosterBuilder.FileColumns? files = null;
        CsvTableReport ReportTo(RosterBuilder to) => (issue, line, column, columnName, arguments) =>
            to.AddProblem(CodeOf(issue).Create(null, new FindingLocation(fileName, null, line, column, columnName), arguments));
        Func<Dictionary<string, int>, PersonalCells, Action<CsvRecord>> StartFor(RosterBuilder to) => (columns, personal) =>
        {
            // Both halves' rows name the same file's columns, once.
            files ??= new RosterBuilder.FileColumns(fileName, table, columns);
            var file = files;
            var rowReader = new RowReader(to, file, columns) { Personal = personal };
            var onRow = rowsFor(to);
            return record =>
            {
                rowReader.Record = record;
                onRow(rowReader, new RosterBuilder.Source(file, record.Line));
            };
        };

        Func<double, CsvTableReader.SecondHalf>? second = null;
        if (inTwo)
        {
            second = share =>
            {
                // Room for its share of the rows made ahead, as for the whole file.
                var later = builder.ForLaterRows();
                later.StudentCapacityHint = (int)Math.Min(int.MaxValue, builder.StudentCapacity * share * 1.05);
                return new CsvTableReader.SecondHalf
                {
                    Report = ReportTo(later),
                    Start = StartFor(later),
                    Merge = refused => builder.Merge(later, finding =>
                        (finding.Code == RosterFindings.PersonalValues.Code || finding.Code == RosterFindings.EmailValues.Code)
                        && finding.Location?.Column is { } column && refused.Contains(column - 1)),
                };
            };
        }

        var readable = CsvTableReader.Read(
            input.Bytes ?? ByteSource.Of(ReadOnlyMemory<byte>.Empty),
            required,
            optional,
            name => PersonalData.LooksLikePersonalColumn(name, allowName),
            ReportTo(builder),
            StartFor(builder),
            second);
        if (!readable)
        {
            builder.MarkUnreadable(table);
        }
    }

    internal static FindingDescriptor CodeOf(CsvTableIssue issue) => issue switch
    {
        CsvTableIssue.Utf16 => RosterFindings.Utf16,
        CsvTableIssue.BadByte => RosterFindings.BadByte,
        CsvTableIssue.EmptyFile => RosterFindings.EmptyFile,
        CsvTableIssue.UnclosedQuote => RosterFindings.UnclosedQuote,
        CsvTableIssue.TextAfterQuote => RosterFindings.TextAfterQuote,
        CsvTableIssue.QuoteInField => RosterFindings.QuoteInField,
        CsvTableIssue.FieldCount => RosterFindings.FieldCount,
        CsvTableIssue.MissingColumn => RosterFindings.MissingColumn,
        CsvTableIssue.DuplicateColumn => RosterFindings.DuplicateColumn,
        CsvTableIssue.UnknownColumn => RosterFindings.UnknownColumn,
        CsvTableIssue.IdCardValue => RosterFindings.IdCardValue,
        CsvTableIssue.PhoneValues => RosterFindings.PersonalValues,
        CsvTableIssue.EmailValues => RosterFindings.EmailValues,
        CsvTableIssue.WrongSeparator => RosterFindings.WrongSeparator,
        CsvTableIssue.FieldTooLong => RosterFindings.FieldTooLong,
        CsvTableIssue.LineTooLong => RosterFindings.LineTooLong,
        CsvTableIssue.BlankLines => RosterFindings.BlankLines,
        _ => RosterFindings.PersonalColumn,
    };

    internal static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)]);

    /// <summary>Typed access to one record's fields by column name, reporting problems at the field.</summary>
    internal sealed class RowReader(RosterBuilder builder, RosterBuilder.FileColumns file, Dictionary<string, int> columns)
    {
        public CsvRecord Record { get; set; }

        /// <summary>The row's cells (column A first) when the table is a workbook's sheet, in place of <see cref="Record"/>.</summary>
        public IReadOnlyList<string>? Cells { get; set; }

        /// <summary>The sheet row of <see cref="Cells"/>.</summary>
        public int CellRow { get; set; }

        /// <summary>Which of the row's cells held an ID-card-shaped value (already reported): they read as empty.</summary>
        public PersonalCells? Personal { get; set; }

        /// <summary>
        /// Whether the row held an ID-card-shaped value: such a row is not read (its problem says so), though what it
        /// names is still rejected by id, so that other rows naming it are not reported one by one.
        /// </summary>
        public bool Refused => Personal is { Any: true };

        // Callers pass the same literal column names for every row: a reference check over a handful of names is
        // much cheaper than a dictionary look-up per field on a file of two million rows.
        private readonly (string Name, int Index)[] _recent = [.. columns.Select(kv => (kv.Key, kv.Value - 1))];

        public bool Has(string column)
        {
            foreach (var (name, _) in _recent)
            {
                if (ReferenceEquals(name, column))
                {
                    return true;
                }
            }

            return columns.ContainsKey(column);
        }

        public ReadOnlySpan<char> Span(string column)
        {
            var index = IndexOf(column);
            if (Personal is { Any: true } personal && personal.IsFlagged(index))
            {
                return default;
            }

            if (Cells is { } cells)
            {
                return index < cells.Count ? cells[index].AsSpan() : default;
            }

            var span = Record.GetSpan(index, out var escaped);
            return escaped || (span.Length > 1 && span[0] == '\'') ? Record.GetString(index).AsSpan() : span;
        }

        public string Text(string column) => IsFlagged(column)
            ? string.Empty
            : Cells is { } cells
                ? (IndexOf(column) is var index && index < cells.Count ? cells[index] : string.Empty)
                : Record.GetString(IndexOf(column));

        private bool IsFlagged(string column) => Personal is { Any: true } personal && personal.IsFlagged(IndexOf(column));

        /// <summary>A value field (not an id), with what spreadsheets do to values undone (<see cref="CellText.Fold"/>).</summary>
        public ReadOnlySpan<char> Value(string column) => CellText.Fold(Span(column));

        private int IndexOf(string column)
        {
            foreach (var (name, index) in _recent)
            {
                if (ReferenceEquals(name, column))
                {
                    return index;
                }
            }

            return columns[column] - 1;
        }

        /// <summary>The id field's text as written, whether valid or not; null when empty.</summary>
        public string? RawId(string column) => Span(column) is { Length: > 0 } text ? text.ToString() : null;

        /// <summary>An id field, or null (with a problem reported) when it is not a valid id.</summary>
        public string? Id(string column) => IdSpan(column, out var value) ? value.ToString() : null;

        /// <summary>An id field as a span, or false (with a problem reported) when it is not a valid id.</summary>
        public bool IdSpan(string column, out ReadOnlySpan<char> value)
        {
            value = Span(column);
            if (IsFlagged(column))
            {
                return false; // reported as an ID-card-shaped value, which no other problem may show
            }

            if (value.Length == 0)
            {
                Problem(RosterFindings.EmptyId, column, FindingArgument.Of("column", column));
                return false;
            }

            if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            {
                Problem(RosterFindings.SpacedId, column, FindingArgument.Of("column", column), FindingArgument.Of("value", value.ToString()));
                return false;
            }

            if (CellText.IsENotation(value))
            {
                Problem(RosterFindings.NumberId, column, FindingArgument.Of("column", column), FindingArgument.Of("value", value.ToString()));
                return false;
            }

            // Control characters are U+0000 to U+001F and U+007F to U+009F (char.IsControl), found by a vectorised search.
            if (value.IndexOfAny(ControlCharacters) is var at and >= 0)
            {
                Problem(RosterFindings.ControlInId, column, FindingArgument.Of("column", column),
                    FindingArgument.Of("character", "U+" + ((int)value[at]).ToString("X4", CultureInfo.InvariantCulture)));
                return false;
            }

            return true;
        }

        /// <summary>Reports a problem at this record's field of <paramref name="column"/>.</summary>
        public void Problem(FindingDescriptor code, string column, params FindingArgument[] arguments)
        {
            if (IsFlagged(column))
            {
                return; // the cell's one problem is that it holds an ID-card-shaped value, already reported
            }

            builder.AddProblem(code.Create(null, new FindingLocation(file.FileName, file.Sheet, Cells is null ? Record.Line : CellRow, file.ColumnOf(column), column), arguments));
        }
    }
}
