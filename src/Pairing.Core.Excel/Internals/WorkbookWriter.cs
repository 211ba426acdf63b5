using Pairing.Core.Files.Tables;
using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace Pairing.Core.Excel.Internals;

/// <summary>One sheet to write: its name, the format's English column names, and its rows.</summary>
internal sealed record SheetData(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows)
{
    /// <summary>The header to show in place of the columns' Chinese names (a sheet of the package's own, such as 摘要); none for the columns'.</summary>
    public IReadOnlyList<string>? Headers { get; init; }

    /// <summary>Columns (0-based) hidden from the reader: machine values kept for reading back.</summary>
    public IReadOnlyList<int> HiddenColumns { get; init; } = [];

    /// <summary>Column widths in characters, by position; columns past them get the default.</summary>
    public IReadOnlyList<double> Widths { get; init; } = [];

    /// <summary>A note on cell A1 (the file the sheet stands for); none when null.</summary>
    public string? Note { get; init; }
}

/// <summary>The header rows a sheet is written with.</summary>
internal enum HeaderRows
{
    /// <summary>The format's English column names only: a workbook to fill in and read back (rosters, activity records).</summary>
    English,

    /// <summary>The Chinese names in row 1 and the English ones in row 2 (compliance reports).</summary>
    ChineseAndEnglish,

    /// <summary>The Chinese names only (results, for the league offices; the English names are in the 说明 sheet).</summary>
    Chinese,
}

/// <summary>
/// Writes sheets into one .xlsx with SpreadCheetah (streaming, chosen by measuring against the other writers): the header
/// rows <see cref="HeaderRows"/> says (frozen; Chinese in bold), then the rows, every cell a text cell (never a formula,
/// whatever it starts with); the file is written under a fresh name beside the target and moved over it only when complete.
/// </summary>
internal static class WorkbookWriter
{
    public static void Write(string path, IEnumerable<SheetData> sheets, HeaderRows headers)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                WriteAsync(stream, sheets, headers, CancellationToken.None).AsTask().GetAwaiter().GetResult();
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

    /// <summary>As <see cref="Write"/>, without blocking a thread on the disk; cancelled, the file is as it was.</summary>
    public static async Task WriteAsync(string path, IEnumerable<SheetData> sheets, HeaderRows headers, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await WriteAsync(stream, sheets, headers, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
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

    private static async ValueTask WriteAsync(Stream stream, IEnumerable<SheetData> sheets, HeaderRows headers, CancellationToken cancellationToken)
    {
        await using var book = await Spreadsheet.CreateNewAsync(stream, new SpreadCheetahOptions { BufferSize = 1 << 16 }, cancellationToken).ConfigureAwait(false);
        var bold = book.AddStyle(new SpreadCheetah.Styling.Style { Font = { Bold = true } });
        foreach (var sheet in sheets)
        {
            var options = new WorksheetOptions { FrozenRows = headers == HeaderRows.ChineseAndEnglish ? 2 : 1 };
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                var column = options.Column(i + 1);
                column.Width = i < sheet.Widths.Count ? sheet.Widths[i] : sheet.Columns[i] is "reason" or "detail" ? 60 : 18;
                column.Hidden = sheet.HiddenColumns.Contains(i);
            }

            await book.StartWorksheetAsync(sheet.Name, options).ConfigureAwait(false);
            if (headers != HeaderRows.English)
            {
                var chinese = sheet.Headers ?? [.. sheet.Columns.Select(ColumnNames.ChineseOf)];
                await book.AddRowAsync(chinese.Select(c => new Cell(c, bold)).ToArray()).ConfigureAwait(false);
            }

            if (headers != HeaderRows.Chinese)
            {
                await book.AddRowAsync(sheet.Columns.Select(c => new DataCell(c)).ToArray()).ConfigureAwait(false);
            }

            if (sheet.Note is { } note)
            {
                book.AddNote("A1", note);
            }

            var cells = new DataCell[sheet.Columns.Count];
            var polled = 0;
            foreach (var row in sheet.Rows)
            {
                if ((++polled & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = new DataCell(i < row.Length ? row[i] : string.Empty);
                }

                await book.AddRowAsync(cells).ConfigureAwait(false);
            }
        }

        await book.FinishAsync(cancellationToken).ConfigureAwait(false);
    }
}
