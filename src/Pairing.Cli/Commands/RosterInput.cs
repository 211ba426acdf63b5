using Pairing.Core.Files;
using Pairing.Core.Excel;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Cli.Commands;

/// <summary>Reading a command's inputs: a roster or a pairing result, with every problem printed when it is rejected.</summary>
internal static class RosterInput
{
    /// <summary>The roster in a folder or workbook, or null after printing every problem to <paramref name="error"/>.</summary>
    public static Roster? Read(string directory, TextWriter error, string command, CancellationToken cancellationToken = default)
    {
        var result = Load(directory, out var conflict, cancellationToken);
        foreach (var problem in result?.Findings ?? [])
        {
            error.WriteLine(ProblemLines.Render(problem));
        }

        if (conflict is not null)
        {
            error.WriteLine(conflict);
        }

        if (result is not { IsValid: true } || conflict is not null)
        {
            error.WriteLine(Fmt.Of(Strings.RosterRejected, command, directory, (result?.Errors.Count() ?? 0) + (conflict is null ? 0 : 1)));
            return null;
        }

        return result.Value;
    }

    /// <summary>
    /// Reads a roster from what the user named: a workbook (.xlsx, .xls), a folder of CSV files, or a folder of
    /// workbooks. <paramref name="conflict"/> is one more error line when the input is ambiguous: a workbook beside
    /// the CSV files (it would be ignored), or a file that is neither a folder nor a workbook; the result is then null
    /// when nothing could be read.
    /// </summary>
    public static ReadResult<Roster>? Load(string path, out string? conflict, CancellationToken cancellationToken = default)
    {
        conflict = null;
        if (File.Exists(path))
        {
            if (RosterWorkbooks.IsWorkbook(path))
            {
                return RosterWorkbooks.Read(path);
            }

            conflict = ProblemLines.Render(RosterFindings.NotRosterInput.Create(
                null, new FindingLocation(path), FindingArgument.Of("path", path)));
            return null;
        }

        if (!Directory.Exists(path))
        {
            return RosterFiles.Read(path, cancellationToken: cancellationToken);
        }

        var tables = new[] { RosterFiles.CountiesFile, RosterFiles.SchoolsFile, RosterFiles.ClassesFile, RosterFiles.StudentsFile };
        var csv = tables.Where(t => File.Exists(Path.Combine(path, t))).ToList();
        var books = tables
            .SelectMany(t => RosterWorkbooks.Extensions.Select(e => Path.GetFileNameWithoutExtension(t) + e))
            .Where(b => File.Exists(Path.Combine(path, b)))
            .ToList();
        if (csv.Count == 0 && books.Count > 0)
        {
            return RosterWorkbooks.Read(path);
        }

        if (books.Count > 0)
        {
            conflict = ProblemLines.Render(RosterFindings.WorkbookBesideCsv.Create(
                null, new FindingLocation(Path.Combine(path, books[0])),
                FindingArgument.Of("workbooks", string.Join(", ", books)), FindingArgument.Of("files", string.Join(", ", csv))));
        }

        return RosterFiles.Read(path, cancellationToken: cancellationToken);
    }

    /// <summary>The pairing result in a folder or an .xlsx workbook, or null after printing every problem that keeps it from being read.</summary>
    /// <param name="directory">The folder or workbook.</param>
    /// <param name="error">Where to print.</param>
    /// <param name="command">The command, for the message.</param>
    /// <param name="what">What the result is to the command, in the run's language (<see cref="Strings.WhatResult"/>, <see cref="Strings.WhatPlan"/>, <see cref="Strings.WhatPrevious"/>).</param>
    public static PairingResult? ReadResult(string directory, TextWriter error, string command, string what)
    {
        var read = File.Exists(directory) && RosterWorkbooks.IsWorkbook(directory) ? PairingResultWorkbook.Read(directory) : PairingResultFiles.Read(directory);
        if (read.IsValid)
        {
            return read.Value;
        }

        var problems = read.Findings;
        foreach (var problem in problems)
        {
            error.WriteLine(ProblemLines.Render(problem));
        }

        error.WriteLine(Fmt.Of(Strings.ResultRejected, command, what, directory, problems.Count));
        return null;
    }

    /// <summary>
    /// Whether a result someone else made may be used with this roster (report, activities): made from it (input
    /// hash) and holding under the options it claims, as the checker finds; else every violation is printed (the
    /// causes first and many summarised by code, as <c>verify</c> does) and the command stops.
    /// </summary>
    public static bool BelongsTo(
        Roster roster, PairingResult result, string rosterDir, string resultDir, TextWriter error, string command, string what, CancellationToken cancellationToken = default) =>
        // A result of another roster says so first (its input hash), before what follows from it.
        Gate(PairingResultChecker.CheckBelongsTo(roster, result, cancellationToken).Violations,
            rosterDir, resultDir, error, command, what);

