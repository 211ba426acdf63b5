using System.CommandLine;
using Pairing.Core.Files;
using Pairing.Core.Files.Results;
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
        var roster = new Argument<string>("ROSTER") { Description = Strings.MatchRoster };
        var output = CliOptions.Path("--out", Strings.MatchOut);
        var plan = CliOptions.Path("--plan", Strings.MatchPlan);
        var previous = CliOptions.Path("--previous", Strings.MatchPrevious);
        var encoding = CliOptions.Encoding();
        var matching = new MatchingOptions();
        var command = new Command("match", Strings.MatchDescription)
        {
            roster, output, plan, previous,
        };
        command.Options.Add(encoding);
        matching.AddTo(command);
        command.Validators.Add(result =>
        {
            CliOptions.Require(result, output);
            CliOptions.Writable(result, output, PairingResultFiles.FileNames);
            CliOptions.NotEmpty(result, plan);
            CliOptions.NotEmpty(result, previous);
        });
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(
            parsed.GetValue(roster)!, parsed.GetValue(output)!, parsed.GetValue(plan), parsed.GetValue(previous), matching.Read(parsed),
            CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken, parsed.GetValue(encoding))));
        return command;
    }

    internal static int Run(
        string rosterDir, string outDir, string? planDir, string? previousDir, PairingOptions options,
        TextWriter output, TextWriter error, CancellationToken cancellationToken, TextFileEncoding encoding = TextFileEncoding.Utf8WithBom)
    {
        // Every input is read and reported before anything is paired.
        var roster = RosterInput.Read(rosterDir, error, "match", cancellationToken);
        var plan = planDir is null ? null : RosterInput.ReadResult(planDir, error, "match", Strings.WhatPlan);
        var previous = previousDir is null ? null : RosterInput.ReadResult(previousDir, error, "match", Strings.WhatPrevious);
        if (roster is null || (planDir is not null && plan is null) || (previousDir is not null && previous is null))
        {
            return Program.BadInput;
        }

        IReadOnlyList<PairingViolation> broken = [];
        if (plan is not null && !RosterInput.PlanFits(roster, plan, options, rosterDir, planDir!, error, out broken, cancellationToken))
        {
            return Program.BadInput;
        }

        if (!roster.HasStudents)
        {
            error.WriteLine("pairing match: " + CliFindings.Line(CliFindings.CountsOnlyRoster, ("roster", rosterDir)));
            return Program.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = MatchingProgress.Run(output, progress => new PairingMatcher().Match(roster, plan, previous, options, progress, cancellationToken));
        RosterInput.ReportDroppedPlanPairs(broken, result, error);
        return ResultOutput.Write(result, outDir, "match", output, error, roster, cancellationToken, encoding);
    }
}
