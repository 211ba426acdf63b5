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
        var command = new Command("verify", "Re-check a pairing result against its roster: exit 0 when every rule holds and nothing is lost, 2 with every violation listed when not.")
        {
            roster, result,
        };
        command.SetAction(parsed => Run(parsed.GetValue(roster)!, parsed.GetValue(result)!, CliConsole.Output(parsed), CliConsole.Error(parsed)));
        return command;
    }

    internal static int Run(string rosterDir, string resultDir, TextWriter output, TextWriter error)
    {
        var roster = RosterInput.Read(rosterDir, error, "verify");
        var result = RosterInput.ReadResult(resultDir, error, "verify", "result");
        if (roster is null || result is null)
        {
            return Program.BadInput;
        }

        var report = PairingResultChecker.Check(roster, result);
        foreach (var violation in report.Violations)
        {
            output.WriteLine($"{violation.Rule?.ToString() ?? "summary"}: {violation.Subject}: {violation.Message}");
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
