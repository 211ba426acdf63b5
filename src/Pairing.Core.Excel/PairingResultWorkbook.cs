using Pairing.Core.Excel.Internals;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using SpreadCheetah;

namespace Pairing.Core.Excel;

/// <summary>
/// A pairing result as one .xlsx workbook: one sheet per file of the result folder (<c>county_pairs</c>,
/// <c>school_pairs</c>, <c>class_pairs</c>, <c>student_pairs</c>, <c>unpaired</c>, <c>continuity</c> when the result
/// was made with a previous year's, <c>summary</c>), each with the
/// Chinese column names in row 1 and the format's English names in row 2, county and school names beside their ids
/// when a roster is given, and every cell stored as text so that no spreadsheet turns an id into a number.
/// </summary>
/// <remarks>
/// The sheets hold exactly the columns and rows of <see cref="PairingResultFiles"/>' files (they are made from
/// them), plus the name columns; <see cref="Read"/> reads the workbook back into the same result. The
/// <c>summary</c> sheet holds <c>summary.json</c>, one line a row.
/// </remarks>
public static class PairingResultWorkbook
{
    private static readonly (string File, string Sheet)[] Sheets =
    [
        (PairingResultFiles.CountyPairsFile, "county_pairs"),
        (PairingResultFiles.SchoolPairsFile, "school_pairs"),
        (PairingResultFiles.ClassPairsFile, "class_pairs"),
        (PairingResultFiles.StudentPairsFile, "student_pairs"),
        (PairingResultFiles.UnpairedFile, "unpaired"),
        (PairingResultFiles.ContinuityFile, ContinuitySheet),
    ];

    /// <summary>
    /// The sheet of <c>continuity.csv</c>, there when the result was made with a previous year's (or 结对延续 when read;
    /// the format names no sheet for that file, so it is named as the file without <c>.csv</c>, like the others).
    /// </summary>
    public const string ContinuitySheet = "continuity";

    /// <summary>The sheet of <c>summary.json</c>.</summary>
    public const string SummarySheet = "summary";

    /// <summary>Writes a result as one workbook (replacing the file whole, or leaving it as it was if writing fails).</summary>
    /// <param name="result">The result.</param>
    /// <param name="path">The workbook to write (.xlsx).</param>
    /// <param name="roster">The roster the result pairs, for the county and school names beside the ids; none when null.</param>
    /// <param name="includeTimings">Whether the summary keeps the seconds per stage, as for <see cref="PairingResultFiles.Write"/>. The default value is true.</param>
    public static void Write(PairingResult result, string path, Roster? roster = null, bool includeTimings = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(path);
        using var folder = new TemporaryFolder();
        PairingResultFiles.Write(result, folder.Path, includeTimings);
        var names = roster is null ? null : new Names(roster);
        var sheets = new List<SheetData>();
        foreach (var (file, sheet) in Sheets)
        {
            var csv = Path.Combine(folder.Path, file);
            if (File.Exists(csv))
            {
                sheets.Add(WithNames(sheet, SimpleCsv.Read(csv), names));
            }
        }

        var summary = File.ReadAllLines(Path.Combine(folder.Path, PairingResultFiles.SummaryFile));
        sheets.Add(new SheetData(SummarySheet, ["summary.json"], [.. summary.Select(line => new[] { line })]));
        WorkbookWriter.Write(path, sheets);
    }

    /// <summary>Reads a result workbook written by <see cref="Write"/> (sheet names in English or Chinese).</summary>
    /// <param name="path">The workbook.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidDataException">The workbook or a sheet is missing or malformed; the message lists every problem found.</exception>
    public static PairingResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var folder = new TemporaryFolder();
        try
        {
            using var book = Workbook.Open(path);
            foreach (var (file, sheet) in Sheets.Append((PairingResultFiles.SummaryFile, SummarySheet)))
            {
                var name = book.SheetNames.FirstOrDefault(s => ResultSheetNames.Names(s, sheet));
                if (name is null)
                {
                    continue;
                }

                var rows = book.Rows(name).Select(r => (IReadOnlyList<string>)[.. r.Cells]).ToList();
                var header = rows.FindIndex(r => r.Count > 0 && r[0].Length > 0 && r[0].All(c => c is (>= 'a' and <= 'z') or '_' or '.'));
                if (header < 0)
                {
                    throw new InvalidDataException($"sheet {name} of {Path.GetFileName(path)} has no header row of the format's column names");
                }

                if (file == PairingResultFiles.SummaryFile)
                {
                    File.WriteAllLines(Path.Combine(folder.Path, file), rows.Skip(header + 1).Select(r => r.Count > 0 ? r[0] : string.Empty));
                    continue;
                }

                var keep = Enumerable.Range(0, rows[header].Count).Where(i => !rows[header][i].EndsWith("_name", StringComparison.Ordinal) && rows[header][i] != "name").ToArray();
                SimpleCsv.Write(Path.Combine(folder.Path, file), rows.Skip(header).Select(r => (IReadOnlyList<string>)[.. keep.Select(i => i < r.Count ? r[i] : string.Empty)]));
            }
        }
        catch (Exception e) when (WorkbookErrors.IsUnreadable(e) && e is not InvalidDataException)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} cannot be read as a workbook: {e.Message}", e);
        }

        return PairingResultFiles.Read(folder.Path);
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
            else if (sheet == ContinuitySheet && column is "xinjiang_id" or "inland_id")
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
