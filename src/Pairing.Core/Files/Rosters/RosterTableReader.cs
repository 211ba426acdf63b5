using Pairing.Core.Findings;
using Pairing.Core.Files.Tables;
using Pairing.Core.Internals;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;
using Pairing.Core.Files;

namespace Pairing.Core.Files.Rosters;

/// <summary>
/// Reads a roster from tables of cells that another package hands over (the sheets of a workbook, for
/// <c>Pairing.Core.Excel</c>), with exactly the checks <see cref="RosterFiles.Read"/> runs on CSV files: the same
/// columns, the same field rules, the same cross-row checks, every problem at once with where it is.
/// </summary>
/// <remarks>
/// Hand over each table once with <see cref="Read"/>, say which required tables are missing with
/// <see cref="Missing"/>, add any problem found before the cells (a damaged workbook, an id that lost its digits)
/// with <see cref="AddProblem"/>, then <see cref="Build"/>. Handing over <see cref="RosterTable.Students"/> makes the
/// roster a full one, as a <c>students.csv</c> does. Not thread-safe; one reader reads one roster.
/// </remarks>
public sealed class RosterTableReader
{
    private readonly RosterBuilder _builder;
    private readonly HashSet<RosterTable> _read = [];

    /// <summary>Creates a reader that checks against the given support map, or the notice's when null.</summary>
    /// <param name="supportMap">The support map to check areas and provinces against.</param>
    public RosterTableReader(SupportMap? supportMap = null) => _builder = new RosterBuilder(supportMap ?? SupportMap.Default);

    /// <summary>Reads one table's rows through the roster's checks.</summary>
    /// <param name="table">Which table the cells are.</param>
    /// <param name="cells">The cells, header first.</param>
    /// <exception cref="ArgumentException">The table was already read.</exception>
    public void Read(RosterTable table, CellTable cells)
    {
        Guard.NotNull(cells);
        if (!_read.Add(table))
        {
            Throw.Argument(nameof(table), $"the {table} table was already read");
        }

        switch (table)
        {
            case RosterTable.Counties:
                RosterCsvReader.ReadCounties(_builder, cells);
                break;
            case RosterTable.Schools:
                RosterCsvReader.ReadSchools(_builder, cells);
                break;
            case RosterTable.Classes:
                RosterCsvReader.ReadClasses(_builder, cells);
                break;
            case RosterTable.Students:
                _builder.ExpectStudents();

                // Room for the students the sheet says it has, held to the CSV reader's cap on a hint.
                _builder.StudentCapacityHint = Math.Clamp(cells.ExpectedRows, 0, RosterCsvReader.MaxRowsHint);
                RosterCsvReader.ReadStudents(_builder, cells);
                break;
            default:
                Throw.Argument(nameof(table), $"{table} is not a roster table");
                break;
        }
    }

    /// <summary>
    /// Records that a table cannot be read at all (its sheet is missing, its workbook is damaged), with the problem
    /// that says so: references into it are then not reported row by row, since that problem is their cause.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="problem">The problem, or null when one was already added.</param>
    public void Missing(RosterTable table, Finding? problem)
    {
        if (problem is not null)
        {
            _builder.AddProblem(problem);
        }

        if (table == RosterTable.Students)
        {
            // A students table that is there but unreadable still makes the roster a full one.
            _builder.ExpectStudents();
        }

        _builder.MarkUnreadable(NameOf(table));
    }

    /// <summary>Adds a problem found outside the cells' checks (such as an id that a spreadsheet turned into a number).</summary>
    /// <param name="problem">The problem.</param>
    public void AddProblem(Finding problem) => _builder.AddProblem(Guard.NotNull(problem));

    /// <summary>Runs the cross-row checks and builds the roster, or lists every problem.</summary>
    /// <returns>The roster when valid, and every problem found either way.</returns>
    public ReadResult<Roster> Build() => _builder.Build();

    /// <summary>The builder's name for a table: <c>counties</c>, <c>schools</c>, <c>classes</c> or <c>students</c>.</summary>
    internal static string NameOf(RosterTable table) => table switch
    {
        RosterTable.Counties => "counties",
        RosterTable.Schools => "schools",
        RosterTable.Classes => "classes",
        _ => "students",
    };

    /// <summary>
    /// The table a workbook's problem is in, from its sheet's name (counties or 县 …) or else its file's
    /// (<c>students.xlsx</c>), so that problems sort in the format's table order as a folder's do.
    /// </summary>
    internal static string? TableOf(string? file, string? sheet) => RosterTableNames.Of(file, sheet);
}
