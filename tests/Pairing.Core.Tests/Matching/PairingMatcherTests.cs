using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Matching;

/// <summary>Worked cases whose answer is known by hand.</summary>
public sealed class PairingMatcherTests
{
    private static readonly PairingMatcher Matcher = new();

    [Fact]
    public void A_county_where_only_one_school_assignment_keeps_every_grade_whole()
    {
        // XA (60 students) is the largest Xinjiang school and NB (90) the largest inland one, but NB has only 20
        // grade-8 students where XA has 30: only XA-NA, XB-NB keeps every grade whole.
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XA", "X1").Class("XA7", "XA", 7, 30).Class("XA8", "XA", 8, 30)
            .School("XB", "X1").Class("XB7a", "XB", 7, 20).Class("XB7b", "XB", 7, 20)
            .School("NA", "N1").Class("NA7a", "NA", 7, 25).Class("NA7b", "NA", 7, 25).Class("NA8", "NA", 8, 35)
            .School("NB", "N1").Class("NB7a", "NB", 7, 35).Class("NB7b", "NB", 7, 35).Class("NB8", "NB", 8, 20)
            .Build();

        var result = Matcher.Match(roster);

        Assert.Equal([new CountyPair(new("X1"), new("N1"))], result.CountyPairs);
        Assert.Equal([new SchoolPair(new("XA"), new("NA")), new SchoolPair(new("XB"), new("NB"))], result.SchoolPairs);
        Assert.Empty(result.Unpaired);
        Assert.Equal(100, result.Summary.CoveredStudents);

        // XA7 (30) takes a 25-class: 5 cross-class pairs; sizes differ by 5 + 5 (XA8-NA8) + 15 + 15 (XB).
        Assert.Equal(5, result.Summary.CrossClassPairs);
        Assert.Equal(40, result.Summary.ClassSizeDifference);
        Assert.True(PairingResultChecker.Check(roster, result).IsValid);
    }

    [Fact]
    public void A_school_with_more_grade_8_students_than_its_partner_can_take_is_explained()
    {
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS1", "X1").Class("XS1-7", "XS1", 7, 30)
            .School("XS2", "X1").Class("XS2-8", "XS2", 8, 45)
            .School("NS1", "N1").Class("NS1-7", "NS1", 7, 35)
            .School("NS2", "N1").Class("NS2-7", "NS2", 7, 50).Class("NS2-8", "NS2", 8, 40)
            .Build();

        var result = Matcher.Match(roster);

        Assert.Equal([new SchoolPair(new("XS1"), new("NS1"))], result.SchoolPairs);
        var school = Assert.Single(result.Unpaired, u => u.Level == PairingLevel.School);
        Assert.Equal("XS2", school.Id);
        Assert.Equal(PairingRule.P6, school.Rule);
        Assert.Contains("inland school NS2 has 40 grade-8 students, 45 are needed", school.Reason, StringComparison.Ordinal);
        Assert.Equal(PairingRule.P5, Assert.Single(result.Unpaired, u => u.Level == PairingLevel.Class).Rule);
        Assert.Equal(45, result.Unpaired.Count(u => u.Level == PairingLevel.Student && u.Rule == PairingRule.P6));
        Assert.Equal(30, result.Summary.CoveredStudents);
        Assert.True(PairingResultChecker.Check(roster, result).IsValid);
    }

    [Fact]
    public void An_inland_county_too_small_for_any_pairing_leaves_its_county_explained_and_the_rest_paired()
    {
        var roster = new TestRoster(students: false)
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XS-7a", "XS", 7, 30).Class("XS-7b", "XS", 7, 30)
            .School("NS", "N1").Class("NS-7", "NS", 7, 40)
            .XinjiangCounty("X2", TestRoster.TianjinArea).InlandCounty("N2", TestRoster.Tianjin)
            .School("XT", "X2").Class("XT-9", "XT", 9, 30)
            .School("NT", "N2").Class("NT-9", "NT", 9, 31)
            .Build();

        var result = Matcher.Plan(roster);

        Assert.Equal([new CountyPair(new("X2"), new("N2"))], result.CountyPairs);
        Assert.Equal([new SchoolPair(new("XT"), new("NT"))], result.SchoolPairs);
        var county = Assert.Single(result.Unpaired, u => u.Level == PairingLevel.County);
        Assert.Equal("X1", county.Id);
        Assert.Equal(PairingRule.P4, county.Rule);
        Assert.Contains("inland school NS has 1 classes, 2 are needed", county.Reason, StringComparison.Ordinal);
        var school = Assert.Single(result.Unpaired, u => u.Level == PairingLevel.School);
        Assert.Equal(("XS", PairingRule.P3), (school.Id, school.Rule));
        Assert.Equal(PairingPhase.Planning, result.Phase);
        Assert.Empty(result.ClassPairs);
        Assert.True(PairingResultChecker.Check(roster, result).IsValid);
    }

