using Pairing.Core.Findings;
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
        // grade-8 students where XA has 30. Both assignments meet P4 (every inland school has 3 classes and 85 or 90
        // students), so both are candidates; what they cover decides. XA-NA, XB-NB covers 30 + 30 (XA) + 40 (XB) =
        // 100, every grade whole; XA-NB, XB-NA covers 30 + 20 (XA's grade 8 is 10 short) + 40 = 90.
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
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
    }

    [Fact]
    public void A_school_with_more_grade_8_students_than_its_partner_can_take_is_paired_as_far_as_it_goes()
    {
        // XS2 (1 class, 45 students) and NS2 (2 classes, 90 students) meet P4, though NS2 has only 40 grade-8
        // students: XS2 is paired, 40 of its 45 grade-8 students too, and the other 5 are listed under P6.
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS1", "X1").Class("XS1-7", "XS1", 7, 30)
            .School("XS2", "X1").Class("XS2-8", "XS2", 8, 45)
            .School("NS1", "N1").Class("NS1-7", "NS1", 7, 35)
            .School("NS2", "N1").Class("NS2-7", "NS2", 7, 50).Class("NS2-8", "NS2", 8, 40)
            .Build();

        var result = Matcher.Match(roster);

        Assert.Equal([new SchoolPair(new("XS1"), new("NS1")), new SchoolPair(new("XS2"), new("NS2"))], result.SchoolPairs);
        Assert.Equal([new ClassPair(new("XS1-7"), new("NS1-7")), new ClassPair(new("XS2-8"), new("NS2-8"))], result.ClassPairs);
        Assert.DoesNotContain(result.Unpaired, u => u.Level is PairingLevel.County or PairingLevel.School or PairingLevel.Class);
        var students = result.Unpaired.Where(u => u.Level == PairingLevel.Student).ToList();
        Assert.Equal(5, students.Count);
        Assert.All(students, u => Assert.Equal(PairingRule.P6, u.Rule));
        Assert.All(students, u => Assert.Equal(("UNP031", "NS2", 8, "students", 40, 45), (u.Code, u.InlandId, u.Grade?.Number, u.Counted, u.Available, u.Needed)));
        Assert.Equal("inland school NS2 has 40 students in grade 8; needed: 45", FindingRenderer.Default.Render(students[0].Finding, FindingLanguage.English));
        Assert.Equal("内地学校 NS2 初二只有 40 名学生，需要 45 名", FindingRenderer.Default.Render(students[0].Finding, FindingLanguage.Chinese));
        Assert.All(students, u => Assert.StartsWith("XS2-8", u.Id, StringComparison.Ordinal));
        Assert.Equal(70, result.Summary.CoveredStudents);
        Assert.Equal(0, result.Summary.CrossClassPairs);
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);

        // The plan already counts what can be covered, not the whole school.
        var plan = Matcher.Plan(roster);
        Assert.Equal(result.SchoolPairs, plan.SchoolPairs);
        Assert.Equal(70, plan.Summary.CoveredStudents);
        Assert.True(PairingResultChecker.Check(roster, plan, plan.Summary.Options.ToOptions()).IsValid);
    }

    [Fact]
    public void Students_of_a_class_left_without_a_class_partner_pair_across_classes_in_the_same_grade()
    {
        // XS has 3 grade-8 classes (10, 20, 30), NS only 2 (25, 40) but 4 classes and 100 students in all (P4).
        // The two largest Xinjiang classes take the two inland classes (30-40 and 20-25 keep 50 students inside a
        // class pair, more than any other choice); XS8a (10) is listed under P5, and its students pair with the 15
        // inland grade-8 students left (5 of NS8b's 25, 10 of NS8c's 40), cross-class.
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XS8a", "XS", 8, 10).Class("XS8b", "XS", 8, 20).Class("XS8c", "XS", 8, 30)
            .School("NS", "N1").Class("NS7", "NS", 7, 20).Class("NS7b", "NS", 7, 15).Class("NS8b", "NS", 8, 25).Class("NS8c", "NS", 8, 40)
            .Build();

        var result = Matcher.Match(roster);

        Assert.Equal([new SchoolPair(new("XS"), new("NS"))], result.SchoolPairs);
        Assert.Equal([new ClassPair(new("XS8b"), new("NS8b")), new ClassPair(new("XS8c"), new("NS8c"))], result.ClassPairs);
        var unpairedClass = Assert.Single(result.Unpaired);
        Assert.Equal((PairingLevel.Class, "XS8a", PairingRule.P5), (unpairedClass.Level, unpairedClass.Id, unpairedClass.Rule));
        Assert.Equal(("UNP021", "NS", 8, "classes", 2, 3), (unpairedClass.Code, unpairedClass.InlandId, unpairedClass.Grade?.Number, unpairedClass.Counted, unpairedClass.Available, unpairedClass.Needed));
        Assert.Equal(60, result.Summary.CoveredStudents);
        Assert.Equal(10, result.Summary.CrossClassPairs);
        Assert.All(result.StudentPairs.Where(p => p.Xinjiang.Value.StartsWith("XS8a", StringComparison.Ordinal)), p => Assert.True(p.CrossClass));
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
    }

    [Fact]
    public void A_school_still_unpaired_is_explained_under_P3_or_P4_with_numbers()
    {
        // N1 has one school, NA (1 class, 35 students). XA (30) takes it; XC (30) also meets P4 with NA but finds it
        // taken (P3); XB (50) does not meet P4 with any school of N1 (P4, the closest named with its shortfall).
        var roster = new TestRoster(students: false)
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XA", "X1").Class("XA7", "XA", 7, 30)
            .School("XB", "X1").Class("XB7", "XB", 7, 50)
            .School("XC", "X1").Class("XC8", "XC", 8, 30)
            .School("NA", "N1").Class("NA7", "NA", 7, 35)
            .Build();

        var result = Matcher.Plan(roster);

        Assert.Equal([new SchoolPair(new("XA"), new("NA"))], result.SchoolPairs);
        var schools = result.Unpaired.Where(u => u.Level == PairingLevel.School).ToDictionary(u => u.Id);
        Assert.Equal(PairingRule.P4, schools["XB"].Rule);
        Assert.Equal(("UNP018", "NA", "students", 35, 50), (schools["XB"].Code, schools["XB"].InlandId, schools["XB"].Counted, schools["XB"].Available, schools["XB"].Needed));
        Assert.Equal(PairingRule.P3, schools["XC"].Rule);
        Assert.Equal(("UNP013", "N1", 0, 1), (schools["XC"].Code, schools["XC"].InlandId, schools["XC"].Available, schools["XC"].Needed));
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
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
        Assert.Equal(("UNP006", "NS", "classes", 1, 2), (county.Code, county.InlandId, county.Counted, county.Available, county.Needed));
        var school = Assert.Single(result.Unpaired, u => u.Level == PairingLevel.School);
        Assert.Equal(("XS", PairingRule.P3), (school.Id, school.Rule));
        Assert.Equal(PairingPhase.Planning, result.Phase);
        Assert.Empty(result.ClassPairs);
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
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
        Assert.True(PairingResultChecker.Check(year2, second, second.Summary.Options.ToOptions()).IsValid);
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

        // Strict: NS meets P4 (3 classes, 97 students), so XS is paired; its grade-10 class and students are not.
        var strict = Matcher.Match(roster);
        Assert.Equal([new SchoolPair(new("XS"), new("NS"))], strict.SchoolPairs);
        var unpairedClass = Assert.Single(strict.Unpaired, u => u.Level == PairingLevel.Class);
        Assert.Equal(("X10", PairingRule.P5, "UNP021", "NS", 10, 0, 1), (unpairedClass.Id, unpairedClass.Rule, unpairedClass.Code, unpairedClass.InlandId, unpairedClass.Grade?.Number, unpairedClass.Available, unpairedClass.Needed));
        Assert.Equal(30, strict.Unpaired.Count(u => u.Level == PairingLevel.Student && u.Code == "UNP031" && u.InlandId == "NS" && u.Grade?.Number == 10 && u.Available == 0 && u.Needed == 30));
        Assert.Equal(20, strict.Summary.CoveredStudents);
        Assert.True(PairingResultChecker.Check(roster, strict, strict.Summary.Options.ToOptions()).IsValid);

        var relaxed = Matcher.Match(roster, options: new PairingOptions { RelaxGradeToNearest = true });
        Assert.Equal([new ClassPair(new("X10"), new("N11")), new ClassPair(new("X7"), new("N7"))], relaxed.ClassPairs);
        Assert.Equal(50, relaxed.Summary.CoveredStudents);
        Assert.Equal(0, relaxed.Summary.CrossClassPairs);
        Assert.True(PairingResultChecker.Check(roster, relaxed, relaxed.Summary.Options.ToOptions()).IsValid);

        // The same pairs without the option break P5, and the checker says so.
        var claimed = new PairingResult(relaxed.CountyPairs, relaxed.SchoolPairs, relaxed.ClassPairs, relaxed.StudentPairs, relaxed.Unpaired, strict.Summary);
        Assert.Contains(PairingResultChecker.Check(roster, claimed).Violations, v => v.Rule == PairingRule.P5);
    }

    [Fact]
    public void A_county_whose_able_partner_is_taken_is_explained_by_the_free_one_under_P4()
    {
        // Two Xinjiang counties want the one inland county that fits; X2 covers more students, so X1 loses it. N2 is
        // still free, but its school N2s has too few students for X1s (25 of 30): P4 binds, not P2 (issue 26, item 4).
        var roster = new TestRoster(students: false)
            .XinjiangCounty("X1").XinjiangCounty("X2").InlandCounty("N1").InlandCounty("N2")
            .School("X1s", "X1").Class("X1k", "X1s", 7, 30)
            .School("X2s", "X2").Class("X2k", "X2s", 7, 40)
            .School("N1s", "N1").Class("N1k", "N1s", 7, 45)
            .School("N2s", "N2").Class("N2k", "N2s", 7, 25)
            .Build();

        var result = Matcher.Plan(roster);

        Assert.Equal([new CountyPair(new("X2"), new("N1"))], result.CountyPairs);
        var county = Assert.Single(result.Unpaired, u => u.Level == PairingLevel.County);
        Assert.Equal(("X1", PairingRule.P4), (county.Id, county.Rule));
        Assert.Equal(("UNP005", "N2s", "students", 25, 30), (county.Code, county.InlandId, county.Counted, county.Available, county.Needed));
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
    }

    [Fact]
    public void A_county_whose_province_has_no_inland_county_left_is_explained_under_P2()
    {
        // One inland county, taken by X2 (more students); X1 would fit N1s too, but no inland county has a place left.
        var roster = new TestRoster(students: false)
            .XinjiangCounty("X1").XinjiangCounty("X2").InlandCounty("N1")
            .School("X1s", "X1").Class("X1k", "X1s", 7, 30)
            .School("X2s", "X2").Class("X2k", "X2s", 7, 40)
            .School("N1s", "N1").Class("N1k", "N1s", 7, 45)
            .Build();

        var result = Matcher.Plan(roster);

        Assert.Equal([new CountyPair(new("X2"), new("N1"))], result.CountyPairs);
        var county = Assert.Single(result.Unpaired, u => u.Level == PairingLevel.County);
        Assert.Equal(("X1", PairingRule.P2), (county.Id, county.Rule));
        Assert.Equal(("UNP002", "110000", "counties", 0, 1), (county.Code, county.InlandId, county.Counted, county.Available, county.Needed));
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
    }

    [Fact]
    public void A_school_whose_able_partner_is_taken_is_explained_by_the_free_one_under_P4()
    {
        // N1 has NA (35) and NB (20). XA (30) takes NA (it covers more); XC (29) would fit NA too, but NB is still free
        // and has 20 of the 29 students it needs: P4 on what NB has left binds, not the place of NA (P3).
        var roster = new TestRoster(students: false)
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XA", "X1").Class("XA7", "XA", 7, 30)
            .School("XC", "X1").Class("XC7", "XC", 7, 29)
            .School("NA", "N1").Class("NA7", "NA", 7, 35)
            .School("NB", "N1").Class("NB7", "NB", 7, 20)
            .Build();

        var result = Matcher.Plan(roster);

        var school = Assert.Single(result.Unpaired, u => u.Level == PairingLevel.School);
        Assert.Equal(("XC", PairingRule.P4), (school.Id, school.Rule));
        Assert.Equal(("UNP015", "NB", "students", 20, 29), (school.Code, school.InlandId, school.Counted, school.Available, school.Needed));
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
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
        return builder.Build().GetValueOrThrow();
    }
}
