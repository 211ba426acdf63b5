namespace Pairing.Core.Files.Tables;

/// <summary>What a roster table is read from: a CSV file's bytes (in memory or an open file), or a table of cells (a workbook's sheet).</summary>
internal readonly struct TableInput
{
    private TableInput(ByteSource? bytes, CellTable? cells)
    {
        Bytes = bytes;
        Cells = cells;
    }

    /// <summary>The CSV file's bytes (an open file, or bytes given in memory without a copy); null for a table of cells.</summary>
    public ByteSource? Bytes { get; }

    /// <summary>The table of cells, or null for a CSV file.</summary>
    public CellTable? Cells { get; }

    public static implicit operator TableInput(byte[] bytes) => new(ByteSource.Of(bytes), null);

    public static implicit operator TableInput(ReadOnlyMemory<byte> bytes) => new(ByteSource.Of(bytes), null);

    public static implicit operator TableInput(ByteSource bytes) => new(bytes, null);

    public static implicit operator TableInput(CellTable cells) => new(null, cells);
}
