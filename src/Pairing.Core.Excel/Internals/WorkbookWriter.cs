using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace Pairing.Core.Excel.Internals;

/// <summary>One sheet to write: its name, the format's English column names, and its rows.</summary>
internal sealed record SheetData(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows);

/// <summary>
/// Writes sheets into one .xlsx with SpreadCheetah (streaming, chosen by measuring against the other writers): row 1 the
/// Chinese column names in bold, row 2 the English ones, then the rows, every cell a text cell; the file is written
/// under a fresh name beside the target and moved over it only when complete.
/// </summary>
internal static class WorkbookWriter
{
    public static void Write(string path, IEnumerable<SheetData> sheets, bool chineseHeader = true)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                WriteAsync(stream, sheets, chineseHeader).AsTask().GetAwaiter().GetResult();
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static async ValueTask WriteAsync(Stream stream, IEnumerable<SheetData> sheets, bool chineseHeader)
    {
        await using var book = await Spreadsheet.CreateNewAsync(stream, new SpreadCheetahOptions { BufferSize = 1 << 16 }).ConfigureAwait(false);
        var bold = book.AddStyle(new SpreadCheetah.Styling.Style { Font = { Bold = true } });
        foreach (var sheet in sheets)
        {
            var options = new WorksheetOptions { FrozenRows = chineseHeader ? 2 : 1 };
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                options.Column(i + 1).Width = sheet.Columns[i] is "reason" or "detail" or "summary.json" ? 60 : 18;
            }

            await book.StartWorksheetAsync(sheet.Name, options).ConfigureAwait(false);
            if (chineseHeader)
            {
                await book.AddRowAsync(sheet.Columns.Select(c => new Cell(ColumnNames.ChineseOf(c), bold)).ToArray()).ConfigureAwait(false);
            }

            await book.AddRowAsync(sheet.Columns.Select(c => new DataCell(c)).ToArray()).ConfigureAwait(false);
            var cells = new DataCell[sheet.Columns.Count];
            foreach (var row in sheet.Rows)
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = new DataCell(i < row.Length ? row[i] : string.Empty);
                }

                await book.AddRowAsync(cells).ConfigureAwait(false);
            }
        }

        await book.FinishAsync().ConfigureAwait(false);
    }
}
