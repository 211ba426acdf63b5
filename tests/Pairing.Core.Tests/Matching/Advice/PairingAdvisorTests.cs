using FsCheck.Xunit;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>The advice against the brute force (exact), the worked cases of issue 26, and the advice applied (full coverage).</summary>
public sealed class PairingAdvisorTests
{
    internal static IEnumerable<AdviceApplier.Row> RowsOf(CapacityAdvice advice) => advice.Additions.Select(a => new AdviceApplier.Row(
        a.Action switch { CapacityAction.AddCounty => "add-county", CapacityAction.AddSchool => "add-school", _ => "add-classes" },
        a.ProvinceId.Value, a.InlandCountyId.Value, a.InlandSchoolId?.Value ?? "", a.Grade?.Number, a.Classes, a.Students));

    private static AdviceBruteForce.Cost CostOf(CapacityAdvice advice) => new(advice.Counties, advice.Schools, advice.Students, advice.Classes);

    /// <summary>Applies the advice and matches again with the same options: every Xinjiang county, school and student is paired.</summary>
    internal static void AssertCoversEveryone(Roster roster, IEnumerable<AdviceApplier.Row> rows, PairingOptions? options = null)
    {
        var applied = AdviceApplier.Apply(roster, rows);
        var result = roster.HasStudents ? new PairingMatcher().Match(applied, options: options) : new PairingMatcher().Plan(applied, options: options);
        Assert.Equal(result.Summary.XinjiangStudents, result.Summary.CoveredStudents);
        Assert.DoesNotContain(result.Unpaired, u => u.Level is PairingLevel.County or PairingLevel.School or PairingLevel.Student);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_province_without_an_inland_county_gets_a_county_a_school_and_classes(bool students)
    {
        var roster = AdviceYardstickTests.NoInlandCounty(students);
        var advice = PairingAdvisor.Advise(roster);

        Assert.Equal(new AdviceBruteForce.Cost(1, 1, 65, 2), CostOf(advice));
        Assert.Equal(["ADV001", "ADV002", "ADV003"], advice.Additions.Select(a => a.Finding.Code));
        var county = advice.Additions[0];
        Assert.Equal((CapacityAction.AddCounty, "110000", "X", "P2"), (county.Action, county.ProvinceId.Value, county.XinjiangId, county.Finding.Rule));
        Assert.StartsWith("ADD-", county.InlandCountyId.Value);
        Assert.Equal(county.InlandCountyId, advice.Additions[1].InlandCountyId);
        Assert.Equal(advice.Additions[1].InlandSchoolId, advice.Additions[2].InlandSchoolId);
        Assert.Equal((2, 65, 7), (advice.Additions[2].Classes, advice.Additions[2].Students, advice.Additions[2].Grade!.Value.Number));
        var beijing = advice.Provinces.Single(p => p.ProvinceId.Value == TestRoster.Beijing);
        Assert.Equal((65L, 0L, 65L), (beijing.XinjiangStudents, beijing.CoveredBefore, beijing.CoveredAfter));
        Assert.Equal((75L, 10L, 75L), (advice.XinjiangStudents, advice.CoveredBefore, advice.CoveredAfter));
        AssertCoversEveryone(roster, RowsOf(advice));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_Xinjiang_school_bigger_than_every_inland_school_gets_classes_and_students(bool students)
    {
        var roster = AdviceYardstickTests.BiggerSchool(students);
        var advice = PairingAdvisor.Advise(roster);

        var row = Assert.Single(advice.Additions);
        Assert.Equal((CapacityAction.AddClasses, "NS", 7, 1, 10, "XS"), (row.Action, row.InlandSchoolId!.Value.Value, row.Grade!.Value.Number, row.Classes, row.Students, row.XinjiangId));
        Assert.Equal((70L, 80L), ((long)(int)row.Finding["available"], (long)(int)row.Finding["needed"]));
        AssertCoversEveryone(roster, RowsOf(advice));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_grade_short_gets_a_class_of_that_grade(bool students)
    {
        var roster = AdviceYardstickTests.OneGradeShort(students);
        var advice = PairingAdvisor.Advise(roster);

        var row = Assert.Single(advice.Additions);
        Assert.Equal(("ADV003", "P6", 8, 1, 5), (row.Finding.Code, row.Finding.Rule, row.Grade!.Value.Number, row.Classes, row.Students));
        AssertCoversEveryone(roster, RowsOf(advice));
    }

    [Fact]
    public void Class_count_short_alone_gets_one_student_classes_under_P4()
    {
        // 40 students in the inland school's one class, 3 Xinjiang classes of 10: P4 asks two more classes, one student each.
        var roster = new TestRoster(false)
            .XinjiangCounty("X").School("XS", "X").Class("XS7a", "XS", 7, 10).Class("XS7b", "XS", 7, 10).Class("XS7c", "XS", 7, 10)
            .InlandCounty("N").School("NS", "N").Class("NS7", "NS", 7, 40)
            .Build();
        var advice = PairingAdvisor.Advise(roster);

        var row = Assert.Single(advice.Additions);
        Assert.Equal(("ADV004", "P4", 2, 2), (row.Finding.Code, row.Finding.Rule, row.Classes, row.Students));
        Assert.Equal(AdviceBruteForce.Best(roster), CostOf(advice));
        AssertCoversEveryone(roster, RowsOf(advice));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_fully_covered_roster_gets_empty_advice(bool students)
    {
        var advice = PairingAdvisor.Advise(AdviceYardstickTests.Covered(students));
        Assert.True(advice.IsEmpty);
        Assert.Equal((20L, 20L), (advice.CoveredBefore, advice.CoveredAfter));
    }

    [Property(MaxTest = 60)]
    public void The_advice_is_the_exact_least_and_applied_covers_everyone(int seed)
    {
        var students = (seed & 1) == 0;
        var relax = (seed & 2) == 0;
        var options = new PairingOptions { RelaxGradeToNearest = relax };
        var roster = AdviceRosters.Make(seed, students);
        var advice = PairingAdvisor.Advise(roster, options);

        Assert.Equal(AdviceBruteForce.Best(roster, relax), CostOf(advice));
        AssertWellFormed(roster, advice);
        AssertCoversEveryone(roster, RowsOf(advice), options);
    }

    /// <summary>Larger random rosters (two provinces, grades 7–9, sometimes a province without inland counties), beyond the brute force's reach.</summary>
    [Property(MaxTest = 40)]
    public void Applied_on_larger_random_rosters_it_covers_everyone(int seed)
    {
        var options = new PairingOptions { RelaxGradeToNearest = (seed & 1) == 0 };
        var roster = RandomRosters.Make(seed, students: (seed & 2) == 0, size: 1 + Math.Abs(seed % 3));
        var advice = PairingAdvisor.Advise(roster, options);
        AssertWellFormed(roster, advice);
        AssertCoversEveryone(roster, RowsOf(advice), options);
        Assert.Equal(advice.XinjiangStudents, advice.CoveredAfter);
    }

    [Fact]
    public void The_advice_does_not_depend_on_the_thread_count()
    {
        var roster = RandomRosters.Make(7, students: false, size: 3);
        var one = PairingAdvisor.Advise(roster, new PairingOptions { MaxDegreeOfParallelism = 1 });
        var all = PairingAdvisor.Advise(roster, new PairingOptions { MaxDegreeOfParallelism = 4 });
        Assert.Equal(one.Additions.Select(a => a.ToString()), all.Additions.Select(a => a.ToString()));
    }

    /// <summary>Ids new, unique, used after the row that adds them; new classes no larger than the cap of their grade.</summary>
    private static void AssertWellFormed(Roster roster, CapacityAdvice advice)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in advice.Additions)
        {
            switch (a.Action)
            {
                case CapacityAction.AddCounty:
                    Assert.StartsWith("ADD-", a.InlandCountyId.Value);
                    Assert.True(added.Add(a.InlandCountyId.Value));
                    break;
                case CapacityAction.AddSchool:
                    Assert.StartsWith("ADD-", a.InlandSchoolId!.Value.Value);
                    Assert.True(added.Add(a.InlandSchoolId!.Value.Value));
                    Assert.True(added.Contains(a.InlandCountyId.Value) || roster.TryGetCounty(a.InlandCountyId, out _));
                    break;
                default:
                    Assert.True(added.Contains(a.InlandSchoolId!.Value.Value) || roster.TryGetSchool(a.InlandSchoolId!.Value, out _));
                    var inlandSizes = roster.Classes.Where(k => k.Grade == a.Grade && roster.SideOf(k) == Side.Inland
                        && roster.ProvinceOf(roster.GetCounty(roster.GetSchool(k.SchoolId).CountyId)) == a.ProvinceId).Select(k => k.Size).ToList();
                    var cap = inlandSizes.Count == 0 ? 50 : inlandSizes.Max();
                    Assert.InRange(a.Students, a.Classes, a.Classes * cap);
                    break;
            }
        }
    }
}
