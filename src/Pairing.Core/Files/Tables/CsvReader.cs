using System.Buffers;
using System.Text;
using Pairing.Core.Files;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// An RFC 4180 reader over a whole decoded file, one record at a time, that never throws on bad input: a
/// malformed field is reported through <see cref="CsvRecord.Error"/> with its line and column, and reading goes
/// on at the next line so that every problem of a file can be listed at once.
/// </summary>
/// <remarks>
/// We own this reader rather than take Sep's or CsvHelper's because the contract needs exact positions for
/// every problem and recovery after each one; benchmarks/CsvParserBenchmarks compares its speed with Sep.
/// </remarks>
internal sealed class CsvReader
{
    // The text is either a whole string (_buffer null) or a window of a CharSource's text that refills: the window always
    // holds the current record from its start, unless the record is already longer than a line may be, when what is
    // behind the read position is let go (the record is only counted then, to report its length).
    private readonly string _text = string.Empty;
    private readonly CharSource? _source;
    private char[]? _buffer;
    private int _end;
    private int _pos;
    private int _recordStart;
    private int _fieldStart;
    private long _dropped;
    private bool _overLong;
    private int _count;
    private int _line = 1;
    private readonly List<(int Start, int Length, int Column, bool Escaped)> _fields = new(8);
    private readonly StringBuilder _scratch = new();
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\n");

    /// <summary>The characters a refill asks for at least, and the window's first size.</summary>
    private const int Chunk = 1 << 16;

    // The limits of the read this reader serves, looked up once rather than per record (an async-local read each).
    private readonly int _maxLineChars = InputFileLimits.Current.MaxLineChars;
    private readonly int _maxFieldChars = InputFileLimits.Current.MaxFieldChars;

    public CsvReader(string text)
    {
        _text = text;
        _end = text.Length;
    }

    /// <summary>A reader over text that comes a chunk at a time: memory is the longest record kept, not the text.</summary>
    /// <param name="source">The text.</param>
    /// <param name="firstLine">The line the text starts on (a later part of a file read by a second reader).</param>
    public CsvReader(CharSource source, int firstLine = 1)
    {
        _source = source;
        _buffer = new char[Chunk];
        _line = firstLine;
    }

    private ReadOnlySpan<char> Text => _buffer is null ? _text.AsSpan() : _buffer.AsSpan(0, _end);

    /// <summary>Whether the character <paramref name="ahead"/> of the read position is there, refilling if need be.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool Has(int ahead, ref ReadOnlySpan<char> text) => _pos + ahead < text.Length || Refill(ahead, ref text);

    private bool Refill(int ahead, ref ReadOnlySpan<char> text)
    {
        if (_source is null)
        {
            return false;
        }

        while (_pos + ahead >= _end)
        {
            var buffer = _buffer!;
            var keep = _recordStart;
            if (_overLong || _dropped + (_pos - _recordStart) > _maxLineChars)
            {
                // The record is too long to be read: let its text go, count it on.
                _overLong = true;
                keep = _pos;
            }

            _dropped += keep - _recordStart;
            if (keep > 0)
            {
                Array.Copy(buffer, keep, buffer, 0, _end - keep);
                _end -= keep;
                _pos -= keep;
                _recordStart = Math.Max(0, _recordStart - keep);
                _fieldStart = Math.Max(0, _fieldStart - keep);
                if (!_overLong)
                {
                    for (var i = 0; i < _fields.Count; i++)
                    {
                        var f = _fields[i];
                        _fields[i] = f with { Start = f.Start - keep };
                    }
                }
            }

            if (buffer.Length - _end < Chunk / 4)
            {
                Array.Resize(ref _buffer, buffer.Length * 2);
                buffer = _buffer;
            }

            var read = _source.Read(buffer.AsSpan(_end));
            _end += read;
            text = buffer.AsSpan(0, _end);
            if (read == 0)
            {
                return false;
            }
        }

        return true;
    }

    private void AddField(int column, bool escaped)
    {
        _count++;
        if (!_overLong)
        {
            _fields.Add((_fieldStart, _pos - _fieldStart, column, escaped));
        }
    }

