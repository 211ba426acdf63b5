using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
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
        var students = CliOptions.Int("--xinjiang-students",
            Fmt.Of(Strings.GenStudents, RosterGeneratorOptions.MinXinjiangStudents, RosterGeneratorOptions.MaxXinjiangStudents));
        var seed = CliOptions.Long("--seed", Strings.GenSeed, new RosterGeneratorOptions().Seed);
        var countsOnly = new Option<bool>("--counts-only") { Description = Strings.GenCountsOnly };
        var ratio = CliOptions.Double("--inland-ratio",
            Fmt.Of(Strings.GenInlandRatio, RosterGeneratorOptions.MinInlandRatio, RosterGeneratorOptions.MaxInlandRatio), new RosterGeneratorOptions().InlandRatio);
        var activities = new Option<bool>("--activities") { Description = Strings.GenActivities };
        var output = CliOptions.Path("--out", Strings.GenOut);
        var nextYear = CliOptions.Path("--next-year", Strings.GenNextYear, "FROM");
        var defaults = new NextYearOptions();
        var transferOut = CliOptions.Double("--transfer-out-rate", Fmt.Of(Strings.GenTransferOut, NextYearOptions.MaxTransferOutRate, defaults.TransferOutRate), helpName: "RATE");
        var transferIn = CliOptions.Double("--transfer-in-rate", Fmt.Of(Strings.GenTransferIn, NextYearOptions.MaxTransferInRate, defaults.TransferInRate), helpName: "RATE");
        var closeRate = CliOptions.Double("--school-close-rate", Fmt.Of(Strings.GenCloseRate, NextYearOptions.MaxSchoolRate, defaults.SchoolCloseRate), helpName: "RATE");
        var openRate = CliOptions.Double("--school-open-rate", Fmt.Of(Strings.GenOpenRate, NextYearOptions.MaxSchoolRate, defaults.SchoolOpenRate), helpName: "RATE");
        var largeChanges = new Option<bool>("--large-changes") { Description = Strings.GenLargeChanges };
        var schoolYear = CliOptions.Int("--school-year", Fmt.Of(Strings.GenSchoolYear, NextYearOptions.MinSchoolYear, NextYearOptions.MaxSchoolYear), helpName: "YEAR");
        Option[] nextYearOnly = [transferOut, transferIn, closeRate, openRate, largeChanges, schoolYear];

        var command = new Command("generate", Strings.GenDescription)
        {
            students, seed, countsOnly, ratio, activities, output, nextYear, transferOut, transferIn, closeRate, openRate, largeChanges, schoolYear,
        };

        // Required options are checked here rather than with Option.Required, which the parser skips once another
        // error is found: the user gets every problem in one go. The library checks the values itself; its
        // findings are reported under the option names, next to any parse errors.
        command.Validators.Add(result =>
        {
            CliOptions.CanWrite(result, output);
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
                    result.AddError(CliFindings.Line(CliFindings.OnlyWithNextYear, ("option", option.Name)));
                }
            }

            if (result.GetResult(students) is null)
            {
                result.AddError(CliFindings.Line(CliFindings.OptionRequired, ("option", students.Name)));
            }

            CliOptions.Require(result, output);

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
                result.AddError(CliFindings.Line(CliFindings.ActivitiesNeedStudents));
            }

            // The parser converts a value only when asked: ask, so that a bad seed is reported with the rest.
            _ = OptionValues.TryGet(result, seed, out _);

            foreach (var failure in options.Validate())
            {
                if (failure.Subject is { Id: var property } && parsed.Contains(property))
                {
                    result.AddError(CliOptions.Failure(failure, OptionName(property)));
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

        command.SetAction((parsed, cancellationToken) => Task.FromResult(Generate(parsed, cancellationToken)));
        int Generate(ParseResult parsed, CancellationToken cancellationToken)
        {
            var stdout = CliConsole.Output(parsed);
            if (parsed.GetResult(nextYear) is not null)
            {
                var next = NextYearOptionsOf(option => Given(parsed.GetResult(option)));
                return WriteNextYear(parsed.GetValue(nextYear)!, parsed.GetValue(output)!, next, stdout, CliConsole.Error(parsed), cancellationToken);
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
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                RosterFiles.Write(roster, directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                CliConsole.Error(parsed).WriteLine(CliFindings.CannotWriteLine("generate", directory, e));
                return Program.Failed;
            }

            (int Pairs, int Records)? paired = null;
            if (parsed.GetValue(activities))
            {
                // The same roster and default options always give the same pairing, so 'pairing match' on the roster
                // reproduces DIR/pairing, and the records refer to those pairs.
                var pairing = new PairingMatcher().Match(roster, cancellationToken: cancellationToken);
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
                    CliConsole.Error(parsed).WriteLine(CliFindings.CannotWriteLine("generate", directory, e));
                    return Program.Failed;
                }

                paired = (pairing.StudentPairs.Count, records.Count);

            }

            // What was written first, then what was made from it.
            var x = roster.CountsOf(Side.Xinjiang);
            var i = roster.CountsOf(Side.Inland);
            CliConsole.Say(stdout, Fmt.Of(roster.HasStudents ? Strings.GenWrote : Strings.GenWroteCountsOnly, directory,
                x.Students, x.Classes, x.Schools, x.Counties, i.Students, i.Classes, i.Schools, i.Counties, options.Seed, clock.Elapsed.TotalSeconds));
            if (paired is var (pairs, recordCount))
            {
                CliConsole.Say(stdout, Fmt.Of(Strings.GenPairedActivities, Path.Combine(directory, PairingFolder), pairs, recordCount,
                    ActivityYear, (ActivityYear + 1) % 100, Path.Combine(directory, ActivitiesFile)));
            }

            return Program.Ok;
        }
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
            result.AddError(CliFindings.Line(CliFindings.OptionRequired, ("option", output.Name)));
        }

        foreach (var option in notApplying)
        {
            if (result.GetResult(option) is { Implicit: false })
            {
                result.AddError(CliFindings.Line(CliFindings.NotWithNextYear, ("option", option.Name)));
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
            if (failure.Subject is { Id: var property } && given.Contains(OptionName(property)))
            {
                result.AddError(CliOptions.Failure(failure, OptionName(property)));
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
    private static int WriteNextYear(string from, string directory, NextYearOptions options, TextWriter stdout, TextWriter error, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var roster = RosterInput.Read(from, error, "generate", cancellationToken);
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
            error.WriteLine(CliFindings.CannotWriteLine("generate", directory, e));
            return Program.Failed;
        }

        var x = next.CountsOf(Side.Xinjiang);
        var i = next.CountsOf(Side.Inland);
        var stayed = next.Classes.Count(c => roster.TryGetClass(c.Id, out _));
        CliConsole.Say(stdout, Fmt.Of(Strings.GenWroteNextYear, from, directory, x.Students, x.Classes, x.Schools, i.Students, i.Classes, i.Schools,
            stayed, next.Classes.Count - stayed, options.Seed, clock.Elapsed.TotalSeconds));
        return Program.Ok;
    }
}