    [Fact]
    public void A_previous_years_pairs_are_kept_after_a_graduation()
    {
        // Year 1: grade 8 and grade 9. X8a (3) pairs with N8b (3), not N8a (2).
        var year1 = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("X8a", "XS", 8, 3).Class("X9a", "XS", 9, 3)
            .School("NS", "N1").Class("N8a", "NS", 8, 2).Class("N8b", "NS", 8, 3).Class("N9a", "NS", 9, 4)
            .Build();
        var first = Matcher.Match(year1);
        Assert.Contains(new ClassPair(new("X8a"), new("N8b")), first.ClassPairs);

        // Year 2: grade 9 has graduated, grade 8 moved up (same classes and students), a new grade 7 arrived, and
        // N8a gained a student, so a fresh run would now take N8a (first of two equal classes).
        var year2 = Year2(year1);
        var fresh = Matcher.Match(year2);
        Assert.Contains(new ClassPair(new("X8a"), new("N8a")), fresh.ClassPairs);

        var second = Matcher.Match(year2, previous: first);

        Assert.Contains(new ClassPair(new("X8a"), new("N8b")), second.ClassPairs);
        var keptStudents = first.StudentPairs.Where(p => p.Xinjiang.Value.StartsWith("X8a", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, keptStudents.Count);
        Assert.All(keptStudents, p => Assert.Contains(p, second.StudentPairs));
        Assert.Equal(1, second.Summary.Counties.Kept);
        Assert.Equal(1, second.Summary.Schools.Kept);
        Assert.Equal(1, second.Summary.Classes?.Kept);
        Assert.Equal(3, second.Summary.Students?.Kept);
        Assert.Equal(5, second.Summary.CoveredStudents);
        Assert.Empty(second.Unpaired);
        Assert.True(PairingResultChecker.Check(year2, second).IsValid);
    }

    [Fact]
    public void P5_relaxed_pairs_a_grade_the_inland_school_lacks_with_the_nearest_grade_and_only_then()
    {
        // NS has no grade-10 class; its nearest grade is 11 (9 is as near but NS has none either).
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("X7", "XS", 7, 20).Class("X10", "XS", 10, 30)
            .School("NS", "N1").Class("N7", "NS", 7, 25).Class("N11", "NS", 11, 32).Class("N12", "NS", 12, 40)
            .Build();

        var strict = Matcher.Match(roster);
        var county = Assert.Single(strict.Unpaired, u => u.Level == PairingLevel.County);
        Assert.Equal(PairingRule.P5, county.Rule);
        Assert.Contains("inland school NS offers 0 grade-10 classes, 1 are needed", county.Reason, StringComparison.Ordinal);

        var relaxed = Matcher.Match(roster, options: new PairingOptions { RelaxGradeToNearest = true });
        Assert.Equal([new ClassPair(new("X10"), new("N11")), new ClassPair(new("X7"), new("N7"))], relaxed.ClassPairs);
        Assert.Equal(50, relaxed.Summary.CoveredStudents);
        Assert.Equal(0, relaxed.Summary.CrossClassPairs);
        Assert.True(PairingResultChecker.Check(roster, relaxed).IsValid);

        // The same pairs without the option break P5, and the checker says so.
        var claimed = new PairingResult(relaxed.CountyPairs, relaxed.SchoolPairs, relaxed.ClassPairs, relaxed.StudentPairs, relaxed.Unpaired, strict.Summary);
        Assert.Contains(PairingResultChecker.Check(roster, claimed).Violations, v => v.Rule == PairingRule.P5);
    }

    [Fact]
    public void A_county_whose_possible_partners_are_all_taken_is_explained_under_P2()
    {
        // Two Xinjiang counties want the one inland county that fits; X2 covers more students, so X1 loses it.
        var roster = new TestRoster(students: false)
            .XinjiangCounty("X1").XinjiangCounty("X2").InlandCounty("N1").InlandCounty("N2")
            .School("X1s", "X1").Class("X1k", "X1s", 7, 30)
            .School("X2s", "X2").Class("X2k", "X2s", 7, 40)
            .School("N1s", "N1").Class("N1k", "N1s", 7, 45)
            .School("N2s", "N2").Class("N2k", "N2s", 8, 45)
            .Build();

        var result = Matcher.Plan(roster);

        Assert.Equal([new CountyPair(new("X2"), new("N1"))], result.CountyPairs);
        var county = Assert.Single(result.Unpaired, u => u.Level == PairingLevel.County);
        Assert.Equal(("X1", PairingRule.P2), (county.Id, county.Rule));
        Assert.StartsWith("all 1 inland counties of province 110000 that could take its schools", county.Reason, StringComparison.Ordinal);
        Assert.True(PairingResultChecker.Check(roster, result).IsValid);
    }

    private static Pairing.Core.Rosters.Roster Year2(Pairing.Core.Rosters.Roster year1)
    {
        var builder = new Pairing.Core.Rosters.RosterBuilder();
        foreach (var c in year1.Counties)
        {
            builder.AddCounty(c);
        }

        foreach (var s in year1.Schools)
        {
            builder.AddSchool(s);
        }

        foreach (var c in year1.Classes.Where(c => c.Grade.Number == 8))
        {
            builder.AddClass(c.Id, c.SchoolId, new Grade(9));
        }

        foreach (var st in year1.Students.Where(s => year1.GetClass(s.ClassId).Grade.Number == 8))
        {
            builder.AddStudent(st);
        }

        builder.AddStudent(new Student(new StudentId("N8a.new"), new ClassId("N8a"), Gender.Female));
        builder.AddClass(new ClassId("X7a"), new SchoolId("XS"), new Grade(7));
        builder.AddClass(new ClassId("N7a"), new SchoolId("NS"), new Grade(7));
        builder.AddStudent(new Student(new StudentId("X7a.1"), new ClassId("X7a"), Gender.Female));
        builder.AddStudent(new Student(new StudentId("X7a.2"), new ClassId("X7a"), Gender.Male));
        builder.AddStudent(new Student(new StudentId("N7a.1"), new ClassId("N7a"), Gender.Male));
        builder.AddStudent(new Student(new StudentId("N7a.2"), new ClassId("N7a"), Gender.Female));
        return builder.Build().GetRosterOrThrow();
    }
}