    /// <summary>Reads the next record; false at the end of the text.</summary>
    public bool TryRead(out CsvRecord record)
    {
        _fields.Clear();
        _count = 0;
        _dropped = 0;
        _overLong = false;
        _recordStart = _pos;
        _fieldStart = _pos;
        var text = Text;
        if (!Has(0, ref text))
        {
            record = default;
            return false;
        }

        var startLine = _line;
        if (text[_pos] == '\n')
        {
            // An empty line, as the loop below would read it (one empty field), without its search: a file of them
            // costs as little as can be.
            AddField(1, false);
            _pos++;
            _line++;
            record = new CsvRecord(this, startLine, 1, null);
            return true;
        }

        CsvError? error = null;
        while (true)
        {
            _fieldStart = _pos;
            var column = _count + 1;
            if (Has(0, ref text) && text[_pos] == '"')
            {
                // Quoted field: runs to the next lone quote; "" is an escaped quote; may span lines.
                _pos++;
                _fieldStart = _pos;
                var escaped = false;
                var closed = false;
                while (Has(0, ref text))
                {
                    var skip = text[_pos..].IndexOfAny(QuotedStops);
                    if (skip < 0)
                    {
                        _pos = text.Length;
                        continue;
                    }

                    _pos += skip;
                    var c = text[_pos];
                    if (c == '"')
                    {
                        if (Has(1, ref text) && text[_pos + 1] == '"')
                        {
                            escaped = true;
                            _pos += 2;
                            continue;
                        }

                        closed = true;
                        break;
                    }

                    if (c == '\n')
                    {
                        _line++;
                    }

                    _pos++;
                }

                if (!closed)
                {
                    error ??= new CsvError(startLine, column, CsvErrorKind.UnclosedQuote);
                    AddField(column, escaped);
                    break;
                }

                AddField(column, escaped);
                _pos++; // closing quote
                if (Has(0, ref text) && text[_pos] is not (',' or '\r' or '\n'))
                {
                    error ??= new CsvError(_line, column, CsvErrorKind.TextAfterQuote);
                    while (Has(0, ref text) && text[_pos] is not (',' or '\n'))
                    {
                        _pos++;
                    }
                }
            }
            else
            {
                while (Has(0, ref text))
                {
                    // Vectorised search for the next character that matters; most fields are short plain text.
                    var next = text[_pos..].IndexOfAny(UnquotedStops);
                    if (next < 0)
                    {
                        _pos = text.Length;
                        continue;
                    }

                    _pos += next;
                    if (text[_pos] != '"')
                    {
                        break;
                    }

                    error ??= new CsvError(_line, column, CsvErrorKind.QuoteInField);
                    _pos++;
                }

                AddField(column, false);
            }

            if (!Has(0, ref text))
            {
                break;
            }

            var ch = text[_pos];
            if (ch == ',')
            {
                _pos++;
                continue;
            }

            // End of record: \n, \r\n or a lone \r.
            _pos++;
            if (ch == '\r' && Has(0, ref text) && text[_pos] == '\n')
            {
                _pos++;
            }

            _line++;
            break;
        }

        // Too long a field or line ends the file's reading (the caller stops): junk costs what is kept.
        var length = _dropped + (_pos - _recordStart);
        if (_overLong || length > _maxLineChars)
        {
            error = new CsvError(startLine, 0, CsvErrorKind.LineTooLong, Length: length);
        }
        else
        {
            foreach (var f in _fields)
            {
                if (f.Length > _maxFieldChars)
                {
                    error = new CsvError(startLine, f.Column, CsvErrorKind.FieldTooLong, Length: f.Length);
                    break;
                }
            }
        }

        record = new CsvRecord(this, startLine, _count, error);
        return true;
    }

    /// <summary>Whether the record read is one empty field (never when it was too long to keep).</summary>
    internal bool IsBlank => _count == 1 && !_overLong && _fields[0].Length == 0;

    internal ReadOnlySpan<char> Field(int index, out bool escaped)
    {
        var f = _fields[index];
        escaped = f.Escaped;
        return Text.Slice(f.Start, f.Length);
    }
    internal string FieldString(int index)
    {
        var span = Field(index, out var escaped);
        if (escaped)
        {
            _scratch.Clear();
            for (var i = 0; i < span.Length; i++)
            {
                _scratch.Append(span[i]);
                if (span[i] == '"')
                {
                    i++; // skip the doubled quote
                }
            }

            return CsvEscaping.Unprotect(_scratch.ToString());
        }

        return CsvEscaping.Unprotect(span);
    }
}

/// <summary>What is wrong with a file's encoding or CSV syntax.</summary>
internal enum CsvErrorKind
{
    /// <summary>The file is UTF-16.</summary>
    Utf16,

    /// <summary>A byte is neither UTF-8 nor GB18030.</summary>
    BadByte,

