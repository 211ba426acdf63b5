using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Cli;

/// <summary><c>pairing generate --next-year FROM --out DIR</c>: the next school year of a roster folder.</summary>
public sealed class GenerateNextYearCommandTests : CliTestBase
{
    [Fact]
    public void Writes_the_same_next_year_as_the_library()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "1000", "--seed", "5", "--out", In("year1")).Code);

        var run = Run("generate", "--next-year", In("year1"), "--large-changes", "--school-open-rate", "0.2", "--seed", "9", "--out", In("year2"));

        Assert.Equal(0, run.Code);
        Assert.Contains("classes moved up", run.Out, StringComparison.Ordinal);
        var options = NextYearOptions.LargeChanges();
        options.SchoolOpenRate = 0.2;
        options.Seed = 9;
        RosterFiles.Write(RosterGenerator.NextYear(RosterFiles.Read(In("year1")).GetValueOrThrow(), options), In("expected"));
        foreach (var file in new[] { RosterFiles.CountiesFile, RosterFiles.SchoolsFile, RosterFiles.ClassesFile, RosterFiles.StudentsFile })
        {
            Assert.Equal(File.ReadAllBytes(In("expected", file)), File.ReadAllBytes(In("year2", file)));
        }
    }

    [Fact]
    public void The_default_seed_of_a_next_year_is_the_options_default()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--counts-only", "--out", In("year1")).Code);

        var run = Run("generate", "--next-year", In("year1"), "--out", In("year2"));

        Assert.Equal(0, run.Code);
        Assert.Contains($"seed {new NextYearOptions().Seed}", run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(In("year2", RosterFiles.StudentsFile)));
    }

    [Fact]
    public void Every_bad_option_is_reported_at_once_with_exit_2()
    {
        var run = Run(
            "generate", "--next-year", In("nowhere"), "--xinjiang-students", "1000", "--inland-ratio", "2",
            "--transfer-out-rate", "0.95", "--transfer-in-rate", "-1", "--school-close-rate", "x", "--school-year", "1990");

        Assert.Equal(2, run.Code);
        foreach (var expected in new[] { "--out", "--xinjiang-students", "--inland-ratio", "--transfer-out-rate is 0.95", "--transfer-in-rate is -1", "--school-close-rate", "--school-year is 1990" })
        {
            Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Next_year_rates_without_next_year_are_reported()
    {
        var run = Run("generate", "--xinjiang-students", "1000", "--large-changes", "--out", Folder);

        Assert.Equal(2, run.Code);
        Assert.Contains("'--large-changes' applies only with '--next-year'", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_roster_that_cannot_be_read_gives_its_problems_and_exit_2()
    {
        Directory.CreateDirectory(In("bad"));
        File.WriteAllText(In("bad", RosterFiles.CountiesFile), "county_id,side,name,unit\n653101,xinjiang,喀什市,nowhere\n");

        var run = Run("generate", "--next-year", In("bad"), "--out", In("year2"));

        Assert.Equal(2, run.Code);
        Assert.Contains("rejected", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(In("year2")));
    }
}
