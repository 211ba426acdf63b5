using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Rosters;

namespace Pairing.Core.Files.Rosters;

/// <summary>
/// Reads a <see cref="CellTable"/> as <see cref="CsvTable"/> reads a file, through <see cref="SheetTableReader"/> (the
/// sheet mechanics shared with activity records): the same header checks and the same row handler, with problems at
/// the sheet's rows and columns.
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
        var readable = SheetTableReader.Read(
            cells,
            required,
            optional,
            name => PersonalData.LooksLikePersonalColumn(name, allowName),
            (issue, line, column, columnName, arguments) =>
                builder.AddProblem(CsvTable.CodeOf(issue).Create(null, new FindingLocation(cells.File, cells.Sheet, line, column, columnName), arguments)),
            () => builder.AddProblem(RosterFindings.EmptySheet.Create(null, new FindingLocation(cells.File, cells.Sheet),
                FindingArgument.Of("sheet", cells.Sheet), FindingArgument.Of("columns", string.Join(", ", required)))),
            (row, column, header) => builder.AddProblem(RosterFindings.UnheadedColumn.Create(
                null, new FindingLocation(cells.File, cells.Sheet, row, column),
                FindingArgument.Of("column", FindingLocation.ColumnLetters(column)), FindingArgument.Of("header", header))),
            (columns, personal) =>
            {
                var files = new RosterBuilder.FileColumns(cells.File, table, columns) { Sheet = cells.Sheet };
                var reader = new CsvTable.RowReader(builder, files, columns) { Personal = personal };
                return row =>
                {
                    reader.Cells = row.Cells;
                    reader.CellRow = row.Number;
                    onRow(reader, new RosterBuilder.Source(files, row.Number));
                };
            });
        if (!readable)
        {
            builder.MarkUnreadable(table);
        }
    }
}
