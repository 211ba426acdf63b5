using System.Globalization;
using System.Runtime.InteropServices;

namespace Pairing.Core.Files;

/// <summary>Why an input file was not read.</summary>
internal enum InputFileIssue
{
    /// <summary>Nothing is there (or a link to nothing).</summary>
    Missing = 1,

    /// <summary>A folder is there.</summary>
    Folder,

    /// <summary>A pipe, a device or a socket is there.</summary>
    Special,

    /// <summary>The file may not be read (permissions), or reading it failed.</summary>
    Unreadable,

    /// <summary>The file is larger than the cap.</summary>
    TooLarge,
}

/// <summary>Why an input file was not read, with what a problem needs to say so.</summary>
/// <param name="Issue">What is wrong.</param>
/// <param name="Path">The path as given.</param>
/// <param name="Error">The system's message, for <see cref="InputFileIssue.Unreadable"/>.</param>
/// <param name="Size">The file's size (or the bytes read before it passed the cap), for <see cref="InputFileIssue.TooLarge"/>.</param>
/// <param name="Max">The cap, for <see cref="InputFileIssue.TooLarge"/>.</param>
internal readonly record struct InputFileError(InputFileIssue Issue, string Path, string Error = "", long Size = 0, long Max = 0)
{
    /// <summary>The problem in English words, for the readers that report problems as text.</summary>
    public string Describe(string file) => Issue switch
    {
        InputFileIssue.Missing => $"{file} is not in '{System.IO.Path.GetDirectoryName(Path)}'.",
        InputFileIssue.Folder => $"{file} is a folder, not a file ('{Path}').",
        InputFileIssue.Special => $"{file} is not a regular file but a pipe, a device or a socket ('{Path}'); it is not read.",
        InputFileIssue.Unreadable => $"{file} cannot be read ('{Path}'): {Error}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{file} has {Size} bytes, more than the {Max} a file may have ('{Path}'); it is not read."),
    };
}

/// <summary>
/// The one way the library opens an input file: only a regular file, never blocking on a pipe, never reading a device
/// or a growing file without end, never more than <see cref="InputFileLimits.MaxFileBytes"/>; each failure an
/// <see cref="InputFileError"/> for the reader to report in its own terms, never an exception.
/// </summary>
/// <remarks>
/// .NET's <see cref="FileInfo"/> reports a FIFO or a device as a normal file of length 0, and opening a FIFO for reading
/// blocks until a writer comes. So the kind is asked of the system first (Linux: <c>statx</c>, whose layout is the same
/// on every architecture); where that is not available, a file of length 0 is taken as empty without being opened (a
/// pipe or a device reports length 0), so reading still never blocks. After opening, the handle's length is checked
/// against the cap, and reading stops as soon as the bytes pass it.
/// </remarks>
internal static class SafeFile
{
    /// <summary>Reads a whole file, or says why not.</summary>
    public static bool TryReadAllBytes(string path, out byte[] bytes, out InputFileError error) =>
        TryReadAllBytes(path, InputFileLimits.Current.MaxFileBytes, out bytes, out error);

    /// <summary>Reads a whole file of at most <paramref name="max"/> bytes, or says why not.</summary>
    public static bool TryReadAllBytes(string path, long max, out byte[] bytes, out InputFileError error)
    {
        bytes = [];
        if (!TryOpen(path, max, out var stream, out error))
        {
            return false;
        }

        if (stream is null)
        {
            return true; // length 0 and of unknown kind: empty, and never opened
        }

        using (stream)
        {
            try
            {
                return TryReadAll(stream, path, max, out bytes, out error);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                bytes = [];
                error = new InputFileError(InputFileIssue.Unreadable, path, e.Message);
                return false;
            }
        }
    }

    /// <summary>
    /// Opens an input file for a reader that takes a stream (a workbook, say), within the read's
    /// <see cref="InputFileLimits.MaxFileBytes"/>: an empty file as an empty stream. The kind's TryOpen turns the error
    /// into its own finding.
    /// </summary>
    public static bool TryOpenInput(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Stream? stream, out InputFileError error)
    {
        if (TryOpen(path, InputFileLimits.Current.MaxFileBytes, out var opened, out error))
        {
            stream = (Stream?)opened ?? new MemoryStream([], writable: false);
            return true;
        }

        stream = null;
        return false;
    }

