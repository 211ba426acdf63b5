namespace Pairing.Core.Files;

/// <summary>
/// The limits every reader of the library holds its input files to: rosters, activity records, holidays, result and
/// compliance report folders (and, through <c>Pairing.Core.Excel</c>, workbooks).
/// </summary>
/// <remarks>
/// Only regular files are read: a pipe (FIFO), a device (a link to <c>/dev/zero</c>), a socket or a folder where a file
/// is expected is a problem, and so is a file the process may not read or one larger than <see cref="MaxFileBytes"/>,
/// found before the file is read (its length as it is opened) and while it is read (a file growing past the cap).
/// Each reader reports these as it reports its other problems, with the file's path; none is an exception.
/// </remarks>
public static class InputFileLimits
{
    /// <summary>The default cap on an input file's size: 1 GiB (1,073,741,824 bytes).</summary>
    public const long DefaultMaxFileBytes = 1L << 30;

    /// <summary>
    /// The longest field, in characters, a CSV reader reads: beyond it the field is a problem (its line and length) and
    /// reading that file stops, so that junk costs what is kept, not what was sent. An id, a name or an interests list
    /// is far shorter; 4,096 characters.
    /// </summary>
    public const int MaxFieldChars = 4096;

    /// <summary>The longest record (line), in characters, a CSV reader reads: beyond it, as for a field; 65,536 characters.</summary>
    public const int MaxLineChars = 65536;

    private static long _maxFileBytes = DefaultMaxFileBytes;

    /// <summary>
    /// The largest input file, in bytes, that any reader reads; a larger one is a problem, not read. It applies to the
    /// whole process, so set it once at start-up. A national roster of a million students per side is about 60 MB.
    /// </summary>
    /// <value>The default value is <see cref="DefaultMaxFileBytes"/> (1 GiB). At least 1, and less than
    /// <see cref="Array.MaxLength"/> (a file is read into one array).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or not less than <see cref="Array.MaxLength"/>.</exception>
    public static long MaxFileBytes
    {
        get => Volatile.Read(ref _maxFileBytes);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, Array.MaxLength);
            Volatile.Write(ref _maxFileBytes, value);
        }
    }
}
