using System.CommandLine;
using System.Globalization;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing explain RESULT UNIT_ID [--roster DIR]</c>: whether one unit is paired and with whom; if not, the chain of
/// causes up to the root cause; and what became of its pairs of last year. The words are <see cref="PairingExplainer"/>'s
/// findings, rendered in the run's language. A student's id is printed only because the user asked for it.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var result = new Argument<string>("RESULT") { Description = Strings.ExplainResult };
        var unit = new Argument<string>("UNIT_ID") { Description = Strings.ExplainUnitId };
        var roster = CliOptions.Path("--roster", Strings.ExplainRoster);
        var command = new Command("explain", Strings.ExplainDescription)
        {
            result, unit, roster,
        };
        command.Validators.Add(r => CliOptions.NotEmpty(r, roster));
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(
            parsed.GetValue(result)!, parsed.GetValue(unit)!, parsed.GetValue(roster), CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken)));
        return command;
    }

    internal static int Run(
        string resultDir, string unitId, string? rosterDir, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var roster = rosterDir is null ? null : RosterInput.Read(rosterDir, error, "explain", cancellationToken);
        var result = RosterInput.ReadResult(resultDir, error, "explain", Strings.WhatResult);
        if (result is null || (rosterDir is not null && roster is null))
        {
            return Program.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var explanation = PairingExplainer.Explain(result, unitId, roster);
        if (!explanation.IsFound)
        {
            output.Flush();
            foreach (var finding in explanation.Findings)
            {
                Write(error, ProblemLines.Render(finding), 0);
            }

            return Program.BadInput;
        }

        var level = explanation.Level!.Value;
        var side = explanation.Side == Side.Inland ? Strings.SideInland : Strings.SideXinjiang;
        Write(output, Fmt.Of(explanation.IsPaired ? Strings.ExplainPaired : Strings.ExplainNotPaired, Term(level), unitId, side), 0);
        var lastYear = explanation.Findings.Where(IsLastYear).ToList();
        var status = explanation.Findings.Where(f => !IsLastYear(f)).ToList();
        if (!explanation.IsPaired && explanation.Side == Side.Xinjiang)
        {
            Write(output, Strings.ExplainCauses, 0);
        }

        foreach (var finding in status)
        {
            Write(output, Line(finding), 2);
        }

        if (lastYear.Count > 0)
        {
            Write(output, Strings.ExplainLastYear, 0);
            foreach (var finding in lastYear)
            {
                Write(output, Line(finding), 2);
            }
        }

        return Program.Ok;
    }

    private static bool IsLastYear(Finding finding) =>
        finding.Descriptor.Equals(ExplainFindings.PreviousKept) || finding.Descriptor.Equals(ExplainFindings.PreviousDropped);

    /// <summary>One finding: the unit it is about, what it says, its rule and code: <c>county 653125: … (P4, UNP004)</c>.</summary>
    private static string Line(Finding finding)
    {
        var code = finding.Rule is { } rule ? Fmt.Of(Strings.ExplainRuleCode, rule, finding.Code) : finding.Code;
        var subject = finding.Subject!.Value;
        var level = Enum.TryParse<PairingLevel>(subject.Level, ignoreCase: true, out var l) ? Term(l) : subject.Level;
        return Fmt.Of(Strings.ExplainLine, level, subject.Id, FindingRenderer.Default.Render(InRunLanguage(finding)), code);
    }

    /// <summary>
    /// A dropped pair's reason as continuity.csv gives it is, by default, both languages ("中文 / English", the library's
    /// own rendering of its CON code): the run's language is shown alone. A reason in one language is shown as written.
    /// </summary>
    private static Finding InRunLanguage(Finding finding)
    {
        if (!finding.Descriptor.Equals(ExplainFindings.PreviousDropped) || !finding.TryGetArgument<string>("reason", out var reason))
        {
            return finding;
        }

        var parts = reason.Split(FindingRenderer.LanguageSeparator);
        if (parts.Length != 2)
        {
            return finding;
        }

        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        return new Finding(finding.Descriptor, finding.Severity, finding.Subject, finding.Location,
            finding.Arguments.Select(a => a.Name == "reason" ? FindingArgument.Of("reason", parts[chinese ? 0 : 1]) : a));
    }

    private static string Term(PairingLevel level) => FindingRenderer.Default.RenderTerm(level);

    /// <summary>A line wrapped to 80 columns, indented, its continuation lines two columns further in.</summary>
    private static void Write(TextWriter writer, string text, int indent)
    {
        var first = true;
        foreach (var line in TextLayout.Wrap(text, TextLayout.DefaultWidth - indent - 2))
        {
            writer.WriteLine(new string(' ', first ? indent : indent + 2) + line);
            first = false;
        }
    }
}