    /// <summary>
    /// Opens a regular file of at most <paramref name="max"/> bytes for reading, or says why not. The stream is null
    /// (and the result true) for a file of length 0 whose kind the system could not tell: it is empty, or a pipe or a
    /// device, and is not opened.
    /// </summary>
    public static bool TryOpen(string path, long max, out FileStream? stream, out InputFileError error)
    {
        stream = null;
        error = default;
        var kind = KindOf(path);
        if (kind == FileKind.Missing || (kind == FileKind.Unknown && !File.Exists(path) && !Directory.Exists(path)))
        {
            error = new InputFileError(InputFileIssue.Missing, path);
            return false;
        }

        if (kind == FileKind.Folder || (kind == FileKind.Unknown && Directory.Exists(path)))
        {
            error = new InputFileError(InputFileIssue.Folder, path);
            return false;
        }

        if (kind == FileKind.Special)
        {
            error = new InputFileError(InputFileIssue.Special, path);
            return false;
        }

        try
        {
            if (kind == FileKind.Unknown && new FileInfo(path).Length == 0)
            {
                return true;
            }

            stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                Options = FileOptions.SequentialScan,
                BufferSize = 0,
            });
            var length = RandomAccess.GetLength(stream.SafeFileHandle);
            if (length > max)
            {
                stream.Dispose();
                stream = null;
                error = new InputFileError(InputFileIssue.TooLarge, path, Size: length, Max: max);
                return false;
            }

            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error = new InputFileError(InputFileIssue.Missing, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new InputFileError(InputFileIssue.Unreadable, path, e.Message);
        }

        stream?.Dispose();
        stream = null;
        return false;
    }

    private static bool TryReadAll(FileStream stream, string path, long max, out byte[] bytes, out InputFileError error)
    {
        error = default;
        var length = RandomAccess.GetLength(stream.SafeFileHandle);
        var buffer = new byte[length];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                bytes = total == buffer.Length ? buffer : buffer[..total]; // it shrank while being read
                return true;
            }

            total += read;
        }

        // Read on past the length the file had when opened: it may be growing (or a system file that reports 0).
        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) == 0)
        {
            bytes = buffer;
            return true;
        }

        var grown = new List<byte[]> { buffer };
        var size = (long)total + 1;
        var chunk = new byte[1 << 16];
        chunk[0] = probe[0];
        var filled = 1;
        while (true)
        {
            if (size > max)
            {
                bytes = [];
                error = new InputFileError(InputFileIssue.TooLarge, path, Size: size, Max: max);
                return false;
            }

            var read = stream.Read(chunk, filled, chunk.Length - filled);
            if (read == 0)
            {
                grown.Add(chunk[..filled]);
                break;
            }

            filled += read;
            size += read;
            if (filled == chunk.Length)
            {
                grown.Add(chunk);
                chunk = new byte[chunk.Length];
                filled = 0;
            }
        }

        bytes = new byte[size];
        var at = 0;
        foreach (var part in grown)
        {
            part.CopyTo(bytes, at);
            at += part.Length;
        }

        return true;
    }

    private enum FileKind
    {
        Unknown,
        Missing,
        Regular,
        Folder,
        Special,
    }

    /// <summary>What is at the path, links followed, as the system says; <see cref="FileKind.Unknown"/> where it cannot say.</summary>
    private static FileKind KindOf(string path)
    {
        if (!OperatingSystem.IsLinux() || !_statxAvailable)
        {
            return FileKind.Unknown;
        }

        try
        {
            var buffer = new byte[256];
            if (NativeMethods.Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return errno is ENOENT or ENOTDIR ? FileKind.Missing : FileKind.Unknown;
            }

            // struct statx: stx_mode is the unsigned 16-bit field at byte 28 on every architecture.
            var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
            return mode switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Folder,
                _ => FileKind.Special,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _statxAvailable = false; // an older C library: fall back to never opening a file of length 0
            return FileKind.Unknown;
        }
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private static bool _statxAvailable = true;

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
