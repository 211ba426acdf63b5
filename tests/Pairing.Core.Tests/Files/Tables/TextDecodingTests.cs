using System.Text;
using Pairing.Core.Files.Tables;

namespace Pairing.Core.Tests.Files.Tables;

public sealed class TextDecodingTests
{
    private const string Chinese = "county_id,name\n653128,岳普湖县\n";

    [Fact]
    public void Utf8_with_and_without_bom()
    {
        Assert.True(TextDecoding.TryDecode(Encoding.UTF8.GetBytes(Chinese), out var plain, out var kind, out _));
        Assert.Equal((Chinese, TextDecoding.Detected.Utf8), (plain, kind));
        Assert.True(TextDecoding.TryDecode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Chinese)], out var bom, out _, out _));
        Assert.Equal(Chinese, bom);
    }

    [Fact]
    public void Gb18030_as_chinese_excel_saves_it()
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(Chinese);
        Assert.True(TextDecoding.TryDecode(bytes, out var text, out var kind, out _));
        Assert.Equal((Chinese, TextDecoding.Detected.Gb18030), (text, kind));
    }

    [Fact]
    public void Utf16_and_invalid_bytes_are_refused_with_a_position()
    {
        Assert.False(TextDecoding.TryDecode(Encoding.Unicode.GetPreamble(), out _, out _, out var utf16));
        Assert.Equal(CsvErrorKind.Utf16, utf16!.Kind);
        Assert.False(TextDecoding.TryDecode([(byte)'a', (byte)'\n', (byte)'b', 0xFF, 0xFF], out _, out _, out var bad));
        Assert.Equal(2, bad!.Line);
        Assert.Equal((CsvErrorKind.BadByte, 0xFF, 2, 3L), (bad.Kind, bad.Byte, bad.Character, bad.Offset));
    }
}
