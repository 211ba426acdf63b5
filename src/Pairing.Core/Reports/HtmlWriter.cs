using System.Globalization;
using System.Text;

namespace Pairing.Core.Reports;

/// <summary>
/// Writes markup that is both HTML5 and well-formed XML: every element closed (void HTML elements and SVG shapes as
/// <c>&lt;x /&gt;</c>, every other HTML element with an end tag), every attribute quoted, every text escaped. So a
/// browser reads it as HTML and a test can read it with an XML parser.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _text = new(1 << 16);
    private readonly Stack<string> _open = new();

    public override string ToString() => _text.ToString();

    public HtmlWriter Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    /// <summary>Opens an element; attributes are name/value pairs, a null value leaves the attribute out.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<string?> attributes)
    {
        StartTag(tag, attributes);
        _text.Append('>');
        _open.Push(tag);
        return this;
    }

    public HtmlWriter Close()
    {
        _text.Append("</").Append(_open.Pop()).Append('>');
        if (_open.Count <= 2)
        {
            _text.Append('\n');
        }

        return this;
    }

    /// <summary>An element with text only; the end tag is always written (never <c>&lt;td /&gt;</c>, which HTML would not end).</summary>
    public HtmlWriter Element(string tag, string? text, params ReadOnlySpan<string?> attributes)
    {
        StartTag(tag, attributes);
        _text.Append('>');
        Text(text);
        _text.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element with no content written as <c>&lt;x /&gt;</c>: HTML void elements (meta, br) and SVG shapes.</summary>
    public HtmlWriter Empty(string tag, params ReadOnlySpan<string?> attributes)
    {
        StartTag(tag, attributes);
        _text.Append(" />");
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        if (text is null)
        {
            return this;
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '&': _text.Append("&amp;"); break;
                case '<': _text.Append("&lt;"); break;
                case '>': _text.Append("&gt;"); break;
                case '"': _text.Append("&quot;"); break;
                default:
                    // Control characters are not allowed in XML 1.0; they cannot come from a valid roster, but a
                    // reason or id is never trusted to be clean.
                    _text.Append(c < ' ' && c is not '\n' and not '\t' ? '\uFFFD' : c);
                    break;
            }
        }

        return this;
    }

    private void StartTag(string tag, ReadOnlySpan<string?> attributes)
    {
        _text.Append('<').Append(tag);
        for (var i = 0; i + 1 < attributes.Length; i += 2)
        {
            if (attributes[i + 1] is { } value)
            {
                _text.Append(' ').Append(attributes[i]).Append("=\"");
                Text(value);
                _text.Append('"');
            }
        }
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Raw(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Raw(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Percent(long part, long whole) => whole > 0 ? Percent((double)part / whole) : "–";
}
