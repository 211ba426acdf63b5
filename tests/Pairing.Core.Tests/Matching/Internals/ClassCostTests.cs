using FsCheck.Xunit;
using Pairing.Core.Matching.Internals;

namespace Pairing.Core.Tests.Matching.Internals;

public sealed class ClassCostTests
{
    [Fact]
    public void A_grade_costs_its_cross_class_students_first_then_its_size_difference()
    {
        // One class each: 30 into 25 leaves 5 students to pair across classes, and they find no one (25 in the grade).
        Assert.Equal(ClassCost.Of(25, 30, 30), ClassCost.Of(30, 25, 30));
        Assert.Equal(5, ClassCost.Least([30], [25]));

        // 30 into 25 and 10: 25 paired inside the class pair, 5 with the 10-class: 5 cross-class, sizes differ by 5.
        Assert.Equal((5 * ClassCost.Scale) + 5, ClassCost.Least([30], [10, 25]));
        Assert.Equal(5, ClassCost.CrossOf(ClassCost.Least([30], [10, 25])));
        Assert.Equal(5, ClassCost.DifferenceOf(ClassCost.Least([30], [10, 25])));

        // Two Xinjiang classes (10, 30) and one inland class (25): pairing 30 with 25 keeps 25 inside a class pair;
        // pairing 10 with it would keep only 10 and send 15 across classes.
        Assert.Equal(5, ClassCost.Least([10, 30], [25]));
    }

    [Property(MaxTest = 200)]
    public void The_sorted_dynamic_programme_finds_the_least_cost_of_every_pairing(int seed)
    {
        var random = new Random(seed);
        var inland = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(0, 12)).Order().ToArray();
        var xinjiang = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(0, 12)).Order().ToArray();

        // As many class pairs as the smaller side has; the rest of the grade pairs across classes.
        var paired = Math.Min(xinjiang.Sum(), inland.Sum());
        var best = long.MaxValue;
        if (xinjiang.Length <= inland.Length)
        {
            foreach (var map in Injections(xinjiang.Length, inland.Length))
            {
                best = Math.Min(best, Cost(paired, map.Select((j, i) => (xinjiang[i], inland[j]))));
            }
        }
        else
        {
            foreach (var map in Injections(inland.Length, xinjiang.Length))
            {
                best = Math.Min(best, Cost(paired, map.Select((j, i) => (xinjiang[j], inland[i]))));
            }
        }

        Assert.Equal(best, ClassCost.Least(xinjiang, inland));
    }

    private static long Cost(long paired, IEnumerable<(int A, int B)> pairs)
    {
        var list = pairs.ToList();
        return ((paired - list.Sum(p => Math.Min(p.A, p.B))) * ClassCost.Scale) + list.Sum(p => Math.Abs(p.A - p.B));
    }

    internal static IEnumerable<int[]> Injections(int left, int right)
    {
        if (left == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Injections(left - 1, right))
        {
            for (var j = 0; j < right; j++)
            {
                if (Array.IndexOf(rest, j) < 0)
                {
                    yield return [.. rest, j];
                }
            }
        }
    }
}