    /// <summary>A quoted field is never closed.</summary>
    UnclosedQuote,

    /// <summary>Text follows a closing quote.</summary>
    TextAfterQuote,

    /// <summary>A quote inside an unquoted field.</summary>
    QuoteInField,

    /// <summary>A field longer than <see cref="InputFileLimits.MaxFieldChars"/>.</summary>
    FieldTooLong,

    /// <summary>A record longer than <see cref="InputFileLimits.MaxLineChars"/>.</summary>
    LineTooLong,
}

/// <summary>
/// A problem in the CSV syntax or encoding, at a 1-based line and field (0 when it is not in one field), as data:
/// readers turn it into their own findings. <see cref="Message"/> and <see cref="Expected"/> are an English rendering
/// for the internal readers that still report text.
/// </summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based field, or 0.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Byte">For <see cref="CsvErrorKind.BadByte"/>: the byte's value.</param>
/// <param name="Character">For <see cref="CsvErrorKind.BadByte"/>: the 1-based character on its line.</param>
/// <param name="Offset">For <see cref="CsvErrorKind.BadByte"/>: the byte offset in the file.</param>
/// <param name="Length">For <see cref="CsvErrorKind.FieldTooLong"/> and <see cref="CsvErrorKind.LineTooLong"/>: the length in characters.</param>
internal sealed record CsvError(int Line, int Column, CsvErrorKind Kind, int Byte = 0, int Character = 0, long Offset = 0, long Length = 0)
{
    /// <summary>Whether the file cannot be read past this error (a field or line over the limit).</summary>
    public bool StopsReading => Kind is CsvErrorKind.FieldTooLong or CsvErrorKind.LineTooLong;

    public string Message => Kind switch
    {
        CsvErrorKind.FieldTooLong => FormattableString.Invariant($"a field of {Length} characters, more than the {InputFileLimits.Current.MaxFieldChars} a field may have; the file is not read further"),
        CsvErrorKind.LineTooLong => FormattableString.Invariant($"a line of {Length} characters, more than the {InputFileLimits.Current.MaxLineChars} a line may have; the file is not read further"),
        CsvErrorKind.Utf16 => "the file is UTF-16",
        CsvErrorKind.BadByte => FormattableString.Invariant($"byte 0x{Byte:X2} at character {Character} (byte offset {Offset}) is neither UTF-8 nor GB18030"),
        CsvErrorKind.UnclosedQuote => "a quoted field is never closed",
        CsvErrorKind.TextAfterQuote => "text follows a closing quote",
        _ => "a quote inside an unquoted field",
    };

    public string Expected => Kind switch
    {
        CsvErrorKind.FieldTooLong or CsvErrorKind.LineTooLong => "a CSV file of rows, as the format describes",
        CsvErrorKind.Utf16 or CsvErrorKind.BadByte => "a text file in UTF-8 (with or without a BOM) or GB18030",
        CsvErrorKind.UnclosedQuote => "a closing quote (\")",
        CsvErrorKind.TextAfterQuote => "a comma or the end of the line after a quoted field",
        _ => "the whole field in quotes, with inner quotes doubled",
    };

    /// <summary>The byte as the messages show it: <c>0xFF</c>.</summary>
    public string ByteText => FormattableString.Invariant($"0x{Byte:X2}");
}

/// <summary>A record read by <see cref="CsvReader"/>; valid until the next read.</summary>
internal readonly struct CsvRecord
{
    private readonly CsvReader _reader;

    internal CsvRecord(CsvReader reader, int line, int count, CsvError? error)
    {
        _reader = reader;
        Line = line;
        Count = count;
        Error = error;
    }

    /// <summary>The 1-based line the record starts on.</summary>
    public int Line { get; }

    /// <summary>How many fields the record has.</summary>
    public int Count { get; }

    /// <summary>The first syntax problem of the record, if any.</summary>
    public CsvError? Error { get; }

    /// <summary>Whether the record is a blank line (one empty field).</summary>
    public bool IsBlank => Count == 1 && _reader.IsBlank;

    /// <summary>The field as a string, unescaped and with formula protection removed.</summary>
    public string GetString(int index) => _reader.FieldString(index);

    /// <summary>The field's raw text: unescaped only when it holds no doubled quote (check with <paramref name="escaped"/>).</summary>
    public ReadOnlySpan<char> GetSpan(int index, out bool escaped) => _reader.Field(index, out escaped);
}
