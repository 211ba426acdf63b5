using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>The checker finds what a broken result breaks.</summary>
public sealed class PairingResultCheckerTests
{
    private static readonly Pairing.Core.Rosters.Roster Roster = new TestRoster()
        .XinjiangCounty("X1").InlandCounty("N1").InlandCounty("T1", TestRoster.Tianjin)
        .School("XS", "X1").Class("XC", "XS", 8, 4)
        .School("NS", "N1").Class("NC", "NS", 8, 4).Class("NC2", "NS", 9, 4)
        .School("TS", "T1").Class("TC", "TS", 8, 5)
        .Build();

    private static readonly PairingResult Good = new PairingMatcher().Match(Roster);

    [Fact]
    public void A_good_result_is_valid()
    {
        Assert.True(PairingResultChecker.Check(Roster, Good).IsValid);
        Assert.Equal(4, Good.StudentPairs.Count);
    }

    [Fact]
    public void A_county_paired_across_provinces_breaks_P1()
    {
        var broken = With(Good, counties: [new CountyPair(new("X1"), new("T1"))]);

        Assert.Contains(PairingResultChecker.Check(Roster, broken).Violations, v => v.Rule == PairingRule.P1);
    }

    [Fact]
    public void A_student_in_two_pairs_breaks_P6()
    {
        var pairs = Good.StudentPairs.ToList();
        pairs[1] = pairs[1] with { Inland = pairs[0].Inland };
        var broken = With(Good, students: pairs);

        Assert.Contains(PairingResultChecker.Check(Roster, broken).Violations, v => v.Rule == PairingRule.P6);
    }

    [Fact]
    public void A_class_paired_across_grades_breaks_P5()
    {
        var broken = With(Good, classes: [new ClassPair(new("XC"), new("NC2"))]);

        Assert.Contains(PairingResultChecker.Check(Roster, broken).Violations, v => v.Rule == PairingRule.P5 && v.Code == "CHK034"
            && (Grade)v.Finding["xinjiangGrade"] == new Grade(8) && (Grade)v.Finding["inlandGrade"] == new Grade(9));
    }

    [Fact]
    public void A_student_neither_paired_nor_listed_is_lost_under_P7()
    {
        var broken = With(Good, students: Good.StudentPairs.Skip(1));

        Assert.Contains(PairingResultChecker.Check(Roster, broken).Violations, v => v.Rule == PairingRule.P7 && v.Code == "CHK056"
            && v.Finding.Subject == new FindingSubject("student", v.Subject));
    }

    [Fact]
    public void A_wrong_summary_figure_is_found()
    {
        var s = Good.Summary;
        var broken = new PairingResult(Good.CountyPairs, Good.SchoolPairs, Good.ClassPairs, Good.StudentPairs, Good.Unpaired, s with { CrossClassPairs = 3 });

        var violation = Assert.Single(PairingResultChecker.Check(Roster, broken).Violations);
        Assert.Equal("summary.cross_class_pairs", violation.Subject);
        Assert.Equal(("CHK091", "cross_class_pairs", 3, s.CrossClassPairs), (violation.Code, (string)violation.Finding["figure"], (int)violation.Finding["stated"], (int?)(int)violation.Finding["counted"]));
    }

    private static PairingResult With(
        PairingResult r, IEnumerable<CountyPair>? counties = null, IEnumerable<ClassPair>? classes = null, IEnumerable<StudentPair>? students = null) =>
        new(counties ?? r.CountyPairs, r.SchoolPairs, classes ?? r.ClassPairs, students ?? r.StudentPairs, r.Unpaired, r.Summary);
}
