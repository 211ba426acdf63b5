using Pairing.Core.Excel.Internals;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Files;
using Pairing.Core.Findings;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Tables;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using SpreadCheetah;

namespace Pairing.Core.Excel;

/// <summary>
/// A pairing result as one .xlsx workbook for a league office: one sheet per file of the result folder, named in Chinese
/// as the result format names them (县结对, 学校结对, 班级结对, 学生结对, 未结对, then 结对延续 when the result was made with a
/// previous year's, and 摘要), then a 说明 sheet. Each sheet has one header row in Chinese; coded values are shown in
/// Chinese (层级 县/学校/班级/学生, 跨班 是/否, 状态 保留/未保留); county and school names stand beside their ids when a roster
/// is given; every cell is stored as text so that no spreadsheet turns an id into a number.
/// </summary>
/// <remarks>
/// The sheets hold exactly the rows of <see cref="PairingResultFiles"/>' files (they are made from them), plus the name
/// columns. 摘要 is summary.json as a table of figures with Chinese labels; two hidden columns keep each figure's key
/// and JSON value. 说明 maps each sheet to its file, each header to the format's column name and each shown value to the
/// format's. <see cref="Read"/> reads the workbook back into the same result, from the headers, the values' labels and
/// the hidden columns, never from a sentence; it also reads workbooks of the older layout (English sheet names, an
/// English second header row, summary.json one line a row).
/// </remarks>
public static class PairingResultWorkbook
{
    private static readonly (string File, string English)[] Sheets =
    [
        (PairingResultFiles.CountyPairsFile, "county_pairs"),
        (PairingResultFiles.SchoolPairsFile, "school_pairs"),
        (PairingResultFiles.ClassPairsFile, "class_pairs"),
        (PairingResultFiles.StudentPairsFile, "student_pairs"),
        (PairingResultFiles.UnpairedFile, "unpaired"),
        (PairingResultFiles.ContinuityFile, "continuity"),
    ];

    /// <summary>
    /// The sheet of <c>continuity.csv</c>, there when the result was made with a previous year's (<c>continuity</c> is read
    /// too; the format names no sheet for that file, so 结对延续 is this package's name).
    /// </summary>
    public const string ContinuitySheet = "结对延续";

    /// <summary>The sheet of <c>summary.json</c>: its figures with Chinese labels (<c>summary</c> is read too).</summary>
    public const string SummarySheet = "摘要";

    /// <summary>The legend sheet: each sheet's file, each Chinese header's column name, each shown value's value in the format.</summary>
    public const string LegendSheet = WorkbookLabels.LegendSheet;

    /// <summary>Writes a result as one workbook (replacing the file whole, or leaving it as it was if writing fails).</summary>
    /// <param name="result">The result.</param>
    /// <param name="path">The workbook to write (.xlsx).</param>
    /// <param name="roster">The roster the result pairs, for the county and school names beside the ids; none when null.</param>
    /// <param name="includeTimings">Whether the summary keeps the seconds per stage, as for <see cref="PairingResultFiles.Write"/>. The default value is true.</param>
    public static void Write(PairingResult result, string path, Roster? roster = null, bool includeTimings = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(path);
        WorkbookWriter.Write(path, SheetsOf(result, roster, includeTimings), HeaderRows.Chinese);
    }

    /// <summary>Writes the result as <see cref="Write"/> does, without blocking a thread on the disk; cancelled, the file is as it was.</summary>
    /// <param name="result">The result.</param>
    /// <param name="path">The workbook to write (.xlsx).</param>
    /// <param name="roster">The roster the result pairs, for the county and school names beside the ids; none when null.</param>
    /// <param name="includeTimings">Whether the summary keeps the seconds per stage, as for <see cref="PairingResultFiles.Write"/>. The default value is true.</param>
    /// <param name="cancellationToken">Stops the write; the workbook is then as it was.</param>
    /// <returns>A task that completes when the workbook is in place.</returns>
    public static Task WriteAsync(PairingResult result, string path, Roster? roster = null, bool includeTimings = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(path);
        return WorkbookWriter.WriteAsync(path, SheetsOf(result, roster, includeTimings), HeaderRows.Chinese, cancellationToken);
    }

