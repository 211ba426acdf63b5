using Pairing.Core.Activities;
using Pairing.Core.Excel.Internals;
using Pairing.Core.Files.Compliance;

namespace Pairing.Core.Excel;

/// <summary>
/// A compliance report as one .xlsx workbook: the sheets <c>compliance</c> and <c>rollup</c>, with exactly the
/// columns and rows of <see cref="ComplianceReportFiles"/>' <c>compliance.csv</c> and <c>rollup.csv</c>, Chinese
/// column names in row 1 and English ones in row 2, every cell stored as text.
/// </summary>
public static class ComplianceReportWorkbook
{
    /// <summary>Writes a report as one workbook (replacing the file whole, or leaving it as it was if writing fails).</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The workbook to write (.xlsx).</param>
    public static void Write(ComplianceReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(path);
        var tables = ComplianceReportFiles.ToTables(report);
        var sheets = new[] { (ComplianceReportFiles.ComplianceFile, "compliance"), (ComplianceReportFiles.RollupCsvFile, "rollup") }
            .Select(s => TableRows.Sheet(s.Item2, tables[s.Item1]));
        WorkbookWriter.Write(path, sheets, HeaderRows.ChineseAndEnglish);
    }
}
