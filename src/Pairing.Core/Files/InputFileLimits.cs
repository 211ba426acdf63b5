using Pairing.Core.Internals;

namespace Pairing.Core.Files;

/// <summary>
/// The limits a read holds its input to: rosters, activity records, holidays, result and compliance report folders
/// (and, through <c>Pairing.Core.Excel</c>, workbooks). An option of each read (<c>limits:</c>), never a setting of the
/// process: two reads at once may hold their input to different limits.
/// </summary>
/// <remarks>
/// Only regular files are read: a pipe (FIFO), a device (a link to <c>/dev/zero</c>), a socket or a folder where a file
/// is expected is a problem, and so is a file the process may not read or one larger than <see cref="MaxFileBytes"/>,
/// found before the file is read (its length as it is opened) and while it is read (a file growing past the cap). A
/// field or a line longer than its limit is a problem at its line, and that file is not read further, so that junk
/// costs what is kept, not what was sent. Each reader reports these as it reports its other problems; none is an
/// exception. Immutable.
/// </remarks>
public sealed record InputFileLimits
{
    /// <summary>The default cap on an input file's size: 1 GiB (1,073,741,824 bytes).</summary>
    public const long DefaultMaxFileBytes = 1L << 30;

    /// <summary>The default longest field: 4,096 characters (an id, a name or an interests list is far shorter).</summary>
    public const int DefaultMaxFieldChars = 4096;

    /// <summary>The default longest record (line): 65,536 characters.</summary>
    public const int DefaultMaxLineChars = 65536;

    private readonly long _maxFileBytes = DefaultMaxFileBytes;
    private readonly int _maxFieldChars = DefaultMaxFieldChars;
    private readonly int _maxLineChars = DefaultMaxLineChars;

    /// <summary>The limits a read without its own holds its input to: the defaults.</summary>
    public static InputFileLimits Default { get; } = new();

    /// <summary>The largest input file, in bytes; a larger one is a problem, not read. A national roster of a million students per side is about 60 MB.</summary>
    /// <value>The default value is <see cref="DefaultMaxFileBytes"/> (1 GiB). At least 1, and less than <see cref="Array.MaxLength"/> (a file is read into one array).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or not less than <see cref="Array.MaxLength"/>.</exception>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        init
        {
            if (value < 1 || value >= Array.MaxLength)
            {
                Throw.ArgumentOutOfRange(nameof(MaxFileBytes), value, $"must be at least 1 and less than {Array.MaxLength}");
            }

            _maxFileBytes = value;
        }
    }

    /// <summary>The longest field, in characters, a CSV reader reads; beyond it the field is a problem (its line and length) and reading that file stops.</summary>
    /// <value>The default value is <see cref="DefaultMaxFieldChars"/>. At least 1, and at most <see cref="MaxLineChars"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxFieldChars
    {
        get => _maxFieldChars;
        init
        {
            if (value < 1)
            {
                Throw.ArgumentOutOfRange(nameof(MaxFieldChars), value, "must be at least 1");
            }

            _maxFieldChars = value;
        }
    }

    /// <summary>The longest record (line), in characters, a CSV reader reads; beyond it, as for a field.</summary>
    /// <value>The default value is <see cref="DefaultMaxLineChars"/>. At least 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxLineChars
    {
        get => _maxLineChars;
        init
        {
            if (value < 1)
            {
                Throw.ArgumentOutOfRange(nameof(MaxLineChars), value, "must be at least 1");
            }

            _maxLineChars = value;
        }
    }

    private static readonly AsyncLocal<InputFileLimits?> InEffect = new();

    /// <summary>The limits of the read in progress on this flow (its own, or the defaults).</summary>
    internal static InputFileLimits Current => InEffect.Value ?? Default;

    /// <summary>Holds the reads of this flow (and the tasks it starts) to <paramref name="limits"/> until disposed; null keeps what is in effect.</summary>
    internal static LimitsScope Use(InputFileLimits? limits)
    {
        var saved = InEffect.Value;
        if (limits is not null)
        {
            InEffect.Value = limits;
        }

        return new LimitsScope(saved);
    }

    internal readonly struct LimitsScope(InputFileLimits? saved) : IDisposable
    {
        public void Dispose() => InEffect.Value = saved;
    }
}
