using System.Text;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// Writes RFC 4180 CSV in UTF-8 without a BOM and with \n line ends, so the same rows give the same bytes on
/// every machine. Cells are protected from formula injection (see <see cref="CsvEscaping"/>).
/// </summary>
internal sealed class CsvWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TextWriter _writer;
    private readonly List<CellRow>? _rows;
    private List<string>? _fields;
    private bool _atLineStart = true;

    public CsvWriter(Stream stream) => _writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16) { NewLine = "\n" };

    public CsvWriter(TextWriter writer) => _writer = writer;

    /// <summary>
    /// A writer that keeps the rows as cells instead of text (a table for a workbook, say): each field as the CSV file
    /// would hold it once unquoted, a formula-like value with its protecting apostrophe, rows numbered from 1.
    /// </summary>
    public CsvWriter(List<CellRow> rows)
    {
        _writer = TextWriter.Null;
        _rows = rows;
    }

    public void WriteHeader(params string[] columns)
    {
        foreach (var column in columns)
        {
            Write(column);
        }

        EndRow();
    }

    public void Write(string? value) => Write(value.AsSpan());

    public void Write(ReadOnlySpan<char> value)
    {
        if (_rows is not null)
        {
            (_fields ??= []).Add(CsvEscaping.NeedsProtection(value) ? string.Concat("'", value) : value.ToString());
            return;
        }

        if (!_atLineStart)
        {
            _writer.Write(',');
        }

        _atLineStart = false;
        var protect = CsvEscaping.NeedsProtection(value);
        var quote = protect || value.IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        if (protect)
        {
            _writer.Write('\'');
        }

        // Runs between quotes go out whole: a report of millions of quoted sentences is written char by char otherwise.
        var rest = value;
        int at;
        while ((at = rest.IndexOf('"')) >= 0)
        {
            _writer.Write(rest[..(at + 1)]);
            _writer.Write('"');
            rest = rest[(at + 1)..];
        }

        _writer.Write(rest);

        _writer.Write('"');
    }

    public void Write(int value)
    {
        Span<char> buffer = stackalloc char[11];
        value.TryFormat(buffer, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        Write(buffer[..written]);
    }

    public void EndRow()
    {
        if (_rows is not null)
        {
            _rows.Add(new CellRow(_rows.Count + 1, _fields?.ToArray() ?? []));
            _fields = null;
            return;
        }

        _writer.Write('\n');
        _atLineStart = true;
    }

    public void Dispose() => _writer.Dispose();
}
