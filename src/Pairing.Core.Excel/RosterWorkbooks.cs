using System.Text.RegularExpressions;
using Pairing.Core.Excel.Internals;
using Pairing.Core.Files;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel;

/// <summary>
/// Reads a roster from Excel workbooks (.xlsx, or old .xls): one workbook with the sheets <c>counties</c>,
/// <c>schools</c>, <c>classes</c> and optionally <c>students</c> (or 县, 学校, 班级, 学生), or a folder of four
/// workbooks <c>counties.xlsx</c> … each holding its table in its first sheet.
/// </summary>
/// <remarks>
/// The cells go through the core's own roster checks (<see cref="RosterTableReader"/>), so a workbook is held to
/// exactly what a CSV roster is, and every problem is listed at once, located as <c>students.xlsx!学生!C12</c>.
/// Cells read as the text their number format shows (an id 653201 stored as a number reads <c>653201</c>, dates
/// read as ISO dates); an id that a spreadsheet turned into a number and cut to 15 digits (E+ notation) is a
/// problem that says so. The .xlsx reader streams: memory holds one row and the shared strings, never the sheet.
/// </remarks>
public static partial class RosterWorkbooks
{
    private static readonly RosterTable[] Tables = [RosterTable.Counties, RosterTable.Schools, RosterTable.Classes, RosterTable.Students];

    /// <summary>The workbook file extensions read: <c>.xlsx</c>, <c>.xlsm</c> and <c>.xls</c>.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".xlsx", ".xlsm", ".xls"];

    /// <summary>Whether a path names a workbook by its extension.</summary>
    /// <param name="path">The path.</param>
    /// <returns>Whether it ends in one of <see cref="Extensions"/> (any case).</returns>
    public static bool IsWorkbook(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads and checks a roster from a workbook file, or from a folder of four workbooks (<c>counties.xlsx</c>,
    /// <c>schools.xlsx</c>, <c>classes.xlsx</c>, optionally <c>students.xlsx</c>; .xls too).
    /// </summary>
    /// <param name="path">The workbook, or the folder.</param>
    /// <param name="supportMap">The support map to check against; the notice's when null.</param>
    /// <returns>The roster when valid, and every problem found either way.</returns>
    /// <param name="limits">The limits the workbooks are held to; <see cref="InputFileLimits.Default"/> when null.</param>
    public static ReadResult<Roster> Read(string path, SupportMap? supportMap = null, InputFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            string? Find(RosterTable table) => Extensions
                .Select(e => Path.Combine(path, WorkbookSheets.EnglishName(table) + e))
                .FirstOrDefault(p => File.Exists(p) || Directory.Exists(p)); // a folder in a workbook's place is reported, not skipped
            return ReadSeparate(
                Find(RosterTable.Counties) ?? Path.Combine(path, "counties.xlsx"),
                Find(RosterTable.Schools) ?? Path.Combine(path, "schools.xlsx"),
                Find(RosterTable.Classes) ?? Path.Combine(path, "classes.xlsx"),
                Find(RosterTable.Students),
                supportMap,
                limits);
        }

        var reader = new RosterTableReader(supportMap);
        var file = Path.GetFileName(path);
        using var book = Open(path, reader, Tables[..3], out _, limits);
        if (book is null)
        {
            return reader.Build();
        }

        foreach (var table in Tables)
        {
            var sheet = book.SheetNames.FirstOrDefault(s => WorkbookSheets.Names(s, table));
            if (sheet is null)
            {
                if (table != RosterTable.Students)
                {
                    reader.Missing(table, RosterFindings.MissingSheet.Create(null, new FindingLocation(file),
                        FindingArgument.Of("file", file), FindingArgument.Of("sheet", WorkbookSheets.EnglishName(table)),
                        FindingArgument.Of("alias", WorkbookSheets.ChineseName(table)), FindingArgument.Of("sheets", string.Join(", ", book.SheetNames))));
                }

                continue;
            }

            ReadSheet(reader, book, table, file, sheet);
        }

        return reader.Build();
    }

    /// <summary>Reads and checks a roster from four workbooks, each holding its table in the sheet named for it or else its first sheet.</summary>
    /// <param name="counties">The counties workbook.</param>
    /// <param name="schools">The schools workbook.</param>
    /// <param name="classes">The classes workbook.</param>
    /// <param name="students">The students workbook, or null for a counts-only roster.</param>
    /// <param name="supportMap">The support map to check against; the notice's when null.</param>
    /// <returns>The roster when valid, and every problem found either way.</returns>
    /// <param name="limits">The limits the workbooks are held to; <see cref="InputFileLimits.Default"/> when null.</param>
    public static ReadResult<Roster> ReadSeparate(string counties, string schools, string classes, string? students, SupportMap? supportMap = null, InputFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(counties);
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(classes);
        var reader = new RosterTableReader(supportMap);
        foreach (var (table, path) in new[] { (RosterTable.Counties, counties), (RosterTable.Schools, schools), (RosterTable.Classes, classes), (RosterTable.Students, students) })
        {
            if (path is null)
            {
                continue;
            }

            using var book = Open(path, reader, [table], out _, limits);
            if (book is null)
            {
                continue;
            }

            var file = Path.GetFileName(path);
            var sheet = book.SheetNames.FirstOrDefault(s => WorkbookSheets.Names(s, table)) ?? book.SheetNames.FirstOrDefault();
            if (sheet is null)
            {
                reader.Missing(table, RosterFindings.NoSheets.Create(null, new FindingLocation(file),
                    FindingArgument.Of("file", file), FindingArgument.Of("table", WorkbookSheets.EnglishName(table))));
                continue;
            }

            ReadSheet(reader, book, table, file, sheet);
        }

        return reader.Build();
    }

    /// <summary>
    /// Writes a roster as one workbook with the sheets counties, schools, classes and (when it has students)
    /// students: the columns of <see cref="RosterFiles"/>' files under one English header row, so that
    /// <see cref="Read"/> reads it back as it is; every cell is a text cell, so no spreadsheet turns an id into a number.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="path">The workbook to write (.xlsx), replaced whole.</param>
    public static void Write(Roster roster, string path)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(path);
        WorkbookWriter.Write(path, SheetsOf(roster), HeaderRows.English);
    }

