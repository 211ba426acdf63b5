using System.Globalization;
using System.Text;
using ExcelDataReader;
using Pairing.Core.Files.Tables;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// An old binary workbook (.xls, BIFF8), read with ExcelDataReader. Such a workbook holds at most 65,536 rows a
/// sheet, so its sheets are read whole when opened.
/// </summary>
internal sealed class XlsWorkbook : Workbook
{
    private readonly List<(string Name, List<CellRow> Rows)> _sheets = [];

    static XlsWorkbook() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public XlsWorkbook(Stream stream)
    {
        using (stream)
        using (var reader = ExcelReaderFactory.CreateBinaryReader(stream))
        {
            do
            {
                var rows = new List<CellRow>();
                var number = 0;
                while (reader.Read())
                {
                    number++;
                    var cells = new string[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = Text(reader, i);
                    }

                    rows.Add(new CellRow(number, cells));
                }

                _sheets.Add((reader.Name, rows));
            }
            while (reader.NextResult());
        }
    }

    public override IReadOnlyList<string> SheetNames => [.. _sheets.Select(s => s.Name)];

    public override IEnumerable<CellRow> Rows(string sheet) => _sheets.First(s => s.Name == sheet).Rows;

    public override void Dispose()
    {
    }

    private static string Text(IExcelDataReader reader, int i)
    {
        var value = reader.GetValue(i);
        return value switch
        {
            null => string.Empty,
            string s => s,
            double d => CellText.Number(d, reader.GetNumberFormatString(i), reader.GetNumberFormatIndex(i)),
            DateTime t => t.TimeOfDay == TimeSpan.Zero
                ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
