using BenchmarkDotNet.Attributes;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// Reading the 1,000,000-student roster as one workbook with each candidate reader (every cell as text, no roster
/// built), against reading and validating the same roster as CSV (the baseline, as in <see cref="RosterReadBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
public class WorkbookReadBenchmarks
{
    private string _folder = string.Empty;
    private string _workbook = string.Empty;
    private string _shared = string.Empty;

    [Params(1_000_000)]
    public int XinjiangStudents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = RosterData.Folder(XinjiangStudents);
        _workbook = WorkbookData.Path(XinjiangStudents);
        _shared = WorkbookData.Path(XinjiangStudents, "shared");
    }

    [Benchmark(Baseline = true, Description = "CSV: read and validate the roster")]
    public Roster Csv() => RosterFiles.Read(_folder).GetValueOrThrow();

    [Benchmark(Description = "xlsx: read and validate the roster (Pairing.Core.Excel)")]
    public Roster Workbook() => Pairing.Core.Excel.RosterWorkbooks.Read(_workbook).GetValueOrThrow();

    [Benchmark(Description = "xlsx, shared strings as Excel writes: read and validate the roster (Pairing.Core.Excel)")]
    public Roster SharedStringsWorkbook() => Pairing.Core.Excel.RosterWorkbooks.Read(_shared).GetValueOrThrow();

    [Benchmark(Description = "xlsx cells: Pairing.Core.Excel's byte scanner")]
    public long Scanner() => WorkbookReaders.PairingCells(_workbook, xmlReader: false);

    [Benchmark(Description = "xlsx cells: Pairing.Core.Excel's XmlReader path (the scanner's oracle)")]
    public long ScannerOracle() => WorkbookReaders.PairingCells(_workbook, xmlReader: true);

    [Benchmark(Description = "xlsx cells: ExcelDataReader 3.6")]
    public long ExcelDataReader() => WorkbookReaders.ExcelDataReaderCells(_workbook);

    [Benchmark(Description = "xlsx cells: MiniExcel 1.46")]
    public long MiniExcel() => WorkbookReaders.MiniExcelCells(_workbook);

    [Benchmark(Description = "xlsx cells: OpenXml 3.3 SAX")]
    public long OpenXml() => WorkbookReaders.OpenXmlCells(_workbook);

    [Benchmark(Description = "xlsx cells: ZipArchive + XmlReader, no library")]
    public long XmlReader() => WorkbookReaders.XmlReaderCells(_workbook);
}
