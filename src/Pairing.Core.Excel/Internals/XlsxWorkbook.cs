using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Pairing.Core.Files.Tables;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// A streaming reader of SpreadsheetML (.xlsx): the zip's parts read with System.IO.Compression and System.Xml's
/// <see cref="XmlReader"/>, one row at a time, so memory holds the shared strings and one row, never the sheet.
/// </summary>
/// <remarks>
/// Chosen over ExcelDataReader, MiniExcel and the Open XML SDK by measuring them on the 1,000,000-student roster:
/// the same streaming, at a fraction of their time.
/// </remarks>
internal sealed class XlsxWorkbook : Workbook
{
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly List<(string Name, string Part)> _sheets = [];
    private readonly List<string> _shared = [];
    private readonly List<int> _styleFormat = [];
    private readonly Dictionary<int, string> _formatCodes = [];

    public XlsxWorkbook(Stream stream)
    {
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
        return ReadRows(entry);
    }

    private IEnumerable<CellRow> ReadRows(ZipArchiveEntry entry)
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

    /// <summary>The 0-based column of a cell reference such as <c>C12</c>; the next column when there is none.</summary>
    private static int ColumnOf(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return next;
        }

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
        }

        return column == 0 ? next : column - 1;
    }
}
