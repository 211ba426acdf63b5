using System.Text;
using Pairing.Core.Files;
using Pairing.Core.Files.Tables;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Files.Tables;

/// <summary>
/// Issue 28, item 1: a file is decoded and tokenized a chunk at a time, and must read exactly as the whole text did:
/// the same records, lines, errors and encoding findings, wherever the chunks happen to split it.
/// </summary>
public sealed class StreamingCsvTests
{
    private sealed class Pieces(string text, int size) : CharSource
    {
        private int _at;

        public override int Read(Span<char> into)
        {
            var n = Math.Min(Math.Min(size, into.Length), text.Length - _at);
            text.AsSpan(_at, n).CopyTo(into);
            _at += n;
            return n;
        }
    }

    private static List<string> Records(CsvReader reader)
    {
        var rows = new List<string>();
        while (reader.TryRead(out var record))
        {
            var fields = Enumerable.Range(0, record.Error is { StopsReading: true } ? 0 : record.Count).Select(record.GetString);
            rows.Add($"{record.Line}|{record.Count}|{record.IsBlank}|{record.Error}|{string.Join("\u0001", fields)}");
        }

        return rows;
    }

    public static TheoryData<string> Texts => new()
    {
        "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n",
        "h\n\"a\nb\nc\"\nnext\n",
        "a,b\rc,d",
        "a,b,",
        "a,\"b\"x,c\n\"unclosed,\nd\n",
        "x\"y,z\n\n\n,,\n\"\"\n",
        "\"",
        "\"\"\"",
        string.Concat(Enumerable.Repeat("row,\"quoted \"\" x\",3\r\n\n", 9000)),
        "h\n" + new string('x', 70_000) + "\nafter\n",
        "h\n" + string.Join(",", Enumerable.Repeat(new string('y', 1000), 70)) + "\nafter\n",
        "h\n\"" + new string('z', 5000) + "\",b\n",
        "h\n\"" + new string('q', 200_000) + "\n",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_text_read_in_pieces_gives_the_records_of_the_whole_text(string text)
    {
        var whole = Records(new CsvReader(text));
        foreach (var size in new[] { 1, 2, 3, 7, 4096, 1 << 20 })
        {
            Assert.Equal(whole, Records(new CsvReader(new Pieces(text, size))));
        }
    }

    [Fact]
    public void A_line_far_over_the_limit_is_counted_whole_without_being_kept()
    {
        var text = "h\n" + new string('x', 3_000_000) + "\nafter\n";
        var reader = new CsvReader(new Pieces(text, 1 << 16));
        Assert.True(reader.TryRead(out _));
        Assert.True(reader.TryRead(out var record));
        Assert.Equal((CsvErrorKind.LineTooLong, 3_000_001L, 2), (record.Error!.Kind, record.Error.Length, record.Error.Line));
        Assert.False(record.IsBlank);
    }

    public static TheoryData<byte[]> Files()
    {
        var gb = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var chinese = string.Concat(Enumerable.Repeat("653128,岳普湖县,𠀀\n", 20_000));
        byte[][] files =
        [
            [],
            Encoding.UTF8.GetBytes("county_id,name\n653128,岳普湖县\n"),
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(chinese)],
            Encoding.UTF8.GetBytes(chinese),
            gb.GetBytes(chinese),
            [.. Encoding.UTF8.GetPreamble(), .. gb.GetBytes(chinese)],
            Encoding.Unicode.GetPreamble(),
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(chinese)],
            [(byte)'a', (byte)'\n', (byte)'b', 0xFF, 0xFF],
            [.. Encoding.UTF8.GetBytes(chinese), 0x81, (byte)'\n', (byte)'x', 0xFF],
            [.. Encoding.UTF8.GetBytes(chinese), 0xE5, 0xB2],
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("a\nb"), 0xC0, 0x80],
        ];
        var data = new TheoryData<byte[]>();
        foreach (var file in files)
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_scanned_then_decoded_in_chunks_reads_as_when_decoded_whole(byte[] bytes)
    {
        var whole = TextDecoding.TryDecode(bytes, out var text, out var detected, out var error);

        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("f.csv"), bytes);
        foreach (var source in new[] { ByteSource.Of(bytes), OpenFile(dir.File("f.csv")) })
        {
            using (source)
            {
                var scan = source.Scanned ?? TextDecoding.Scan(source, long.MaxValue);
                Assert.Equal(error, scan.Error);
                Assert.Equal(bytes.Length, scan.Bytes);
                Assert.Equal(bytes.Count(b => b == (byte)'\n'), scan.Lines);
                if (whole)
                {
                    Assert.Equal(detected, scan.Encoding);
                    Assert.Equal(text, ReadAll(TextDecoding.Open(source, scan)));
                }
            }
        }
    }

    [Fact]
    public void A_file_over_the_cap_is_refused_when_opened()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("big.csv"), new byte[100]);
        using (InputFileLimits.Use(new InputFileLimits { MaxFileBytes = 99 }))
        {
            Assert.False(ByteSource.TryOpenFile(dir.File("big.csv"), out _, out var error));
            Assert.Equal((InputFileIssue.TooLarge, 100L, 99L), (error.Issue, error.Size, error.Max));
        }
    }

    private static ByteSource OpenFile(string path)
    {
        Assert.True(ByteSource.TryOpenFile(path, out var source, out _));
        return source;
    }

    private static string ReadAll(CharSource chars)
    {
        var all = new StringBuilder();
        var buffer = new char[4096];
        int n;
        while ((n = chars.Read(buffer)) > 0)
        {
            all.Append(buffer, 0, n);
        }

        return all.ToString();
    }
}
