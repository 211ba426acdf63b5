using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pairing.Core.Reports;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing report ROSTER RESULT [--activities COMPLIANCE_DIR]… --out report.html</c>: one self-contained HTML report
/// of a pairing result and, optionally, of compliance reports of its activities (several give the "over time" chart).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("ROSTER") { Description = "The roster folder the result was made from." };
        var result = new Argument<string>("RESULT") { Description = "The result folder (from 'pairing plan' or 'pairing match')." };
        var activities = new Option<string[]>("--activities")
        {
            Description = "A compliance report folder (from 'pairing activities'); give it again for reports as of other dates.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--out") { Description = "The HTML file to write. Required." };
        var command = new Command("report", "Write one self-contained HTML report (inline charts, nothing fetched) of a pairing result and its activities' compliance.")
        {
            roster, result, activities, output,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(output) is null)
            {
                r.AddError("Option '--out' is required.");
            }
            else if (string.IsNullOrWhiteSpace(r.GetResult(output)!.GetValueOrDefault<string?>()))
            {
                r.AddError("Option '--out' is empty; expected the path of the HTML file to write.");
            }
        });
        command.SetAction(parsed => Run(parsed.GetValue(roster)!, parsed.GetValue(result)!, parsed.GetValue(activities) ?? [], parsed.GetValue(output)!,
            CliConsole.Output(parsed), CliConsole.Error(parsed)));
        return command;
    }

    internal static int Run(string rosterDir, string resultDir, IReadOnlyList<string> complianceDirs, string outPath, TextWriter output, TextWriter error)
    {
        // Every input is read and every problem reported before anything is written.
        var roster = RosterInput.Read(rosterDir, error, "report");
        var result = RosterInput.ReadResult(resultDir, error, "report", "result");
        var snapshots = new List<ComplianceSnapshot>();
        var bad = false;
        foreach (var dir in complianceDirs)
        {
            try
            {
                snapshots.Add(ComplianceSnapshot.Read(dir));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or JsonException)
            {
                error.WriteLine($"pairing report: the compliance report in {dir} cannot be read: {e.Message}");
                bad = true;
            }
        }

        if (roster is null || result is null || bad)
        {
            return Program.BadInput;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            PairingReport.Write(roster, result, snapshots, outPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pairing report: cannot write '{outPath}': {e.Message}");
            return Program.Failed;
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {outPath} ({new FileInfo(outPath).Length:N0} bytes, {result.Unpaired.Count:N0} unpaired units listed, {snapshots.Count} compliance report(s)) in {elapsed.TotalSeconds:F2} s."));
        return Program.Ok;
    }
}
