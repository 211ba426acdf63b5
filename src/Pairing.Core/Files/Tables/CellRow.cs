namespace Pairing.Core.Files.Tables;

/// <summary>One row of a <see cref="CellTable"/>: its number in the sheet and its cells' text, column A first.</summary>
/// <remarks>
/// A cell past the end of <see cref="Cells"/> is empty. The cells are the text a person sees in the sheet (a
/// number cell formatted as its number format shows it), not the raw stored value.
/// </remarks>
/// <param name="Number">The 1-based row number in the sheet, as the spreadsheet shows it (rows may be skipped).</param>
/// <param name="Cells">The text of the row's cells from column A on.</param>
public readonly record struct CellRow(int Number, IReadOnlyList<string> Cells);
