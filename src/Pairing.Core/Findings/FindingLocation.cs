using Pairing.Core.Internals;
using System.Globalization;
using System.Text;

namespace Pairing.Core.Findings;

/// <summary>
/// Where in the input a finding is: a file (or workbook), optionally a sheet, a 1-based line (or row) and column, and
/// the column's header name.
/// </summary>
/// <remarks>
/// Reads as <c>classes.csv:12:3 (grade)</c> for a CSV file and <c>roster.xlsx!班级!C12 (grade)</c> for a workbook sheet
/// (MSBuild's and Excel's own conventions). Immutable, with value equality.
/// </remarks>
/// <param name="File">The file, workbook or table name (<c>classes.csv</c>, <c>roster.xlsx</c>, <c>classes</c>).</param>
/// <param name="Sheet">The workbook sheet, or null for a CSV file or a table built in code.</param>
/// <param name="Line">The 1-based line (CSV: the line the record starts on; the header is line 1) or row (sheet); null when not in one record.</param>
/// <param name="Column">The 1-based field (CSV) or column (sheet) number; null when not in one field.</param>
/// <param name="ColumnName">The header name of that column, when known.</param>
public readonly record struct FindingLocation(string File, string? Sheet = null, int? Line = null, int? Column = null, string? ColumnName = null)
{
    /// <summary>The location as a person reads it: <c>classes.csv:12:3 (grade)</c> or <c>roster.xlsx!班级!C12 (grade)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(File ?? string.Empty);
        if (Sheet is not null)
        {
            text.Append('!').Append(Sheet);
            if (Line is { } row)
            {
                text.Append('!');
                if (Column is { } c)
                {
                    text.Append(ColumnLetters(c));
                }

                text.Append(row.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (Line is { } l)
        {
            text.Append(CultureInfo.InvariantCulture, $":{l}");
            if (Column is { } c)
            {
                text.Append(CultureInfo.InvariantCulture, $":{c}");
            }
        }

        if (ColumnName is not null)
        {
            text.Append(" (").Append(ColumnName).Append(')');
        }

        return text.ToString();
    }

    /// <summary>A spreadsheet's column letters for a 1-based column number: 1 is <c>A</c>, 27 is <c>AA</c>.</summary>
    /// <param name="column">The 1-based column number.</param>
    /// <returns>The letters.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is less than 1.</exception>
    public static string ColumnLetters(int column)
    {
        Guard.InRange(column, 1, int.MaxValue);
        Span<char> letters = stackalloc char[8];
        var at = letters.Length;
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters[--at] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[at..]);
    }
}
