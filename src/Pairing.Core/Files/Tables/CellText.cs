using System.Globalization;
using System.Text;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// What spreadsheets do to values, undone where it is unambiguous: full-width digits, letters and spaces folded (NFKC),
/// surrounding white space trimmed, whole numbers written as decimals (<c>7.0</c>) read as whole numbers.
/// </summary>
/// <remarks>Ids are not folded: an id is a key shared with other systems, matched exactly as written.</remarks>
internal static class CellText
{
    /// <summary>The value folded and trimmed; the span itself (no copy) when it is printable ASCII already.</summary>
    public static ReadOnlySpan<char> Fold(ReadOnlySpan<char> value)
    {
        if (!value.ContainsAnyExceptInRange((char)0x21, (char)0x7E))
        {
            return value;
        }

        var text = value.ToString();
        if (!text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        return text.AsSpan().Trim();
    }

    /// <summary>A whole number of digits, or digits, a point and only zeros (<c>7.0</c>); false for anything else.</summary>
    /// <param name="value">The folded value.</param>
    /// <param name="number">The number.</param>
    /// <param name="isDecimal">Whether the value was a decimal with a fraction that is not zero (<c>7.5</c>).</param>
    public static bool TryWholeNumber(ReadOnlySpan<char> value, out int number, out bool isDecimal)
    {
        isDecimal = false;
        var point = value.IndexOf('.');
        if (point > 0 && point < value.Length - 1 && !value[(point + 1)..].ContainsAnyExceptInRange('0', '9') && !value[..point].ContainsAnyExceptInRange('0', '9'))
        {
            if (value[(point + 1)..].ContainsAnyExcept('0'))
            {
                isDecimal = true;
                number = 0;
                return false;
            }

            value = value[..point];
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Whether an id is a number in E notation (<c>6.53201E+11</c>), as Excel shows a long number.</summary>
    public static bool IsENotation(ReadOnlySpan<char> value)
    {
        var e = value.IndexOfAny('E', 'e');
        if (e <= 0 || e + 2 > value.Length || value[e + 1] is not ('+' or '-'))
        {
            return false;
        }

        var mantissa = value[..e];
        var exponent = value[(e + 2)..];
        return exponent.Length > 0 && !exponent.ContainsAnyExceptInRange('0', '9')
            && char.IsAsciiDigit(mantissa[0]) && !mantissa.ContainsAnyExcept("0123456789.") && mantissa.Count('.') <= 1;
    }
}
