using System.CommandLine;
using Pairing.Core.Files;
using Pairing.Core.Files.Results;
using Pairing.Core.Matching;

namespace Pairing.Cli.Commands;

/// <summary><c>pairing plan ROSTER --out DIR</c>: the planning phase (county and school pairs, due 31 July).</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("ROSTER") { Description = Strings.PlanRoster };
        var output = CliOptions.Path("--out", Strings.PlanOut);
        var previous = CliOptions.Path("--previous", Strings.PlanPrevious);
        var encoding = CliOptions.Encoding();
        var matching = new MatchingOptions();
        var command = new Command("plan", Strings.PlanDescription)
        {
            roster, output, previous,
        };
        command.Options.Add(encoding);
        matching.AddTo(command);
        command.Validators.Add(result =>
        {
            CliOptions.Require(result, output);
            CliOptions.Writable(result, output, PairingResultFiles.FileNames);
            CliOptions.NotEmpty(result, previous);
        });
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(
            parsed.GetValue(roster)!, parsed.GetValue(output)!, parsed.GetValue(previous), matching.Read(parsed),
            CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken, parsed.GetValue(encoding))));
        return command;
    }

    internal static int Run(
        string rosterDir, string outDir, string? previousDir, PairingOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        TextFileEncoding encoding = TextFileEncoding.Utf8WithBom)
    {
        var roster = RosterInput.Read(rosterDir, error, "plan", cancellationToken);
        PairingResult? previous = null;
        if (roster is null || (previousDir is not null && (previous = RosterInput.ReadResult(previousDir, error, "plan", Strings.WhatPrevious)) is null))
        {
            return Program.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = MatchingProgress.Run(output, progress => new PairingMatcher().Plan(roster, previous, options, progress, cancellationToken));
        return ResultOutput.Write(result, outDir, "plan", output, error, roster, cancellationToken, encoding);
    }
}
