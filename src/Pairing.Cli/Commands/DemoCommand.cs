using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Findings;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;
using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing demo [--out DIR]</c>: generates a national roster into a folder of its own (kept, so the user can go
/// on with it), reads it back as any roster is read, shows it per supporting province, pairs it in both phases,
/// verifies the result with the independent checker and shows its figures, the commonest reasons units are unpaired
/// and what each rule code means; then makes the next school year (<see cref="RosterGenerator.NextYear"/>), pairs it
/// with the first year's result as previous and afresh, verifies both and shows what continuity kept and what it cost;
/// last, where the files are and what to run next.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Xinjiang students in the demo roster: big enough to show every county, quick on any machine.</summary>
    public const int XinjiangStudents = 100_000;

    /// <summary>The file in a demo folder that marks it as one, so that a later run may replace it whole.</summary>
    public const string Marker = ".pairing-demo";

    public static Command Create()
    {
        var output = CliOptions.Path("--out", Fmt.Of(Strings.DemoOut, DefaultFolder));
        var command = new Command("demo", Fmt.Of(Strings.DemoDescription, XinjiangStudents)) { output };
        command.Validators.Add(r =>
        {
            CliOptions.NotEmpty(r, output);
            CliOptions.CanWrite(r, output);
        });
        command.SetAction((parsed, cancellationToken) =>
            Task.FromResult(Run(parsed.GetValue(output) ?? DefaultFolder, CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken)));
        return command;
    }

    /// <summary>Where the demo's files go unless <c>--out</c> says otherwise.</summary>
    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "pairing-demo");

    internal static int Run(TextWriter output, TextWriter error) => Run(DefaultFolder, output, error);

    internal static int Run(string folder, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        try
        {
            return Demo(folder, output, error, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A cancelled demo leaves nothing: its folder is its own scratch space.
            if (File.Exists(Path.Combine(folder, Marker)))
            {
                Directory.Delete(folder, recursive: true);
            }

            throw;
        }
    }

    private static int Demo(string folder, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // The folder is the demo's own: replaced when an earlier demo made it, refused when it holds anything else.
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            if (!File.Exists(Path.Combine(folder, Marker)))
            {
                error.WriteLine("pairing demo: " + CliFindings.Line(CliFindings.FolderTaken, ("folder", folder), ("marker", Marker)));
                return Program.BadInput;
            }

            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Marker), "pairing demo\n");
        var rosterFolder = Path.Combine(folder, "roster");
        var resultFolder = Path.Combine(folder, "result");
        Say(output, Fmt.Of(Strings.DemoIntro, XinjiangStudents));
        output.WriteLine();

        var clock = Stopwatch.StartNew();
        var options = new RosterGeneratorOptions { XinjiangStudents = XinjiangStudents };
        RosterFiles.Write(RosterGenerator.Generate(options), rosterFolder);
        var generated = clock.Elapsed;
        var read = RosterFiles.Read(rosterFolder);
        var readTime = clock.Elapsed - generated;
        foreach (var problem in read.Findings)
        {
            output.WriteLine(ProblemLines.Render(problem));
        }

        if (!read.IsValid)
        {
            error.WriteLine(Strings.DemoRosterInvalid);
            return Program.Failed;
        }

        Say(output, Fmt.Of(Strings.DemoGenerated, options.Seed, generated.TotalSeconds, readTime.TotalSeconds));
        var console = CliConsole.Create(output);
        console.Write(ByProvince(read.Value));

        // Both phases, as a province would run them, then the independent check of the result read back from its files.
        var roster = read.Value;
        var paired = MatchingProgress.Run(output, progress => new PairingMatcher().Match(roster, progress: progress, cancellationToken: cancellationToken));
        PairingResultFiles.Write(paired, resultFolder);
        var check = PairingResultChecker.Check(roster, PairingResultFiles.Read(resultFolder).GetValueOrThrow());
        WriteCheck(output, check, Strings.DemoVerified, Strings.DemoViolations);
        ResultReport.Write(paired, console);
        TopReasons(output, paired);
        if (paired.Summary.CoveredStudents < paired.Summary.XinjiangStudents)
        {
            // What full coverage would take, in one line (pairing advise lists every addition).
            Say(output, Pairing.Core.Findings.FindingRenderer.Default.Render(PairingAdvisor.Advise(roster, cancellationToken: cancellationToken).Summary));
        }

        Legend(output);
        if (!check.IsValid)
        {
            return Program.Failed;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var valid = SecondYear(output, console, folder, roster, PairingResultFiles.Read(resultFolder).GetValueOrThrow(), cancellationToken);
        Files(output, folder);
        return valid ? Program.Ok : Program.Failed;
    }

    /// <summary>A sentence, wrapped to 80 columns.</summary>
    private static void Say(TextWriter output, string text)
    {
        foreach (var line in TextLayout.Wrap(text, TextLayout.DefaultWidth))
        {
            output.WriteLine(line);
        }
    }

    private static void WriteCheck(TextWriter output, PairingCheckReport check, string verified, string violations)
    {
        Say(output, check.IsValid ? verified : Fmt.Of(violations, check.Violations.Count));
        foreach (var violation in check.Violations.Take(20))
        {
            output.WriteLine("  " + VerifyCommand.ViolationLine(violation));
        }
    }

    /// <summary>The commonest reasons units are left unpaired: how many of which level, the code and rule, and one of them in words.</summary>
    internal static void TopReasons(TextWriter output, PairingResult result, int top = 5)
    {
        if (result.Unpaired.Count == 0)
        {
            output.WriteLine(Strings.DemoNoneUnpaired);
            return;
        }

        var groups = result.Unpaired.GroupBy(u => (u.Level, u.Code)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Level).ThenBy(g => g.Key.Code, StringComparer.Ordinal).ToList();
        output.WriteLine();
        Say(output, Fmt.Of(Strings.DemoTopReasons, Math.Min(top, groups.Count), groups.Count, result.Unpaired.Count));
        foreach (var group in groups.Take(top))
        {
            var first = group.First();
            var head = Fmt.Of(Strings.DemoReasonHead, group.Count(), MatchingProgress.LevelName(group.Key.Level), group.Key.Code, first.Rule);
            output.WriteLine("  " + head);
            // A student's id is not shown: the reason is the same for every student of the group, and ids of minors stay in the files.
            var example = group.Key.Level == PairingLevel.Student ? Fmt.Of(Strings.DemoReasonExampleStudent, first.Reason) : Fmt.Of(Strings.DemoReasonExample, first.Id, first.Reason);
            foreach (var line in TextLayout.Wrap(example, TextLayout.DefaultWidth - 6))
            {
                output.WriteLine("      " + line);
            }
        }
    }

    /// <summary>What each rule code asks, on one wrapped line.</summary>
    internal static void Legend(TextWriter output)
    {
        var rules = string.Join(" · ", Enum.GetValues<PairingRule>().Select(r => $"{r} {FindingRenderer.Default.RenderTerm(r)}"));
        output.WriteLine();
        Say(output, Fmt.Of(Strings.DemoRules, rules));
    }

    /// <summary>Where the files are, and what to run on them next (from inside the folder, so the commands stay short).</summary>
    private static void Files(TextWriter output, string folder)
    {
        output.WriteLine();
        Say(output, Fmt.Of(Strings.DemoFiles, folder));
        foreach (var (text, path) in new[]
        {
            (Strings.DemoFileRoster, "roster"),
            (Strings.DemoFileResult, "result"),
            (Strings.DemoFileYear2, "year2"),
        })
        {
            output.WriteLine("  " + Fmt.Of(text, path));
        }

        output.WriteLine();
        output.WriteLine(Strings.DemoNext);
        // What works where the user stands: after the README's 'dotnet run', there is no 'pairing' on the path.
        var pairing = CommandPrefix(Environment.CurrentDirectory, AppContext.BaseDirectory);
        string In(string path) => Quote(Path.Combine(folder, path));
        foreach (var (text, command) in new[]
        {
            (Strings.DemoNextVerify, $"{pairing} verify {In("roster")} {In("result")}"),
            (Strings.DemoNextReport, $"{pairing} report {In("roster")} {In("result")} --out {In("report.html")}"),
            (Strings.DemoNextContinuity, $"{pairing} verify {In(Path.Combine("year2", "roster"))} {In(Path.Combine("year2", "with-previous"))} --previous {In("result")}"),
            (Strings.DemoNextOwn, $"{pairing} check DIR"),
            (null, $"{pairing} match DIR --out RESULT"),
        })
        {
            if (text is not null)
            {
                output.WriteLine("  " + text);
            }

            output.WriteLine("    " + command);
        }

        if (pairing != ToolCommand)
        {
            Say(output, Strings.DemoNextTool);
        }
    }

    /// <summary>The command as installed as a .NET tool.</summary>
    internal const string ToolCommand = "pairing";

    /// <summary>
    /// How to run the tool from where the user stands: <c>pairing</c> when it runs installed as a .NET tool (from the
    /// tools' store) or from anywhere else without its project; <c>dotnet run --project src/Pairing.Cli --</c> when it
    /// runs from a build of the repository (the README's way), the project's path relative to the current folder when
    /// that is inside the repository, absolute otherwise.
    /// </summary>
    internal static string CommandPrefix(string currentDirectory, string baseDirectory)
    {
        var separator = Path.DirectorySeparatorChar;
        if (baseDirectory.Contains(separator + ".store" + separator, StringComparison.Ordinal))
        {
            return ToolCommand;
        }

        var folder = new DirectoryInfo(baseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Pairing.Cli.csproj")))
        {
            folder = folder.Parent;
        }

        if (folder is null)
        {
            return ToolCommand;
        }

        var relative = Path.GetRelativePath(currentDirectory, folder.FullName);
        var project = Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal) ? folder.FullName : relative;
        return $"dotnet run --project {Quote(project)} --";
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;

    /// <summary>
    /// The second year (S1: the programme repeats every school year): the next year's roster, written and read back,
    /// paired with last year's result as previous and without it, both verified, then compared.
    /// </summary>
    /// <returns>Whether both results passed the independent check.</returns>
    private static bool SecondYear(TextWriter output, IAnsiConsole console, string folder, Roster year1, PairingResult previous, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var options = new NextYearOptions();
        var year2Folder = Path.Combine(folder, "year2");
        var rosterFolder = Path.Combine(year2Folder, "roster");
        RosterFiles.Write(RosterGenerator.NextYear(year1, options), rosterFolder);
        var read = RosterFiles.Read(rosterFolder);
        if (!read.IsValid)
        {
            foreach (var problem in read.Errors)
            {
                output.WriteLine(ProblemLines.Render(problem));
            }

            output.WriteLine(Strings.DemoYear2Invalid);
            return false;
        }

        var roster = read.Value;
        var x = roster.CountsOf(Side.Xinjiang);
        output.WriteLine();
        Say(output, Fmt.Of(Strings.DemoYear2, CheckCommand.Percent(options.TransferOutRate, 0),
            CheckCommand.Percent(options.SchoolCloseRate, 0), options.Seed, clock.Elapsed.TotalSeconds, x.Students, x.Classes));

        var withPrevious = MatchingProgress.Run(output, progress => new PairingMatcher().Match(roster, previous: previous, progress: progress, cancellationToken: cancellationToken));
        var fresh = MatchingProgress.Run(output, progress => new PairingMatcher().Match(roster, progress: progress, cancellationToken: cancellationToken));
        PairingResultFiles.Write(withPrevious, Path.Combine(year2Folder, "with-previous"));
        PairingResultFiles.Write(fresh, Path.Combine(year2Folder, "afresh"));
        var valid = true;
        foreach (var (verified, violations, result, last) in new[]
        {
            (Strings.DemoYear2VerifiedPrevious, Strings.DemoYear2ViolationsPrevious, withPrevious, previous),
            (Strings.DemoYear2VerifiedFresh, Strings.DemoYear2ViolationsFresh, fresh, null),
        })
        {
            var check = last is null ? PairingResultChecker.Check(roster, result) : PairingResultChecker.Check(roster, result, last);
            valid &= check.IsValid;
            WriteCheck(output, check, verified, violations);
        }

        var table = CliTables.Create(1, Strings.ColLastYearsPairs, Strings.ColLastYear, Strings.ColStillThere, Strings.ColKeptWithPrevious, Strings.ColMadeAfresh);
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
        Say(output, Fmt.Of(
            kept < afresh ? Strings.DemoContinuityCost : kept > afresh ? Strings.DemoContinuityGain : Strings.DemoContinuityFree,
            kept, x.Students, afresh, Math.Abs(afresh - kept)));
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

        // Classes are left out per province (they are in the totals of 'pairing check'): eight columns of numbers do
        // not fit 80 columns.
        var table = CliTables.Create(1, Strings.ColProvince, Strings.ColXjCounties, Strings.ColXjSchools, Strings.ColXjStudents,
            Strings.ColInlandCounties, Strings.ColInlandSchools, Strings.ColInlandStudents);

        var sum = new long[8];
        foreach (var province in map.Provinces)
        {
            var row = totals[province.Id];
            table.AddRow([Markup.Escape(province.Name), .. Shown(row).Select(CheckCommand.Number)]);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += row[i];
            }
        }

        table.AddEmptyRow();
        table.AddRow([Strings.Total, .. Shown(sum).Select(CheckCommand.Number)]);
        return table;
    }

    // Counties, schools and students of each side (not classes).
    private static IEnumerable<long> Shown(long[] row) => [row[0], row[1], row[3], row[4], row[5], row[7]];
}
