using System.CommandLine;
using Pairing.Core.Findings;
using Pairing.Core.Reports;
using Pairing.Core.Activities;
using Pairing.Core.Files.Compliance;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing report ROSTER RESULT [--activities COMPLIANCE_DIR]… --out report.html</c>: one self-contained HTML report
/// of a pairing result and, optionally, of compliance reports of its activities (several give the "over time" chart).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("ROSTER") { Description = Strings.VerifyRoster };
        var result = new Argument<string>("RESULT") { Description = Strings.ReportResult };
        var activities = new Option<string[]>("--activities")
        {
            Description = Strings.ReportActivities,
            HelpName = "DIR",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = CliOptions.Path("--out", Strings.ReportOut, "FILE.html");
        var command = new Command("report", Strings.ReportDescription)
        {
            roster, result, activities, output,
        };
        command.Validators.Add(r =>
        {
            CliOptions.Require(r, output);
            CliOptions.CanWrite(r, output);
            CliOptions.NotEmpty(r, activities);
        });
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(parsed.GetValue(roster)!, parsed.GetValue(result)!, parsed.GetValue(activities) ?? [],
            parsed.GetValue(output)!, CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken)));
        return command;
    }

    internal static int Run(
        string rosterDir, string resultDir, IReadOnlyList<string> complianceDirs, string outPath, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        // Every input is read and every problem reported before anything is written.
        var roster = RosterInput.Read(rosterDir, error, "report", cancellationToken);
        var result = RosterInput.ReadResult(resultDir, error, "report", Strings.WhatResult);
        var snapshots = new List<ComplianceSnapshot>();
        var bad = false;
        foreach (var dir in complianceDirs)
        {
            var read = ComplianceReportFiles.ReadSnapshot(dir);
            if (read.IsValid)
            {
                snapshots.Add(read.Value);
                continue;
            }

            var problems = read.Findings;
            foreach (var problem in problems)
            {
                error.WriteLine(ProblemLines.Render(problem));
            }

            error.WriteLine(Fmt.Of(Strings.ResultRejected, "report", Strings.WhatCompliance, dir, problems.Count));
            bad = true;
        }

        if (roster is null || result is null || bad || !RosterInput.BelongsTo(roster, result, rosterDir, resultDir, error, "report", Strings.WhatResult, cancellationToken))
        {
            return Program.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            PairingReport.Write(roster, result, snapshots, outPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(CliFindings.CannotWriteLine("report", outPath, e));
            return Program.Failed;
        }

        Cancellation.Written();

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        CliConsole.Say(output, Fmt.Of(Strings.ReportWrote, outPath, new FileInfo(outPath).Length, result.Unpaired.Count, snapshots.Count, elapsed.TotalSeconds));
        return Program.Ok;
    }
}
