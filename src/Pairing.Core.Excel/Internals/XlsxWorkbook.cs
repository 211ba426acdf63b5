using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Pairing.Core.Files.Tables;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// A streaming reader of SpreadsheetML (.xlsx): the zip's parts read with System.IO.Compression, sheets and shared
/// strings scanned as bytes by <see cref="XmlByteScanner"/> (the small parts, and any part not in UTF-8, with System.Xml's
/// <see cref="XmlReader"/>), one row at a time, so memory holds the shared strings and one row, never the sheet.
/// </summary>
/// <remarks>
/// Chosen over ExcelDataReader, MiniExcel and the Open XML SDK by measuring them on the 1,000,000-student roster:
/// the same streaming, at a fraction of their time. The <see cref="XmlReader"/> reading of sheets and shared strings
/// is kept, for parts in another encoding and as the tests' oracle for the scanner (<c>xmlReader: true</c>).
/// </remarks>
internal sealed class XlsxWorkbook : Workbook
{
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly List<(string Name, string Part)> _sheets = [];
    private readonly List<string> _shared = [];
    private readonly List<int> _styleFormat = [];
    private readonly Dictionary<int, string> _formatCodes = [];
    private readonly bool _xmlReader;

    /// <summary>Opens the workbook, reading its sheet list, shared strings and number formats.</summary>
    /// <param name="stream">The workbook, owned from then on.</param>
    /// <param name="xmlReader">Whether sheets and shared strings are read with <see cref="XmlReader"/> rather than scanned (the tests' oracle).</param>
    public XlsxWorkbook(Stream stream, bool xmlReader = false)
    {
        _xmlReader = xmlReader;
        _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        ReadSheets();
        ReadSharedStrings();
        ReadStyles();
    }

    public override IReadOnlyList<string> SheetNames => [.. _sheets.Select(s => s.Name)];

    public override void Dispose() => _zip.Dispose();

