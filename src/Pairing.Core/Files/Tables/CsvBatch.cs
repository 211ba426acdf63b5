namespace Pairing.Core.Files.Tables;

/// <summary>
/// Records copied out of a <see cref="CsvReader"/>'s window, so that one thread can tokenize a file while another
/// reads its rows (<see cref="CsvPipeline"/>): the records' text in one array, their fields as offsets into it.
/// Reused batch after batch; a record taken from it is valid until the batch is handed back.
/// </summary>
internal sealed class CsvBatch : CsvFieldSource
{
    /// <summary>The text a batch is filled to before it is handed over (a record longer than this gets a batch of its own).</summary>
    internal const int TextChars = 1 << 18;

    private char[] _text;
    private int _textLength;
    private (int Start, int Length, bool Escaped)[] _fields;
    private int _fieldCount;
    private readonly Entry[] _records;

    private readonly bool[] _inFormat;

    /// <param name="textChars">The text the batch holds before it is full (tests make it small to cut files at every record).</param>
    /// <param name="inFormat">Which columns are the format's (see <see cref="PersonalCells"/>); none when not given.</param>
    public CsvBatch(int textChars = TextChars, bool[]? inFormat = null)
    {
        _inFormat = inFormat ?? [];
        _text = new char[textChars];
        _fields = new (int, int, bool)[Math.Max(8, textChars / 8)];
        _records = new Entry[Math.Max(1, textChars / 16)];
    }

    /// <summary>The number of records in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>An exception the tokenizing thread met after the batch's records (a disk that failed), to be thrown in its place.</summary>
    public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure { get; set; }

    /// <summary>Whether the tokenizing thread has nothing more after this batch.</summary>
    public bool Last { get; set; }

    public void Clear()
    {
        _textLength = 0;
        _fieldCount = 0;
        Count = 0;
        Failure = null;
        Last = false;
    }

    /// <summary>Record <paramref name="slot"/> as the readers see it.</summary>
    public CsvRecord this[int slot]
    {
        get
        {
            ref readonly var r = ref _records[slot];
            return new CsvRecord(this, slot, r.Line, r.Count, r.Error) { Plain = r.Plain };
        }
    }

    /// <summary>
    /// Adds a record: its line, field count and error, and its fields (offsets from <paramref name="origin"/>, the
    /// reader's position of <paramref name="text"/>'s first character). False, with nothing added, when the batch
    /// already holds records and this one's text would not fit.
    /// </summary>
    public bool Add(
        int line,
        int count,
        CsvError? error,
        bool blank,
        ReadOnlySpan<(int Start, int Length, int Column, bool Escaped)> fields,
        ReadOnlySpan<char> text,
        int origin = 0)
    {
        if (Count > 0 && (_textLength + text.Length > _text.Length || Count == _records.Length || _fieldCount + fields.Length > _fields.Length))
        {
            return false;
        }

        if (_textLength + text.Length > _text.Length)
        {
            Array.Resize(ref _text, text.Length);
        }

        if (_fieldCount + fields.Length > _fields.Length)
        {
            Array.Resize(ref _fields, fields.Length);
        }

        text.CopyTo(_text.AsSpan(_textLength));
        var firstField = _fieldCount;
        foreach (var f in fields)
        {
            _fields[_fieldCount++] = (f.Start - origin + _textLength, f.Length, f.Escaped);
        }

        _textLength += text.Length;
        _records[Count++] = new Entry(line, count, error, blank, firstField, Plain(firstField, fields.Length));
        return true;
    }

    /// <summary>
    /// Whether no field of a record looks like personal data (<see cref="CsvRecord.Plain"/>): looked at here, on the
    /// tokenizing thread, so that the thread reading the rows need not look at the fields of most rows again.
    /// </summary>
    private bool Plain(int firstField, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var f = _fields[firstField + i];
            if (f.Length < PersonalCells.MinLength)
            {
                continue;
            }

            var raw = _text.AsSpan(f.Start, f.Length);
            var value = f.Escaped ? Unescape(raw, escaped: true).AsSpan() : raw;
            if (PersonalCells.MayFlag(value, i < _inFormat.Length && _inFormat[i]))
            {
                return false;
            }
        }

        return true;
    }


    internal override bool IsBlank(int slot) => _records[slot].Blank;

    internal override ReadOnlySpan<char> Field(int slot, int index, out bool escaped)
    {
        var f = _fields[_records[slot].FirstField + index];
        escaped = f.Escaped;
        return _text.AsSpan(f.Start, f.Length);
    }

    private readonly record struct Entry(int Line, int Count, CsvError? Error, bool Blank, int FirstField, bool Plain);
}
