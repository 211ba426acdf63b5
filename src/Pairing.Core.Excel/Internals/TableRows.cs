using Pairing.Core.Files.Tables;

namespace Pairing.Core.Excel.Internals;

/// <summary>A table of the core's in-memory API (<c>…Files.ToTables</c>) as the rows a sheet is written from, header first.</summary>
internal static class TableRows
{
    public static List<string[]> Of(CellTable table) => [.. table.Rows.Select(r => r.Cells as string[] ?? [.. r.Cells])];

    /// <summary>The sheet of a table: its header as the columns, the other rows as data; an empty table gives an empty sheet.</summary>
    public static SheetData Sheet(string name, CellTable table) =>
        Of(table) is var rows && rows.Count > 0 ? new SheetData(name, rows[0], [.. rows.Skip(1)]) : new SheetData(name, [], []);
}
