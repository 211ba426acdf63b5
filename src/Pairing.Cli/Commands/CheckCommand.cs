using System.CommandLine;
using System.Globalization;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;
using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary><c>pairing check DIR</c>: reads a roster folder and lists every problem, or its counts when it is valid.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = Strings.CheckDir };
        var command = new Command("check", Strings.CheckDescription)
        {
            directory,
        };
        command.SetAction((parsed, cancellationToken) =>
            Task.FromResult(Run(parsed.GetValue(directory)!, CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken)));
        return command;
    }

    internal static int Run(string directory, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var result = RosterInput.Load(directory, out var conflict, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (result is null)
        {
            error.WriteLine(conflict);
            error.WriteLine(Fmt.Of(Strings.CheckInvalid, directory, 1, 0));
            return Program.BadInput;
        }

        // One line per problem, as it comes: a national roster can have many, and they are what the user needs.
        var errors = 0;
        var warnings = 0;
        foreach (var problem in result.Findings)
        {
            output.WriteLine(ProblemLines.Render(problem));
            if (problem.Severity == FindingSeverity.Error)
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
            error.WriteLine(Fmt.Of(Strings.CheckInvalid, directory, errors, warnings));
            return Program.BadInput;
        }

        var roster = result.Value;
        CliConsole.Say(output, Fmt.Of(roster.HasStudents ? Strings.CheckValid : Strings.CheckValidCountsOnly, directory, warnings));
        var table = CliTables.Create(1, Strings.ColSide, Strings.ColCounties, Strings.ColSchools, Strings.ColClasses, Strings.ColStudents);
        foreach (var side in (ReadOnlySpan<Side>)[Side.Xinjiang, Side.Inland])
        {
            var counts = roster.CountsOf(side);
            table.AddRow(
                side == Side.Xinjiang ? Strings.SideXinjiang : Strings.SideInland,
                Number(counts.Counties), Number(counts.Schools), Number(counts.Classes), Number(counts.Students));
        }

        CliConsole.Create(output).Write(table);
        return Program.Ok;
    }

    internal static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with no space before the sign (86.9%), the same in both languages.</summary>
    internal static string Percent(double share, int decimals = 1) =>
        (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
}
