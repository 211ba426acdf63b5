using System.Globalization;
using System.Text;

namespace Pairing.Cli.Text;

/// <summary>
/// Lines that fit a terminal: the width a string takes on screen (a Chinese character takes two columns) and
/// wrapping that breaks at spaces and between Chinese characters, never inside a number, an id or an English word.
/// </summary>
internal static class TextLayout
{
    /// <summary>The width the tool writes to when it cannot ask a terminal: a file, a pipe, a test.</summary>
    public const int DefaultWidth = 80;

    /// <summary>The columns a string takes on a terminal.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune);
        }

        return width;
    }

    /// <summary>
    /// The text in lines of at most <paramref name="width"/> columns (a single word longer than that gets a line of
    /// its own, whole). Existing line breaks are kept.
    /// </summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            var lineWidth = 0;
            var pendingSpace = false;
            foreach (var unit in Units(paragraph.TrimEnd('\r')))
            {
                if (unit == " ")
                {
                    pendingSpace = line.Length > 0;
                    continue;
                }

                var unitWidth = Width(unit);
                var space = pendingSpace ? 1 : 0;
                if (line.Length > 0 && lineWidth + space + unitWidth > width)
                {
                    yield return line.ToString();
                    line.Clear();
                    lineWidth = 0;
                    space = 0;
                }

                if (space == 1)
                {
                    line.Append(' ');
                }

                line.Append(unit);
                lineWidth += space + unitWidth;
                pendingSpace = false;
            }

            yield return line.ToString();
        }
    }

    /// <summary>
    /// The units a line may break between: a run of spaces (as one space), a word (a run of characters that are
    /// neither spaces nor wide), or one wide character with the punctuation that must not start a line.
    /// </summary>
    private static IEnumerable<string> Units(string text)
    {
        var word = new StringBuilder();
        var runes = text.EnumerateRunes().ToList();
        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            if (Rune.IsWhiteSpace(rune) && rune.Value != 0x3000)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return " ";
                continue;
            }

            if (Width(rune) == 2 && !NoLineStart(rune))
            {
                // An opening mark (（“《 and ASCII ( [) stays with what follows it.
                if (word.Length > 0 && !NoLineEnd(LastRune(word)))
                {
                    yield return word.ToString();
                    word.Clear();
                }

                word.Append(rune.ToString());
                if (NoLineEnd(rune))
                {
                    continue;
                }

                // Punctuation that closes (，。）) stays with the character before it, and so does what follows without a space
                // when it is a closing mark.
                while (i + 1 < runes.Count && NoLineStart(runes[i + 1]))
                {
                    word.Append(runes[++i].ToString());
                }

                yield return word.ToString();
                word.Clear();
                continue;
            }

            word.Append(rune.ToString());
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool NoLineEnd(Rune rune) => rune.Value is 0xFF08 or 0x300C or 0x300E or 0x3010 or 0x201C or 0x2018 or 0x300A or 0x3008 or '(' or '[';

    private static Rune LastRune(System.Text.StringBuilder word)
    {
        var text = word.ToString();
        return Rune.GetRuneAt(text, char.IsLowSurrogate(text[^1]) && text.Length > 1 ? text.Length - 2 : text.Length - 1);
    }

    private static bool NoLineStart(Rune rune) => rune.Value is
        0x3001 or 0x3002 or 0xFF0C or 0xFF0E or 0xFF1A or 0xFF1B or 0xFF01 or 0xFF1F or 0xFF09 or 0x300D or 0x300F or 0x3011
        or 0x201D or 0x2019 or 0x300B or 0x3009 or ')' or ',' or '.' or ';' or ':';

    private static int Width(Rune rune)
    {
        var v = rune.Value;
        if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        return v is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD)
            ? 2
            : 1;
    }
}
