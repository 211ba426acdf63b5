using System.Globalization;
using System.Text;
using Pairing.Core.Files.Tables;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// The text a person sees in a number cell: the stored double with the cell's number format applied, as far as a
/// roster needs it. Whole numbers read without a decimal point (653201, not 653201.0); zero-padded formats keep
/// their zeros (<c>000000</c>); a fixed number of decimals shows them (<c>0.0</c> gives 7.0); dates read as ISO
/// dates; numbers of 16 digits or more, which a spreadsheet cannot hold exactly, read in E+ notation as a
/// spreadsheet shows them, so that an id among them is named as one that lost its digits.
/// </summary>
internal static class CellText
{
    /// <summary>The largest whole number a spreadsheet stores with every digit (15 significant digits).</summary>
    private const double ExactLimit = 1e15;

    public static string Number(double value, string? formatCode, int formatId)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var code = formatCode ?? BuiltInCode(formatId);
        if (IsDate(formatId, code))
        {
            return Date(value, code);
        }

        var section = FirstSection(code);
        if (section.Length == 0 || section.Equals("General", StringComparison.OrdinalIgnoreCase) || section == "@")
        {
            return General(value);
        }

        return Formatted(value, section);
    }

    public static string General(double value)
    {
        if (Math.Abs(value) >= ExactLimit)
        {
            // As a spreadsheet shows it: the digits past the 15th are gone, and saying so beats inventing them.
            return value.ToString("0.##############E+0", CultureInfo.InvariantCulture);
        }

        if (value == Math.Floor(value))
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        // Shortest text that reads back as the same double; at most 15 significant digits, as stored.
        var text = value.ToString("G15", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? value.ToString("0.###############", CultureInfo.InvariantCulture) : text;
    }

    /// <summary>A date serial (days since 1899-12-30, as both Excel and LibreOffice count) as an ISO date, with the time when there is one.</summary>
    public static string Date(double serial, string code)
    {
        if (serial is < -657434 or > 2958465)
        {
            return General(serial);
        }

        var when = DateTime.FromOADate(serial);
        var hasTime = when.TimeOfDay != TimeSpan.Zero || (HasToken(code, 'h') && !HasToken(code, 'd') && !HasToken(code, 'y'));
        if (serial < 1 && hasTime)
        {
            return when.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        }

        return when.ToString(hasTime ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string Formatted(double value, string section)
    {
        var plain = Unquoted(section);
        if (plain.Contains('E', StringComparison.Ordinal) || plain.Contains('e', StringComparison.Ordinal))
        {
            return General(value);
        }

        var percent = plain.Contains('%', StringComparison.Ordinal);
        if (percent)
        {
            value *= 100;
        }

        if (Math.Abs(value) >= ExactLimit)
        {
            return General(value);
        }

        var point = plain.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? plain : plain[..point];
        var decimals = point < 0 ? 0 : plain[(point + 1)..].Count(c => c is '0' or '#' or '?');
        var optionalDecimals = point < 0 ? 0 : plain[(point + 1)..].Count(c => c is '#' or '?');
        var minDigits = integerPart.Count(c => c == '0');
        var format = new StringBuilder();
        format.Append('0', Math.Max(1, minDigits));
        if (decimals > 0)
        {
            format.Append('.').Append('0', decimals - optionalDecimals).Append('#', optionalDecimals);
        }

        // Grouping (#,##0) and literal text are left out: they are decoration, not the value.
        var text = value.ToString(format.ToString(), CultureInfo.InvariantCulture);
        return percent ? text + "%" : text;
    }

    private static string FirstSection(string code)
    {
        var inQuote = false;
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '"')
            {
                inQuote = !inQuote;
            }
            else if (code[i] == ';' && !inQuote)
            {
                return code[..i].Trim();
            }
        }

        return code.Trim();
    }

    /// <summary>The format without quoted text, escaped characters and [bracketed] parts (colours, locales, conditions).</summary>
    private static string Unquoted(string code)
    {
        var text = new StringBuilder(code.Length);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                var end = code.IndexOf('"', i + 1);
                i = end < 0 ? code.Length : end;
            }
            else if (c == '[')
            {
                var end = code.IndexOf(']', i + 1);
                i = end < 0 ? code.Length : end;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool IsDate(int formatId, string code)
    {
        if (formatId is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
        {
            return true;
        }

        var plain = Unquoted(FirstSection(code));
        return HasToken(plain, 'y') || HasToken(plain, 'd') || (HasToken(plain, 'm') && !plain.Contains('0', StringComparison.Ordinal))
            || HasToken(plain, 'h') || HasToken(plain, 's') && !plain.Contains('0', StringComparison.Ordinal);
    }

    private static bool HasToken(string code, char token) =>
        Unquoted(code).Contains(token, StringComparison.OrdinalIgnoreCase) && !code.Equals("General", StringComparison.OrdinalIgnoreCase);

    /// <summary>The built-in number formats a workbook may use by id without writing their code.</summary>
    private static string BuiltInCode(int id) => id switch
    {
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 or 13 => "# ?/?",
        14 => "yyyy-mm-dd",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "yyyy-mm-dd h:mm",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mmss.0",
        48 => "##0.0E+0",
        49 => "@",
        _ => "General",
    };
}
