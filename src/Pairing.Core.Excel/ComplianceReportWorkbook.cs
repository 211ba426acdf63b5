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
        WorkbookWriter.Write(path, SheetsOf(report), HeaderRows.ChineseAndEnglish);
    }

    /// <summary>Writes the report as <see cref="Write"/> does, without blocking a thread on the disk; cancelled, the file is as it was.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The workbook to write (.xlsx).</param>
    /// <param name="cancellationToken">Stops the write; the workbook is then as it was.</param>
    /// <returns>A task that completes when the workbook is in place.</returns>
    public static Task WriteAsync(ComplianceReport report, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(path);
        return WorkbookWriter.WriteAsync(path, SheetsOf(report), HeaderRows.ChineseAndEnglish, cancellationToken);
    }

    private static IEnumerable<SheetData> SheetsOf(ComplianceReport report)
    {
        var tables = ComplianceReportFiles.ToTables(report);
        var sheets = new[] { (ComplianceReportFiles.ComplianceFile, "compliance"), (ComplianceReportFiles.RollupCsvFile, "rollup") }
            .Select(s => TableRows.Sheet(s.Item2, tables[s.Item1]));
        return sheets;
    }
}
