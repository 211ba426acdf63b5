using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// Regression: one school pair of 10,000 classes a side took 34 s and 4.4 GB, because the class level built a dense
/// cost matrix of every Xinjiang class by every inland class of the grade (issue 11). These run the same shape at a
/// size a test can afford; they check the result, never the time (speed is measured in benchmarks/).
/// </summary>
public sealed class HugeSchoolPairTests
{
    [Fact]
    public void A_huge_single_school_pair_is_paired_whole_and_exactly_by_sorted_sizes()
    {
        const int Classes = 2_000;
        var random = new Random(11);
        var roster = new TestRoster().XinjiangCounty("X1").InlandCounty("N1").School("XS", "X1").School("NS", "N1");
        var xinjiang = new int[Classes];
        var inland = new int[Classes];
        for (var c = 0; c < Classes; c++)
        {
            xinjiang[c] = random.Next(30, 46);
            inland[c] = random.Next(28, 49);
            roster.Class(Id("XS", c), "XS", 7, xinjiang[c]).Class(Id("NS", c), "NS", 7, inland[c]);
        }

        var built = roster.Build();
        var result = new PairingMatcher().Match(built);

        var check = PairingResultChecker.Check(built, result, result.Summary.Options.ToOptions());
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(Classes, result.ClassPairs.Count);
        Assert.Equal(Math.Min(xinjiang.Sum(), inland.Sum()), result.Summary.CoveredStudents);

        // With as many classes a side, the optimum pairs the sorted sizes in order (an optimal pairing never crosses).
        var a = xinjiang.Order().ToArray();
        var b = inland.Order().ToArray();
        var inside = a.Zip(b, Math.Min).Sum();
        Assert.Equal(Math.Min(a.Sum(), b.Sum()) - inside, result.Summary.CrossClassPairs);
        Assert.Equal(a.Zip(b, (x, y) => Math.Abs(x - y)).Sum(), result.Summary.ClassSizeDifference);
    }

    [Fact]
    public void A_grade_overflow_of_thousands_of_students_with_every_preference_on_pairs_everyone_it_has_room_for()
    {
        // Xinjiang classes of 40–45 against half as many again inland classes of 28–32: about 7,000 Xinjiang students
        // leave their class pairs for the grade's overflow, which a dense preference matrix would hold 60 million cells for.
        const int Classes = 600;
        var random = new Random(7);
        string[] languages = ["ug", "zh", "kk"];
        string[] interests = ["football", "music", "chess", "art"];
        var roster = new TestRoster().XinjiangCounty("X1").InlandCounty("N1").School("XS", "X1").School("NS", "N1");
        long xinjiangStudents = 0, inlandStudents = 0;
        foreach (var (school, low, high, classes) in new[] { ("XS", 40, 45, Classes), ("NS", 28, 32, Classes * 3 / 2) })
        {
            for (var c = 0; c < classes; c++)
            {
                var id = Id(school, c);
                var size = random.Next(low, high + 1);
                roster.Class(id, school, 7, 1);
                for (var i = 1; i < size; i++)
                {
                    roster.Student(
                        id, i % 2 == 0 ? Gender.Female : Gender.Male, null, random.Next(2011, 2014),
                        languages[random.Next(languages.Length)], interests[random.Next(interests.Length)]);
                }

                (xinjiangStudents, inlandStudents) = school == "XS" ? (xinjiangStudents + size, inlandStudents) : (xinjiangStudents, inlandStudents + size);
            }
        }

        var built = roster.Build();
        var options = new PairingOptions { SharedInterestWeight = 2, SameLanguageWeight = 2, CloseBirthYearWeight = 1 };
        var result = new PairingMatcher().Match(built, options: options);

        var check = PairingResultChecker.Check(built, result, result.Summary.Options.ToOptions());
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(Classes, result.ClassPairs.Count);
        Assert.Equal(Math.Min(xinjiangStudents, inlandStudents), result.Summary.CoveredStudents);
        Assert.True(result.Summary.CrossClassPairs > 5_000, $"{result.Summary.CrossClassPairs} cross-class pairs");
    }

    private static string Id(string school, int c) => string.Create(CultureInfo.InvariantCulture, $"{school}-{c:D5}");
}
