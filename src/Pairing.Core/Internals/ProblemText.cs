using System.Globalization;
using System.Text;
using Pairing.Core.Rosters;

namespace Pairing.Core.Internals;

/// <summary>How every input problem reads on one line: <c>file:line:column (column): error: …; expected …</c>.</summary>
internal static class ProblemText
{
    public static string Format(
        string file, int? line, int? column, string? columnName, ProblemSeverity severity, string message, string expected)
    {
        var text = new StringBuilder();
        text.Append(file);
        if (line is { } l)
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
}
