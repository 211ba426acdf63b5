using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Matching;

namespace Pairing.Core.Tests.Cli;

/// <summary>Mid-year changes at the command line (issue 24): a plan that no longer holds in part is kept but for that part.</summary>
public sealed class MidYearCommandTests : CliTestBase
{
    [Fact]
    public void A_plan_with_one_broken_pair_is_kept_but_for_that_pair()
    {
        // September: XS with NS, XT with NT. November: NT has lost a class (2 for XT's 3), so XT–NT breaks P4; NU can
        // take XT. Under --strict-p4 nothing tolerates it: it is dropped with a warning, XT is paired afresh, exit 0.
        var september = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XS7", "XS", 7, 3)
            .School("XT", "X1").Class("XT7", "XT", 7, 2).Class("XT8", "XT", 8, 2).Class("XT9", "XT", 9, 2)
            .School("NS", "N1").Class("NS7", "NS", 7, 3)
            .School("NT", "N1").Class("NT7", "NT", 7, 2).Class("NT8", "NT", 8, 2).Class("NT9", "NT", 9, 2)
            .School("NU", "N1").Class("NU7", "NU", 7, 1).Class("NU8", "NU", 8, 1).Class("NU9", "NU", 9, 1).Class("NU9b", "NU", 9, 9)
            .Build();
        var plan = new PairingMatcher().Match(september);
        Assert.Contains(new SchoolPair(new("XT"), new("NT")), plan.SchoolPairs);
        Assert.Contains(new SchoolPair(new("XS"), new("NS")), plan.SchoolPairs);

        var builder = new RosterBuilder();
        september.Counties.ToList().ForEach(c => builder.AddCounty(c));
        september.Schools.ToList().ForEach(s => builder.AddSchool(s));
        september.Classes.Where(c => c.Id.Value != "NT9").ToList().ForEach(c => builder.AddClass(c.Id, c.SchoolId, c.Grade));
        september.Students.Where(s => s.ClassId.Value != "NT9").ToList().ForEach(s => builder.AddStudent(s));
        RosterFiles.Write(builder.Build().GetValueOrThrow(), In("november"));
        PairingResultFiles.Write(plan, In("september"));

        var run = Run("match", In("november"), "--plan", In("september"), "--strict-p4", "--out", In("result"));

        Assert.Equal(0, run.Code);
        Assert.Contains("warning CLI031: the plan's school pair XT–NT no longer holds for this roster and is dropped; its units are paired afresh (P4: inland school NT has 2 classes; needed: 3)", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("XS–NS", run.Err, StringComparison.Ordinal);
        var result = PairingResultFiles.Read(In("result")).GetValueOrThrow();
        Assert.Contains(new SchoolPair(new("XS"), new("NS")), result.SchoolPairs);
        Assert.Contains(new SchoolPair(new("XT"), new("NU")), result.SchoolPairs);

        Assert.False(File.Exists(In("result", "continuity.csv")));

        // By default P4's tolerance keeps the plan's XT–NT though it is a class short, with a CON017 row, and nothing
        // is reported dropped; verify accepts it.
        var planOnly = Run("match", In("november"), "--plan", In("september"), "--out", In("plan-only"));
        Assert.Equal(0, planOnly.Code);
        Assert.DoesNotContain("CLI031", planOnly.Err, StringComparison.Ordinal);
        Assert.Contains(new SchoolPair(new("XT"), new("NT")), PairingResultFiles.Read(In("plan-only")).GetValueOrThrow().SchoolPairs);
        Assert.Contains("school,XT,NT,kept,P4,CON017,classes,2,3,", File.ReadAllText(In("plan-only", "continuity.csv")), StringComparison.Ordinal);
        Assert.Equal(0, Run("verify", In("november"), In("plan-only")).Code);
        Assert.Equal(2, Run("verify", In("november"), In("plan-only"), "--strict-p4").Code);

        // With last term's result as --previous too, P4's tolerance keeps XT–NT, and nothing is reported dropped.
        var kept = Run("match", In("november"), "--plan", In("september"), "--previous", In("september"), "--out", In("kept"));
        Assert.Equal(0, kept.Code);
        Assert.DoesNotContain("CLI031", kept.Err, StringComparison.Ordinal);
        Assert.Contains(new SchoolPair(new("XT"), new("NT")), PairingResultFiles.Read(In("kept")).GetValueOrThrow().SchoolPairs);
        Assert.Contains("school,XT,NT,kept,P4,CON013,classes,2,3,", File.ReadAllText(In("kept", "continuity.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_continuity_objective_and_strict_P4_are_options_recorded_in_the_summary()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--out", In("roster")).Code);
        Assert.Equal(0, Run("match", In("roster"), "--out", In("september")).Code);

        var bad = Run("match", In("roster"), "--out", In("bad"), "--previous", In("september"), "--continuity", "friends-first");
        Assert.Equal(2, bad.Code);
        Assert.Contains("friends-first", bad.Err, StringComparison.Ordinal);

        Assert.Equal(0, Run("match", In("roster"), "--out", In("coverage"), "--previous", In("september"), "--continuity", "coverage-first", "--strict-p4").Code);
        var options = PairingResultFiles.Read(In("coverage")).GetValueOrThrow().Summary.Options;
        Assert.Equal((ContinuityObjective.CoverageFirst, true), (options.Continuity, options.StrictP4));
        Assert.Equal(0, Run("verify", In("roster"), In("coverage"), "--previous", In("september"), "--continuity", "coverage-first", "--strict-p4").Code);
        Assert.Equal(2, Run("verify", In("roster"), In("coverage"), "--previous", In("september")).Code);

        Assert.Equal(0, Run("match", In("roster"), "--out", In("alias"), "--previous", In("september"), "--continuity-first").Code);
        Assert.Equal(ContinuityObjective.ContinuityFirst, PairingResultFiles.Read(In("alias")).GetValueOrThrow().Summary.Options.ToOptions().Continuity);
    }
}
