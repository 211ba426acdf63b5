using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;
using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing demo</c>: generates a national roster in a temporary folder, reads it back as any roster is read,
/// and shows it per supporting province.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Xinjiang students in the demo roster: big enough to show every county, quick on any machine.</summary>
    public const int XinjiangStudents = 100_000;

    public static Command Create()
    {
        var command = new Command("demo", $"Generate a roster of {XinjiangStudents:N0} Xinjiang students in a temporary folder, check it, and show it per supporting province.");
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
                output.WriteLine(problem.ToString());
            }

            if (!result.IsValid)
            {
                error.WriteLine("pairing demo: the generated roster did not read back as valid (a bug); see the problems above.");
                return Program.Failed;
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Generated a roster (seed {options.Seed}) and wrote it in {generated.TotalSeconds:F1} s; read it back and checked it in {read.TotalSeconds:F1} s."));
            CliConsole.Create(output).Write(ByProvince(result.Roster));
            return Program.Ok;
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
