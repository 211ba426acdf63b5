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
/// shows its figures.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Xinjiang students in the demo roster: big enough to show every county, quick on any machine.</summary>
    public const int XinjiangStudents = 100_000;

    public static Command Create()
    {
        var command = new Command("demo", $"Generate a roster of {XinjiangStudents:N0} Xinjiang students in a temporary folder, check it, pair it (both phases), verify the result and show the figures.");
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
                output.WriteLine($"  {violation.Rule?.ToString() ?? "summary"}: {violation.Subject}: {violation.Message}");
            }

            ResultReport.Write(paired, console);
            return check.IsValid ? Program.Ok : Program.Failed;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
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