    private static IEnumerable<SheetData> SheetsOf(PairingResult result, Roster? roster, bool includeTimings)
    {
        var tables = PairingResultFiles.ToTables(result, out var summaryJson, includeTimings);
        var names = roster is null ? null : new Names(roster);
        var sheets = new List<SheetData>();
        foreach (var (file, english) in Sheets)
        {
            if (tables.TryGetValue(file, out var table))
            {
                sheets.Add(Shown(WithNames(english, TableRows.Of(table), names)) with { Note = file });
            }
        }

        sheets.Add(ResultSummarySheet.Write(summaryJson));
        sheets.Add(Legend(sheets));
        return sheets;
    }

    /// <summary>Reads a result workbook written by <see cref="Write"/> (or by its older layout, with English sheet names and a second header row in English).</summary>
    /// <param name="path">The workbook.</param>
    /// <returns>The result when it could be read, and every problem found either way: the workbook unreadable, a sheet
    /// without its header (located at the sheet), and every problem of the files the sheets hold.</returns>
    /// <param name="limits">The limits the workbook is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    public static ReadResult<PairingResult> Read(string path, InputFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var workbook = Path.GetFileName(path);
        var problems = new List<Finding>();
        var tables = new Dictionary<string, CellTable>(StringComparer.Ordinal);
        string? summaryJson = null;
        try
        {
            if (!PairingResultFiles.TryOpen(path, out var stream, out var refused, limits))
            {
                return new(null, [refused!]);
            }

            using var book = Workbook.Open(stream);
            foreach (var (file, english) in Sheets.Append((PairingResultFiles.SummaryFile, "summary")))
            {
                var name = book.SheetNames.FirstOrDefault(s => ResultSheetNames.Names(s, english));
                if (name is null)
                {
                    continue;
                }

                var numbered = book.Rows(name).Select(r => new CellRow(r.Number, [.. r.Cells])).ToList();
                var rows = numbered.Select(r => r.Cells).ToList();
                var where = $"sheet {name} of {Path.GetFileName(path)}";
                if (file == PairingResultFiles.SummaryFile)
                {
                    try
                    {
                        summaryJson = ResultSummarySheet.Read(rows, where);
                    }
                    catch (InvalidDataException e)
                    {
                        problems.Add(ResultFileFindings.BadSummary.Create(null, new FindingLocation(workbook, name), FindingArgument.Of("error", e.Message)));
                    }

                    continue;
                }

                // The header: the first row whose first cell names a column, in Chinese or English. An older workbook has
                // the English names again in the row below; that row is the header's, not data.
                var header = rows.FindIndex(r => r.Count > 0 && ColumnNames.IsKnown(r[0]));
                if (header < 0)
                {
                    problems.Add(ResultFileFindings.NoHeader.Create(null, new FindingLocation(workbook, name), FindingArgument.Of("file", file)));
                    continue;
                }

                var columns = rows[header].Select(ColumnNames.EnglishOf).ToArray();
                var first = header + 1;
                if (first < rows.Count && rows[first].Count > 0 && rows[first].Select(c => c.Trim()).SequenceEqual(columns.Take(rows[first].Count)))
                {
                    first++;
                }

                var keep = Enumerable.Range(0, columns.Length).Where(i => !columns[i].EndsWith("_name", StringComparison.Ordinal) && columns[i] != "name").ToArray();
                // The sheet as the file's table, in machine values and without the name columns, each row keeping its number
                // in the sheet so that a problem is located where the reader sees it.
                var body = numbered.Skip(first).Select(r => new CellRow(r.Number, [.. keep.Select(i => WorkbookLabels.MachineValue(columns[i], i < r.Cells.Count ? r.Cells[i] : string.Empty))]));
                tables[file] = new CellTable(workbook, name, [new CellRow(numbered[header].Number, [.. keep.Select(i => columns[i])]), .. body]);
            }
        }
        catch (Exception e) when (WorkbookErrors.IsUnreadable(e))
        {
            return new(null, [ResultFileFindings.UnreadableFile.Create(null, new FindingLocation(workbook),
                FindingArgument.Of("file", workbook), FindingArgument.Of("path", path), FindingArgument.Of("error", e.Message))]);
        }

        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        return PairingResultFiles.ParseTables(tables, summaryJson);
    }

    /// <summary>A sheet as a person reads it: its Chinese name, and each coded value in Chinese.</summary>
    private static SheetData Shown(SheetData sheet) => sheet with
    {
        Name = ResultSheetNames.ChineseOf(sheet.Name),
        Rows = [.. sheet.Rows.Select(r => r.Select((v, i) => i < sheet.Columns.Count ? WorkbookLabels.Display(sheet.Columns[i], v) : v).ToArray())],
    };

    /// <summary>The 说明 sheet: each sheet with its file, its headers with their column names, and the coded values' labels.</summary>
    private static SheetData Legend(IReadOnlyList<SheetData> sheets)
    {
        var rows = new List<string[]>();
        foreach (var sheet in sheets)
        {
            if (sheet.Name == SummarySheet)
            {
                rows.Add([sheet.Name, string.Empty, PairingResultFiles.SummaryFile, WorkbookLabels.LegendSummary]);
                continue;
            }

            rows.Add([sheet.Name, string.Empty, sheet.Note ?? string.Empty, string.Empty]);
            foreach (var column in sheet.Columns)
            {
                var isName = column.EndsWith("_name", StringComparison.Ordinal) || column == "name";
                rows.Add([sheet.Name, ColumnNames.ChineseOf(column), column, isName ? WorkbookLabels.LegendNameColumn : string.Empty]);
            }

            foreach (var (column, value, label) in WorkbookLabels.ValueLabels().Where(v => sheet.Columns.Contains(v.Column)))
            {
                rows.Add([sheet.Name, label, value, string.Format(System.Globalization.CultureInfo.InvariantCulture, WorkbookLabels.LegendValueOf, ColumnNames.ChineseOf(column))]);
            }
        }

        return new SheetData(LegendSheet, ["sheet", "header", "name", "note"], rows)
        {
            Headers = WorkbookLabels.LegendHeaders,
            Widths = [14, 20, 24, 60],
        };
    }

    private static SheetData WithNames(string sheet, List<string[]> rows, Names? names)
    {
        var header = rows.Count > 0 ? rows[0] : [];
        var body = rows.Skip(1).ToList();
        if (names is null)
        {
            return new SheetData(sheet, header, body);
        }

        // A name column after each county or school id column, and after the unit ids of unpaired rows.
        var columns = new List<(int Source, Func<string[], string>? Name, string Header)>();
        for (var i = 0; i < header.Length; i++)
        {
            var column = header[i];
            var at = i;
            columns.Add((at, null, column));
            if (column.EndsWith("_county_id", StringComparison.Ordinal) || column.EndsWith("_school_id", StringComparison.Ordinal))
            {
                columns.Add((-1, r => names.Of(r[at]), column[..^3] + "_name"));
            }
            else if (sheet == "unpaired" && column == "id")
            {
                columns.Add((-1, r => names.Of(r[at]), "name"));
            }
            else if (sheet == "unpaired" && column == "inland_id")
            {
                columns.Add((-1, r => names.Of(r[at]), "inland_name"));
            }
            else if (sheet == "continuity" && column is "xinjiang_id" or "inland_id")
            {
                // Only counties and schools have names; a class or student pair's row has none.
                var level = Array.IndexOf(header, "level");
                columns.Add((-1, r => level >= 0 && r[level] is "county" or "school" ? names.Of(r[at]) : string.Empty, column[..^3] + "_name"));
            }
        }

        return new SheetData(
            sheet,
            [.. columns.Select(c => c.Header)],
            [.. body.Select(r => columns.Select(c => c.Name is { } f ? f(r) : (c.Source < r.Length ? r[c.Source] : string.Empty)).ToArray())]);
    }

    /// <summary>County and school names by id (ids are unique across both sides within their file).</summary>
    private sealed class Names(Roster roster)
    {
        private readonly Dictionary<string, string> _names = roster.Counties.Select(c => (c.Id.Value, c.Name))
            .Concat(roster.Schools.Select(s => (s.Id.Value, s.Name)))
            .GroupBy(p => p.Item1, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);

        public string Of(string id) => _names.GetValueOrDefault(id, string.Empty);
    }
}
