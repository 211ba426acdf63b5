using System.Globalization;
using System.Text;
using Pairing.Core.Rosters;

namespace Pairing.Core.Internals;

/// <summary>How every input problem reads on one line: <c>file:line:column (column): error: …; expected …</c>.</summary>
internal static class ProblemText
{
    public static string Format(
        string file, int? line, int? column, string? columnName, ProblemSeverity severity, string message, string expected,
        string? sheet = null)
    {
        var text = new StringBuilder();
        text.Append(file);
        if (sheet is not null)
        {
            // A workbook's cell as spreadsheets name it: book.xlsx!sheet!C12 (the row alone when not in one cell).
            text.Append('!').Append(sheet);
            if (line is { } row)
            {
                text.Append('!');
                if (column is { } col)
                {
                    text.Append(ColumnLetters(col));
                }

                text.Append(row.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (line is { } l)
        {
            text.Append(CultureInfo.InvariantCulture, $":{l}");
            if (column is { } c)
            {
                text.Append(CultureInfo.InvariantCulture, $":{c}");
            }
        }

        if (columnName is not null)
        {
            text.Append(" (").Append(columnName).Append(')');
        }

        text.Append(severity == ProblemSeverity.Error ? ": error: " : ": warning: ");
        text.Append(message).Append("; expected ").Append(expected);
        return text.ToString();
    }

    /// <summary>A 1-based column number as a spreadsheet's letters: 1 is A, 27 is AA.</summary>
    public static string ColumnLetters(int column)
    {
        Span<char> letters = stackalloc char[8];
        var at = letters.Length;
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters[--at] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[at..]);
    }
}