    private static XmlReaderSettings Settings(XmlNameTable names) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        NameTable = names,
        CloseInput = true,
    };

    private ZipArchiveEntry? Entry(string name) =>
        _zip.GetEntry(name) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    private XmlReader Open(ZipArchiveEntry entry, XmlNameTable? names = null) => XmlReader.Create(entry.Open(), Settings(names ?? new NameTable()));

    private void ReadSheets()
    {
        var workbook = Entry("xl/workbook.xml") ?? throw new InvalidDataException("it has no xl/workbook.xml: not a spreadsheet");
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Entry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var r = Open(rels);
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "Relationship" && r.GetAttribute("Id") is { } id && r.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        using var x = Open(workbook);
        while (x.Read())
        {
            if (x.NodeType == XmlNodeType.Element && x.LocalName == "sheet")
            {
                var name = x.GetAttribute("name") ?? string.Empty;
                var id = x.GetAttribute("id", RelationshipNamespace);
                var part = id is not null && targets.TryGetValue(id, out var t) ? t : $"xl/worksheets/sheet{(_sheets.Count + 1).ToString(CultureInfo.InvariantCulture)}.xml";
                _sheets.Add((name, part));
            }
        }
    }

    private void ReadSharedStrings()
    {
        if (Entry("xl/sharedStrings.xml") is not { } entry)
        {
            return;
        }

        if (!_xmlReader)
        {
            using var scanner = new XmlByteScanner(entry.Open(), entry.FullName) { Unit = "string" };
            if (scanner.IsUtf8)
            {
                ScanSharedStrings(scanner);
                return;
            }
        }

        ReadSharedStringsWithXmlReader(entry);
    }

    private void ScanSharedStrings(XmlByteScanner x)
    {
        while (x.Read())
        {
            if (x.Node != XmlNode.Element || !x.Is("si"u8))
            {
                continue;
            }

            x.Number = _shared.Count;
            if (x.IsEmptyElement)
            {
                x.ClearText();
            }
            else
            {
                x.ReadRichText();
            }

            _shared.Add(new string(x.Text));
        }
    }

    private void ReadSharedStringsWithXmlReader(ZipArchiveEntry entry)
    {
        using var x = Open(entry);
        var text = new System.Text.StringBuilder();
        while (x.Read())
        {
            if (x.NodeType != XmlNodeType.Element || x.LocalName != "si")
            {
                continue;
            }

            text.Clear();
            if (!x.IsEmptyElement)
            {
                ReadText(x, text);
            }

            _shared.Add(text.ToString());
        }
    }

    /// <summary>
    /// The text of an <c>si</c> or <c>is</c> element (the reader on it, not empty): its <c>t</c> runs, without phonetic
    /// guides (<c>rPh</c>). Leaves the reader on the element's end.
    /// </summary>
    private static void ReadText(XmlReader x, System.Text.StringBuilder text)
    {
        var depth = x.Depth;
        if (!x.Read())
        {
            return;
        }

        while (x.Depth > depth)
        {
            if (x.NodeType == XmlNodeType.Element && x.LocalName == "rPh")
            {
                x.Skip();
            }
            else if (x.NodeType == XmlNodeType.Element && x.LocalName == "t")
            {
                text.Append(x.ReadElementContentAsString());
            }
            else if (!x.Read())
            {
                return;
            }
        }
    }

    private void ReadStyles()
    {
        if (Entry("xl/styles.xml") is not { } entry)
        {
            return;
        }

        using var x = Open(entry);
        var inCellXfs = false;
        while (x.Read())
        {
            if (x.NodeType == XmlNodeType.Element)
            {
                switch (x.LocalName)
                {
                    case "numFmt" when int.TryParse(x.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                        _formatCodes[id] = x.GetAttribute("formatCode") ?? "General";
                        break;
                    case "cellXfs":
                        inCellXfs = !x.IsEmptyElement;
                        break;
                    case "xf" when inCellXfs:
                        _styleFormat.Add(int.TryParse(x.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0);
                        break;
                    default:
                        break;
                }
            }
            else if (x.NodeType == XmlNodeType.EndElement && x.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
        }
    }

    public override IEnumerable<CellRow> Rows(string sheet)
    {
        var part = _sheets.First(s => s.Name == sheet).Part;
        var entry = Entry(part) ?? throw new InvalidDataException($"sheet '{sheet}' has no part {part}");
        if (_xmlReader)
        {
            return ReadRowsWithXmlReader(entry);
        }

        // A large sheet is read ahead on the second core while this one checks its rows (see RowsAhead).
        var rows = ScanRows(entry);
        return entry.Length >= ReadAheadBytes && Environment.ProcessorCount > 1 ? RowsAhead.Read(rows) : rows;
    }

    /// <summary>The sheet XML from which rows are read ahead on another thread (1 MB: some ten thousand rows); a smaller one is read on the caller's.</summary>
    private const long ReadAheadBytes = 1 << 20;

    /// <summary>The most rows a hint may promise (as the CSV reader's), and the fewest compressed bytes a row takes.</summary>
    private const int MaxRowsHint = 1 << 22;

    private const int MinCompressedRowBytes = 4;

    /// <summary>
    /// The sheet's rows as its <c>dimension</c> says (Excel and openpyxl write it), or else as its size says at the
    /// bytes per row of its first rows (SpreadCheetah writes no dimension); no more than its compressed bytes could
    /// hold, whatever a damaged or hostile part claims. Reads the part's first rows only; 0 on any doubt.
    /// </summary>
    public override int ExpectedRows(string sheet)
    {
        try
        {
            var part = _sheets.First(s => s.Name == sheet).Part;
            if (Entry(part) is not { } entry)
            {
                return 0;
            }

            using var x = new XmlByteScanner(entry.Open(), entry.FullName);
            if (!x.IsUtf8)
            {
                return 0;
            }

            long rows = 0;
            long first = -1;
            var sampled = 0;
            while (x.Read() && sampled < 200 && x.Position < (1 << 16))
            {
                if (x.Node != XmlNode.Element)
                {
                    continue;
                }

                if (first < 0 && x.Is("dimension"u8))
                {
                    for (var a = 0; a < x.AttributeCount; a++)
                    {
                        if (x.AttributeName(a) is [(byte)'r', (byte)'e', (byte)'f'] && DimensionRows(x.AttributeValue(a)) is > 0 and var r)
                        {
                            rows = r;
                        }
                    }

                    if (rows > 0)
                    {
                        break;
                    }
                }
                else if (x.Is("row"u8))
                {
                    first = first < 0 ? x.Position : first;
                    sampled++;
                }
            }

            if (rows == 0 && sampled > 1 && x.Position > first)
            {
                rows = entry.Length / Math.Max(1, (x.Position - first) / (sampled - 1));
            }

            return (int)Math.Min(Math.Min(rows, entry.CompressedLength / MinCompressedRowBytes), MaxRowsHint);
        }
        catch (Exception e) when (WorkbookErrors.IsUnreadable(e))
        {
            return 0; // the read itself reports it
        }
    }

    /// <summary>The last row of a dimension such as <c>A1:F2103954</c>; 0 when it says none.</summary>
    private static long DimensionRows(ReadOnlySpan<byte> reference)
    {
        var colon = reference.IndexOf((byte)':');
        var last = colon < 0 ? reference : reference[(colon + 1)..];
        var digits = last.IndexOfAnyInRange((byte)'0', (byte)'9');
        return digits >= 0 && long.TryParse(last[digits..], NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows : 0;
    }

    /// <summary>The rows as <see cref="ReadRowsWithXmlReader"/> reads them, scanned; the part opened at the first row, on the thread that reads.</summary>
    private IEnumerable<CellRow> ScanRows(ZipArchiveEntry entry)
    {
        using var x = new XmlByteScanner(entry.Open(), entry.FullName) { Unit = "row" };
        if (!x.IsUtf8)
        {
            x.Dispose();
            foreach (var row in ReadRowsWithXmlReader(entry))
            {
                yield return row;
            }

            yield break;
        }

        var cells = new List<string>(8);
        var last = new List<LastCell>(8);
        var tags = new CellTags("c"u8);
        var rowNumber = 0;
        var inData = false;
        while (x.Read())
        {
            if (x.Node == XmlNode.EndElement && x.Is("sheetData"u8))
            {
                yield break;
            }

            if (x.Node != XmlNode.Element)
            {
                continue;
            }

            if (x.Is("sheetData"u8))
            {
                inData = true;
                continue;
            }

            if (!inData || !x.Is("row"u8))
            {
                continue;
            }

            var number = 0;
            var numbered = false;
            for (var a = 0; a < x.AttributeCount; a++)
            {
                if (x.AttributeName(a) is [(byte)'r'])
                {
                    var value = x.AttributeValue(a);
                    numbered = XmlByteScanner.IsPlain(value)
                        ? int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number)
                        : int.TryParse(x.AttributeString(value), NumberStyles.None, CultureInfo.InvariantCulture, out number);
                }
            }

            rowNumber = numbered ? number : rowNumber + 1;
            x.Number = rowNumber;
            x.Column = -1;
            cells.Clear();
            if (x.IsEmptyElement)
            {
                continue;
            }

            var rowDepth = x.Depth;
            while (x.Read() && x.Depth >= rowDepth)
            {
                if (x.Node != XmlNode.Element || !x.Is("c"u8))
                {
                    continue;
                }

                var column = -1;
                string? type = null;
                var style = 0;
                for (var a = 0; a < x.AttributeCount; a++)
                {
                    var value = x.AttributeValue(a);
                    switch (x.AttributeName(a))
                    {
                        case [(byte)'r']:
                            column = XmlByteScanner.IsPlain(value) ? ColumnOf(value, cells.Count) : ColumnOf(x.AttributeString(value), cells.Count);
                            break;
                        case [(byte)'t']:
                            type = TypeOf(x, value);
                            break;
                        case [(byte)'s']:
                            var plain = XmlByteScanner.IsPlain(value);
                            style = (plain ? int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                                : int.TryParse(x.AttributeString(value), NumberStyles.None, CultureInfo.InvariantCulture, out s)) ? s : 0;
                            break;
                        default:
                            break;
                    }
                }

                if (column < 0)
                {
                    column = cells.Count;
                }

                x.Column = column;
                var hasRaw = false;
                if (!x.IsEmptyElement)
                {
                    if (!x.Name.SequenceEqual(tags.Cell))
                    {
                        tags = new CellTags(x.Name);
                    }

                    // Nearly every cell is <v>…</v> or <is><t>…</t></is>: read at once; anything else node by node.
                    if (x.TryReadSimple(tags.ValueOpen, tags.ValueClose) || x.TryReadSimple(tags.InlineOpen, tags.InlineClose))
                    {
                        hasRaw = true;
                    }
                    else
                    {
                        x.ClearText();
                        var cellDepth = x.Depth;
                        while (x.Read() && x.Depth >= cellDepth)
                        {
                            if (x.Node != XmlNode.Element)
                            {
                                continue;
                            }

                            if (x.Is("v"u8))
                            {
                                if (x.IsEmptyElement)
                                {
                                    x.ClearText();
                                }
                                else
                                {
                                    x.ReadContent();
                                }

                                hasRaw = true;
                            }
                            else if (x.Is("is"u8) && !x.IsEmptyElement)
                            {
                                x.ReadRichText();
                                hasRaw = true;
                            }
                        }
                    }
                }

                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                x.Column = -1;
                var text = hasRaw ? Display(type, x.Text, style, column, last) : string.Empty;
                if (column < cells.Count)
                {
                    // A cell that repeats an earlier column (malformed, but seen): the later one wins.
                    cells[column] = text;
                }
                else
                {
                    cells.Add(text);
                }
            }

            yield return new CellRow(rowNumber, cells);
        }
    }

    /// <summary>A cell type as one of the constant strings <see cref="Display(string?, string, int)"/> switches on, without allocating for those.</summary>
    private static string TypeOf(XmlByteScanner x, ReadOnlySpan<byte> value) => value switch
    {
        [(byte)'s'] => "s",
        [(byte)'n'] => "n",
        [(byte)'b'] => "b",
        [(byte)'e'] => "e",
        [(byte)'d'] => "d",
        [(byte)'s', (byte)'t', (byte)'r'] => "str",
        _ when value.SequenceEqual("inlineStr"u8) => "inlineStr",
        _ => x.AttributeString(value),
    };

    /// <summary>The byte sequences of a plain value cell and an inline string cell, for a cell element's name (<c>c</c>, <c>x:c</c>).</summary>
    private sealed class CellTags
    {
        public CellTags(ReadOnlySpan<byte> cell)
        {
            Cell = cell.ToArray();
            var prefix = System.Text.Encoding.UTF8.GetString(cell[..(cell.IndexOf((byte)':') + 1)]);
            var name = System.Text.Encoding.UTF8.GetString(cell);
            ValueOpen = Bytes($"<{prefix}v>");
            ValueClose = Bytes($"</{prefix}v></{name}>");
            InlineOpen = Bytes($"<{prefix}is><{prefix}t>");
            InlineClose = Bytes($"</{prefix}t></{prefix}is></{name}>");
        }

        public byte[] Cell { get; }

        public byte[] ValueOpen { get; }

        public byte[] ValueClose { get; }

        public byte[] InlineOpen { get; }

        public byte[] InlineClose { get; }

        private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A column's previous cell, so that a value repeated down the column (a class id, a grade) is one string.</summary>
    private sealed class LastCell
    {
        public char[] Raw { get; set; } = new char[32];

        public int Length { get; set; } = -1;

        public string? Type { get; set; }

        public int Style { get; set; }

        public string Text { get; set; } = string.Empty;
    }

    /// <summary>
    /// <see cref="Display(string?, string, int)"/> of a raw value held as characters; the column's previous text again
    /// when the cell is the same (same type, style and raw value), since the text depends on nothing else.
    /// </summary>
    private string Display(string? type, ReadOnlySpan<char> raw, int style, int column, List<LastCell> last)
    {
        while (last.Count <= column)
        {
            last.Add(new LastCell());
        }

        var previous = last[column];
        if (previous.Length == raw.Length && previous.Style == style && string.Equals(previous.Type, type, StringComparison.Ordinal)
            && raw.SequenceEqual(previous.Raw.AsSpan(0, previous.Length)))
        {
            return previous.Text;
        }

        var text = DisplaySpan(type, raw, style);
        if (previous.Raw.Length < raw.Length)
        {
            previous.Raw = new char[Math.Max(raw.Length, previous.Raw.Length * 2)];
        }

        raw.CopyTo(previous.Raw);
        previous.Length = raw.Length;
        previous.Type = type;
        previous.Style = style;
        previous.Text = text;
        return text;
    }

    /// <summary>As <see cref="Display(string?, string, int)"/>, on characters: a string is made only for the text shown.</summary>
    private string DisplaySpan(string? type, ReadOnlySpan<char> raw, int style)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _shared.Count ? _shared[i] : new string(raw);
            case "inlineStr" or "str" or "e":
                return new string(raw);
            case "b":
                return raw is "1" ? "TRUE" : "FALSE";
            case "d":
                return raw.Length >= 10 && raw[4] == '-' ? new string(raw[..10]) : new string(raw);
            default:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return new string(raw);
                }

                var formatId = style < _styleFormat.Count ? _styleFormat[style] : 0;
                if (_numbers.TryGetValue((number, formatId), out var known))
                {
                    return known;
                }

                var shown = CellText.Number(number, _formatCodes.GetValueOrDefault(formatId), formatId);
                if (_numbers.Count >= MaxRememberedNumbers)
                {
                    _numbers.Clear();
                }

                _numbers[(number, formatId)] = shown;
                return shown;
        }
    }

    /// <summary>How many number cells' texts are remembered (a roster's numbers are grades, sizes and birth years: few).</summary>
    private const int MaxRememberedNumbers = 4096;

    /// <summary>
    /// The text of numbers already shown, by value and number format: formatting a number (its format parsed each time)
    /// cost more than the rest of reading its cell, and a roster repeats a few numbers two million times.
    /// </summary>
    private readonly Dictionary<(double Number, int FormatId), string> _numbers = [];

    private IEnumerable<CellRow> ReadRowsWithXmlReader(ZipArchiveEntry entry)
    {
        var names = new NameTable();
        var row = names.Add("row");
        var c = names.Add("c");
        var v = names.Add("v");
        var inlineString = names.Add("is");
        var sheetData = names.Add("sheetData");
        var cells = new List<string>(8);
        var text = new System.Text.StringBuilder();
        using var x = Open(entry, names);
        var rowNumber = 0;
        var inData = false;
        while (x.Read())
        {
            if (x.NodeType == XmlNodeType.EndElement && ReferenceEquals(x.LocalName, sheetData))
            {
                yield break;
            }

            if (x.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (ReferenceEquals(x.LocalName, sheetData))
            {
                inData = true;
                continue;
            }

            if (!inData || !ReferenceEquals(x.LocalName, row))
            {
                continue;
            }

            rowNumber = int.TryParse(x.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
            cells.Clear();
            if (x.IsEmptyElement)
            {
                continue;
            }

            var rowDepth = x.Depth;
            x.Read();
            while (x.Depth > rowDepth)
            {
                if (x.NodeType != XmlNodeType.Element || !ReferenceEquals(x.LocalName, c))
                {
                    if (!x.Read())
                    {
                        break;
                    }

                    continue;
                }

                var column = ColumnOf(x.GetAttribute("r"), cells.Count);
                var type = x.GetAttribute("t");
                var style = int.TryParse(x.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                string? raw = null;
                if (!x.IsEmptyElement)
                {
                    var cellDepth = x.Depth;
                    x.Read();
                    while (x.Depth > cellDepth)
                    {
                        if (x.NodeType == XmlNodeType.Element && ReferenceEquals(x.LocalName, v))
                        {
                            raw = x.ReadElementContentAsString();
                        }
                        else if (x.NodeType == XmlNodeType.Element && ReferenceEquals(x.LocalName, inlineString) && !x.IsEmptyElement)
                        {
                            text.Clear();
                            ReadText(x, text);
                            raw = text.ToString();
                            x.Read();
                        }
                        else if (!x.Read())
                        {
                            break;
                        }
                    }
                }

                // On the cell's end (or the empty cell itself): step past it.
                x.Read();
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                if (column < cells.Count)
                {
                    // A cell that repeats an earlier column (malformed, but seen): the later one wins.
                    cells[column] = raw is null ? string.Empty : Display(type, raw, style);
                }
                else
                {
                    cells.Add(raw is null ? string.Empty : Display(type, raw, style));
                }
            }

            yield return new CellRow(rowNumber, cells);
        }
    }

    private string Display(string? type, string raw, int style)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _shared.Count ? _shared[i] : raw;
            case "inlineStr" or "str":
                return raw;
            case "b":
                return raw == "1" ? "TRUE" : "FALSE";
            case "e":
                return raw;
            case "d":
                // An ISO 8601 date cell (Strict files): the date part is what a roster means.
                return raw.Length >= 10 && raw[4] == '-' ? raw[..10] : raw;
            default:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return raw;
                }

                var formatId = style < _styleFormat.Count ? _styleFormat[style] : 0;
                return CellText.Number(number, _formatCodes.GetValueOrDefault(formatId), formatId);
        }
    }

    /// <summary>The most columns a sheet has (A to XFD), as Excel and LibreOffice have it; a reference past them is damage.</summary>
    internal const int MaxColumns = 16384;

    /// <summary>The 0-based column of a cell reference such as <c>C12</c>; the next column when there is none.</summary>
    /// <exception cref="InvalidDataException">The reference is past column XFD.</exception>
    internal static int ColumnOf(string? reference, int next) => string.IsNullOrEmpty(reference) ? next : ColumnOf(reference.AsSpan(), next);

    private static int ColumnOf(ReadOnlySpan<char> reference, int next)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (ch - 'A' + 1);
            }
            else if (ch is >= 'a' and <= 'z')
            {
                column = (column * 26) + (ch - 'a' + 1);
            }
            else
            {
                break;
            }

            if (column > MaxColumns)
            {
                throw new InvalidDataException($"the cell reference '{reference}' is past the last column, XFD");
            }
        }

        return column == 0 ? next : column - 1;
    }

    private static int ColumnOf(ReadOnlySpan<byte> reference, int next)
    {
        var column = 0;
        foreach (var b in reference)
        {
            if (b is >= (byte)'A' and <= (byte)'Z')
            {
                column = (column * 26) + (b - 'A' + 1);
            }
            else if (b is >= (byte)'a' and <= (byte)'z')
            {
                column = (column * 26) + (b - 'a' + 1);
            }
            else
            {
                break;
            }

            if (column > MaxColumns)
            {
                throw new InvalidDataException($"the cell reference '{System.Text.Encoding.UTF8.GetString(reference)}' is past the last column, XFD");
            }
        }

        return column == 0 ? next : column - 1;
    }
}
