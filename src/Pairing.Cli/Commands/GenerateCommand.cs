using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using Pairing.Core.Activities;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Cli.Commands;

/// <summary><c>pairing generate</c>: writes a synthetic national roster made by <see cref="RosterGenerator"/>.</summary>
internal static class GenerateCommand
{
    /// <summary>The school year of generated activity logs: the notice's own, 2014–15.</summary>
    public const int ActivityYear = 2014;

    /// <summary>The activity log's file name in the output folder.</summary>
    public const string ActivitiesFile = "activities.csv";

    /// <summary>The folder, inside the output folder, of the pairing the activity log refers to.</summary>
    public const string PairingFolder = "pairing";

    public static Command Create()
    {
        var students = new Option<int>("--xinjiang-students")
        {
            Description = $"Xinjiang students in total, {RosterGeneratorOptions.MinXinjiangStudents} to {RosterGeneratorOptions.MaxXinjiangStudents} (Xinjiang had 1,374,440 in 2014). Required.",
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of the generator; the same seed and options give byte-identical files.",
            DefaultValueFactory = _ => new RosterGeneratorOptions().Seed,
        };
        var countsOnly = new Option<bool>("--counts-only")
        {
            Description = "Give class sizes only, without students.csv (a planning-phase roster).",
        };
        var ratio = new Option<double>("--inland-ratio")
        {
            Description = $"Inland students per Xinjiang student, {RosterGeneratorOptions.MinInlandRatio} to {RosterGeneratorOptions.MaxInlandRatio}.",
            DefaultValueFactory = _ => new RosterGeneratorOptions().InlandRatio,
        };
        var activities = new Option<bool>("--activities")
        {
            Description = "Also pair the roster (default options, both phases) into DIR/pairing and write a realistic activity log of school year 2014–15 to DIR/activities.csv, with a share of pairs behind schedule and a few deliberate violations.",
        };
        var output = new Option<string>("--out")
        {
            Description = "The folder to write the roster files into (created if needed). Required.",
        };

        var command = new Command("generate", "Generate a synthetic national roster (all 84 Xinjiang counties and inland counties of the 19 supporting provinces) and write its CSV files.")
        {
            students, seed, countsOnly, ratio, activities, output,
        };

        // Required options are checked here rather than with Option.Required, which the parser skips once another
        // error is found: the user gets every problem in one go. The library checks the values itself; its
        // findings are reported under the option names, next to any parse errors.
        command.Validators.Add(result =>
        {
            foreach (var option in (ReadOnlySpan<Option>)[students, output])
            {
                if (result.GetResult(option) is null)
                {
                    result.AddError($"Option '{option.Name}' is required.");
                }
            }

            var options = new RosterGeneratorOptions();
            var parsed = new HashSet<string>(StringComparer.Ordinal);
            if (OptionValues.TryGet(result, students, out var n))
            {
                options.XinjiangStudents = n;
                parsed.Add(nameof(RosterGeneratorOptions.XinjiangStudents));
            }

            if (OptionValues.TryGet(result, ratio, out var r))
            {
                options.InlandRatio = r;
                parsed.Add(nameof(RosterGeneratorOptions.InlandRatio));
            }

            if (OptionValues.TryGet(result, activities, out var withActivities) && withActivities && OptionValues.TryGet(result, countsOnly, out var counts) && counts)
            {
                result.AddError("Options '--activities' and '--counts-only' do not go together: activities need named students.");
            }

            // The parser converts a value only when asked: ask, so that a bad seed is reported with the rest.
            _ = OptionValues.TryGet(result, seed, out _);

            foreach (var failure in options.Validate())
            {
                var property = failure.Split(' ', 2)[0];
                if (parsed.Contains(property))
                {
                    result.AddError(OptionName(property) + failure[property.Length..]);
                }
            }
        });

        command.SetAction(parsed =>
        {
            var stdout = CliConsole.Output(parsed);
            var options = new RosterGeneratorOptions
            {
                XinjiangStudents = parsed.GetValue(students),
                Seed = parsed.GetValue(seed),
                CountsOnly = parsed.GetValue(countsOnly),
                InlandRatio = parsed.GetValue(ratio),
            };
            var directory = parsed.GetValue(output)!;
            var clock = Stopwatch.StartNew();
            var roster = RosterGenerator.Generate(options);
            try
            {
                RosterFiles.Write(roster, directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                CliConsole.Error(parsed).WriteLine($"pairing generate: cannot write to '{directory}': {e.Message}");
                return Program.Failed;
            }

            if (parsed.GetValue(activities))
            {
                // The same roster and default options always give the same pairing, so 'pairing match' on the roster
                // reproduces DIR/pairing, and the records refer to those pairs.
                var pairing = new PairingMatcher().Match(roster);
                // Deliberately against the rules in a few records, as documented: the records are for trying 'pairing
                // activities', which should have something to flag.
                var records = ActivityLogGenerator.Generate(
                    roster, pairing, new ActivityLogGeneratorOptions { Seed = options.Seed, SchoolYear = ActivityYear, DeliberateViolations = true });
                try
                {
                    PairingResultFiles.Write(pairing, Path.Combine(directory, PairingFolder), includeTimings: false);
                    ActivityFiles.Write(records, Path.Combine(directory, ActivitiesFile));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    CliConsole.Error(parsed).WriteLine($"pairing generate: cannot write to '{directory}': {e.Message}");
                    return Program.Failed;
                }

                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Paired it into {Path.Combine(directory, PairingFolder)} ({pairing.StudentPairs.Count:N0} student pairs) and wrote {records.Count:N0} activity records of school year {ActivityYear}–{(ActivityYear + 1) % 100:D2} to {Path.Combine(directory, ActivitiesFile)}."));
            }

            var x = roster.CountsOf(Side.Xinjiang);
            var i = roster.CountsOf(Side.Inland);
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {(roster.HasStudents ? "a roster" : "a counts-only roster")} to {directory}: Xinjiang {x.Students:N0} students in {x.Classes:N0} classes, {x.Schools:N0} schools, {x.Counties} counties; inland {i.Students:N0} students in {i.Classes:N0} classes, {i.Schools:N0} schools, {i.Counties} counties (seed {options.Seed}, {clock.Elapsed.TotalSeconds:F1} s)."));
            return Program.Ok;
        });
        return command;
    }

    private static string OptionName(string property) => property switch
    {
        nameof(RosterGeneratorOptions.XinjiangStudents) => "--xinjiang-students",
        nameof(RosterGeneratorOptions.InlandRatio) => "--inland-ratio",
        _ => property,
    };
}
