using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;
using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing demo</c>: generates a national roster in a temporary folder, reads it back as any roster is read,
/// shows it per supporting province, pairs it in both phases, verifies the result with the independent checker and
/// shows its figures; then makes the next school year (<see cref="RosterGenerator.NextYear"/>), pairs it with the
/// first year's result as previous and afresh, verifies both and shows what continuity kept and what it cost.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Xinjiang students in the demo roster: big enough to show every county, quick on any machine.</summary>
    public const int XinjiangStudents = 100_000;

    public static Command Create()
    {
        var command = new Command("demo", $"Generate a roster of {XinjiangStudents:N0} Xinjiang students in a temporary folder, check it, pair it (both phases), verify the result and show the figures; then make the next school year, pair it with the first year's result and afresh, and show what continuity kept and what it cost.");
        command.SetAction(parsed => Run(CliConsole.Output(parsed), CliConsole.Error(parsed)));
        return command;
    }

    internal static int Run(TextWriter output, TextWriter error)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pairing-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            var options = new RosterGeneratorOptions { XinjiangStudents = XinjiangStudents };
            RosterFiles.Write(RosterGenerator.Generate(options), folder);
            var generated = clock.Elapsed;
            var result = RosterFiles.Read(folder);
            var read = clock.Elapsed - generated;
            foreach (var problem in result.Problems)
            {
                output.WriteLine(ProblemLines.Render(problem));
            }

            if (!result.IsValid)
            {
                error.WriteLine("pairing demo: the generated roster did not read back as valid (a bug); see the problems above.");
                return Program.Failed;
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Generated a roster (seed {options.Seed}) and wrote it in {generated.TotalSeconds:F1} s; read it back and checked it in {read.TotalSeconds:F1} s."));
            var console = CliConsole.Create(output);
            console.Write(ByProvince(result.Roster));

            // Both phases, as a province would run them, then the independent check of the result.
            var roster = result.Roster;
            var paired = MatchingProgress.Run(output, progress => new PairingMatcher().Match(roster, progress: progress));
            var resultFolder = Path.Combine(folder, "result");
            PairingResultFiles.Write(paired, resultFolder);
            var check = PairingResultChecker.Check(roster, PairingResultFiles.Read(resultFolder));
            output.WriteLine(check.IsValid
                ? "Verified: the result read back from its files breaks no rule (P1–P6) and explains every unpaired unit (P7)."
                : $"Verification found {check.Violations.Count} violation(s) (a bug):");
            foreach (var violation in check.Violations.Take(20))
            {
                output.WriteLine($"  {violation.Rule?.ToString() ?? "summary"}: {violation.Subject}: {violation.Code}: {violation.Message}");
            }

            ResultReport.Write(paired, console);
            if (!check.IsValid)
            {
                return Program.Failed;
            }

            return SecondYear(output, console, folder, roster, PairingResultFiles.Read(resultFolder)) ? Program.Ok : Program.Failed;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// The second year (S1: the programme repeats every school year): the next year's roster, written and read back,
    /// paired with last year's result as previous and without it, both verified, then compared.
    /// </summary>
    /// <returns>Whether both results passed the independent check.</returns>
    private static bool SecondYear(TextWriter output, IAnsiConsole console, string folder, Roster year1, PairingResult previous)
    {
        var clock = Stopwatch.StartNew();
        var options = new NextYearOptions();
        var year2Folder = Path.Combine(folder, "year2");
        RosterFiles.Write(RosterGenerator.NextYear(year1, options), year2Folder);
        var read = RosterFiles.Read(year2Folder);
        if (!read.IsValid)
        {
            foreach (var problem in read.Errors)
            {
                output.WriteLine(problem.ToString());
            }

            output.WriteLine("The next year's roster did not read back as valid (a bug); see the problems above.");
            return false;
        }

        var roster = read.Roster;
        var x = roster.CountsOf(Side.Xinjiang);
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Year 2: made the next school year (grades 9 and 12 graduated, classes moved up, a new grade-7 and grade-10 intake, {options.TransferOutRate:P0} of students transferred out and as many in, {options.SchoolCloseRate:P0} of schools closed and as many opened; seed {options.Seed}) in {clock.Elapsed.TotalSeconds:F1} s: {x.Students:N0} Xinjiang students in {x.Classes:N0} classes."));

        var withPrevious = MatchingProgress.Run(output, progress => new PairingMatcher().Match(roster, previous: previous, progress: progress));
        var fresh = MatchingProgress.Run(output, progress => new PairingMatcher().Match(roster, progress: progress));
        var valid = true;
        foreach (var (name, result) in new[] { ("with last year's result", withPrevious), ("afresh", fresh) })
        {
            var check = PairingResultChecker.Check(roster, result);
            valid &= check.IsValid;
            output.WriteLine(check.IsValid
                ? $"Verified year 2 paired {name}: it breaks no rule (P1–P6) and explains every unpaired unit (P7)."
                : $"Verification of year 2 paired {name} found {check.Violations.Count} violation(s) (a bug):");
            foreach (var violation in check.Violations.Take(20))
            {
                output.WriteLine($"  {violation.Rule?.ToString() ?? "summary"}: {violation.Subject}: {violation.Code}: {violation.Message}");
            }
        }

        var table = new Table().AddColumns("last year's pairs", "last year", "both members still there", "kept with last year's result", "made again afresh");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var level in ContinuityComparison.Compare(roster, previous, withPrevious, fresh))
        {
            table.AddRow(
                MatchingProgress.LevelName(level.Of),
                CheckCommand.Number(level.Previous),
                CheckCommand.Number(level.Standing),
                CheckCommand.Number(level.KeptWithPrevious),
                CheckCommand.Number(level.KeptFresh));
        }

        console.Write(table);
        var kept = withPrevious.Summary.CoveredStudents;
        var afresh = fresh.Summary.CoveredStudents;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Year 2 covers {kept:N0} of {x.Students:N0} Xinjiang students with last year's result and {afresh:N0} afresh: continuity {(kept < afresh ? $"cost {afresh - kept:N0} students" : kept > afresh ? $"gained {kept - afresh:N0} students" : "cost no student")}."));
        return valid;
    }

    /// <summary>Counties, schools, classes and students of each side, per supporting province (对口支援省市).</summary>
    internal static Table ByProvince(Roster roster)
    {
        var map = roster.SupportMap;
        var totals = new Dictionary<ProvinceId, long[]>();
        foreach (var province in map.Provinces)
        {
            totals[province.Id] = new long[8];
        }

        foreach (var county in roster.Counties)
        {
            var row = totals[roster.ProvinceOf(county)];
            var at = county.Side == Side.Xinjiang ? 0 : 4;
            row[at]++;
            foreach (var school in roster.SchoolsIn(county.Id))
            {
                row[at + 1]++;
                foreach (var schoolClass in roster.ClassesIn(school.Id))
                {
                    row[at + 2]++;
                    row[at + 3] += schoolClass.Size;
                }
            }
        }

        var table = new Table()
            .AddColumns("supporting province", "XJ counties", "XJ schools", "XJ classes", "XJ students", "inland counties", "inland schools", "inland classes", "inland students");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        var sum = new long[8];
        foreach (var province in map.Provinces)
        {
            var row = totals[province.Id];
            table.AddRow([Markup.Escape(province.Name), .. row.Select(CheckCommand.Number)]);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += row[i];
            }
        }

        table.AddEmptyRow();
        table.AddRow(["total", .. sum.Select(CheckCommand.Number)]);
        return table;
    }
}
