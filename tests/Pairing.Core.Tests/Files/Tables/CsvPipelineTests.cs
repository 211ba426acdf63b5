using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pairing.Core.Files;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;

namespace Pairing.Core.Tests.Files.Tables;

/// <summary>
/// Issue 27, item 3: a large file is tokenized on a thread of its own while the caller's thread reads the rows
/// (<see cref="CsvPipeline"/>). What comes out must be exactly what the reader alone gives: the same records, problems
/// and rows in the same order, wherever the batches cut the file, a failing disk thrown in its place, and the thread
/// gone when the reading stops early.
/// </summary>
public sealed class CsvPipelineTests
{
    private static readonly int[] BatchSizes = [1, 2, 5, 64, CsvBatch.TextChars];

    /// <summary>Text handed over in pieces, optionally failing after some characters, counting reads.</summary>
    private sealed class Pieces(string text, int size, int failAfter = int.MaxValue) : CharSource
    {
        private int _at;

        public int Reads;

        public override int Read(Span<char> into)
        {
            Interlocked.Increment(ref Reads);
            if (_at >= failAfter)
            {
                throw new IOException("the disk failed");
            }

            var n = Math.Min(Math.Min(Math.Min(size, into.Length), text.Length - _at), failAfter - _at);
            text.AsSpan(_at, n).CopyTo(into);
            _at += n;
            return n;
        }
    }

    private static string Show(CsvRecord record)
    {
        var fields = Enumerable.Range(0, record.Error is { StopsReading: true } ? 0 : record.Count)
            .Select(i => record.GetString(i) + "/" + record.GetSpan(i, out var escaped).ToString() + (escaped ? "!" : string.Empty));
        return $"{record.Line}|{record.Count}|{record.IsBlank}|{record.Error}|{string.Join("\u0001", fields)}";
    }

    /// <summary>The reader's records up to the first that stops the reading, or up to an exception (shown last).</summary>
    private static List<string> Records(ICsvRecords records)
    {
        var rows = new List<string>();
        try
        {
            while (records.TryRead(out var record))
            {
                rows.Add(Show(record));
                if (record.Error is { StopsReading: true })
                {
                    break;
                }
            }
        }
        catch (IOException e)
        {
            rows.Add("threw " + e.Message);
        }

        return rows;
    }

    private static List<string> Piped(string text, int batchChars, int failAfter = int.MaxValue)
    {
        var reader = new CsvReader(new Pieces(text, 4096, failAfter));
        using var pipeline = new CsvPipeline(reader, batchChars);
        return Records(pipeline);
    }

    public static TheoryData<string> Texts => StreamingCsvTests.Texts;

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_pipeline_gives_the_records_of_the_reader_alone(string text)
    {
        var alone = Records(new CsvReader(text));
        foreach (var size in BatchSizes)
        {
            Assert.Equal(alone, Piped(text, size));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(150_000)]
    public void A_disk_that_fails_under_the_tokenizer_throws_after_the_records_read_before_it(int failAfter)
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"X{i},class-{i % 40},F,2011\n"));
        var alone = Records(new CsvReader(new Pieces(text, 4096, failAfter)));
        Assert.StartsWith("threw ", alone[^1], StringComparison.Ordinal);
        foreach (var size in BatchSizes)
        {
            Assert.Equal(alone, Piped(text, size, failAfter));
        }
    }

    [Fact]
    public void Stopping_early_stops_the_tokenizer_and_reads_no_more()
    {
        var text = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"X{i},class-{i % 40},F,2011\n"));
        var source = new Pieces(text, 4096);
        var pipeline = new CsvPipeline(new CsvReader(source), 64);
        Assert.True(pipeline.TryRead(out var first));
        Assert.Equal("X0", first.GetString(0));
        pipeline.Dispose();
        var reads = source.Reads;
        Thread.Sleep(50);
        Assert.Equal(reads, source.Reads);
        Assert.True(reads < 100, $"{reads} reads of 4,096 characters for a pipeline of {CsvPipeline.Batches} batches of 64");
    }

    /// <summary>Everything a table read hands out, in order: problems with their arguments, and rows with their fields.</summary>
    private static List<string> TableRead(string text, bool? pipelined, int batchChars)
    {
        var seen = new List<string>();
        var ok = CsvTableReader.Read(
            ByteSource.Of(Encoding.UTF8.GetBytes(text)),
            ["id", "class"],
            ["year"],
            name => PersonalData.LooksLikePersonalColumn(name, allowName: false),
            (issue, line, column, columnName, arguments) =>
                seen.Add($"{issue}@{line}:{column}:{columnName}:{string.Join(";", arguments.Select(a => a.Name + "=" + a.Value))}"),
            (columns, personal) => record => seen.Add("row " + Show(record) + (personal.Any ? " refused" : string.Empty)),
            pipelined,
            batchChars);
        seen.Add("readable " + ok);
        return seen;
    }

    private static readonly string[] Cells =
    [
        "X1", "c-1", "2011", "", " ", "\"q\"\"x\"", "\"a,b\"", "\"two\nlines\"", "a\"b", "\"open", "11010519491231002X",
        "13812345678", "kid@example.cn", "=1+1", "'x", "新疆", "\"\"",
    ];

    public static class Generators
    {
        /// <summary>A table's text: a header (sometimes with an extra column), then rows valid and broken.</summary>
        public static Arbitrary<string> Tables() =>
            (from extra in Gen.Elements("", ",phone", ",notes")
             from rows in Gen.ListOf(
                 from width in Gen.Choose(0, 5)
                 from cells in Gen.ArrayOf(Gen.Elements(Cells), width)
                 from end in Gen.Elements("\n", "\r\n", "\n\n", "\r")
                 select string.Join(",", cells) + end)
             select "id,class,year" + extra + "\n" + string.Concat(rows)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void A_table_read_on_two_threads_reports_and_reads_as_on_one(string text)
    {
        var alone = TableRead(text, pipelined: false, CsvBatch.TextChars);
        foreach (var size in new[] { 1, 7, 64 })
        {
            Assert.Equal(alone, TableRead(text, pipelined: true, size));
        }
    }

    [Fact]
    public void A_large_file_reads_the_same_by_default_and_on_one_thread()
    {
        var rows = Enumerable.Range(0, 300_000).Select(i => i % 50_000 == 7 ? "X,a\"b,2011\n" : i % 70_000 == 9 ? "\n" : $"X{i},c-{i % 40},{2010 + (i % 3)}\n");
        var text = "id,class,year\n" + string.Concat(rows) + "X,\"open\n";
        Assert.True(Encoding.UTF8.GetByteCount(text) >= CsvTableReader.PipelineBytes);
        var alone = TableRead(text, pipelined: false, CsvBatch.TextChars);
        Assert.Equal(alone, TableRead(text, pipelined: null, CsvBatch.TextChars));
        Assert.Contains(alone, line => line.StartsWith("BlankLines@", StringComparison.Ordinal));
        Assert.Contains(alone, line => line.StartsWith("QuoteInField@", StringComparison.Ordinal));
        Assert.Contains(alone, line => line.StartsWith("UnclosedQuote@", StringComparison.Ordinal));
    }
}
