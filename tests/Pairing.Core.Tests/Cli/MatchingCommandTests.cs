using Pairing.Cli;
using Pairing.Core.Files.Results;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Cli;

/// <summary>The plan, match and verify commands, run in-process on small generated rosters.</summary>
public sealed class MatchingCommandTests : CliTestBase
{
    [Fact]
    public void Plan_then_match_with_the_plan_then_verify()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "2000", "--seed", "3", "--out", In("roster")).Code);

        var plan = Run("plan", In("roster"), "--out", In("plan"), "--threads", "1");
        Assert.Equal(0, plan.Code);
        Assert.True(File.Exists(Path.Combine(In("plan"), PairingResultFiles.SchoolPairsFile)));
        Assert.False(File.Exists(Path.Combine(In("plan"), PairingResultFiles.StudentPairsFile)));
        Assert.Contains("counties: ", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', plan.Out);

        var match = Run("match", In("roster"), "--plan", In("plan"), "--out", In("result"));
        Assert.Equal(0, match.Code);
        Assert.Contains("Xinjiang students covered", match.Out, StringComparison.Ordinal);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(In("plan"), PairingResultFiles.CountyPairsFile)),
            File.ReadAllBytes(Path.Combine(In("result"), PairingResultFiles.CountyPairsFile)));

        var verify = Run("verify", In("roster"), In("result"));
        Assert.Equal(0, verify.Code);
        Assert.Contains("The result holds", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_takes_the_options_from_its_flags_not_from_the_result()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "1000", "--seed", "6", "--out", In("roster")).Code);
        Assert.Equal(0, Run("match", In("roster"), "--out", In("result"), "--schools-per-inland-school", "2").Code);

        // The result says it was made with 2 schools per inland school; verify expects what it is told (the defaults).
        var strict = Run("verify", In("roster"), In("result"));
        Assert.Equal(2, strict.Code);
        Assert.Contains("summary.options.xinjiang_schools_per_inland_school: CHK001: ", strict.Out, StringComparison.Ordinal);

        var told = Run("verify", In("roster"), In("result"), "--schools-per-inland-school", "2");
        Assert.Equal(0, told.Code);
    }

    [Fact]
    public void Verify_finds_a_tampered_result_and_exits_2()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "1000", "--seed", "4", "--out", In("roster")).Code);
        Assert.Equal(0, Run("match", In("roster"), "--out", In("result")).Code);
        var pairs = Path.Combine(In("result"), PairingResultFiles.StudentPairsFile);
        var lines = File.ReadAllLines(pairs).ToList();
        lines.RemoveAt(1); // a student pair lost without a reason breaks P7

        File.WriteAllLines(pairs, lines);
        var verify = Run("verify", In("roster"), In("result"));

        Assert.Equal(2, verify.Code);
        Assert.Contains("P7: ", verify.Out, StringComparison.Ordinal);
        Assert.Contains(": CHK056: ", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_matching_options_are_all_listed_together_with_exit_2()
    {
        var run = Run("match", In("nowhere"), "--threads", "0", "--same-gender-weight", "-3", "--seed", "x");

        Assert.Equal(2, run.Code);
        Assert.Contains("--threads", run.Err, StringComparison.Ordinal);
        Assert.Contains("--same-gender-weight", run.Err, StringComparison.Ordinal);
        Assert.Contains("--seed", run.Err, StringComparison.Ordinal);
        Assert.Contains("--out", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_roster_pairs_nothing_and_exits_2()
    {
        Directory.CreateDirectory(In("roster"));
        var run = Run("match", In("roster"), "--out", In("result"));

        Assert.Equal(2, run.Code);
        Assert.Contains("counties.csv", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(In("result")));
    }

    [Fact]
    public void Match_refuses_a_counts_only_roster_and_points_to_plan()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--counts-only", "--out", In("roster")).Code);

        var run = Run("match", In("roster"), "--out", In("result"));

        Assert.Equal(2, run.Code);
        Assert.Contains("pairing plan", run.Err, StringComparison.Ordinal);
    }
}
