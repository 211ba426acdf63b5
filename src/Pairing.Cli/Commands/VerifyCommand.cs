using System.CommandLine;
using Pairing.Core.Matching;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing verify ROSTER RESULT</c>: re-checks a result against its roster with the independent checker: every
/// hard rule (P1–P6), nothing lost (P7), and the summary's figures.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("ROSTER") { Description = Strings.VerifyRoster };
        var result = new Argument<string>("RESULT") { Description = Strings.VerifyResult };
        var previous = CliOptions.Path("--previous", Strings.VerifyPrevious);
        var matching = new MatchingOptions();
        var command = new Command("verify", Strings.VerifyDescription)
        {
            roster, result, previous,
        };
        matching.AddTo(command);
        command.Validators.Add(r => CliOptions.NotEmpty(r, previous));
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(
            parsed.GetValue(roster)!, parsed.GetValue(result)!, parsed.GetValue(previous), matching.Read(parsed), CliConsole.Output(parsed), CliConsole.Error(parsed),
            cancellationToken)));
        return command;
    }

    internal static int Run(string rosterDir, string resultDir, TextWriter output, TextWriter error) =>
        Run(rosterDir, resultDir, null, new PairingOptions(), output, error);

    internal static int Run(
        string rosterDir, string resultDir, string? previousDir, PairingOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var roster = RosterInput.Read(rosterDir, error, "verify", cancellationToken);
        var result = RosterInput.ReadResult(resultDir, error, "verify", Strings.WhatResult);
        var previous = previousDir is null ? null : RosterInput.ReadResult(previousDir, error, "verify", Strings.WhatPrevious);
        if (roster is null || result is null || (previousDir is not null && previous is null))
        {
            return Program.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var report = previous is null
            ? PairingResultChecker.Check(roster, result, options, cancellationToken)
            : PairingResultChecker.Check(roster, result, options, previous, cancellationToken);
        foreach (var violation in report.Violations)
        {
            output.WriteLine(ViolationLine(violation));
        }

        if (!report.IsValid)
        {
            output.Flush();
            error.WriteLine(Fmt.Of(Strings.VerifyViolations, report.Violations.Count));
            return Program.BadInput;
        }

        output.WriteLine(Fmt.Of(Strings.VerifyHolds, result.StudentPairs.Count, result.Unpaired.Count));
        return Program.Ok;
    }

    /// <summary>One violation on one line: its rule (or "summary"), its subject and what is wrong, in the run's language.</summary>
    internal static string ViolationLine(PairingViolation violation) =>
        $"{violation.Rule?.ToString() ?? Strings.SummaryRule}: {violation.Subject}: {violation.Code}: {violation.Message}";
}
