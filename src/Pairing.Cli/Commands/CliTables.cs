using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary>
/// The tool's tables: columns of numbers are right-aligned and never wrapped, so no number is split across lines at 80
/// columns. A long heading over numbers is broken into lines in the resources (a column that never wraps is as wide as
/// its heading), so that the labels beside the numbers keep their room.
/// </summary>
internal static class CliTables
{
    /// <summary>A table with the given headings; every column from <paramref name="firstNumberColumn"/> on holds numbers.</summary>
    public static Table Create(int firstNumberColumn, params string[] headings)
    {
        var table = new Table().AddColumns(headings);
        foreach (var column in table.Columns.Skip(firstNumberColumn))
        {
            column.RightAligned();
            column.NoWrap();
        }

        return table;
    }
}
