using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;
using MiniExcelLibs;
using Pairing.Core.Files.Compliance;

namespace Pairing.Benchmarks;

/// <summary>
/// The candidate workbook readers, each reading every cell of every sheet as the text it holds, streaming, and
/// returning the total length (so nothing is optimised away). What they cost is the floor of a roster reader
/// built on them.
/// </summary>
internal static class WorkbookReaders
{
    public static readonly string[] Names = ["ExcelDataReader", "MiniExcel", "OpenXml", "XmlReader"];

    // ExcelDataReader asks for code page 1252 even for .xlsx; .NET has it once the provider is registered.
    static WorkbookReaders() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static long Read(string reader, string path) => reader switch
    {
        "ExcelDataReader" => ExcelDataReaderCells(path),
        "MiniExcel" => MiniExcelCells(path),
        "OpenXml" => OpenXmlCells(path),
        "XmlReader" => XmlReaderCells(path),
        "Pairing" => PairingCells(path, xmlReader: false),
        "PairingXmlReader" => PairingCells(path, xmlReader: true),
        "Inflate" => InflateOnly(path),
        "Scan" => ScanOnly(path),
        _ => throw new ArgumentException($"unknown reader {reader}", nameof(reader)),
    };

    public static long ExcelDataReaderCells(string path)
    {
        long total = 0;
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        do
        {
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    total += WorkbookData.Text(reader.GetValue(i)).Length;
                }
            }
        }
        while (reader.NextResult());

        return total;
    }

    public static long MiniExcelCells(string path)
    {
        long total = 0;
        foreach (var sheet in MiniExcel.GetSheetNames(path))
        {
            foreach (IDictionary<string, object?> row in MiniExcel.Query(path, sheetName: sheet))
            {
                foreach (var value in row.Values)
                {
                    total += WorkbookData.Text(value).Length;
                }
            }
        }

        return total;
    }

    public static long OpenXmlCells(string path)
    {
        long total = 0;
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.IsStartElement && reader.ElementType == typeof(Cell))
                {
                    var cell = (Cell)reader.LoadCurrentElement()!;
                    var type = cell.DataType?.Value;
                    var text = type == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                        : type == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty
                        : cell.CellValue?.Text ?? string.Empty;
                    total += text.Length;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// No library: the zip entries read with System.IO.Compression and System.Xml's XmlReader, shared strings held,
    /// every <c>&lt;v&gt;</c> and <c>&lt;t&gt;</c> of a cell taken as its text (what a purpose-built reader costs at least).
    /// </summary>
    public static long XmlReaderCells(string path)
    {
        long total = 0;
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        var shared = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is { } sst)
        {
            using var s = System.Xml.XmlReader.Create(sst.Open());
            while (s.Read())
            {
                if (s.NodeType == System.Xml.XmlNodeType.Element && s.LocalName == "si")
                {
                    shared.Add(s.ReadInnerXml());
                }
            }
        }

        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var x = System.Xml.XmlReader.Create(entry.Open());
            var type = string.Empty;
            while (x.Read())
            {
                if (x.NodeType != System.Xml.XmlNodeType.Element)
                {
                    continue;
                }

                if (x.LocalName == "c")
                {
                    type = x.GetAttribute("t") ?? string.Empty;
                }
                else if (x.LocalName is "v" or "t")
                {
                    var text = x.ReadElementContentAsString();
                    total += type == "s" ? shared[int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)].Length : text.Length;
                }
            }
        }

        return total;
    }

    /// <summary>Pairing.Core.Excel's own .xlsx reader (the byte scanner, or its <see cref="System.Xml.XmlReader"/> path), every cell of every sheet as the text it shows.</summary>
    public static long PairingCells(string path, bool xmlReader)
    {
        long total = 0;
        using var book = new Pairing.Core.Excel.Internals.XlsxWorkbook(File.OpenRead(path), xmlReader);
        foreach (var sheet in book.SheetNames)
        {
            foreach (var row in book.Rows(sheet))
            {
                foreach (var cell in row.Cells)
                {
                    total += cell.Length;
                }
            }
        }

        return total;
    }

    /// <summary>The floor under any .xlsx reader: every part inflated, nothing parsed.</summary>
    public static long InflateOnly(string path)
    {
        long total = 0;
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        var buffer = new byte[1 << 17];
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                total += read;
            }
        }

        return total;
    }

    /// <summary>The byte scanner's nodes over every sheet, nothing made of them: the tokenizer's own cost.</summary>
    public static long ScanOnly(string path)
    {
        long total = 0;
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var x = new Pairing.Core.Excel.Internals.XmlByteScanner(entry.Open(), entry.FullName);
            while (x.Read())
            {
                total++;
            }
        }

        return total;
    }
}
