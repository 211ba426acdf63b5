using System.Text;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Files.Tables;
using Pairing.Core.Generation;

namespace Pairing.Core.Tests.Integration;

/// <summary>
/// Issue 28, item 1, for the asynchronous reads: a stream is read once, so it is kept to be read twice (the encoding
/// first, then the rows), its first mebibyte in memory and the rest in a temporary file, never as one array; a
/// folder is read a chunk at a time as <c>Read</c> reads it. Either way memory is what the reader keeps.
/// </summary>
[Collection(nameof(AsyncReadMemoryTests))]
public sealed class AsyncReadMemoryTests
{
    /// <summary>A stream that is not seekable and makes its bytes as it is read: a header, then blank lines.</summary>
    private sealed class BlankLines(string header, long lines) : Stream
    {
        private readonly byte[] _header = Encoding.UTF8.GetBytes(header + "\n");
        private long _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _at; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var total = _header.Length + lines;
            var n = (int)Math.Min(count, total - _at);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = _at + i < _header.Length ? _header[_at + i] : (byte)'\n';
            }

            _at += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static string[] SpooledFiles() => Directory.GetFiles(Path.GetTempPath(), "pairing-*.tmp");

    [Fact]
    public async Task A_large_uploaded_students_file_is_read_in_chunks_and_its_spool_is_deleted()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000, Seed = 3 });
        var bytes = RosterFiles.ToBytes(roster);
        const long Lines = 64L << 20;
        var before = SpooledFiles();
        var streams = new Dictionary<string, Stream>
        {
            [RosterFiles.CountiesFile] = new MemoryStream(bytes[RosterFiles.CountiesFile].ToArray()),
            [RosterFiles.SchoolsFile] = new MemoryStream(bytes[RosterFiles.SchoolsFile].ToArray()),
            [RosterFiles.ClassesFile] = new MemoryStream(bytes[RosterFiles.ClassesFile].ToArray()),
            [RosterFiles.StudentsFile] = new BlankLines("student_id,class_id,gender", Lines),
        };

        var total = GC.GetTotalAllocatedBytes(precise: true);
        var result = await RosterFiles.ParseAsync(streams);
        total = GC.GetTotalAllocatedBytes(precise: true) - total;

        // The same bytes in memory, read by Parse: what the reader itself costs, the stream aside.
        var blank = new byte[(int)(27 + Lines)];
        await new BlankLines("student_id,class_id,gender", Lines).ReadExactlyAsync(blank);
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(bytes) { [RosterFiles.StudentsFile] = blank };
        var parsed = GC.GetTotalAllocatedBytes(precise: true);
        var fromBytes = RosterFiles.Parse(files);
        parsed = GC.GetTotalAllocatedBytes(precise: true) - parsed;

        // 64 MiB of blank lines: counted once (ROS064), and then the classes have no students (their own findings).
        Assert.Contains(result.Findings, f => f.Code == "ROS064");
        Assert.False(result.IsValid);
        Assert.Equal(fromBytes.Findings.Select(f => f.ToString()), result.Findings.Select(f => f.ToString()));

        // Kept whole, the stream alone would cost 64 MiB more (and its copies while it grew): spooled, it costs a
        // mebibyte and a chunk.
        Assert.True(total < parsed + (8L << 20), $"{total:N0} bytes allocated from the stream, {parsed:N0} from the bytes");
        Assert.Equal(before.Order(), SpooledFiles().Order());
    }

    [Fact]
    public async Task An_uploaded_activity_file_over_a_mebibyte_reads_as_its_bytes_do()
    {
        var text = new StringBuilder("student_id,partner_id,kind,date\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append("X1-").Append(i).Append(",N1-").Append(i).Append(",letter,2015-13-01\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.True(bytes.Length > ByteSource.SpoolInMemory);

        var fromBytes = ActivityFiles.Parse(bytes);
        await using var stream = new BlankLinesPrefix(bytes);
        var fromStream = await ActivityFiles.ParseAsync(stream);

        Assert.Equal(fromBytes.Findings.Select(f => f.ToString()), fromStream.Findings.Select(f => f.ToString()));
        Assert.NotEmpty(fromStream.Findings);
    }

    /// <summary>Bytes given through a stream that cannot seek, as an upload arrives.</summary>
    private sealed class BlankLinesPrefix(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>Alone, so that the allocation counts are this test's own.</summary>
[CollectionDefinition(nameof(AsyncReadMemoryTests), DisableParallelization = true)]
public sealed class AsyncReadMemoryCollection;
