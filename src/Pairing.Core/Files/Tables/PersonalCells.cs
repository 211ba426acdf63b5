using Pairing.Core.Findings;

namespace Pairing.Core.Files.Tables;

/// <summary>
/// Looks at every cell of a table for what would identify a child, so that files and workbook sheets are held to the
/// same rule: a value shaped like an ID-card number in any column (reported at the cell, the row not read, the value
/// never shown), and phone numbers or e-mail addresses in a column that is not in the format (the column refused,
/// said once at its first such value).
/// </summary>
/// <remarks>
/// One instance per table, reused row after row: <see cref="BeginRow"/>, then <see cref="Check"/> for each cell, then
/// <see cref="IsFlagged"/> tells the row reader which cells to treat as absent, so that no other problem (a bad
/// gender, a spaced id) echoes the value.
/// </remarks>
internal sealed class PersonalCells
{
    private readonly CsvTableReport _report;
    private readonly string?[] _names;
    private readonly bool[] _inFormat;
    private readonly HashSet<int> _refused = [];
    private bool[] _flagged;

    /// <param name="report">Where problems go.</param>
    /// <param name="names">Each column's name as problems name it (the format's name, or the header as written).</param>
    /// <param name="inFormat">Whether each column is one of the format's (its values are read; others are ignored).</param>
    public PersonalCells(CsvTableReport report, string?[] names, bool[] inFormat)
    {
        _report = report;
        _names = names;
        _inFormat = inFormat;
        _flagged = new bool[names.Length];
    }

    /// <summary>The columns (0-based) refused so far for holding phone numbers or e-mail addresses.</summary>
    public IReadOnlyCollection<int> Refused => _refused;

    /// <summary>The number of named columns (the header's).</summary>
    public int Width => _names.Length;

    /// <summary>Whether a cell of the current row holds an ID-card-shaped value.</summary>
    public bool Any { get; private set; }

    /// <summary>Starts a new row.</summary>
    public void BeginRow()
    {
        if (Any)
        {
            Array.Clear(_flagged);
            Any = false;
        }
    }

    /// <summary>Whether the current row's cell at <paramref name="index"/> (0-based) held an ID-card-shaped value.</summary>
    public bool IsFlagged(int index) => Any && (uint)index < (uint)_flagged.Length && _flagged[index];

    /// <summary>Checks one cell of the current row.</summary>
    /// <param name="line">The row's line (CSV) or row number (sheet).</param>
    /// <param name="index">The 0-based column.</param>
    /// <param name="value">The cell's text as written.</param>
    /// <param name="name">The column's name when it is past the named columns (a sheet's column letter), else null.</param>
    public void Check(int line, int index, ReadOnlySpan<char> value, string? name = null)
    {
        // The shortest e-mail address has five characters: most cells are out here.
        if (value.Length < 5)
        {
            return;
        }

        var known = index < _names.Length;
        name ??= known ? _names[index] : null;
        if (PersonalData.LooksLikeIdCardNumber(value))
        {
            if (index >= _flagged.Length)
            {
                Array.Resize(ref _flagged, index + 1);
            }

            _flagged[index] = true;
            Any = true;
            _report(CsvTableIssue.IdCardValue, line, index + 1, name, FindingArgument.Of("column", name ?? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }

        if ((known && _inFormat[index]) || _refused.Contains(index))
        {
            return;
        }

        var issue = PersonalData.LooksLikeMobileNumber(value) ? CsvTableIssue.PhoneValues
            : PersonalData.LooksLikeEmailAddress(value) ? CsvTableIssue.EmailValues
            : (CsvTableIssue?)null;
        if (issue is { } found)
        {
            _refused.Add(index);
            _report(found, line, index + 1, name, FindingArgument.Of("column", name ?? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
