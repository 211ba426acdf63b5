using System.CommandLine;
using Pairing.Core.Matching;

namespace Pairing.Cli.Commands;

/// <summary><c>pairing plan ROSTER --out DIR</c>: the planning phase (county and school pairs, due 31 July).</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("ROSTER") { Description = "The roster folder; class sizes are enough (counts only)." };
        var output = new Option<string>("--out") { Description = "The folder to write the plan into (created if needed). Required." };
        var previous = new Option<string?>("--previous") { Description = "Last year's result: its county and school pairs are kept where they still hold." };
        var matching = new MatchingOptions();
        var command = new Command("plan", "Plan on counts: pair counties (P1, P2) and schools (P3, P4, with every grade's classes and students checked), and list what cannot be paired.")
        {
            roster, output, previous,
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
            parsed.GetValue(roster)!, parsed.GetValue(output)!, parsed.GetValue(previous), matching.Read(parsed),
            CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken)));
        return command;
    }

    internal static int Run(
        string rosterDir, string outDir, string? previousDir, PairingOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var roster = RosterInput.Read(rosterDir, error, "plan");
        PairingResult? previous = null;
        if (roster is null || (previousDir is not null && (previous = RosterInput.ReadResult(previousDir, error, "plan", "previous result")) is null))
        {
            return Program.BadInput;
        }

        var result = MatchingProgress.Run(output, progress => new PairingMatcher().Plan(roster, previous, options, progress, cancellationToken));
        return ResultOutput.Write(result, outDir, "plan", output, error, roster);
    }
}
