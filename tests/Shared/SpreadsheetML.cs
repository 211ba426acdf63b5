using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Pairing.Core.Testing;

/// <summary>How <see cref="SpreadsheetML"/> writes a text cell.</summary>
public enum TextCells
{
    /// <summary>As Excel and openpyxl do: the text once in <c>xl/sharedStrings.xml</c>, the cell <c>t="s"</c> with its index.</summary>
    Shared,

    /// <summary>As SpreadCheetah does: <c>t="inlineStr"</c> with <c>&lt;is&gt;&lt;t&gt;</c> in the cell.</summary>
    Inline,

    /// <summary>A formula's cached text result: <c>t="str"</c>, <c>&lt;f&gt;</c> and <c>&lt;v&gt;</c>.</summary>
    Formula,
}

/// <summary>How <see cref="SpreadsheetML"/> writes a workbook: the variants other programs write.</summary>
public sealed record SpreadsheetMLOptions
{
    /// <summary>How text cells are written.</summary>
    public TextCells Text { get; init; } = TextCells.Shared;

    /// <summary>Whether cells carry <c>r="B7"</c> (Excel's way) or leave it out (some writers do, relying on order).</summary>
    public bool CellReferences { get; init; } = true;

    /// <summary>Whether rows carry <c>r="7"</c>.</summary>
    public bool RowNumbers { get; init; } = true;

    /// <summary>A namespace prefix for the sheet's elements (<c>x</c> writes <c>&lt;x:row&gt;</c>), or none.</summary>
    public string? Prefix { get; init; }

    /// <summary>Whether the XML is indented with CR LF line ends between elements.</summary>
    public bool Indented { get; init; }

    /// <summary>Whether every character outside ASCII is written as a character reference (<c>&amp;#x4E2D;</c>).</summary>
    public bool CharacterReferences { get; init; }
}