    /// <summary>
    /// Whether a plan may be kept by <c>match</c>: one made from this very roster is checked whole, as
    /// <see cref="BelongsTo"/>; one made from another (a plan on counts in July, the roster with students in
    /// September) has its county and school pairs re-checked against this roster (P1–P4: members there, sides,
    /// provinces, loads, classes and students), because its figures cannot match. Either way the plan's options for
    /// the pairs (counties per inland county, schools per inland school) must be the run's.
    /// </summary>
    public static bool PlanFits(
        Roster roster, PairingResult plan, PairingOptions options, string rosterDir, string planDir, TextWriter error, CancellationToken cancellationToken = default) =>
        PlanFits(roster, plan, options, rosterDir, planDir, error, out _, cancellationToken);

    /// <summary>
    /// As <see cref="PlanFits(Roster, PairingResult, PairingOptions, string, string, TextWriter, CancellationToken)"/>, except
    /// that a plan of another roster whose county and school pairs break P1–P4 here is not refused (issue 24): those
    /// pairs are returned in <paramref name="broken"/>, the matcher drops them and pairs their units afresh, and
    /// <see cref="ReportDroppedPlanPairs"/> says so once the result is known.
    /// </summary>
    public static bool PlanFits(
        Roster roster, PairingResult plan, PairingOptions options, string rosterDir, string planDir, TextWriter error,
        out IReadOnlyList<PairingViolation> broken, CancellationToken cancellationToken = default)
    {
        broken = [];
        var violations = PairingResultChecker.CheckBelongsTo(roster, plan, cancellationToken).Violations;
        if (violations.Any(v => v.Finding.Descriptor == CheckFindings.OtherRoster))
        {
            error.WriteLine(Fmt.Of(Strings.PlanOtherRoster, planDir, rosterDir));
            broken = PlanPairVerdicts(violations);
            violations = [];
        }

        var claimed = plan.Summary.Options;
        if (claimed.XinjiangCountiesPerInlandCounty != options.XinjiangCountiesPerInlandCounty
            || claimed.XinjiangSchoolsPerInlandSchool != options.XinjiangSchoolsPerInlandSchool)
        {
            error.WriteLine(Fmt.Of(Strings.PlanOtherOptions, planDir, claimed.XinjiangCountiesPerInlandCounty, claimed.XinjiangSchoolsPerInlandSchool,
                options.XinjiangCountiesPerInlandCounty, options.XinjiangSchoolsPerInlandSchool));
            return false;
        }

        return Gate(violations, rosterDir, planDir, error, "match", Strings.WhatPlan);
    }

    /// <summary>
    /// The verdicts on a plan's county and school pairs (P1–P4, the members there, the inland units' loads and sums),
    /// chosen by the level each verdict carries, as the check that found it set it: not by the code's number, and not
    /// the verdicts on the plan's lists (<c>unpaired.csv</c>, <c>continuity.csv</c>) or figures, which another roster
    /// changes anyway.
    /// </summary>
    internal static IReadOnlyList<PairingViolation> PlanPairVerdicts(IEnumerable<PairingViolation> violations) =>
        [.. violations.Where(v => v.Level is PairingLevel.County or PairingLevel.School)];

    /// <summary>
    /// One warning per plan pair found broken that the result does not make (CLI031: both ids, the rule, the checker's
    /// finding with its numbers), and per inland unit the plan overloads (CLI032). A pair the result makes anyway (last
    /// term's or the plan's school pair kept under P4's tolerance, with its CON013 or CON017 row) is not reported.
    /// </summary>
    public static void ReportDroppedPlanPairs(IReadOnlyList<PairingViolation> broken, PairingResult result, TextWriter error)
    {
        var made = new HashSet<string>(StringComparer.Ordinal);
        made.UnionWith(result.CountyPairs.Select(p => "county_pair:" + p.Xinjiang.Value + "|" + p.Inland.Value));
        made.UnionWith(result.SchoolPairs.Select(p => "school_pair:" + p.Xinjiang.Value + "|" + p.Inland.Value));
        foreach (var v in broken)
        {
            var subject = v.Finding.Subject;
            var rule = v.Rule?.ToString() ?? "-";
            var problem = FindingRenderer.Default.Render(v.Finding);
            if (subject is { Level: "county_pair" or "school_pair" } pair && pair.Id.Split('|') is [var x, var n])
            {
                if (!made.Contains(pair.Level + ":" + pair.Id))
                {
                    var level = pair.Level == "county_pair" ? PairingLevel.County : PairingLevel.School;
                    error.WriteLine("pairing match: " + CliFindings.Line(CliFindings.PlanPairDropped,
                        ("level", level), ("xinjiang", x), ("inland", n), ("rule", rule), ("problem", problem)));
                }
            }
            else
            {
                error.WriteLine("pairing match: " + CliFindings.Line(CliFindings.PlanUnitOver, ("unit", subject?.Id ?? v.Subject), ("rule", rule), ("problem", problem)));
            }
        }
    }

    private static bool Gate(IReadOnlyList<PairingViolation> violations, string rosterDir, string resultDir, TextWriter error, string command, string what)
    {
        if (violations.Count == 0)
        {
            return true;
        }

        // As verify lists them: causes first, and many summarised by code.
        VerifyCommand.Write(violations, all: false, error, "  ", Strings.MoreViolations);

        error.WriteLine(Fmt.Of(Strings.ResultNotOfRoster, command, what, resultDir, rosterDir, violations.Count));
        return false;
    }
}
