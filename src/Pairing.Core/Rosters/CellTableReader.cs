using System.Text;
using Pairing.Core.Findings;
using Pairing.Core.Internals.Csv;

namespace Pairing.Core.Rosters;

/// <summary>
/// Reads a <see cref="CellTable"/> as <see cref="CsvTable"/> reads a file: the header through the same header checks
/// (required, optional, unknown, duplicated and personal-data columns), then each non-empty row to the same row
/// handler, with problems at the sheet's rows and columns.
/// </summary>
internal static class CellTableReader
{
    public static void Read(
        RosterBuilder builder,
        CellTable cells,
        string table,
        string[] required,
        string[] optional,
        bool allowName,
        Action<CsvTable.RowReader, RosterBuilder.Source> onRow)
    {
        using var rows = cells.Rows.GetEnumerator();
        CellRow header = default;
        var found = false;
        while (rows.MoveNext())
        {
            if (!IsBlank(rows.Current.Cells))
            {
                header = rows.Current;
                found = true;
                break;
            }
        }

        if (!found)
        {
            builder.AddProblem(new RosterProblem(RosterFindings.EmptySheet.Create(null, new FindingLocation(cells.File, cells.Sheet),
                FindingArgument.Of("sheet", cells.Sheet), FindingArgument.Of("columns", string.Join(", ", required)))));
            builder.MarkUnreadable(table);
            return;
        }

        // The header goes through the CSV reader's own header checks, as one quoted CSV line, so that what a header
        // may say is decided in one place for files and sheets alike.
        var width = header.Cells.Count;
        while (width > 0 && string.IsNullOrWhiteSpace(header.Cells[width - 1]))
        {
            width--;
        }

        var line = new StringBuilder();
        for (var i = 0; i < width; i++)
        {
            line.Append(i == 0 ? "\"" : ",\"").Append(header.Cells[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        line.Append('\n');
        Dictionary<string, int>? columns = null;
        PersonalCells? personal = null;
        var inRows = false; // the header is read as a one-line file: its problems are at the sheet's header row
        var headerRow = header.Number;
        var readable = CsvTableReader.Read(
            Encoding.UTF8.GetBytes(line.ToString()),
            required,
            optional,
            name => PersonalData.LooksLikePersonalColumn(name, allowName),
            (issue, line, column, columnName, arguments) =>
                builder.AddProblem(new RosterProblem(CsvTable.CodeOf(issue).Create(
                    null, new FindingLocation(cells.File, cells.Sheet, inRows ? line : headerRow, column, columnName), arguments))),
            (found, cellsPersonal) =>
            {
                columns = found;
                personal = cellsPersonal;
                return _ => { };
            });
        inRows = true;
        if (!readable || columns is null || personal is null)
        {
            builder.MarkUnreadable(table);
            ScanRows(rows, personal);
            return;
        }

        var files = new RosterBuilder.FileColumns(cells.File, table, columns) { Sheet = cells.Sheet };
        var reader = new CsvTable.RowReader(builder, files, columns) { Personal = personal };
        HashSet<int>? reported = null;
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (IsBlank(row.Cells))
            {
                // Spreadsheets keep rows that were emptied, often at the end: they hold nothing to check.
                continue;
            }

            for (var i = width; i < row.Cells.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(row.Cells[i]) && (reported ??= []).Add(i))
                {
                    builder.AddProblem(new RosterProblem(RosterFindings.UnheadedColumn.Create(
                        null, new FindingLocation(cells.File, cells.Sheet, row.Number, i + 1),
                        FindingArgument.Of("column", FindingLocation.ColumnLetters(i + 1)), FindingArgument.Of("header", headerRow))));
                }
            }

            Scan(personal, row);
            reader.Cells = row.Cells;
            reader.CellRow = row.Number;
            onRow(reader, new RosterBuilder.Source(files, row.Number));
        }
    }

    /// <summary>Looks at every cell of the row, named or not, for personal data (see <see cref="PersonalCells"/>).</summary>
    private static void Scan(PersonalCells personal, CellRow row)
    {
        personal.BeginRow();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var cell = row.Cells[i];
            if (cell.Length >= 5)
            {
                personal.Check(row.Number, i, cell, i < personal.Width ? null : FindingLocation.ColumnLetters(i + 1));
            }
        }
    }

    /// <summary>
    /// The rows of a table whose header refused it are still looked at, so that an ID-card number in them is reported
    /// (without its value) as in any other table.
    /// </summary>
    private static void ScanRows(IEnumerator<CellRow> rows, PersonalCells? personal)
    {
        if (personal is null)
        {
            return;
        }

        while (rows.MoveNext())
        {
            Scan(personal, rows.Current);
        }
    }

    private static bool IsBlank(IReadOnlyList<string> cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }

        return true;
    }
}
