namespace Pairing.Core.Files.Tables;

/// <summary>
/// The bytes of one input file as they can be read more than once, a chunk at a time: a file on disk (a seekable
/// stream, read again from its start for each pass) or bytes in memory. Reading a CSV file looks at its bytes once to
/// choose the encoding (<see cref="TextDecoding.Scan"/>) and once more to decode and tokenize them, so that neither the
/// whole file nor its decoded text is ever held: memory is bounded by what is kept, not by the file's size.
/// </summary>
internal abstract class ByteSource : IDisposable
{
    /// <summary>The bytes read per chunk.</summary>
    public const int ChunkBytes = 1 << 16;

    /// <summary>The first pass's findings (encoding, size, lines), once it has run.</summary>
    public TextScan? Scanned { get; set; }

    /// <summary>Bytes in memory, read without a copy of the whole.</summary>
    public static ByteSource Of(ReadOnlyMemory<byte> bytes) => new MemoryBytes(bytes);

    /// <summary>A seekable stream (an open file), disposed with the source.</summary>
    public static ByteSource Of(Stream stream) => new StreamBytes(stream);

    /// <summary>A seekable stream opened from the file at <paramref name="path"/>, disposed with the source.</summary>
    public static ByteSource Of(Stream stream, string path) => new StreamBytes(stream) { Path = path };

    /// <summary>The file's path as given, for a file opened by <see cref="TryOpenFile"/>; null for bytes in memory.</summary>
    public string? Path { get; private init; }

