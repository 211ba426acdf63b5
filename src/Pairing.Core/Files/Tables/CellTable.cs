using Pairing.Core.Internals;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// A roster table as cells rather than CSV: a workbook's sheet, say, handed to <see cref="Pairing.Core.Files.Rosters.RosterTableReader"/> so that
/// the same checks run on it as on a CSV file, with problems located as <c>students.xlsx!学生!C12</c>.
/// </summary>
/// <remarks>
/// The first row with any non-empty cell is the header; wholly empty rows are skipped. <see cref="Rows"/> is read
/// once, in order, and may be produced lazily, so that a sheet of two million rows is never held whole.
/// </remarks>
public sealed class CellTable
{
    /// <summary>Creates a table of cells.</summary>
    /// <param name="file">The file the table is in (such as <c>students.xlsx</c>), as problems name it.</param>
    /// <param name="sheet">The sheet the table is (such as <c>学生</c>), as problems name it.</param>
    /// <param name="rows">The rows, header first, each with its row number.</param>
    public CellTable(string file, string sheet, IEnumerable<CellRow> rows)
    {
        File = Guard.NotNull(file);
        Sheet = Guard.NotNull(sheet);
        Rows = Guard.NotNull(rows);
    }

    /// <summary>The file the table is in.</summary>
    public string File { get; }

    /// <summary>The sheet the table is.</summary>
    public string Sheet { get; }

    /// <summary>The rows, header first.</summary>
    public IEnumerable<CellRow> Rows { get; }

    /// <summary>
    /// About how many rows the table has, when its source can tell before reading them (a workbook's sheet, from its
    /// size or its dimension); 0 when unknown. Only room is made by it: the rows read are what they are.
    /// </summary>
    public int ExpectedRows { get; init; }
}
