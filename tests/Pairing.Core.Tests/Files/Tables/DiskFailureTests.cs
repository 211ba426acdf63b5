using System.Text;
using Pairing.Core.Files;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Files.Tables;
using Pairing.Core.Generation;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Files.Tables;

/// <summary>
/// A file is read in two passes (issue 28, item 1): the encoding is chosen first, then the text is decoded and
/// tokenized. A file that opened and scanned fine can still fail under the second pass (a disk error, a share gone):
/// that is the file's problem, reported as a finding like a file that cannot be opened, never an exception.
/// </summary>
public sealed class DiskFailureTests
{
    /// <summary>A file whose second pass fails after <paramref name="failAt"/> bytes, as a failing disk does.</summary>
    private sealed class FailingFile(byte[] bytes, long failAt) : MemoryStream(bytes, writable: false)
    {
        private int _passes;

        public override long Seek(long offset, SeekOrigin loc)
        {
            if (offset == 0 && loc == SeekOrigin.Begin)
            {
                _passes++;
            }

            return base.Seek(offset, loc);
        }

        // MemoryStream's span read comes here for a derived type.
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_passes >= 2 && Position + count > failAt)
            {
                throw new IOException("Input/output error");
            }

            return base.Read(buffer, offset, count);
        }
    }

    [Fact]
    public void A_students_file_that_fails_under_the_second_pass_is_a_finding_not_an_exception()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 3_000, Seed = 4 });
        var files = RosterFiles.ToBytes(roster);
        Assert.True(files[RosterFiles.StudentsFile].Length > 3 * ByteSource.ChunkBytes);

        var result = RosterFiles.ReadFrom(
            name =>
            {
                var bytes = files[name].ToArray();
                var source = name == RosterFiles.StudentsFile
                    ? ByteSource.Of(new FailingFile(bytes, failAt: 2 * ByteSource.ChunkBytes), "/data/roster/" + name)
                    : ByteSource.Of(bytes);
                return (true, source, default);
            },
            "/data/roster",
            supportMap: null,
            CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var unreadable = Assert.Single(result.Errors, f => f.Code == "ROS054");
        Assert.Equal(RosterFiles.StudentsFile, unreadable.Location?.File);
        Assert.Contains("Input/output error", unreadable.ToString(), StringComparison.Ordinal);

        // The rows read before the failure are not held against the classes (consequences of the unread rest).
        Assert.DoesNotContain(result.Findings, f => f.Location?.File == RosterFiles.ClassesFile);
    }

    [Fact]
    public void Bytes_in_memory_never_count_as_a_failing_file()
    {
        var source = ByteSource.Of(Encoding.UTF8.GetBytes("a,b\n"));
        Assert.Throws<IOException>(() => ByteSource.TryPass(source, () => throw new IOException("not a file's"), out _));
    }
}