    /// <summary>
    /// Runs a pass over an input's bytes (decoding and tokenizing a file a chunk at a time) and says whether the file
    /// failed under it: it opened and its first pass ran, yet a later read failed (a disk error, a network share gone,
    /// a file locked meanwhile). That is the same problem as a file that cannot be opened, and each reader reports it
    /// so, in place of an exception; bytes in memory never fail.
    /// </summary>
    /// <returns>Whether the pass ran to its end; when not, <paramref name="error"/> says why.</returns>
    public static bool TryPass(ByteSource? source, Action pass, out InputFileError error)
    {
        error = default;
        try
        {
            pass();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && source?.Path is { } path)
        {
            error = new InputFileError(InputFileIssue.Unreadable, path, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Opens a text file to be read a chunk at a time, as <see cref="SafeFile.TryReadAllBytes(string, out byte[], out InputFileError)"/>
    /// checks it, or says why not: its first pass (<see cref="TextDecoding.Scan"/>) has run, so its size is known to be
    /// within the cap (a file growing past it is refused as too large) and its encoding chosen, without holding its bytes.
    /// The caller disposes the source.
    /// </summary>
    public static bool TryOpenFile(string path, out ByteSource bytes, out InputFileError error)
    {
        var max = InputFileLimits.Current.MaxFileBytes;
        bytes = Of(ReadOnlyMemory<byte>.Empty);
        if (!SafeFile.TryOpen(path, max, out var stream, out error))
        {
            return false;
        }

        if (stream is null)
        {
            return true; // length 0 and of unknown kind: empty, and never opened
        }

        var source = new StreamBytes(stream) { Path = path, Reopenable = true };
        try
        {
            var scan = TextDecoding.Scan(source, max);
            if (scan.TooLarge)
            {
                source.Dispose();
                error = new InputFileError(InputFileIssue.TooLarge, path, Size: scan.Bytes, Max: max);
                return false;
            }

            source.Scanned = scan;
            bytes = source;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            source.Dispose();
            error = new InputFileError(InputFileIssue.Unreadable, path, e.Message);
            return false;
        }
    }

    /// <summary>The bytes of a stream kept in memory before the rest goes to a temporary file (<see cref="SpoolAsync"/>).</summary>
    public const int SpoolInMemory = 1 << 20;

    /// <summary>
    /// Reads a stream (an upload, a zip entry: read once, not seekable) to its end without blocking a thread, into a
    /// source that can be read twice: the first <see cref="SpoolInMemory"/> bytes in memory, the rest in a temporary
    /// file that is deleted when the source is disposed (as ASP.NET buffers a large request body), so that reading a
    /// stream costs what the reader keeps, not the stream's size. Stops as soon as the bytes pass <paramref name="max"/>.
    /// The stream is not disposed. A temporary file that fails when read back is reported as the file <paramref name="name"/>
    /// that cannot be read (<see cref="TryPass"/>).
    /// </summary>
    /// <returns>The source (the caller disposes it), or null when the stream passed the cap; and the bytes read.</returns>
    public static async Task<(ByteSource? Bytes, long Read)> SpoolAsync(Stream stream, string name, long max, CancellationToken cancellationToken)
    {
        var memory = new MemoryStream();
        FileStream? file = null;
        var chunk = new byte[ChunkBytes];
        try
        {
            long total = 0;
            int n;
            while ((n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += n;
                if (total > max)
                {
                    return (null, total);
                }

                if (file is null && memory.Length + n > SpoolInMemory)
                {
                    file = new FileStream(
                        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pairing-" + Guid.NewGuid().ToString("N") + ".tmp"),
                        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, ChunkBytes, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                    await file.WriteAsync(memory.GetBuffer().AsMemory(0, (int)memory.Length), cancellationToken).ConfigureAwait(false);
                    memory = new MemoryStream();
                }

                if (file is null)
                {
                    memory.Write(chunk, 0, n);
                }
                else
                {
                    await file.WriteAsync(chunk.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                }
            }

            if (file is null)
            {
                return (Of(memory.GetBuffer().AsMemory(0, (int)memory.Length)), total);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            var spooled = Of(file, name);
            file = null;
            return (spooled, total);
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A second source over the same bytes with a position of its own, so that two threads can read two parts of a file:
    /// bytes in memory, or a file opened by <see cref="TryOpenFile"/> opened again by its path; null for anything else
    /// (a stream spooled to a temporary file is read by one reader only).
    /// </summary>
    public virtual ByteSource? OpenAnother() => null;

    /// <summary>Whether <see cref="Path"/> is a file that may be opened again (a file opened by <see cref="TryOpenFile"/>).</summary>
    private bool Reopenable { get; init; }

    /// <summary>Goes back to the byte at <paramref name="offset"/>, to read at most <paramref name="limit"/> bytes from there.</summary>
    public abstract void Rewind(long offset = 0, long limit = long.MaxValue);

    /// <summary>Reads the next bytes into <paramref name="into"/>, as many as fit unless the end comes first; 0 at the end.</summary>
    public abstract int Read(Span<byte> into);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class MemoryBytes(ReadOnlyMemory<byte> bytes) : ByteSource
    {
        private int _at;
        private int _end = bytes.Length;

        public override ByteSource? OpenAnother() => new MemoryBytes(bytes) { Scanned = Scanned };

        public override void Rewind(long offset = 0, long limit = long.MaxValue)
        {
            _at = (int)Math.Min(offset, bytes.Length);
            _end = (int)Math.Min(bytes.Length, _at + Math.Min(limit, int.MaxValue));
        }

        public override int Read(Span<byte> into)
        {
            var n = Math.Min(into.Length, _end - _at);
            bytes.Span.Slice(_at, n).CopyTo(into);
            _at += n;
            return n;
        }
    }

    private sealed class StreamBytes(Stream stream) : ByteSource
    {
        private long _left = long.MaxValue;

        public override ByteSource? OpenAnother()
        {
            // Held to the same checks as the first opening; if the file cannot be opened again, one reader reads it all.
            if (!Reopenable || Path is null || Scanned is not { } scan
                || !SafeFile.TryOpen(Path, InputFileLimits.Current.MaxFileBytes, out var again, out _) || again is null)
            {
                return null;
            }

            return new StreamBytes(again) { Path = Path, Reopenable = true, Scanned = scan };
        }

        public override void Rewind(long offset = 0, long limit = long.MaxValue)
        {
            stream.Seek(offset, SeekOrigin.Begin);
            _left = limit;
        }

        public override int Read(Span<byte> into)
        {
            if (into.Length > _left)
            {
                into = into[..(int)_left];
            }

            var total = 0;
            while (total < into.Length)
            {
                var n = stream.Read(into[total..]);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            _left -= total;
            return total;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                stream.Dispose();
            }
        }
    }
}

/// <summary>What the first pass over a file's bytes found.</summary>
/// <param name="Bytes">How many bytes the file has (when <see cref="TooLarge"/>: how many were read before it passed the cap).</param>
/// <param name="TooLarge">Whether it passed the cap it was scanned with.</param>
/// <param name="Lines">How many line feeds it holds.</param>
/// <param name="Preamble">The bytes of a UTF-8 byte order mark at its start (0 or 3).</param>
/// <param name="Encoding">The encoding its text is in, when <see cref="Error"/> is null.</param>
/// <param name="Error">Why it cannot be decoded (UTF-16, or a byte neither UTF-8 nor GB18030), or null.</param>
internal sealed record TextScan(long Bytes, bool TooLarge, long Lines, int Preamble, TextDecoding.Detected Encoding, CsvError? Error)
{
    /// <summary>The offset of the file's first double quote, or -1 when it has none (then every line feed ends a record).</summary>
    public long FirstQuote { get; init; } = -1;
}
