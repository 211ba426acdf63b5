using System.CommandLine;
using Pairing.Core.Files.Results;
using Pairing.Core.Findings;
using Pairing.Core.Matching;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing advise ROSTER --out DIR</c>: what full coverage (P7) would take: the fewest inland counties, schools,
/// students and classes to add, written as <c>advice.csv</c> and <c>summary.json</c>, and per province in the run's language.
/// </summary>
internal static class AdviseCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("ROSTER") { Description = Strings.AdviseRoster };
        var output = CliOptions.Path("--out", Strings.AdviseOut);
        var matching = new MatchingOptions();
        var command = new Command("advise", Strings.AdviseDescription)
        {
            roster, output,
        };
        matching.AddTo(command);
        command.Validators.Add(result =>
        {
            CliOptions.Require(result, output);
            CliOptions.Writable(result, output, AdviceFiles.FileNames);
        });
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(
            parsed.GetValue(roster)!, parsed.GetValue(output)!, matching.Read(parsed), CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken)));
        return command;
    }

    internal static int Run(string rosterDir, string outDir, PairingOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var roster = RosterInput.Read(rosterDir, error, "advise", cancellationToken);
        if (roster is null)
        {
            return Program.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var advice = PairingAdvisor.Advise(roster, options, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            AdviceFiles.Write(advice, outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(CliFindings.CannotWriteLine("advise", outDir, e));
            return Program.Failed;
        }

        Cancellation.Written();
        CliConsole.Say(output, Fmt.Of(Strings.WroteAdvice, outDir));
        if (advice.IsEmpty)
        {
            CliConsole.Say(output, Strings.AdviceNothing);
        }
        else
        {
            foreach (var province in advice.Provinces.Where(p => p.Counties + p.Schools + p.Classes > 0))
            {
                CliConsole.Say(output, "  " + FindingRenderer.Default.Render(province.Summary));
            }

            CliConsole.Say(output, FindingRenderer.Default.Render(advice.Summary));
        }

        foreach (var note in advice.Notes)
        {
            CliConsole.Say(output, FindingRenderer.Default.Render(note));
        }

        return Program.Ok;
    }
}
