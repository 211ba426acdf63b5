namespace Pairing.Core.Files.Tables;

/// <summary>Finds a file's columns by header name (trimmed, exact), as the library's own machine-read files are read.</summary>
internal static class CsvHeader
{
    /// <summary>For each of <paramref name="columns"/>, its index in <paramref name="header"/> (the last one of that name), or -1 after telling <paramref name="missing"/>.</summary>
    public static int[] Locate(in CsvRecord header, string[] columns, Action<string> missing)
    {
        var at = new int[columns.Length];
        for (var k = 0; k < columns.Length; k++)
        {
            at[k] = -1;
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header.GetString(i).Trim(), columns[k], StringComparison.Ordinal))
                {
                    at[k] = i;
                }
            }

            if (at[k] < 0)
            {
                missing(columns[k]);
            }
        }

        return at;
    }

    /// <summary>As <see cref="Locate(in CsvRecord, string[], Action{string})"/>, for a header given as cells (a sheet's row).</summary>
    public static int[] Locate(IReadOnlyList<string> header, string[] columns, Action<string> missing)
    {
        var at = new int[columns.Length];
        for (var k = 0; k < columns.Length; k++)
        {
            at[k] = -1;
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Trim(), columns[k], StringComparison.Ordinal))
                {
                    at[k] = i;
                }
            }

            if (at[k] < 0)
            {
                missing(columns[k]);
            }
        }

        return at;
    }
}
