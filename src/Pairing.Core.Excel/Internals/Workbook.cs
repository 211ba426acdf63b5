using Pairing.Core.Files.Tables;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel.Internals;

/// <summary>A workbook opened for reading: its sheets' names, and each sheet's rows as the text its cells show.</summary>
internal abstract class Workbook : IDisposable
{
    /// <summary>The sheets' names, in the workbook's order.</summary>
    public abstract IReadOnlyList<string> SheetNames { get; }

    /// <summary>
    /// The sheet's rows, read as they are enumerated; each row's cell list is reused for the next row, so it is valid
    /// only until then. Rows without any cell may be left out; row numbers are the sheet's.
    /// </summary>
    public abstract IEnumerable<CellRow> Rows(string sheet);

    /// <summary>About how many rows the sheet has, found without reading it all; 0 when unknown. A capacity hint only.</summary>
    public virtual int ExpectedRows(string sheet) => 0;

    public abstract void Dispose();

    /// <summary>
    /// Opens an .xlsx (or .xlsm) with the streaming reader, or an .xls with ExcelDataReader, by the stream's first bytes;
    /// the stream comes from Pairing.Core's one way to open an input file (<c>RosterFiles.TryOpen</c> and its kin), so
    /// only a regular file within the size cap gets here. The workbook owns the stream from then on.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is empty, or neither.</exception>
    public static Workbook Open(Stream stream)
    {
        if (stream.CanSeek && stream.Length == 0)
        {
            stream.Dispose();
            throw new InvalidDataException("the file is empty");
        }

        try
        {
            Span<byte> magic = stackalloc byte[4];
            var read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
            stream.Position = 0;
            if (read == 4 && magic[0] == 0x50 && magic[1] == 0x4B)
            {
                return new XlsxWorkbook(stream);
            }

            if (read == 4 && magic[0] == 0xD0 && magic[1] == 0xCF && magic[2] == 0x11 && magic[3] == 0xE0)
            {
                return new XlsWorkbook(stream);
            }

            throw new InvalidDataException("it is neither an .xlsx workbook (a zip package) nor an .xls workbook (a compound file)");
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
