using Pairing.Cli;
using Pairing.Cli.Commands;
using Pairing.Cli.Text;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Findings;

namespace Pairing.Core.Tests.Cli;

public sealed class CliTests : CliTestBase
{
    [Fact]
    public void Verify_with_both_inputs_broken_says_the_rosters_problems_then_the_results()
    {
        // The result is read beside the roster (stop 24); its problems still come after the roster's.
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--out", In("roster")).Code);
        Assert.Equal(0, Run("match", In("roster"), "--out", In("result")).Code);
        File.AppendAllText(In("roster", "students.csv"), "x-1,NO-SUCH-CLASS,F\n");
        File.AppendAllText(In("result", "student_pairs.csv"), "only-one-field\n");

        var run = Run("verify", In("roster"), In("result"));

        Assert.Equal(2, run.Code);
        var roster = run.Err.IndexOf("students.csv", StringComparison.Ordinal);
        var result = run.Err.IndexOf("student_pairs.csv", StringComparison.Ordinal);
        Assert.True(roster >= 0 && result > roster, run.Err);
    }

    [Fact]
    public void Generate_then_check_exits_0_with_counts_and_no_ansi_codes()
    {
        var generate = Run("generate", "--xinjiang-students", "1000", "--seed", "5", "--out", Folder);
        Assert.Equal(0, generate.Code);
        Assert.Contains("Xinjiang 1,000 students", generate.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Folder, RosterFiles.StudentsFile)));

        var check = Run("check", Folder);

        Assert.Equal(0, check.Code);
        Assert.Contains("is a valid roster", check.Out, StringComparison.Ordinal);
        Assert.Contains("Xinjiang", check.Out, StringComparison.Ordinal);
        Assert.Contains("1,000", check.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', check.Out);
        Assert.Empty(check.Err);
    }

    [Fact]
    public void Generate_counts_only_writes_no_students_file()
    {
        var generate = Run("generate", "--xinjiang-students", "600", "--counts-only", "--inland-ratio", "1.5", "--out", Folder);

        Assert.Equal(0, generate.Code);
        Assert.False(File.Exists(Path.Combine(Folder, RosterFiles.StudentsFile)));
        Assert.Equal(0, Run("check", Folder).Code);
    }

    [Fact]
    public void Check_on_a_broken_roster_exits_2_and_prints_every_problem()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--out", Folder).Code);
        var classes = Path.Combine(Folder, RosterFiles.ClassesFile);
        var lines = File.ReadAllLines(classes);
        var fields = lines[1].Split(',');
        fields[2] = "13"; // not a grade
        lines[1] = string.Join(',', fields);
        lines[2] = "," + lines[2][(lines[2].IndexOf(',', StringComparison.Ordinal) + 1)..]; // empty class id
        File.WriteAllLines(classes, lines);
        File.AppendAllText(Path.Combine(Folder, RosterFiles.StudentsFile), "S-extra,no-such-class,Q,,,\n");

        (int Code, string Out, string Err) check, chinese;
        using (UiCulture.English())
        {
            check = Run("check", Folder);
        }

        using (UiCulture.Chinese())
        {
            chinese = Run("check", Folder);
        }

        Assert.Equal(2, check.Code);
        Assert.Contains("classes.csv:2:3 (grade): error ROS014: grade '13' is not a middle-school grade; expected", check.Out, StringComparison.Ordinal);
        Assert.Contains("classes.csv:3:1 (class_id): error ROS016: class_id is empty", check.Out, StringComparison.Ordinal);
        Assert.Contains("(gender): error ROS037: gender 'Q'", check.Out, StringComparison.Ordinal);
        Assert.Contains("'no-such-class'", check.Out, StringComparison.Ordinal);
        Assert.Contains("not a valid roster", check.Err, StringComparison.Ordinal);
        Assert.Equal(2, chinese.Code);
        Assert.Contains("classes.csv:2:3 (grade): 错误 ROS014: 年级“13”不是中学年级；应为", chinese.Out, StringComparison.Ordinal);
        Assert.Contains("(gender): 错误 ROS037: 性别“Q”无法识别", chinese.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_a_missingFolder_exits_2()
    {
        using var english = UiCulture.English();
        var check = Run("check", Path.Combine(Folder, "nowhere"));

        Assert.Equal(2, check.Code);
        Assert.Contains("error ROS001: the roster folder", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_all_listed_together_with_exit_2()
    {
        var run = Run("generate", "--xinjiang-students", "10", "--inland-ratio", "9", "--seed", "x", "--bogus");

        Assert.Equal(2, run.Code);
        Assert.Contains("--xinjiang-students is 10", run.Err, StringComparison.Ordinal);
        Assert.Contains("--inland-ratio is 9", run.Err, StringComparison.Ordinal);
        Assert.Contains("Option '--seed' is 'x'; expected a whole number.", run.Err, StringComparison.Ordinal);
        Assert.Contains("'--out' is required", run.Err, StringComparison.Ordinal);
        Assert.Contains("--bogus", run.Err, StringComparison.Ordinal);
        Assert.Contains("5 problem(s)", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public void Missing_command_exits_2()
    {
        var run = Run();

        Assert.Equal(2, run.Code);
        Assert.NotEmpty(run.Err);
    }

    [Fact]
    public void Demo_explains_itself_keeps_its_files_and_says_what_to_run_next()
    {
        var folder = In("demo");

        var run = Run("demo", "--out", folder);

        Assert.Equal(0, run.Code);
        foreach (var province in Pairing.Core.Reference.SupportMap.Default.Provinces)
        {
            Assert.Contains(province.Name, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("100,000", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Contains("Verified: the result read back from its files breaks no rule", run.Out, StringComparison.Ordinal);

        // The commonest reasons, in numbers, and the rule codes they use, in words.
        Assert.Matches(@"Why units are unpaired \(the \d+ commonest of \d+ reasons; [\d,]+ units in all\):", run.Out);
        Assert.Matches(@"\n  [\d,]+ (students|classes|schools|counties): UNP\d{3} \(P\d\)", run.Out);
        Assert.Contains("Rules: P1 counties of the supporting province", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"to cover the other \d+ students: \d+ new\s+counties, \d+ new\s+schools, \d+\s+classes\s+with\s+\d+\s+students", run.Out);

        // The second year, 100,000 students year over year: both results verified, and what continuity kept.
        Assert.Contains("Verified year 2 paired with last year's result", run.Out, StringComparison.Ordinal);
        Assert.Contains("Verified year 2 paired afresh", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"Year 2 covers [\d,]+ of [\d,]+ Xinjiang students with last year's result and\s+[\d,]+ afresh", run.Out);

        // The files stay, and the commands it suggests work on them.
        Assert.Contains("The files are in " + folder, run.Out, StringComparison.Ordinal);
        // In-process, the tests' folder holds no Pairing.Cli project: the installed tool's form.
        Assert.Contains($"pairing verify {Path.Combine(folder, "roster")} {Path.Combine(folder, "result")}", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, DemoCommand.Marker)));
        Assert.Equal(0, Run("verify", Path.Combine(folder, "roster"), Path.Combine(folder, "result")).Code);
        Assert.Equal(0, Run("verify", Path.Combine(folder, "year2", "roster"), Path.Combine(folder, "year2", "with-previous"),
            "--previous", Path.Combine(folder, "result")).Code);

        // No line is wider than 80 columns but the suggested commands, whose paths cannot be broken.
        Assert.All(run.Out.Split('\n').Where(l => !l.StartsWith("    pairing ", StringComparison.Ordinal)), line => Assert.True(TextLayout.Width(line) <= 80, line));

        // The English table of what continuity kept has its row labels (issue 22, item 8: they were squeezed out).
        foreach (var level in new[] { "counties", "schools", "classes", "students" })
        {
            Assert.Matches(@"│ " + level + @" +│ +[\d,]+ │", run.Out);
        }
    }

    [Fact]
    public void Demo_suggests_what_works_where_the_user_stands()
    {
        // Issue 22, item 9: after the README's 'dotnet run', no 'pairing' command exists.
        var repository = FindingCatalogTests.RepositoryRoot();
        var build = Path.Combine(repository, "src", "Pairing.Cli", "bin", "Debug", "net10.0") + Path.DirectorySeparatorChar;
        var tool = Path.Combine("/home", "u", ".dotnet", "tools", ".store", "pairing.cli", "1.0.0", "tools", "net10.0", "any") + Path.DirectorySeparatorChar;

        Assert.Equal("dotnet run --project " + Path.Combine("src", "Pairing.Cli") + " --", DemoCommand.CommandPrefix(repository, build));
        var beside = Path.GetFullPath(Path.Combine(repository, "..", "not-the-repository"));
        Assert.Equal("dotnet run --project " + Path.Combine(repository, "src", "Pairing.Cli") + " --", DemoCommand.CommandPrefix(beside, build));
        Assert.Equal("pairing", DemoCommand.CommandPrefix(repository, tool));
        Assert.Equal("pairing", DemoCommand.CommandPrefix(Path.GetTempPath(), Path.GetTempPath()));
    }

    [Fact]
    public void Demo_refuses_a_folder_it_did_not_make()
    {
        Directory.CreateDirectory(In("mine"));
        File.WriteAllText(In("mine", "notes.txt"), "keep me");

        var run = Run("demo", "--out", In("mine"));

        Assert.Equal(2, run.Code);
        Assert.Contains("was not made by the demo", run.Err, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(In("mine", "notes.txt")));
    }
}
