using System.Text;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// RFC 4180 reading and writing of the files the core library itself writes (well-formed, UTF-8), for turning a
/// result folder into sheets and back; the core's reader does every check when the folder is read.
/// </summary>
internal static class SimpleCsv
{
    public static List<string[]> Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(Unprotect(field.ToString()));
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(Unprotect(field.ToString()));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(Unprotect(field.ToString()));
            rows.Add([.. row]);
        }

        return rows;
    }

    public static void Write(string path, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                var value = row[i];
                if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                {
                    text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                }
                else
                {
                    text.Append(value);
                }
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>The core's CSV writer guards cells that a spreadsheet would run as formulas with a leading apostrophe; a sheet's text cell needs no guard.</summary>
    private static string Unprotect(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
