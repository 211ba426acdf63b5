using System.CommandLine;
using System.Globalization;
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
        var roster = new Argument<string>("ROSTER") { Description = "The roster folder the result was made from." };
        var result = new Argument<string>("RESULT") { Description = "The result folder (county_pairs.csv … summary.json)." };
        var previous = new Option<string?>("--previous") { Description = "Last year's result the run was given: continuity.csv is checked against it." };
        var matching = new MatchingOptions();
        var command = new Command("verify", "Re-check a pairing result against its roster and the options it must have been made with (the same flags as 'match', library defaults when not given; never the result's own claim): exit 0 when every rule holds and nothing is lost, 2 with every violation listed when not.")
        {
            roster, result, previous,
        };
        matching.AddTo(command);
        command.SetAction(parsed => Run(
            parsed.GetValue(roster)!, parsed.GetValue(result)!, parsed.GetValue(previous), matching.Read(parsed), CliConsole.Output(parsed), CliConsole.Error(parsed)));
        return command;
    }

    internal static int Run(string rosterDir, string resultDir, TextWriter output, TextWriter error) =>
        Run(rosterDir, resultDir, null, new PairingOptions(), output, error);

    internal static int Run(string rosterDir, string resultDir, string? previousDir, PairingOptions options, TextWriter output, TextWriter error)
    {
        var roster = RosterInput.Read(rosterDir, error, "verify");
        var result = RosterInput.ReadResult(resultDir, error, "verify", "result");
        var previous = previousDir is null ? null : RosterInput.ReadResult(previousDir, error, "verify", "previous result");
        if (roster is null || result is null || (previousDir is not null && previous is null))
        {
            return Program.BadInput;
        }

        var report = previous is null ? PairingResultChecker.Check(roster, result, options) : PairingResultChecker.Check(roster, result, options, previous);
        foreach (var violation in report.Violations)
        {
            output.WriteLine($"{violation.Rule?.ToString() ?? "summary"}: {violation.Subject}: {violation.Code}: {violation.Message}");
        }

        if (!report.IsValid)
        {
            output.Flush();
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairing verify: {report.Violations.Count} violation(s) found."));
            return Program.BadInput;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The result holds: {result.StudentPairs.Count:N0} student pairs, {result.Unpaired.Count:N0} unpaired units explained; every rule P1–P7 checked."));
        return Program.Ok;
    }
}
