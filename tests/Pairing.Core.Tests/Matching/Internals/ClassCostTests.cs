using FsCheck.Xunit;
using Pairing.Core.Matching.Internals;

namespace Pairing.Core.Tests.Matching.Internals;

public sealed class ClassCostTests
{
    [Fact]
    public void A_class_pair_costs_its_cross_class_students_first_then_its_size_difference()
    {
        Assert.Equal((5 * ClassCost.Scale) + 5, ClassCost.Of(30, 25));
        Assert.Equal(5, ClassCost.Of(25, 30));
        Assert.Equal(5, ClassCost.CrossOf(ClassCost.Of(30, 25)));
        Assert.Equal(5, ClassCost.DifferenceOf(ClassCost.Of(30, 25)));
    }

    [Property(MaxTest = 200)]
    public void The_sorted_dynamic_programme_finds_the_least_cost_of_every_pairing(int seed)
    {
        var random = new Random(seed);
        var inland = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(0, 12)).Order().ToArray();
        var xinjiang = Enumerable.Range(0, random.Next(0, inland.Length + 1)).Select(_ => random.Next(0, 12)).Order().ToArray();

        var best = long.MaxValue;
        foreach (var map in Injections(xinjiang.Length, inland.Length))
        {
            best = Math.Min(best, map.Select((j, i) => ClassCost.Of(xinjiang[i], inland[j])).Sum());
        }

        Assert.Equal(best, ClassCost.Least(xinjiang, inland));
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
