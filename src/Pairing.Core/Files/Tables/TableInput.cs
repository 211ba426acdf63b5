namespace Pairing.Core.Files.Tables;

/// <summary>What a roster table is read from: a CSV file's bytes, or a table of cells (a workbook's sheet).</summary>
internal readonly struct TableInput
{
    private TableInput(ReadOnlyMemory<byte> bytes, CellTable? cells)
    {
        Bytes = bytes;
        Cells = cells;
    }

    /// <summary>The CSV file's bytes (read from a file, or given in memory without a copy); empty for a table of cells.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The table of cells, or null for a CSV file.</summary>
    public CellTable? Cells { get; }

    public static implicit operator TableInput(byte[] bytes) => new(bytes, null);

    public static implicit operator TableInput(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    public static implicit operator TableInput(CellTable cells) => new(ReadOnlyMemory<byte>.Empty, cells);
}
