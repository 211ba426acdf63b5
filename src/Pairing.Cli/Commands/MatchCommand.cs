using System.CommandLine;
using Pairing.Core.Matching;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing match ROSTER --out DIR [--plan DIR] [--previous DIR]</c>: the roster phase (class and student pairs),
/// keeping a given plan's pairs; both phases when no plan is given.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("ROSTER") { Description = "The roster folder, with students.csv." };
        var output = new Option<string>("--out") { Description = "The folder to write the result into (created if needed). Required." };
        var plan = new Option<string?>("--plan") { Description = "A planning result whose county and school pairs are kept; without it, both phases run." };
        var previous = new Option<string?>("--previous") { Description = "Last year's result: its pairs are kept wherever both members are still there and the rules still hold." };
        var matching = new MatchingOptions();
        var command = new Command("match", "Pair classes (P5) and students (P6) one-to-one, after planning counties and schools if no plan is given; list every unit left unpaired with its rule and shortfall.")
        {
            roster, output, plan, previous,
        };
        matching.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(output) is null)
            {
                result.AddError("Option '--out' is required.");
            }
        });
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(
            parsed.GetValue(roster)!, parsed.GetValue(output)!, parsed.GetValue(plan), parsed.GetValue(previous), matching.Read(parsed),
            CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken)));
        return command;
    }

    internal static int Run(
        string rosterDir, string outDir, string? planDir, string? previousDir, PairingOptions options,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Every input is read and reported before anything is paired.
        var roster = RosterInput.Read(rosterDir, error, "match");
        var plan = planDir is null ? null : RosterInput.ReadResult(planDir, error, "match", "plan");
        var previous = previousDir is null ? null : RosterInput.ReadResult(previousDir, error, "match", "previous result");
        if (roster is null || (planDir is not null && plan is null) || (previousDir is not null && previous is null))
        {
            return Program.BadInput;
        }

        if (!roster.HasStudents)
        {
            error.WriteLine($"pairing match: the roster in {rosterDir} gives class sizes only (no students.csv); run 'pairing plan' for a plan on counts.");
            return Program.BadInput;
        }

        var result = MatchingProgress.Run(output, progress => new PairingMatcher().Match(roster, plan, previous, options, progress, cancellationToken));
        return ResultOutput.Write(result, outDir, "match", output, error, roster);
    }
}
