using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pairing.Core.Excel.Internals;
using Pairing.Core.Testing;

namespace Pairing.Core.Excel.Tests.Internals;

/// <summary>
/// The byte scanner that reads sheets and shared strings (<see cref="XmlByteScanner"/>) pinned against the
/// <see cref="System.Xml.XmlReader"/> reading it replaced, kept in <see cref="XlsxWorkbook"/> as the oracle
/// (<c>xmlReader: true</c>): on the XML other programs write (prefixes, entities, rich text, inline strings, cells
/// without references, CR LF), on damaged XML (both refuse it), and on generated cells.
/// </summary>
public class XlsxScannerTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Every sheet's rows, as one line each (number and cells), or "unreadable: …" when the workbook is.</summary>
    private static List<string> Rows(byte[] workbook, bool xmlReader)
    {
        try
        {
            using var book = new XlsxWorkbook(new MemoryStream(workbook), xmlReader);
            var rows = new List<string>();
            foreach (var sheet in book.SheetNames)
            {
                foreach (var row in book.Rows(sheet))
                {
                    rows.Add(row.Number + " " + JsonSerializer.Serialize(row.Cells));
                }
            }

            return rows;
        }
        catch (Exception e) when (WorkbookErrors.IsUnreadable(e))
        {
            return ["unreadable"];
        }
    }

    /// <summary>The rows as the scanner reads them, after checking that the XmlReader reads the same.</summary>
    private static List<string> Agreed(byte[] workbook)
    {
        var oracle = Rows(workbook, xmlReader: true);
        var scanned = Rows(workbook, xmlReader: false);
        Assert.Equal(oracle, scanned);
        return scanned;
    }

    private static string Row(int number, params string[] cells) => number + " " + JsonSerializer.Serialize(cells);

    /// <summary>A workbook of one sheet with the given part texts (or bytes, for the sheet).</summary>
    private static byte[] Book(string sheet, string? sharedStrings = null, string? styles = null, byte[]? sheetBytes = null)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, byte[] bytes)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(bytes);
            }

            Part("xl/workbook.xml", Encoding.UTF8.GetBytes(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Part("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"));
            Part("xl/worksheets/sheet1.xml", sheetBytes ?? Encoding.UTF8.GetBytes(sheet));
            if (sharedStrings is not null)
            {
                Part("xl/sharedStrings.xml", Encoding.UTF8.GetBytes(sharedStrings));
            }

            if (styles is not null)
            {
                Part("xl/styles.xml", Encoding.UTF8.GetBytes(styles));
            }
        }

        return stream.ToArray();
    }

    private static string Sheet(string rows, string prefix = "") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<{prefix}worksheet xmlns{(prefix.Length > 0 ? ":" + prefix.TrimEnd(':') : string.Empty)}=\"{Main}\"><{prefix}sheetData>{rows}</{prefix}sheetData></{prefix}worksheet>";

    [Fact]
    public void Prefixed_elements_read_as_unprefixed_ones()
    {
        var rows = "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>inline</x:t></x:is></x:c><x:c r=\"C1\"><x:v>42</x:v></x:c></x:row>";
        var strings = $"<x:sst xmlns:x=\"{Main}\"><x:si><x:t>zero</x:t></x:si><x:si><x:t>one</x:t></x:si></x:sst>";

        Assert.Equal([Row(1, "one", "inline", "42")], Agreed(Book(Sheet(rows, "x:"), strings)));
    }

    [Fact]
    public void Entities_and_character_references_read_as_their_characters()
    {
        var rows = "<row r=\"1\"><c t=\"inlineStr\"><is><t>a &amp; b &lt;c&gt; &quot;q&quot; &apos;s&apos;</t></is></c>"
            + "<c t=\"inlineStr\"><is><t>&#x4E2D;&#25991; &#x1F600; &#9;tab</t></is></c><c t=\"s\"><v>0</v></c></row>";
        var strings = $"<sst xmlns=\"{Main}\"><si><t>R&amp;D &#x5B66;&#26657;</t></si></sst>";

        Assert.Equal([Row(1, "a & b <c> \"q\" 's'", "中文 😀 \ttab", "R&D 学校")], Agreed(Book(Sheet(rows), strings)));
    }

    [Fact]
    public void Rich_text_runs_are_joined_and_phonetic_guides_left_out()
    {
        var strings = $"<sst xmlns=\"{Main}\"><si><r><rPr><b/><sz val=\"11\"/></rPr><t>和田</t></r><r><t xml:space=\"preserve\"> 第1中学 </t></r>"
            + "<rPh sb=\"0\" eb=\"2\"><t>ホータン</t></rPh><phoneticPr fontId=\"1\"/></si><si/><si><t/></si></sst>";
        var rows = "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
            + "<c t=\"inlineStr\"><is><r><t>in</t></r><r><rPr><i/></rPr><t>line</t></r></is></c></row>";

        Assert.Equal([Row(1, "和田 第1中学 ", string.Empty, string.Empty, "inline")], Agreed(Book(Sheet(rows), strings)));
    }

    [Fact]
    public void Cell_types_read_as_the_text_shown()
    {
        var styles = $"<styleSheet xmlns=\"{Main}\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0\"/></numFmts>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>";
        var rows = "<row r=\"1\"><c t=\"str\"><f>CONCAT(\"a\",\"b\")</f><v>ab</v></c><c t=\"b\"><v>1</v></c><c t=\"b\"><v>0</v></c>"
            + "<c t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c t=\"n\"><v>653201</v></c><c t=\"d\"><v>2014-09-01T00:00:00</v></c>"
            + "<c s=\"1\"><v>41897</v></c><c s=\"2\"><v>7</v></c><c><v>1.5E+3</v></c><c><v>not a number</v></c><c t=\"s\"><v>9</v></c><c t=\"b\"><v/></c></row>";

        Assert.Equal([Row(1, "ab", "TRUE", "FALSE", "#DIV/0!", "653201", "2014-09-01", "2014-09-15", "7.0", "1500", "not a number", "9", "FALSE")],
            Agreed(Book(Sheet(rows), styles: styles)));
    }

    [Fact]
    public void Cells_and_rows_without_references_sparse_and_empty_ones_keep_their_places()
    {
        var rows = "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>1</v></c></row>"
            + "<row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is><t>c</t></is></c><c t=\"inlineStr\"><is><t>d</t></is></c><c r=\"B3\"><v>2</v></c></row>"
            + "<row r=\"4\"/><row r=\"5\"></row><row><c r=\"A6\"/><c r=\"B6\"></c><c r=\"c6\" t=\"inlineStr\"><is/></c><c r=\"D6\"><v>3</v></c></row>";

        Assert.Equal(
            [Row(1, "a", "1"), Row(3, string.Empty, "2", "c", "d"), Row(5), Row(6, string.Empty, string.Empty, string.Empty, "3")],
            Agreed(Book(Sheet(rows))));
    }

    [Fact]
    public void Line_ends_white_space_comments_and_CDATA_read_as_XML_has_them()
    {
        var rows = "\r\n  <row r=\"1\" spans=\"1:3\" >\r\n    <c\r\n r = 'A1'\tt=\"inlineStr\" ><is><t xml:space=\"preserve\">two\r\nlines\rand &#13;cr </t></is></c>\r\n"
            + "    <!-- a comment --><?pi data?><c r=\"B1\"><v> 12 </v></c><c r=\"C1\" t=\"inlineStr\"><is><t><![CDATA[<b>&amp;</b>]]>!<!-- x --></t></is></c>\r\n  </row >\r\n";

        Assert.Equal([Row(1, "two\nlines\nand \rcr ", "12", "<b>&amp;</b>!")], Agreed(Book(Sheet(rows))));
    }

    [Fact]
    public void A_byte_order_mark_and_a_part_in_UTF_16_read_the_same()
    {
        var sheet = Sheet("<row r=\"1\"><c t=\"inlineStr\"><is><t>和田</t></is></c></row>");
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sheet)).ToArray();
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(sheet.Replace("UTF-8", "UTF-16", StringComparison.Ordinal))).ToArray();

        Assert.Equal([Row(1, "和田")], Agreed(Book(string.Empty, sheetBytes: utf8)));
        Assert.Equal([Row(1, "和田")], Agreed(Book(string.Empty, sheetBytes: utf16)));
    }

    [Theory]
    [InlineData("<row r=\"1\"><c><v>1</v></row>")] // an end tag that closes the wrong element
    [InlineData("<row r=\"1\"><c><v>1</v></c>")] // the part ends inside elements
    [InlineData("<row r=\"1\"><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>")] // an entity XML does not define
    [InlineData("<row r=\"1\"><c t=\"inlineStr\"><is><t>a & b</t></is></c></row>")] // a bare ampersand
    [InlineData("<row r=\"1\"><c t=\"inlineStr\"><is><t>&#1;</t></is></c></row>")] // a reference to a character XML forbids
    [InlineData("<row r=\"1\"><c t=\"inlineStr\"><is><t>\u0001</t></is></c></row>")] // the character itself
    [InlineData("<row r=\"1\"><c><v>1<b/></v></c></row>")] // an element inside a value
    [InlineData("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")] // past the last column
    [InlineData("<row r=\"1\"><c r=\"AAAAAAAAA1\"><v>1</v></c></row>")] // far past it (the column number would overflow)
    [InlineData("<row r=\"1\"><c r=A1><v>1</v></c></row>")] // an attribute without quotes
    public void Damaged_XML_is_unreadable_on_both_paths(string rows) =>
        Assert.Equal(["unreadable"], Agreed(Book(Sheet(rows))));

    [Fact]
    public void A_document_type_is_refused_on_both_paths()
    {
        var sheet = $"<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY e \"x\">]><worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>";
        Assert.Equal(["unreadable"], Agreed(Book(sheet)));
    }

    [Fact]
    public void A_damaged_sheet_names_the_part_and_the_row()
    {
        var book = Book(Sheet("<row r=\"1\"><c><v>1</v></c></row><row r=\"7\"><c><v>1</v></c><c r=\"C7\"><v>2</v></b></row>"));
        using var workbook = new XlsxWorkbook(new MemoryStream(book));

        var e = Assert.Throws<InvalidDataException>(() => workbook.Rows("s").Count());

        Assert.Contains("xl/worksheets/sheet1.xml", e.Message, StringComparison.Ordinal);
        Assert.Contains("row 7, column C", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_roster_sheet_is_a_problem_at_the_sheet_naming_the_row()
    {
        using var folder = new TestFolder();
        var path = folder.File("counties.xlsx");
        File.WriteAllBytes(path, Book(Sheet("<row r=\"1\"><c t=\"inlineStr\"><is><t>county_id</t></is></c></row><row r=\"2\"><c><v>653201</c></row>")));

        var read = RosterWorkbooks.ReadSeparate(path, path, path, null);

        // The one file stands for counties, schools and classes: each reports it.
        var problem = read.Findings.First(f => f.Code == "ROS048" && f.Location?.File == "counties.xlsx");
        Assert.Equal("s", problem.Location?.Sheet);
        Assert.Contains("row 2, column A", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_says_how_many_rows_it_has_but_no_more_than_its_bytes_could_hold()
    {
        var rows = new StringBuilder();
        for (var i = 1; i <= 3_000; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{i}\"><c r=\"A{i}\" t=\"inlineStr\"><is><t>X653201-{i:000000}</t></is></c></row>");
        }

        using var sized = new XlsxWorkbook(new MemoryStream(Book(Sheet(rows.ToString()))));
        using var claimed = new XlsxWorkbook(new MemoryStream(Book(
            $"<worksheet xmlns=\"{Main}\"><dimension ref=\"A1:F1000000000\"/><sheetData><row r=\"1\"><c><v>1</v></c></row></sheetData></worksheet>")));

        // From the first rows' bytes per row: about the 3,000 there are.
        Assert.InRange(sized.ExpectedRows("s"), 2_500, 3_500);

        // A dimension of a billion rows in a part of a few hundred bytes: held to what the bytes could hold.
        Assert.InRange(claimed.ExpectedRows("s"), 0, 100);
    }

    [Fact]
    public void A_text_longer_than_the_cap_is_damage_not_memory()
    {
        var huge = new string('a', XmlByteScanner.MaxTokenBytes + 10);
        Assert.Equal(["unreadable"], Rows(Book(Sheet($"<row r=\"1\"><c t=\"inlineStr\"><is><t>{huge}</t></is></c></row>")), xmlReader: false));
    }

    [Fact]
    public void A_long_sheet_reads_across_the_scanner_window()
    {
        // Far more than the scanner's first window (128 KB), so tags and texts straddle refills.
        var rows = new StringBuilder();
        for (var i = 1; i <= 20_000; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"<row r=\"{i}\"><c r=\"A{i}\" t=\"inlineStr\"><is><t>X653201-{i:000000} &amp; 中</t></is></c><c r=\"B{i}\"><v>{2000 + (i % 7)}</v></c><c r=\"C{i}\" t=\"s\"><v>{i % 3}</v></c></row>");
        }

        var strings = $"<sst xmlns=\"{Main}\"><si><t>F</t></si><si><t>M</t></si><si><r><t>a</t></r><r><t>b</t></r></si></sst>";
        var read = Agreed(Book(Sheet(rows.ToString()), strings));

        Assert.Equal(20_000, read.Count);
        Assert.Equal(Row(12_345, "X653201-012345 & 中", "2004", "F"), read[12_344]);
    }

    [Theory]
    [InlineData(TextCells.Shared, true, null, false)]
    [InlineData(TextCells.Inline, false, null, false)]
    [InlineData(TextCells.Formula, true, "x", true)]
    [InlineData(TextCells.Shared, false, "x", true)]
    public void A_roster_written_as_other_programs_write_reads_as_the_same_roster(TextCells text, bool references, string? prefix, bool indented)
    {
        using var folder = new TestFolder();
        var roster = Pairing.Core.Generation.RosterGenerator.Generate(new() { XinjiangStudents = 504, Seed = 5 });
        var path = folder.File("roster.xlsx");
        var tables = Pairing.Core.Files.Rosters.RosterFiles.ToTables(roster);
        using (var stream = File.Create(path))
        {
            SpreadsheetML.Write(
                stream,
                new[] { "counties", "schools", "classes", "students" }.Select(n => (n, tables[n + ".csv"].Rows.Select(r => (object?[]?)r.Cells.ToArray()))),
                new SpreadsheetMLOptions { Text = text, CellReferences = references, Prefix = prefix, Indented = indented, CharacterReferences = indented });
        }

        var read = RosterWorkbooks.Read(path);

        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        var written = folder.File("a");
        var again = folder.File("b");
        Pairing.Core.Files.Rosters.RosterFiles.Write(roster, written);
        Pairing.Core.Files.Rosters.RosterFiles.Write(read.Value, again);
        Assert.Equal(TestFolder.Contents(written), TestFolder.Contents(again));
    }

    /// <summary>A sheet of generated cells and the way it is written.</summary>
    public sealed record SheetCase(object?[][] Rows, SpreadsheetMLOptions Options)
    {
        public override string ToString() => $"{Options} {JsonSerializer.Serialize(Rows)}";
    }

    public static class Generators
    {
        // Text the scanner must decode as XmlReader does: markup characters, quotes, white space and line ends, CJK,
        // characters outside the BMP, digits and what looks like numbers or ids.
        private static readonly string[] Pieces =
            ["a", "Z", " ", "  ", "\t", "\n", "\r\n", "\r", "&", "<", ">", "\"", "'", "&amp;", "]]>", "中", "学校", "😀", "𠀀", "0", "7", "653201", "1.5", "E+17", "-", ";", "_x000D_", "é"];

        public static Arbitrary<SheetCase> Cases()
        {
            var text = from pieces in Gen.ArrayOf(Gen.Elements(Pieces)) select string.Concat(pieces);
            var cell = from kind in Gen.Choose(0, 9)
                       from t in text
                       from n in Gen.Choose(-1_000_000, 1_000_000)
                       select kind switch
                       {
                           < 6 => (object?)t,
                           < 8 => n,
                           8 => n / 8.0,
                           _ => null,
                       };
            var row = from cells in Gen.ArrayOf(cell) select cells;
            return (from rows in Gen.ArrayOf(row)
                    from mode in Gen.Elements(TextCells.Shared, TextCells.Inline, TextCells.Formula)
                    from references in Gen.Elements(true, false)
                    from rowNumbers in Gen.Elements(true, false)
                    from prefix in Gen.Elements<string?>(null, "x", "ss")
                    from indented in Gen.Elements(true, false)
                    from characterReferences in Gen.Elements(true, false)
                    select new SheetCase(rows, new SpreadsheetMLOptions
                    {
                        Text = mode,
                        CellReferences = references,
                        RowNumbers = rowNumbers,
                        Prefix = prefix,
                        Indented = indented,
                        CharacterReferences = characterReferences,
                    })).ToArbitrary();
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Generated_cells_read_the_same_on_both_paths_and_as_written(SheetCase sheet)
    {
        var stream = new MemoryStream();
        SpreadsheetML.Write(stream, [("s", sheet.Rows.Select(r => (object?[]?)r))], sheet.Options);

        var read = Agreed(stream.ToArray());

        // And as written: text as itself, numbers as a spreadsheet shows them, a row without cells as an empty row.
        var expected = sheet.Rows.Select((cells, i) => Row(i + 1, [.. Trimmed(cells).Select(c => c switch
        {
            null => string.Empty,
            string s => s,
            int n => CellText.General(n),
            double d => CellText.General(d),
            _ => throw new InvalidOperationException(),
        })]));
        Assert.Equal(expected, read);
    }

    private static IEnumerable<object?> Trimmed(object?[] cells)
    {
        var length = cells.Length;
        while (length > 0 && cells[length - 1] is null)
        {
            length--;
        }

        return cells.Take(length);
    }
}

/// <summary>Rows read ahead on a second thread (<see cref="RowsAhead"/>) come as the source gives them, errors and early stops included.</summary>
public class RowsAheadTests
{
    private static IEnumerable<Pairing.Core.Files.Tables.CellRow> Source(int count, Exception? failAt = null, Action? disposed = null)
    {
        var cells = new List<string>();
        try
        {
            for (var i = 1; i <= count; i++)
            {
                cells.Clear();
                for (var c = 0; c < i % 13; c++)
                {
                    cells.Add($"{i}:{c}");
                }

                yield return new(i * 2, cells);
            }

            if (failAt is not null)
            {
                throw failAt;
            }
        }
        finally
        {
            disposed?.Invoke();
        }
    }

    private static List<string> Lines(IEnumerable<Pairing.Core.Files.Tables.CellRow> rows) =>
        [.. rows.Select(r => r.Number + " " + string.Join(",", r.Cells))];

    [Fact]
    public void Rows_read_ahead_are_the_rows_in_order()
    {
        Assert.Equal(Lines(Source(20_000)), Lines(RowsAhead.Read(Source(20_000))));
        Assert.Empty(Lines(RowsAhead.Read(Source(0))));
    }

    [Fact]
    public void A_damaged_row_fails_after_every_row_before_it()
    {
        var seen = 0;
        var e = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var row in RowsAhead.Read(Source(5_000, new InvalidDataException("row 10001 is damaged"))))
            {
                Assert.Equal(++seen * 2, row.Number);
            }
        });

        Assert.Equal(5_000, seen);
        Assert.Equal("row 10001 is damaged", e.Message);
    }

    [Fact]
    public void Stopping_early_closes_the_source_before_returning()
    {
        var disposed = false;
        using (var rows = RowsAhead.Read(Source(1_000_000, disposed: () => disposed = true)).GetEnumerator())
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.True(rows.MoveNext());
            }
        }

        Assert.True(disposed);
    }
}
