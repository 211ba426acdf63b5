namespace Pairing.Core.Files.Tables;

/// <summary>
/// Keeps exported cells from being run as spreadsheet formulas (OWASP "CSV injection"): a cell that starts
/// with = + - @ tab or CR is written with a leading apostrophe, which spreadsheets show as text, and the reader
/// takes that apostrophe off again so that files round-trip.
/// </summary>
internal static class CsvEscaping
{
    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// Whether a value needs a leading apostrophe: it starts with a formula character, or with apostrophes
    /// followed by one (so that a value that really starts with an apostrophe also round-trips).
    /// </summary>
    public static bool NeedsProtection(ReadOnlySpan<char> value)
    {
        var i = 0;
        while (i < value.Length && value[i] == '\'')
        {
            i++;
        }

        return i < value.Length && IsFormulaStart(value[i]);
    }

    public static string Unprotect(ReadOnlySpan<char> value) =>
        value.Length > 1 && value[0] == '\'' && NeedsProtection(value[1..]) ? new string(value[1..]) : new string(value);

    public static string Unprotect(string value) =>
        value.Length > 1 && value[0] == '\'' && NeedsProtection(value.AsSpan(1)) ? value[1..] : value;
}
