using System.CommandLine;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

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
        var all = new Option<bool>("--all") { Description = Strings.VerifyAll };
        var matching = new MatchingOptions();
        var command = new Command("verify", Strings.VerifyDescription)
        {
            roster, result, previous, all,
        };
        matching.AddTo(command);
        command.Validators.Add(r => CliOptions.NotEmpty(r, previous));
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(
            parsed.GetValue(roster)!, parsed.GetValue(result)!, parsed.GetValue(previous), matching.Read(parsed), CliConsole.Output(parsed), CliConsole.Error(parsed),
            cancellationToken, parsed.GetValue(all))));
        return command;
    }

    internal static int Run(string rosterDir, string resultDir, TextWriter output, TextWriter error) =>
        Run(rosterDir, resultDir, null, new PairingOptions(), output, error);

    internal static int Run(
        string rosterDir, string resultDir, string? previousDir, PairingOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken = default,
        bool all = false)
    {
        // The result is read on a thread of its own while the roster is read here; its problems are printed after the
        // roster's, as when read one after the other.
        using var resultErrors = new StringWriter();
        var reading = Task.Factory.StartNew(
            () => RosterInput.ReadResult(resultDir, resultErrors, "verify", Strings.WhatResult),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Roster? roster;
        try
        {
            roster = RosterInput.Read(rosterDir, error, "verify", cancellationToken);
        }
        finally
        {
            // Never left running behind a cancelled or failed read.
            reading.Wait(CancellationToken.None);
        }

        var result = reading.GetAwaiter().GetResult();
        error.Write(resultErrors.ToString());
        var previous = previousDir is null ? null : RosterInput.ReadResult(previousDir, error, "verify", Strings.WhatPrevious);
        if (roster is null || result is null || (previousDir is not null && previous is null))
        {
            return Program.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var report = previous is null
            ? PairingResultChecker.Check(roster, result, options, cancellationToken)
            : PairingResultChecker.Check(roster, result, options, previous, cancellationToken);
        Write(report.Violations, all, output);
        if (!report.IsValid)
        {
            output.Flush();
            error.WriteLine(Fmt.Of(Strings.VerifyViolations, report.Violations.Count));
            return Program.BadInput;
        }

        CliConsole.Say(output, Fmt.Of(Strings.VerifyHolds, result.StudentPairs.Count, result.Unpaired.Count));
        return Program.Ok;
    }

    /// <summary>How many violations are listed one by one before they are summarised by code instead.</summary>
    internal const int ListedAtMost = 20;

    /// <summary>
    /// The violations, causes first: a result of another roster (CHK090) is said first and once. A few are listed one by
    /// one; many (a result of another roster has a violation for nearly every row) are summarised by code, with the
    /// count and the first one as an example, unless <paramref name="all"/> asks for every one.
    /// </summary>
    internal static void Write(IReadOnlyList<PairingViolation> violations, bool all, TextWriter output, string indent = "", string? summarised = null)
    {
        var causesFirst = violations.OrderBy(v => v.Finding.Descriptor == Pairing.Core.Matching.CheckFindings.OtherRoster ? 0 : 1).ToList();
        if (all || causesFirst.Count <= ListedAtMost)
        {
            foreach (var violation in causesFirst)
            {
                output.WriteLine(indent + ViolationLine(violation));
            }

            return;
        }

        foreach (var cause in causesFirst.Where(v => v.Finding.Descriptor == Pairing.Core.Matching.CheckFindings.OtherRoster))
        {
            output.WriteLine(indent + ViolationLine(cause));
        }

        var byCode = causesFirst.Where(v => v.Finding.Descriptor != Pairing.Core.Matching.CheckFindings.OtherRoster)
            .GroupBy(v => v.Code, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byCode)
        {
            output.WriteLine(indent + Fmt.Of(Strings.VerifyByCode, group.Key, group.Count(), ViolationLine(group.First())));
        }

        CliConsole.Say(output, indent + Fmt.Of(summarised ?? Strings.VerifyListAll, causesFirst.Count));
    }

    /// <summary>One violation on one line: its rule (or "summary"), its subject and what is wrong, in the run's language.</summary>
    internal static string ViolationLine(PairingViolation violation) =>
        $"{violation.Rule?.ToString() ?? Strings.SummaryRule}: {violation.Subject}: {violation.Code}: {violation.Message}";
}
