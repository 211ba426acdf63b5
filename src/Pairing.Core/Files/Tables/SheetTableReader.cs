using Pairing.Core.Findings;
using Pairing.Core.Internals;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// What reading any workbook sheet has in common, for rosters and activity records alike: the first non-empty row is
/// the header, checked as cells by <see cref="CsvTableReader.CheckHeader"/> (so that what a header may say is decided
/// in one place for files and sheets); wholly empty rows are skipped; a filled cell past the
/// header's columns is reported once per column; every cell, named or not, is looked at for personal data, even when
/// the header refused the table.
/// </summary>
internal static class SheetTableReader
{
    /// <summary>Reads a sheet's rows, handing each non-empty one to the handler <paramref name="start"/> makes from the header's columns.</summary>
    /// <param name="cells">The sheet.</param>
    /// <param name="required">The columns the table must have.</param>
    /// <param name="optional">The columns it may have.</param>
    /// <param name="isPersonal">Whether a header names personal data.</param>
    /// <param name="report">The table's problems, each at its sheet row (the header's problems at the header row).</param>
    /// <param name="emptySheet">Told when the sheet has no header row at all.</param>
    /// <param name="unheaded">Told of a filled cell past the header's columns: its sheet row, its 1-based column and the header's row.</param>
    /// <param name="start">Makes the row handler from the header's columns (name to 1-based field number) and the table's <see cref="PersonalCells"/>.</param>
    /// <returns>Whether the rows could be read; when not, the problems reported say why.</returns>
    public static bool Read(
        CellTable cells,
        string[] required,
        string[] optional,
        Func<string, bool> isPersonal,
        CsvTableReport report,
        Action emptySheet,
        Action<int, int, int> unheaded,
        Func<Dictionary<string, int>, PersonalCells, Action<CellRow>> start)
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
            emptySheet();
            return false;
        }

        // The header's cells are valid only until the next row is read: make its CSV line now.
        var width = header.Cells.Count;
        while (width > 0 && string.IsNullOrWhiteSpace(header.Cells[width - 1]))
        {
            width--;
        }

        // Cells and rows are held to the limits a file's fields and lines are (a sheet may hold 32,767 characters a
        // cell), and as in a file, a cell or row past them stops the reading.
        var maxField = InputFileLimits.Current.MaxFieldChars;
        var maxLine = InputFileLimits.Current.MaxLineChars;
        if (TooLong(header, maxField, maxLine, report))
        {
            return false;
        }

        // The header's cells go through the one header check files get, at the sheet's header row.
        var headerRow = header.Number;
        var fields = new string[width];
        for (var i = 0; i < width; i++)
        {
            fields[i] = header.Cells[i];
        }

        var checkedHeader = CsvTableReader.CheckHeader(fields, headerRow, required, optional, isPersonal, report, out var columns, out var names, out var inFormat);
        var readable = checkedHeader == true;
        PersonalCells? personal = null;
        Action<CellRow>? onRow = null;
        if (checkedHeader is not null)
        {
            personal = new PersonalCells(report, names, inFormat);
            onRow = start(columns, personal);
        }

        HashSet<int>? reported = null;
        var polled = 0;
        while (rows.MoveNext())
        {
            Ambient.Poll(ref polled);
            var row = rows.Current;
            if (IsBlank(row.Cells))
            {
                continue; // spreadsheets keep rows that were emptied, often at the end: they hold nothing to check
            }

            if (TooLong(row, maxField, maxLine, report))
            {
                return false;
            }

            if (readable)
            {
                for (var i = width; i < row.Cells.Count; i++)
                {
                    if (!string.IsNullOrWhiteSpace(row.Cells[i]) && (reported ??= []).Add(i))
                    {
                        unheaded(row.Number, i + 1, headerRow);
                    }
                }
            }

            if (personal is not null)
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

            if (readable)
            {
                onRow!(row);
            }
        }

        return readable;
    }

    /// <summary>
    /// Reports the row's first cell longer than a field may be (at its column), or else the row, counted as the CSV line
    /// it would be (its cells and the commas between them), when longer than a line may be.
    /// </summary>
    private static bool TooLong(CellRow row, int maxField, int maxLine, CsvTableReport report)
    {
        long line = Math.Max(0, row.Cells.Count - 1);
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var length = row.Cells[i].Length;
            if (length > maxField)
            {
                report(CsvTableIssue.FieldTooLong, row.Number, i + 1, null, FindingArgument.Of("length", (long)length), FindingArgument.Of("max", (long)maxField));
                return true;
            }

            line += length;
        }

        if (line > maxLine)
        {
            report(CsvTableIssue.LineTooLong, row.Number, null, null, FindingArgument.Of("length", line), FindingArgument.Of("max", (long)maxLine));
            return true;
        }

        return false;
    }

    private static bool IsBlank(IReadOnlyList<string> cells)
    {
        // By index: a foreach over the interface boxes the list's enumerator, an allocation per row (88 MB on a
        // sheet of two million rows).
        for (var i = 0; i < cells.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(cells[i]))
            {
                return false;
            }
        }

        return true;
    }
}
