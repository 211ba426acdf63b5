using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// Decodes a roster or records file: UTF-8 with or without a BOM, or GB18030 as Chinese Excel saves it.
/// Anything else is refused with the position of the first byte that is neither.
/// </summary>
internal static class TextDecoding
{
    private const int Gb18030CodePage = 54936;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Through the provider's instance, so that no process-wide Encoding.RegisterProvider is needed.
    private static readonly Encoding StrictGb18030 = CodePagesEncodingProvider.Instance.GetEncoding(
        Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    // For the second pass only, after the first has found every byte valid: should the file change between the passes,
    // its text is whatever it then says, never an exception.
    private static readonly Encoding LenientGb18030 = CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage)!;

    /// <summary>The encoding a file was read in.</summary>
    public enum Detected
    {
        Utf8,
        Gb18030,
    }

    /// <summary>Decodes <paramref name="bytes"/>, or says where and why it cannot.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out Detected detected, out CsvError? error)
    {
        error = null;
        detected = Detected.Utf8;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            text = string.Empty;
            error = new CsvError(1, 0, CsvErrorKind.Utf16);
            return false;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        var invalidAt = Utf8InvalidIndex(bytes);
        if (invalidAt < 0)
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }

        try
        {
            text = StrictGb18030.GetString(bytes);
            detected = Detected.Gb18030;
            return true;
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = Position(bytes, invalidAt);
            text = string.Empty;
            error = new CsvError(line, 0, CsvErrorKind.BadByte, bytes[invalidAt], column, invalidAt);
            return false;
        }
    }

    private static int Utf8InvalidIndex(ReadOnlySpan<byte> bytes)
    {
        // Walk in chunks so that a large file is not copied whole just to be checked.
        var buffer = new char[8192];
        var offset = 0;
        while (offset < bytes.Length)
        {
            var chunk = bytes[offset..];
            var result = System.Text.Unicode.Utf8.ToUtf16(chunk, buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            switch (result)
            {
                case System.Buffers.OperationStatus.Done:
                    return -1;
                case System.Buffers.OperationStatus.DestinationTooSmall:
                    offset += read;
                    break;
                default:
                    return offset + read;
            }
        }

        return -1;
    }

    /// <summary>The 1-based line and character column of a byte offset, counting characters as UTF-8 would.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    /// <summary>
    /// The first pass over a file's bytes, a chunk at a time: its size (stopping once past <paramref name="max"/>), its line
    /// feeds, and its encoding with the same rules and findings as <see cref="TryDecode"/>: UTF-16 refused, a UTF-8 BOM
    /// skipped, UTF-8 when every byte is, else GB18030 when every byte is, else the first byte that is not UTF-8 with its
    /// line, character and offset. Nothing of the file is kept.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TextScan Scan(ByteSource source, long max)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ByteSource.ChunkBytes);
        var chars = ArrayPool<char>.Shared.Rent(ByteSource.ChunkBytes);
        try
        {
            source.Rewind();
            long total = 0;
            long lines = 0;
            long consumed = 0; // bytes after the preamble validated so far
            long invalidAt = -1;
            var preamble = 0;
            long firstQuote = -1;
            var utf16 = false;
            var carry = 0;
            var first = true;
            while (true)
            {
                var n = source.Read(bytes.AsSpan(carry, ByteSource.ChunkBytes - carry));
                total += n;
                if (total > max)
                {
                    return new TextScan(total, true, lines, preamble, Detected.Utf8, null);
                }

                var fresh = bytes.AsSpan(carry, n);
                lines += fresh.Count((byte)'\n');
                if (firstQuote < 0 && fresh.IndexOf((byte)'"') is var quote and >= 0)
                {
                    firstQuote = total - n + quote;
                }
                var chunk = bytes.AsSpan(0, carry + n);
                if (first)
                {
                    first = false;
                    if (chunk.Length >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF)))
                    {
                        utf16 = true;
                    }
                    else if (chunk.Length >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF)
                    {
                        preamble = 3;
                        chunk = chunk[3..];
                    }
                }

                if (utf16 || invalidAt >= 0)
                {
                    carry = 0; // only counting now
                }
                else
                {
                    var status = Utf8.ToUtf16(chunk, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: n == 0);
                    if (status == OperationStatus.InvalidData)
                    {
                        invalidAt = consumed + read;
                        carry = 0;
                    }
                    else
                    {
                        // Done, or an incomplete sequence at the chunk's end that the next chunk completes.
                        consumed += read;
                        carry = chunk.Length - read;
                        chunk[read..].CopyTo(bytes);
                    }
                }

                if (n == 0)
                {
                    break;
                }
            }

            if (utf16)
            {
                return new TextScan(total, false, lines, 0, Detected.Utf8, new CsvError(1, 0, CsvErrorKind.Utf16));
            }

            if (invalidAt < 0)
            {
                return new TextScan(total, false, lines, preamble, Detected.Utf8, null) { FirstQuote = firstQuote };
            }

            if (IsGb18030(source, preamble, total, bytes, chars))
            {
                return new TextScan(total, false, lines, preamble, Detected.Gb18030, null) { FirstQuote = firstQuote };
            }

            var (line, column, value) = PositionOf(source, preamble, invalidAt, bytes);
            return new TextScan(total, false, lines, preamble, Detected.Utf8, new CsvError(line, 0, CsvErrorKind.BadByte, value, column, invalidAt));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The second pass: the file's text, decoded a chunk at a time in the encoding <see cref="Scan"/> found.</summary>
    public static CharSource Open(ByteSource source, TextScan scan) => new DecodedChars(source, scan, scan.Preamble, scan.Bytes - scan.Preamble);

    /// <summary>The text of the bytes from <paramref name="offset"/> on, <paramref name="length"/> of them, which start and end between characters.</summary>
    public static CharSource Open(ByteSource source, TextScan scan, long offset, long length) => new DecodedChars(source, scan, offset, length);

    private static bool IsGb18030(ByteSource source, int preamble, long total, byte[] bytes, char[] chars)
    {
        source.Rewind(preamble, total - preamble);
        var decoder = StrictGb18030.GetDecoder();
        try
        {
            while (true)
            {
                var n = source.Read(bytes.AsSpan(0, ByteSource.ChunkBytes));
                var input = bytes.AsSpan(0, n);
                var flush = n == 0;
                bool completed;
                do
                {
                    decoder.Convert(input, chars, flush, out var used, out _, out completed);
                    input = input[used..];
                }
                while (!completed || !input.IsEmpty);

                if (flush)
                {
                    return true;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The 1-based line and character column of a byte offset (after the preamble), counting characters as UTF-8 would, and the byte there.</summary>
    private static (int Line, int Column, int Byte) PositionOf(ByteSource source, int preamble, long offset, byte[] bytes)
    {
        source.Rewind(preamble);
        var line = 1;
        var column = 1;
        long at = 0;
        while (true)
        {
            var n = source.Read(bytes.AsSpan(0, ByteSource.ChunkBytes));
            for (var i = 0; i < n; i++, at++)
            {
                if (at == offset)
                {
                    return (line, column, bytes[i]);
                }

                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    column = 1;
                }
                else if ((bytes[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            if (n == 0)
            {
                return (line, column, 0); // the file changed between the passes
            }
        }
    }

    /// <summary>Decodes a source's bytes a chunk at a time: UTF-8, or GB18030 as the scan found.</summary>
    private sealed class DecodedChars : CharSource
    {
        private readonly ByteSource _source;
        private readonly Decoder? _gb18030;
        private readonly byte[] _bytes = new byte[ByteSource.ChunkBytes];
        private int _start;
        private int _end;
        private bool _eof;

        public DecodedChars(ByteSource source, TextScan scan, long offset, long length)
        {
            _source = source;
            _source.Rewind(offset, length);
            _gb18030 = scan.Encoding == Detected.Gb18030 ? LenientGb18030.GetDecoder() : null;
        }

        public override int Read(Span<char> into)
        {
            while (true)
            {
                if (!_eof && _end - _start < 4)
                {
                    // Keep an incomplete sequence's bytes (at most 3), and fill the rest.
                    _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
                    _end -= _start;
                    _start = 0;
                    var n = _source.Read(_bytes.AsSpan(_end));
                    _end += n;
                    _eof = n == 0;
                }

                int used;
                int written;
                if (_gb18030 is null)
                {
                    Utf8.ToUtf16(_bytes.AsSpan(_start, _end - _start), into, out used, out written, replaceInvalidSequences: true, isFinalBlock: _eof);
                }
                else
                {
                    _gb18030.Convert(_bytes.AsSpan(_start, _end - _start), into, _eof, out used, out written, out _);
                }

                _start += used;
                if (written > 0)
                {
                    return written;
                }

                if (_eof && _start == _end)
                {
                    return 0;
                }
            }
        }
    }
}

/// <summary>Text read a chunk at a time.</summary>
internal abstract class CharSource
{
    /// <summary>Reads the next characters into <paramref name="into"/> (at least 2 long); 0 at the end.</summary>
    public abstract int Read(Span<char> into);
}
