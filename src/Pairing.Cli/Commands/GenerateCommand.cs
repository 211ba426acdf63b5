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

/// <summary>
/// <c>pairing generate</c>: writes a synthetic national roster made by <see cref="RosterGenerator"/>, or with
/// <c>--next-year FROM</c> the next school year of the roster in FROM (<see cref="RosterGenerator.NextYear"/>).
/// </summary>
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
        var nextYear = new Option<string>("--next-year")
        {
            Description = "Instead of a new roster, write the next school year of the roster in this folder: grades 9 and 12 graduate, other classes move up keeping their ids and students, a grade-7 and grade-10 intake arrives, students transfer and schools close and open. --xinjiang-students, --inland-ratio, --counts-only and --activities do not apply; --seed defaults to 2015.",
            HelpName = "FROM",
        };
        var defaults = new NextYearOptions();
        var transferOut = new Option<double>("--transfer-out-rate")
        {
            Description = $"With --next-year: the share of continuing students who transfer out, 0 to {NextYearOptions.MaxTransferOutRate}; default {defaults.TransferOutRate}.",
        };
        var transferIn = new Option<double>("--transfer-in-rate")
        {
            Description = $"With --next-year: new students transferring in, as a share of each continuing class, 0 to {NextYearOptions.MaxTransferInRate}; default {defaults.TransferInRate}.",
        };
        var closeRate = new Option<double>("--school-close-rate")
        {
            Description = $"With --next-year: the probability that a school closes (never a county's last), 0 to {NextYearOptions.MaxSchoolRate}; default {defaults.SchoolCloseRate}.",
        };
        var openRate = new Option<double>("--school-open-rate")
        {
            Description = $"With --next-year: new schools per school of a county, 0 to {NextYearOptions.MaxSchoolRate}; default {defaults.SchoolOpenRate}.",
        };
        var largeChanges = new Option<bool>("--large-changes")
        {
            Description = "With --next-year: a year of large changes (30% of students leave and as many arrive, 5% of schools close and as many open); rates given as well override it.",
        };
        var schoolYear = new Option<int>("--school-year")
        {
            Description = $"With --next-year: the new school year ({NextYearOptions.MinSchoolYear} to {NextYearOptions.MaxSchoolYear}, 2015 for 2015–16); default: the year after the roster's.",
        };
        Option[] nextYearOnly = [transferOut, transferIn, closeRate, openRate, largeChanges, schoolYear];

        var command = new Command("generate", "Generate a synthetic national roster (all 84 Xinjiang counties and inland counties of the 19 supporting provinces) and write its CSV files, or the next school year of a roster with --next-year.")
        {
            students, seed, countsOnly, ratio, activities, output, nextYear, transferOut, transferIn, closeRate, openRate, largeChanges, schoolYear,
        };

        // Required options are checked here rather than with Option.Required, which the parser skips once another
        // error is found: the user gets every problem in one go. The library checks the values itself; its
        // findings are reported under the option names, next to any parse errors.
        command.Validators.Add(result =>
        {
            if (result.GetResult(nextYear) is not null)
            {
                ValidateNextYear(result, output, [students, ratio, countsOnly, activities], NextYearOptionsOf);
                _ = OptionValues.TryGet(result, seed, out _);
                return;
            }

            foreach (var option in nextYearOnly)
            {
                if (result.GetResult(option) is not null)
                {
                    result.AddError($"Option '{option.Name}' applies only with '--next-year'.");
                }
            }

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

        // The next year's options from what was given: the preset first, then each rate given over it.
        NextYearOptions NextYearOptionsOf(Func<Option, (bool Given, object? Value)> get)
        {
            var options = get(largeChanges) is (true, true) ? NextYearOptions.LargeChanges() : new NextYearOptions();
            if (get(seed) is (true, long s))
            {
                options.Seed = s;
            }

            if (get(schoolYear) is (true, int y))
            {
                options.SchoolYear = y;
            }

            if (get(transferOut) is (true, double o))
            {
                options.TransferOutRate = o;
            }

            if (get(transferIn) is (true, double i))
            {
                options.TransferInRate = i;
            }

            if (get(closeRate) is (true, double c))
            {
                options.SchoolCloseRate = c;
            }

            if (get(openRate) is (true, double n))
            {
                options.SchoolOpenRate = n;
            }

            return options;
        }

        command.SetAction(parsed =>
        {
            var stdout = CliConsole.Output(parsed);
            if (parsed.GetResult(nextYear) is not null)
            {
                var next = NextYearOptionsOf(option => Given(parsed.GetResult(option)));
                return WriteNextYear(parsed.GetValue(nextYear)!, parsed.GetValue(output)!, next, stdout, CliConsole.Error(parsed));
            }
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
        nameof(NextYearOptions.SchoolYear) => "--school-year",
        nameof(NextYearOptions.TransferOutRate) => "--transfer-out-rate",
        nameof(NextYearOptions.TransferInRate) => "--transfer-in-rate",
        nameof(NextYearOptions.SchoolCloseRate) => "--school-close-rate",
        nameof(NextYearOptions.SchoolOpenRate) => "--school-open-rate",
        _ => property,
    };

    /// <summary>
    /// Every problem of a <c>--next-year</c> command line at once: a missing <c>--out</c>, options that do not apply,
    /// and each bad value (reported under its option's name, as the library's validation finds it).
    /// </summary>
    private static void ValidateNextYear(
        CommandResult result, Option<string> output, Option[] notApplying, Func<Func<Option, (bool Given, object? Value)>, NextYearOptions> optionsOf)
    {
        if (result.GetResult(output) is null)
        {
            result.AddError($"Option '{output.Name}' is required.");
        }

        foreach (var option in notApplying)
        {
            if (result.GetResult(option) is { Implicit: false })
            {
                result.AddError($"Option '{option.Name}' does not apply with '--next-year': the next year follows the roster it ages.");
            }
        }

        var given = new HashSet<string>(StringComparer.Ordinal);
        var options = optionsOf(option =>
        {
            var value = Given(result.GetResult(option));
            if (value.Given)
            {
                given.Add(option.Name);
            }

            return value;
        });

        foreach (var failure in options.Validate())
        {
            var property = failure.Split(' ', 2)[0];
            if (given.Contains(OptionName(property)))
            {
                result.AddError(OptionName(property) + failure[property.Length..]);
            }
        }
    }

    /// <summary>An option's value when it was given on the command line and parses; not given otherwise.</summary>
    private static (bool Given, object? Value) Given(OptionResult? result)
    {
        if (result is null || result.Implicit || result.Errors.Any())
        {
            return (false, null);
        }

        try
        {
            return (true, result.GetValueOrDefault<object?>());
        }
        catch (InvalidOperationException)
        {
            return (false, null); // not a valid value: the parser reports that itself
        }
    }

    /// <summary>Reads the roster in <paramref name="from"/>, ages it one year and writes the next year's roster.</summary>
    private static int WriteNextYear(string from, string directory, NextYearOptions options, TextWriter stdout, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        var roster = RosterInput.Read(from, error, "generate");
        if (roster is null)
        {
            return Program.BadInput;
        }

        var next = RosterGenerator.NextYear(roster, options);
        try
        {
            RosterFiles.Write(next, directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pairing generate: cannot write to '{directory}': {e.Message}");
            return Program.Failed;
        }

        var x = next.CountsOf(Side.Xinjiang);
        var i = next.CountsOf(Side.Inland);
        var stayed = next.Classes.Count(c => roster.TryGetClass(c.Id, out _));
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote the next school year of {from} to {directory}: Xinjiang {x.Students:N0} students in {x.Classes:N0} classes, {x.Schools:N0} schools; inland {i.Students:N0} students in {i.Classes:N0} classes, {i.Schools:N0} schools; {stayed:N0} classes moved up, {next.Classes.Count - stayed:N0} new (seed {options.Seed}, {clock.Elapsed.TotalSeconds:F1} s)."));
        return Program.Ok;
    }
}
