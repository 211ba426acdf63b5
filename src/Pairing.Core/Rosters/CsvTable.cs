using System.Globalization;
using Pairing.Core.Internals.Csv;

namespace Pairing.Core.Rosters;

/// <summary>
/// The part of reading a roster file that is the same for every file: decoding, the header (required, optional,
/// unknown, duplicated and personal-data columns), field counts, and positions for every problem.
/// </summary>
internal static class CsvTable
{
    public static void Read(
        RosterBuilder builder,
        byte[] bytes,
        string fileName,
        string table,
        string[] required,
        string[] optional,
        bool allowName,
        Action<RowReader, RosterBuilder.Source> onRow)
    {
        if (!TextDecoding.TryDecode(bytes, out var text, out _, out var encodingError))
        {
            builder.AddProblem(new RosterProblem(RosterProblemKind.BadEncoding, ProblemSeverity.Error, fileName, encodingError!.Line, null, null,
                encodingError.Message, encodingError.Expected));
            builder.MarkUnreadable(table);
            return;
        }

        var csv = new CsvReader(text);
        if (!csv.TryRead(out var header) || header.IsBlank)
        {
            builder.AddProblem(new RosterProblem(RosterProblemKind.MissingColumn, ProblemSeverity.Error, fileName, 1, null, null,
                "the file is empty: it has no header row", $"a header row naming {string.Join(", ", required)}"));
            builder.MarkUnreadable(table);
            return;
        }

        if (header.Error is { } headerError)
        {
            builder.AddProblem(new RosterProblem(RosterProblemKind.MalformedCsv, ProblemSeverity.Error, fileName, headerError.Line,
                headerError.Column, null, $"the header row is malformed: {headerError.Message}", headerError.Expected));
            builder.MarkUnreadable(table);
            return;
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
                    builder.AddProblem(new RosterProblem(RosterProblemKind.DuplicateColumn, ProblemSeverity.Error, fileName, 1, column, name,
                        $"column '{name}' appears twice in the header (first as column {columns[name].ToString(CultureInfo.InvariantCulture)})",
                        "each column once"));
                }
            }
            else if (PersonalData.LooksLikePersonalColumn(name, allowName))
            {
                headerOk = false;
                builder.AddProblem(new RosterProblem(RosterProblemKind.PersonalData, ProblemSeverity.Error, fileName, 1, column, name,
                    $"column '{name}' looks like personal data (a name, address, ID-card number, phone or birth date); students are minors and the library never takes them",
                    "no such column: remove it before handing the file over"));
            }
            else
            {
                builder.AddProblem(new RosterProblem(RosterProblemKind.UnknownColumn, ProblemSeverity.Warning, fileName, 1, column, name,
                    $"column '{name}' is not part of the format and is ignored",
                    $"only {string.Join(", ", required.Concat(optional))}"));
            }
        }

        foreach (var name in required)
        {
            if (!columns.ContainsKey(name))
            {
                headerOk = false;
                builder.AddProblem(new RosterProblem(RosterProblemKind.MissingColumn, ProblemSeverity.Error, fileName, 1, null, name,
                    $"required column '{name}' is missing from the header",
                    $"a header with {string.Join(", ", required)}"));
            }
        }

        if (!headerOk)
        {
            builder.MarkUnreadable(table);
        }

        var files = new RosterBuilder.FileColumns(fileName, table, columns);
        var rowReader = new RowReader(builder, files, columns);
        while (csv.TryRead(out var record))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (record.Error is { } error)
            {
                builder.AddProblem(new RosterProblem(RosterProblemKind.MalformedCsv, ProblemSeverity.Error, fileName, error.Line,
                    error.Column == 0 ? null : error.Column, null, error.Message, error.Expected));
                continue;
            }

            if (record.Count != header.Count)
            {
                builder.AddProblem(new RosterProblem(RosterProblemKind.MalformedCsv, ProblemSeverity.Error, fileName, record.Line, null, null,
                    $"the row has {record.Count.ToString(CultureInfo.InvariantCulture)} fields, the header {header.Count.ToString(CultureInfo.InvariantCulture)}",
                    $"{header.Count.ToString(CultureInfo.InvariantCulture)} fields, as in the header (quote a field that holds a comma)"));
                continue;
            }

            if (!headerOk)
            {
                // Without every required column no row can be read; the header problems say why.
                continue;
            }

            rowReader.Record = record;
            onRow(rowReader, new RosterBuilder.Source(files, record.Line));
        }
    }

    /// <summary>Typed access to one record's fields by column name, reporting problems at the field.</summary>
    internal sealed class RowReader(RosterBuilder builder, RosterBuilder.FileColumns file, Dictionary<string, int> columns)
    {
        public CsvRecord Record { get; set; }

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
            var span = Record.GetSpan(index, out var escaped);
            return escaped || (span.Length > 1 && span[0] == '\'') ? Record.GetString(index).AsSpan() : span;
        }

        public string Text(string column) => Record.GetString(IndexOf(column));

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

        /// <summary>An id field, or null (with a problem reported) when it is not a valid id.</summary>
        public string? Id(string column) => IdSpan(column, out var value) ? value.ToString() : null;

        /// <summary>An id field as a span, or false (with a problem reported) when it is not a valid id.</summary>
        public bool IdSpan(string column, out ReadOnlySpan<char> value)
        {
            value = Span(column);
            if (value.Length == 0)
            {
                Problem(RosterProblemKind.BadId, column, $"{column} is empty", "a non-empty id");
                return false;
            }

            if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            {
                Problem(RosterProblemKind.BadId, column, $"{column} '{value.ToString()}' has white space around it", "an id without surrounding spaces");
                return false;
            }

            foreach (var c in value)
            {
                if (char.IsControl(c))
                {
                    Problem(RosterProblemKind.BadId, column, $"{column} contains a control character (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)})",
                        "an id of printable characters");
                    return false;
                }
            }

            return true;
        }

        public void Problem(RosterProblemKind kind, string column, string message, string expected) =>
            builder.AddProblem(new RosterProblem(kind, ProblemSeverity.Error, file.FileName, Record.Line, file.ColumnOf(column), column, message, expected));
    }
}
