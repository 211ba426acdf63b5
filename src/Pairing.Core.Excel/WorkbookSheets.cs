using Pairing.Core.Files.Compliance;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel;

/// <summary>
/// The sheet names a workbook roster or result uses: one sheet per file of the roster and result formats, named as the file without
/// <c>.csv</c> or by its Chinese name.
/// </summary>
public static class WorkbookSheets
{
    /// <summary>The English sheet name of a roster table (<c>counties</c> …), as its file without <c>.csv</c>.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The name.</returns>
    public static string EnglishName(RosterTable table) => table switch
    {
        RosterTable.Counties => "counties",
        RosterTable.Schools => "schools",
        RosterTable.Classes => "classes",
        _ => "students",
    };

    /// <summary>The Chinese sheet name of a roster table: 县, 学校, 班级 or 学生.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The name.</returns>
    public static string ChineseName(RosterTable table) => table switch
    {
        RosterTable.Counties => "县",
        RosterTable.Schools => "学校",
        RosterTable.Classes => "班级",
        _ => "学生",
    };

    /// <summary>Whether a sheet's name is the table's, in English (any case) or Chinese, ignoring surrounding spaces.</summary>
    /// <param name="sheet">The sheet's name.</param>
    /// <param name="table">The table.</param>
    /// <returns>Whether it names the table.</returns>
    public static bool Names(string sheet, RosterTable table)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var name = sheet.Trim();
        return name.Equals(EnglishName(table), StringComparison.OrdinalIgnoreCase) || name == ChineseName(table);
    }
}
