using FsCheck.Xunit;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// Mid-year changes keep the friendships (issue 24): worked cases from the issue, and the property that the balanced
/// objective never does worse than coverage first on what it counts (students covered plus last term's pairs kept).
/// </summary>
public sealed class MidYearTests
{
    private static readonly PairingMatcher Matcher = new();

    /// <summary>Last term XS (30 students) was with NS1 (30); one inland student has left, so NS1 is one short of P4.</summary>
    internal static (Roster Roster, PairingResult Previous) OneStudentShort()
    {
        var september = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XS7", "XS", 7, 30)
            .School("NS1", "N1").Class("NS1a", "NS1", 7, 30)
            .Build();
        var previous = Matcher.Match(september);
        var left = previous.StudentPairs[0].Inland;
        var builder = new RosterBuilder();
        september.Counties.ToList().ForEach(c => builder.AddCounty(c));
        september.Schools.ToList().ForEach(s => builder.AddSchool(s));
        september.Classes.ToList().ForEach(c => builder.AddClass(c.Id, c.SchoolId, c.Grade));
        september.Students.Where(s => s.Id != left).ToList().ForEach(s => builder.AddStudent(s));
        return (builder.Build().GetRosterOrThrow(), previous);
    }

    [Fact(Skip = "issue 24 item 2: kept school pairs tolerated under P4, being built")]
    public void A_kept_school_pair_one_student_short_of_P4_is_kept_with_its_finding()
    {
        var (roster, previous) = OneStudentShort();
        var result = Matcher.Match(roster, previous: previous);
        Assert.Equal([new SchoolPair(new("XS"), new("NS1"))], result.SchoolPairs);
    }

    [Fact]
    public void A_dissolved_class_whose_partner_is_paired_again()
    {
        // September: XA and XB with NA and NB. November: NB is dissolved (its students leave); NC is free.
        var september = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XA", "XS", 7, 3).Class("XB", "XS", 7, 3)
            .School("NS", "N1").Class("NA", "NS", 7, 3).Class("NB", "NS", 7, 3).Class("NC", "NS", 7, 4)
            .Build();
        var previous = Matcher.Match(september);
        Assert.Contains(new ClassPair(new("XA"), new("NA")), previous.ClassPairs);
        Assert.Contains(new ClassPair(new("XB"), new("NB")), previous.ClassPairs);

        var builder = new RosterBuilder();
        september.Counties.ToList().ForEach(c => builder.AddCounty(c));
        september.Schools.ToList().ForEach(s => builder.AddSchool(s));
        september.Classes.Where(c => c.Id.Value != "NB").ToList().ForEach(c => builder.AddClass(c.Id, c.SchoolId, c.Grade));
        september.Students.Where(s => s.ClassId.Value != "NB").ToList().ForEach(s => builder.AddStudent(s));
        var roster = builder.Build().GetRosterOrThrow();

        var result = Matcher.Match(roster, previous: previous);

        Assert.Contains(new ClassPair(new("XA"), new("NA")), result.ClassPairs);
        Assert.Contains(new ClassPair(new("XB"), new("NC")), result.ClassPairs);
        Assert.Equal(6, result.Summary.CoveredStudents);
        Assert.All(result.StudentPairs, p => Assert.False(p.CrossClass));
        var dropped = Assert.Single(result.Continuity, e => e is { Level: PairingLevel.Class, XinjiangId: "XB" });
        Assert.Equal(("NB", ContinuityStatus.Dropped, "CON002"), (dropped.InlandId, dropped.Status, dropped.Code));
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public void A_newcomer_is_paired_into_an_existing_class_pair()
    {
        // September: XA (2) with NA (3). November: a newcomer joins XA; NA's third student is free for them.
        var september = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XA", "XS", 7, 2)
            .School("NS", "N1").Class("NA", "NS", 7, 3)
            .Build();
        var previous = Matcher.Match(september);
        Assert.Equal(2, previous.StudentPairs.Count);

        var builder = new RosterBuilder();
        september.Counties.ToList().ForEach(c => builder.AddCounty(c));
        september.Schools.ToList().ForEach(s => builder.AddSchool(s));
        september.Classes.ToList().ForEach(c => builder.AddClass(c.Id, c.SchoolId, c.Grade));
        september.Students.ToList().ForEach(s => builder.AddStudent(s));
        builder.AddStudent(new Student(new StudentId("XA.new"), new ClassId("XA"), Gender.Female, null, null, []));
        var roster = builder.Build().GetRosterOrThrow();

        var result = Matcher.Match(roster, previous: previous);

        Assert.Equal([new ClassPair(new("XA"), new("NA"))], result.ClassPairs);
        Assert.Equal(3, result.StudentPairs.Count);
        Assert.All(previous.StudentPairs, p => Assert.Contains(result.StudentPairs, q => q.Xinjiang == p.Xinjiang && q.Inland == p.Inland));
        var newcomer = Assert.Single(result.StudentPairs, p => p.Xinjiang.Value == "XA.new");
        Assert.False(newcomer.CrossClass);
        Assert.Equal(2, result.Summary.Students?.Kept);
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact(Skip = "issue 24 item 3: a plan pair that breaks a rule is dropped with a finding, not refused; being built")]
    public void A_plan_with_one_broken_pair_is_kept_but_for_that_pair()
    {
    }

    [Fact(Skip = "issue 24 item 1: the balanced objective, being built")]
    public void The_balanced_optimum_is_at_least_the_coverage_first_optimum_in_covered_plus_kept()
    {
    }

    [Property(MaxTest = 25)]
    public void A_november_roster_is_valid_and_keeps_its_ids(int seed)
    {
        var september = RandomRosters.Make(seed);
        var previous = Matcher.Match(september);
        var november = MidYearRosters.November(september, previous, seed, leave: 0.1, join: 0.1);
        Assert.All(november.Students.Where(s => !s.Id.Value.Contains("-nov", StringComparison.Ordinal)),
            s => Assert.True(september.TryGetStudent(s.Id, out _)));
        var result = Matcher.Match(november, previous: previous);
        var report = PairingResultChecker.Check(november, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
    }
}
