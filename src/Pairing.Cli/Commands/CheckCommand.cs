using System.CommandLine;
using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;
using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary><c>pairing check DIR</c>: reads a roster folder and lists every problem, or its counts when it is valid.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "The roster folder (counties.csv, schools.csv, classes.csv and optionally students.csv)." };
        var command = new Command("check", "Check a roster folder: exit 0 when it is valid (with its warnings and counts), 2 with every problem listed when it is not.")
        {
            directory,
        };
        command.SetAction(parsed =>
        {
            var output = CliConsole.Output(parsed);
            return Run(parsed.GetValue(directory)!, output, CliConsole.Error(parsed));
        });
        return command;
    }

    internal static int Run(string directory, TextWriter output, TextWriter error)
    {
        var result = RosterInput.Load(directory, out var conflict);
        if (result is null)
        {
            error.WriteLine(conflict);
            error.WriteLine($"pairing check: {directory} is not a valid roster: 1 error(s), 0 warning(s).");
            return Program.BadInput;
        }

        // One line per problem, as it comes: a national roster can have many, and they are what the user needs.
        var errors = 0;
        var warnings = 0;
        foreach (var problem in result.Problems)
        {
            output.WriteLine(ProblemLines.Render(problem));
            if (problem.Severity == ProblemSeverity.Error)
            {
                errors++;
            }
            else
            {
                warnings++;
            }
        }

        if (conflict is not null)
        {
            output.WriteLine(conflict);
            errors++;
        }

        if (!result.IsValid || conflict is not null)
        {
            output.Flush();
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairing check: {directory} is not a valid roster: {errors} error(s), {warnings} warning(s)."));
            return Program.BadInput;
        }

        var roster = result.Roster;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{directory} is a valid {(roster.HasStudents ? "roster" : "counts-only roster")} ({warnings} warning(s))."));
        var table = new Table().AddColumns("side", "counties", "schools", "classes", "students");
        foreach (var side in (ReadOnlySpan<Side>)[Side.Xinjiang, Side.Inland])
        {
            var counts = roster.CountsOf(side);
            table.AddRow(
                side == Side.Xinjiang ? "Xinjiang (新疆)" : "inland (内地)",
                Number(counts.Counties), Number(counts.Schools), Number(counts.Classes), Number(counts.Students));
        }

        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        CliConsole.Create(output).Write(table);
        return Program.Ok;
    }

    internal static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
