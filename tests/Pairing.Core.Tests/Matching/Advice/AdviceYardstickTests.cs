using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>The brute force on the worked cases, by hand (issue 26): what full coverage takes.</summary>
public sealed class AdviceYardstickTests
{
    /// <summary>Beijing has no inland county: a county, a school, and the Xinjiang school's students in classes of at most 50.</summary>
    internal static Roster NoInlandCounty(bool students) => new TestRoster(students)
        .XinjiangCounty("X").School("XS", "X").Class("XS7a", "XS", 7, 30).Class("XS7b", "XS", 7, 35)
        .XinjiangCounty("Y", TestRoster.TianjinArea).School("YS", "Y").Class("YS7", "YS", 7, 10)
        .InlandCounty("N", TestRoster.Tianjin).School("NS", "N").Class("NS7", "NS", 7, 12)
        .Build();

    /// <summary>The Xinjiang school (3 classes, 80 students) is bigger than the inland one (2 classes of 35): one class of 10.</summary>
    internal static Roster BiggerSchool(bool students) => new TestRoster(students)
        .XinjiangCounty("X").School("XS", "X").Class("XS7a", "XS", 7, 30).Class("XS7b", "XS", 7, 30).Class("XS7c", "XS", 7, 20)
        .InlandCounty("N").School("NS", "N").Class("NS7a", "NS", 7, 35).Class("NS7b", "NS", 7, 35)
        .Build();

    /// <summary>Totals meet P4, but grade 8 has 15 students where 20 are needed: one grade-8 class of 5.</summary>
    internal static Roster OneGradeShort(bool students) => new TestRoster(students)
        .XinjiangCounty("X").School("XS", "X").Class("XS7", "XS", 7, 20).Class("XS8", "XS", 8, 20)
        .InlandCounty("N").School("NS", "N").Class("NS7", "NS", 7, 25).Class("NS8", "NS", 8, 15)
        .Build();

    internal static Roster Covered(bool students) => new TestRoster(students)
        .XinjiangCounty("X").School("XS", "X").Class("XS7", "XS", 7, 20)
        .InlandCounty("N").School("NS", "N").Class("NS7", "NS", 7, 25)
        .Build();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Worked_cases_by_brute_force(bool students)
    {
        Assert.Equal(new AdviceBruteForce.Cost(1, 1, 65, 2), AdviceBruteForce.Best(NoInlandCounty(students)));
        Assert.Equal(new AdviceBruteForce.Cost(0, 0, 10, 1), AdviceBruteForce.Best(BiggerSchool(students)));
        Assert.Equal(new AdviceBruteForce.Cost(0, 0, 5, 1), AdviceBruteForce.Best(OneGradeShort(students)));
        Assert.Equal(default, AdviceBruteForce.Best(Covered(students)));
    }

    [Fact]
    public void Relaxed_grades_let_a_missing_grade_join_the_nearest()
    {
        // The inland school has no grade 8: relaxed, grade 8 joins grade 7 (45 students there, 40 needed); strict, grade 8 needs a class.
        var roster = new TestRoster(false)
            .XinjiangCounty("X").School("XS", "X").Class("XS7", "XS", 7, 20).Class("XS8", "XS", 8, 20)
            .InlandCounty("N").School("NS", "N").Class("NS7a", "NS", 7, 25).Class("NS7b", "NS", 7, 20)
            .Build();
        Assert.Equal(default, AdviceBruteForce.Best(roster, relaxGrades: true));
        Assert.Equal(new AdviceBruteForce.Cost(0, 0, 20, 1), AdviceBruteForce.Best(roster));
    }

    [Fact]
    public void Generated_rosters_have_gaps_and_the_brute_force_is_quick_on_them()
    {
        var gaps = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var roster = AdviceRosters.Make(seed, students: seed % 2 == 0);
            gaps += AdviceBruteForce.Best(roster) == default ? 0 : 1;
        }

        Assert.InRange(gaps, 10, 20);
    }
}
