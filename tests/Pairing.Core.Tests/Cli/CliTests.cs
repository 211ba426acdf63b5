using Pairing.Cli;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Findings;

namespace Pairing.Core.Tests.Cli;

public sealed class CliTests : CliTestBase
{
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
        Assert.Contains("'x' for option '--seed'", run.Err, StringComparison.Ordinal);
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
    public void Demo_shows_every_supporting_province_and_cleans_up()
    {
        var before = Directory.GetDirectories(Path.GetTempPath(), "pairing-demo-*").Length;

        var run = Run("demo");

        Assert.Equal(0, run.Code);
        foreach (var province in Pairing.Core.Reference.SupportMap.Default.Provinces)
        {
            Assert.Contains(province.Name, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("100,000", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Out);

        // The second year, 100,000 students year over year: both results verified, and what continuity kept.
        Assert.Contains("Verified year 2 paired with last year's result", run.Out, StringComparison.Ordinal);
        Assert.Contains("Verified year 2 paired afresh", run.Out, StringComparison.Ordinal);
        Assert.Contains("kept with last year's result", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"Year 2 covers [\d,]+ of [\d,]+ Xinjiang students with last year's result and [\d,]+ afresh", run.Out);
        Assert.Equal(before, Directory.GetDirectories(Path.GetTempPath(), "pairing-demo-*").Length);
    }
}
