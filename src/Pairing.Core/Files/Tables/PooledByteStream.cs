using System.Buffers;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// A write-only stream that keeps what it is given in pooled chunks of a mebibyte and gives it back as one array of
/// exactly its length: a file formatted in memory costs its own size, not the doublings and final copy of a
/// <see cref="MemoryStream"/>.
/// </summary>
internal sealed class PooledByteStream : Stream
{
    private const int ChunkBytes = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private int _last;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            if (_chunks.Count == 0 || _last == ChunkBytes)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkBytes));
                _last = 0;
            }

            var n = Math.Min(buffer.Length, ChunkBytes - _last);
            buffer[..n].CopyTo(_chunks[^1].AsSpan(_last));
            _last += n;
            _length += n;
            buffer = buffer[n..];
        }
    }

    /// <summary>What was written, as one array; the chunks go back to the pool.</summary>
    public byte[] ToArrayAndRelease()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)_length));
        var at = 0;
        for (var i = 0; i < _chunks.Count; i++)
        {
            var n = i + 1 < _chunks.Count ? ChunkBytes : _last;
            _chunks[i].AsSpan(0, n).CopyTo(bytes.AsSpan(at));
            at += n;
        }

        Release();
        return bytes;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // Kept until ToArrayAndRelease: the CSV writer disposes its stream when it ends.
        base.Dispose(disposing);
    }

    private void Release()
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        _last = 0;
        _length = 0;
    }
}
