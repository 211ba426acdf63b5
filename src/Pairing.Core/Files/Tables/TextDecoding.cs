using System.Text;

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
}