/// <summary>
/// A small SpreadsheetML (.xlsx) writer for tests and benchmarks that writes what other programs write, not what the
/// library's writer writes: shared strings (Excel, openpyxl), inline strings or formula strings; with or without cell
/// references; with a namespace prefix; indented. A cell is a string (text), a number (int, long, double) or null (no
/// cell: the row is sparse). Streams each sheet; the shared strings are held until the end, as Excel does.
/// </summary>
public static class SpreadsheetML
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Writes a workbook of the given sheets, each a sequence of rows (a null row is left out: the next row's number skips it).</summary>
    public static void Write(Stream output, IEnumerable<(string Name, IEnumerable<object?[]?> Rows)> sheets, SpreadsheetMLOptions? options = null)
    {
        options ??= new SpreadsheetMLOptions();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var (name, rows) in sheets)
        {
            names.Add(name);
            var entry = zip.CreateEntry($"xl/worksheets/sheet{names.Count}.xml", CompressionLevel.Fastest);
            using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16);
            WriteSheet(w, rows, options, shared);
        }

        Part(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + string.Concat(names.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        Part(zip, "_rels/.rels",
            $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part(zip, "xl/workbook.xml",
            $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>"
            + string.Concat(names.Select((n, i) => $"<sheet name=\"{Escape(n)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"))
            + "</sheets></workbook>");
        Part(zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + string.Concat(names.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
            + $"<Relationship Id=\"rId{names.Count + 1}\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/>"
            + $"<Relationship Id=\"rId{names.Count + 2}\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        Part(zip, "xl/styles.xml",
            $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<styleSheet xmlns=\"{Main}\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0\"/></numFmts>"
            + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
            + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");

        var strings = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest);
        using var s = new StreamWriter(strings.Open(), new UTF8Encoding(false), 1 << 16);
        s.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<sst xmlns=\"{Main}\" count=\"{shared.Count}\" uniqueCount=\"{shared.Count}\">");
        foreach (var text in shared.OrderBy(kv => kv.Value).Select(kv => kv.Key))
        {
            s.Write(NeedsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            WriteText(s, text, options.CharacterReferences);
            s.Write("</t></si>");
        }

        s.Write("</sst>");
    }

    /// <summary>The style index of a number cell shown as a date (built-in format 14) and as one decimal (<c>0.0</c>).</summary>
    public const int DateStyle = 1;

    /// <inheritdoc cref="DateStyle"/>
    public const int OneDecimalStyle = 2;

    private static void WriteSheet(StreamWriter w, IEnumerable<object?[]?> rows, SpreadsheetMLOptions o, Dictionary<string, int> shared)
    {
        var p = o.Prefix is null ? string.Empty : o.Prefix + ":";
        var nl = o.Indented ? "\r\n" : string.Empty;
        var xmlns = o.Prefix is null ? $"xmlns=\"{Main}\"" : $"xmlns:{o.Prefix}=\"{Main}\"";
        w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<{p}worksheet {xmlns} xmlns:r=\"{Relationships}\">{nl}<{p}sheetData>{nl}");
        var number = 0;
        foreach (var row in rows)
        {
            number++;
            if (row is null)
            {
                continue;
            }

            w.Write(o.RowNumbers ? $"{(o.Indented ? "  " : string.Empty)}<{p}row r=\"{number}\">" : $"{(o.Indented ? "  " : string.Empty)}<{p}row>");
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is not { } value)
                {
                    continue;
                }

                var r = o.CellReferences ? $" r=\"{Column(i)}{number}\"" : string.Empty;
                if (!o.CellReferences && i > 0 && row[i - 1] is null)
                {
                    // Without references a cell's column is its place: a gap needs the reference.
                    r = $" r=\"{Column(i)}{number}\"";
                }

                w.Write(nl.Length > 0 ? "\r\n    " : string.Empty);
                switch (value)
                {
                    case string text when o.Text == TextCells.Shared:
                        if (!shared.TryGetValue(text, out var index))
                        {
                            index = shared.Count;
                            shared.Add(text, index);
                        }

                        w.Write($"<{p}c{r} t=\"s\"><{p}v>{index.ToString(CultureInfo.InvariantCulture)}</{p}v></{p}c>");
                        break;
                    case string text when o.Text == TextCells.Inline:
                        w.Write($"<{p}c{r} t=\"inlineStr\"><{p}is><{p}t{(NeedsPreserve(text) ? " xml:space=\"preserve\"" : string.Empty)}>");
                        WriteText(w, text, o.CharacterReferences);
                        w.Write($"</{p}t></{p}is></{p}c>");
                        break;
                    case string text:
                        w.Write($"<{p}c{r} t=\"str\"><{p}f>");
                        WriteText(w, "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", o.CharacterReferences);
                        w.Write($"</{p}f><{p}v>");
                        WriteText(w, text, o.CharacterReferences);
                        w.Write($"</{p}v></{p}c>");
                        break;
                    case DateOnly date:
                        w.Write($"<{p}c{r} s=\"{DateStyle}\"><{p}v>{(date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture)}</{p}v></{p}c>");
                        break;
                    case IFormattable n:
                        w.Write($"<{p}c{r}><{p}v>{n.ToString(n is double ? "R" : null, CultureInfo.InvariantCulture)}</{p}v></{p}c>");
                        break;
                    default:
                        throw new ArgumentException($"a cell of {value.GetType()}", nameof(rows));
                }
            }

            w.Write($"{nl}{(o.Indented ? "  " : string.Empty)}</{p}row>{nl}");
        }

        w.Write($"</{p}sheetData>{nl}</{p}worksheet>");
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        w.Write(xml);
    }

    /// <summary>A 0-based column's letters (0 is A, 26 is AA).</summary>
    public static string Column(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static bool NeedsPreserve(string text) => text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static void WriteText(TextWriter w, string text, bool references)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '&':
                    w.Write("&amp;");
                    break;
                case '<':
                    w.Write("&lt;");
                    break;
                case '>':
                    w.Write("&gt;");
                    break;
                case '\r':
                    w.Write("&#13;"); // a CR written as itself would read as LF
                    break;
                case > 0x7F when references:
                    w.Write($"&#x{rune.Value:X};");
                    break;
                default:
                    w.Write(rune.ToString());
                    break;
            }
        }
    }
}
