namespace Pairing.Core.Files;

/// <summary>
/// The encoding of the files people open in a spreadsheet: <c>unpaired.csv</c> of a result, <c>compliance.csv</c> and
/// <c>rollup.csv</c> of a compliance report. The machine-facing files (the pair files, <c>continuity.csv</c>,
/// <c>summary.json</c>, <c>rollup.json</c>) are UTF-8 without a BOM whichever is chosen.
/// </summary>
/// <remarks>
/// Every reader of the library reads both (UTF-8 first, then GB18030), so a file written either way reads back the same.
/// </remarks>
public enum TextFileEncoding
{
    /// <summary>UTF-8 with a byte-order mark, which Excel, WPS and LibreOffice take as UTF-8: the default.</summary>
    Utf8WithBom,

    /// <summary>
    /// GB18030 (code page 54936) without a BOM, what Chinese Excel and WPS save as "CSV" and open by double-click on a
    /// Chinese Windows without an import dialogue; it encodes every Unicode character.
    /// </summary>
    Gb18030,
}
