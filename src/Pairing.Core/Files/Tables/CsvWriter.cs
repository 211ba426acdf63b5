using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// Writes RFC 4180 CSV in UTF-8 without a BOM and with \n line ends, so the same rows give the same bytes on
/// every machine. Cells are protected from formula injection (see <see cref="CsvEscaping"/>).
/// </summary>
/// <remarks>
/// Given a stream, the writer encodes each field straight into a pooled byte buffer (numbers through
/// <see cref="Utf8Formatter"/>, text through one UTF-8 transcoding per field) and hands the stream whole chunks: no
/// string per row, no char buffer between the rows and the bytes. Encoding a field at a time gives the bytes a
/// <see cref="StreamWriter"/> gave (a lone surrogate becomes U+FFFD either way: fields are separated by ASCII). Given
/// a <see cref="TextWriter"/> (GB18030, say), it writes text as before.
/// </remarks>
internal sealed class CsvWriter : IDisposable
{
    private const int ChunkBytes = 1 << 16;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Stream? _stream;
    private byte[]? _bytes;
    private int _used;
    private readonly TextWriter? _writer;
    private readonly List<CellRow>? _rows;
    private List<string>? _fields;
    private bool _atLineStart = true;

    /// <summary>A writer of UTF-8 bytes to <paramref name="stream"/> (disposed with the writer), with a BOM first when <paramref name="bom"/>.</summary>
    public CsvWriter(Stream stream, bool bom = false)
    {
        _stream = stream;
        _bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        if (bom)
        {
            "\uFEFF"u8.CopyTo(_bytes);
            _used = 3;
        }
    }

    public CsvWriter(TextWriter writer) => _writer = writer;

    /// <summary>
    /// A writer that keeps the rows as cells instead of text (a table for a workbook, say): each field as the CSV file
    /// would hold it once unquoted, a formula-like value with its protecting apostrophe, rows numbered from 1.
    /// </summary>
    public CsvWriter(List<CellRow> rows)
    {
        _writer = TextWriter.Null;
        _rows = rows;
    }

    public void WriteHeader(params string[] columns)
    {
        foreach (var column in columns)
        {
            Write(column);
        }

        EndRow();
    }

    public void Write(string? value) => Write(value.AsSpan());

    public void Write(ReadOnlySpan<char> value)
    {
        if (_rows is not null)
        {
            (_fields ??= []).Add(CsvEscaping.NeedsProtection(value) ? string.Concat("'", value) : value.ToString());
            return;
        }

        if (!_atLineStart)
        {
            Put(',');
        }

        _atLineStart = false;
        var protect = CsvEscaping.NeedsProtection(value);
        var quote = protect || value.IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            Put(value);
            return;
        }

        Put('"');
        if (protect)
        {
            Put('\'');
        }

        // Runs between quotes go out whole: a report of millions of quoted sentences is written char by char otherwise.
        var rest = value;
        int at;
        while ((at = rest.IndexOf('"')) >= 0)
        {
            Put(rest[..(at + 1)]);
            Put('"');
            rest = rest[(at + 1)..];
        }

        Put(rest);
        Put('"');
    }

    public void Write(int value) => Write((long)value);

    public void Write(long value)
    {
        if (_stream is null || value < 0)
        {
            // Cells, text, or a negative number (protected from formula injection as text is).
            Span<char> buffer = stackalloc char[20];
            value.TryFormat(buffer, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            Write(buffer[..written]);
            return;
        }

        if (!_atLineStart)
        {
            Put(',');
        }

        _atLineStart = false;
        Ensure(20);
        Utf8Formatter.TryFormat(value, _bytes.AsSpan(_used), out var n);
        _used += n;
    }

    /// <summary>A number, or an empty field when there is none.</summary>
    public void Write(long? value)
    {
        if (value is { } n)
        {
            Write(n);
        }
        else
        {
            Write(ReadOnlySpan<char>.Empty);
        }
    }

    public void EndRow()
    {
        if (_rows is not null)
        {
            _rows.Add(new CellRow(_rows.Count + 1, _fields?.ToArray() ?? []));
            _fields = null;
            return;
        }

        Put('\n');
        _atLineStart = true;
    }

    public void Dispose()
    {
        if (_stream is null)
        {
            _writer!.Dispose();
            return;
        }

        try
        {
            if (_bytes is not null && _used > 0)
            {
                _stream.Write(_bytes, 0, _used);
            }
        }
        finally
        {
            _used = 0;
            if (_bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = null;
            }

            _stream.Dispose();
        }
    }

    private void Put(char c)
    {
        if (_stream is null)
        {
            _writer!.Write(c);
            return;
        }

        // Only ASCII goes through here (separators, quotes, apostrophes, line ends).
        Ensure(1);
        _bytes![_used++] = (byte)c;
    }

    private void Put(ReadOnlySpan<char> text)
    {
        if (_stream is null)
        {
            _writer!.Write(text);
            return;
        }

        Ensure(Utf8.GetMaxByteCount(text.Length));
        _used += Utf8.GetBytes(text, _bytes.AsSpan(_used));
    }

    private void Ensure(int bytes)
    {
        ObjectDisposedException.ThrowIf(_bytes is null, this);
        if (_used + bytes <= _bytes.Length)
        {
            return;
        }

        _stream!.Write(_bytes, 0, _used);
        _used = 0;
        if (bytes > _bytes.Length)
        {
            // A field longer than a chunk: a buffer that holds it.
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }
}