    /// <summary>Writes the roster as <see cref="Write"/> does, without blocking a thread on the disk; cancelled, the file is as it was.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="path">The workbook to write (.xlsx), replaced whole.</param>
    /// <param name="cancellationToken">Stops the write; the workbook is then as it was.</param>
    /// <returns>A task that completes when the workbook is in place.</returns>
    public static Task WriteAsync(Roster roster, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(path);
        return WorkbookWriter.WriteAsync(path, SheetsOf(roster), HeaderRows.English, cancellationToken);
    }

    private static IEnumerable<SheetData> SheetsOf(Roster roster)
    {
        var tables = RosterFiles.ToTables(roster);
        var sheets = Tables
            .Where(t => tables.ContainsKey(WorkbookSheets.EnglishName(t) + ".csv"))
            .Select(t => TableRows.Sheet(WorkbookSheets.EnglishName(t), tables[WorkbookSheets.EnglishName(t) + ".csv"]));
        return sheets;
    }

    private static Workbook? Open(string path, RosterTableReader reader, RosterTable[] tables, out Finding? problem, InputFileLimits? limits)
    {
        var file = Path.GetFileName(path);
        problem = null;
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            problem = RosterFindings.MissingWorkbook.Create(null, new FindingLocation(file), FindingArgument.Of("path", path));
        }
        else
        {
            try
            {
                // A folder, a pipe or a device in the workbook's place, an unreadable or an oversized file is the roster
                // readers' own finding.
                if (RosterFiles.TryOpen(path, out var stream, out var refused, limits))
                {
                    return Workbook.Open(stream);
                }

                problem = refused;
            }
            catch (Exception e) when (WorkbookErrors.IsUnreadable(e))
            {
                problem = RosterFindings.BadWorkbook.Create(null, new FindingLocation(file),
                    FindingArgument.Of("file", file), FindingArgument.Of("error", e.Message));
            }
        }

        var first = true;
        foreach (var table in tables)
        {
            reader.Missing(table, first ? problem : null);
            first = false;
        }

        return null;
    }

    private static void ReadSheet(RosterTableReader reader, Workbook book, RosterTable table, string file, string sheet)
    {
        var lost = new LostIds();
        try
        {
            reader.Read(table, new CellTable(file, sheet, Checked(book.Rows(sheet), file, sheet, reader, lost)) { ExpectedRows = book.ExpectedRows(sheet) });
        }
        catch (Exception e) when (WorkbookErrors.IsUnreadable(e))
        {
            reader.Missing(table, RosterFindings.BadSheet.Create(null, new FindingLocation(file, sheet),
                FindingArgument.Of("sheet", sheet), FindingArgument.Of("file", file), FindingArgument.Of("error", e.Message)));
            return;
        }

        if (lost.Any)
        {
            // Rows whose id lost its digits are left out; what refers to them is not reported again row by row.
            reader.Missing(table, null);
        }
    }

    /// <summary>
    /// The sheet's rows with every row whose id lost digits taken out and reported: an id in E+ notation (a
    /// spreadsheet's number of 16 digits or more, or text saved that way to CSV and read back).
    /// </summary>
    private static IEnumerable<CellRow> Checked(IEnumerable<CellRow> rows, string file, string sheet, RosterTableReader reader, LostIds lost)
    {
        List<(int Index, string Name)>? ids = null;
        foreach (var row in rows)
        {
            if (ids is null)
            {
                if (row.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
                {
                    ids = [.. row.Cells.Select((name, i) => (i, name.Trim())).Where(c => IsIdColumn(c.Item2))];
                }

                yield return row;
                continue;
            }

            var ok = true;
            foreach (var (index, name) in ids)
            {
                // No E, no E+ notation: most ids are out before the expression runs (two million of them on a national sheet).
                if (index < row.Cells.Count && row.Cells[index].AsSpan().ContainsAny('E', 'e') && LostNumber().IsMatch(row.Cells[index]))
                {
                    ok = false;
                    reader.AddProblem(RosterFindings.NumberId.Create(null, new FindingLocation(file, sheet, row.Number, index + 1, name),
                        FindingArgument.Of("column", name), FindingArgument.Of("value", row.Cells[index].Trim())));
                }
            }

            if (ok)
            {
                yield return row;
            }
            else
            {
                lost.Any = true;
            }
        }
    }

    private static bool IsIdColumn(string name) =>
        name.EndsWith("_id", StringComparison.OrdinalIgnoreCase) || name.Equals("unit", StringComparison.OrdinalIgnoreCase)
        || name.Contains("编号", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*[+-]?[0-9]+(\.[0-9]+)?[eE]\+?[0-9]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LostNumber();

    private sealed class LostIds
    {
        public bool Any { get; set; }
    }
}
