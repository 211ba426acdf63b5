using FsCheck.Xunit;
using Pairing.Core.Matching.Internals;

namespace Pairing.Core.Tests.Matching.Internals;

/// <summary>
/// The class level's monotone pairing over sorted sizes against the dense assignment it replaced (every Xinjiang class
/// by every inland class at <see cref="ClassCost.Of"/>, on <see cref="Assignment.SolveComplete"/>) and against brute
/// force: the same objective, kept pairs included, whatever the two counts.
/// </summary>
public sealed class ClassPairingTests
{
    [Fact]
    public void Equal_counts_pair_in_size_order_and_kept_pairs_stay()
    {
        // Sorted: 20↔22, 30↔31, 40↔45; positions are the input's.
        Assert.Equal([1, 2, 0], ClassPairing.Pair([40, 20, 30], [31, 45, 22], [-1, -1, -1]));

        // Xinjiang class 0 keeps inland class 0 (45) although 40↔45 would be its best; the rest pair in order.
        Assert.Equal([0, 2, 1], ClassPairing.Pair([20, 30, 40], [45, 31, 22], [0, -1, -1]));

        // One Xinjiang class of 30 among inland 10, 25, 30, 60: the 30 (all inside, no difference).
        Assert.Equal([2], ClassPairing.Pair([30], [10, 25, 30, 60], [-1]));

        // More Xinjiang classes than inland: the inland 25 takes the 30 (25 inside) rather than the 10.
        Assert.Equal([-1, 0], ClassPairing.Pair([10, 30], [25], [-1, -1]));
    }

    [Property(MaxTest = 300)]
    public void The_monotone_pairing_meets_the_dense_assignment_on_both_aims_with_kept_pairs(int seed)
    {
        var random = new Random(seed);
        var xinjiang = Sizes(random, random.Next(0, 10), random.Next(1, 60));
        var inland = Sizes(random, random.Next(0, 10), random.Next(1, 60));
        var kept = Kept(random, xinjiang.Length, inland.Length);

        var mate = ClassPairing.Pair(xinjiang, inland, kept);

        AssertValid(mate, kept, inland.Length);
        Assert.Equal(Dense(xinjiang, inland, kept), Objective(xinjiang, inland, mate));
    }

    [Property(MaxTest = 60)]
    public void Larger_grades_with_unequal_counts_meet_the_dense_assignment(int seed)
    {
        // Up to 60 classes a side, so Hirschberg's split recurses several levels deep on both sides of the middle.
        var random = new Random(seed);
        var xinjiang = Sizes(random, random.Next(0, 61), 48);
        var inland = Sizes(random, random.Next(0, 61), 48);
        var kept = Kept(random, xinjiang.Length, inland.Length);

        var mate = ClassPairing.Pair(xinjiang, inland, kept);

        AssertValid(mate, kept, inland.Length);
        Assert.Equal(Dense(xinjiang, inland, kept), Objective(xinjiang, inland, mate));
    }

    [Property(MaxTest = 200)]
    public void The_monotone_pairing_meets_brute_force_even_where_a_folded_cost_would_overflow(int seed)
    {
        // Sizes up to a million: the size differences exceed ClassCost.Scale, which only a lexicographic comparison survives.
        var random = new Random(seed);
        var xinjiang = Sizes(random, random.Next(0, 6), random.Next(0, 2) == 0 ? 12 : 1_000_000);
        var inland = Sizes(random, random.Next(0, 6), random.Next(0, 2) == 0 ? 12 : 1_000_000);
        var kept = Kept(random, xinjiang.Length, inland.Length);

        var mate = ClassPairing.Pair(xinjiang, inland, kept);

        AssertValid(mate, kept, inland.Length);
        Assert.Equal(BruteForce(xinjiang, inland, kept), Objective(xinjiang, inland, mate));
    }

    [Property(MaxTest = 100)]
    public void The_least_cost_of_a_grade_is_the_cost_of_the_pairing_it_makes(int seed)
    {
        var random = new Random(seed);
        var xinjiang = Sizes(random, random.Next(0, 30), 48).Order().ToArray();
        var inland = Sizes(random, random.Next(0, 30), 48).Order().ToArray();

        var mate = ClassPairing.Pair(xinjiang, inland, Enumerable.Repeat(-1, xinjiang.Length).ToArray());
        var (pairs, inside, difference) = Objective(xinjiang, inland, mate);

        Assert.Equal(Math.Min(xinjiang.Length, inland.Length), pairs);
        var cross = Math.Min(xinjiang.Sum(), inland.Sum()) - inside;
        Assert.Equal((cross * ClassCost.Scale) + difference, ClassCost.Least(xinjiang, inland));
    }

    [Fact]
    public void Ties_break_by_position_so_the_same_sizes_always_give_the_same_pairing()
    {
        // Every class has 30 students: any pairing is optimal; the first free classes pair in order.
        int[] sizes = [30, 30, 30, 30];
        Assert.Equal([0, 1, 2, 3], ClassPairing.Pair(sizes, sizes, [-1, -1, -1, -1]));
        Assert.Equal([0, 1, -1, -1], ClassPairing.Pair(sizes, [30, 30], [-1, -1, -1, -1]));
        Assert.Equal(ClassPairing.Pair([31, 30, 29, 30], [30, 30, 30, 30, 30, 31], [-1, -1, -1, -1]),
            ClassPairing.Pair([31, 30, 29, 30], [30, 30, 30, 30, 30, 31], [-1, -1, -1, -1]));
    }

    private static int[] Sizes(Random random, int count, int largest) =>
        Enumerable.Range(0, count).Select(_ => random.Next(0, largest + 1)).ToArray();

    /// <summary>Some Xinjiang classes keep distinct inland classes, as a previous year's pairs would.</summary>
    private static int[] Kept(Random random, int xinjiang, int inland)
    {
        var kept = Enumerable.Repeat(-1, xinjiang).ToArray();
        var free = Enumerable.Range(0, inland).OrderBy(_ => random.Next()).ToList();
        for (var k = 0; k < xinjiang && free.Count > 0; k++)
        {
            if (random.Next(0, 4) == 0)
            {
                kept[k] = free[^1];
                free.RemoveAt(free.Count - 1);
            }
        }

        return kept;
    }

    private static void AssertValid(int[] mate, int[] kept, int inland)
    {
        for (var k = 0; k < kept.Length; k++)
        {
            if (kept[k] >= 0)
            {
                Assert.Equal(kept[k], mate[k]);
            }
        }

        var taken = mate.Where(m => m >= 0).ToList();
        Assert.Equal(taken.Count, taken.Distinct().Count());
        Assert.All(taken, m => Assert.InRange(m, 0, inland - 1));
        var keptCount = kept.Count(m => m >= 0);
        Assert.Equal(keptCount + Math.Min(kept.Length - keptCount, inland - keptCount), taken.Count);
    }

    /// <summary>Class pairs, students inside them (Σ min), their size difference (Σ |a − b|), kept pairs included.</summary>
    private static (int Pairs, long Inside, long Difference) Objective(int[] xinjiang, int[] inland, int[] mate)
    {
        var (pairs, inside, difference) = (0, 0L, 0L);
        for (var k = 0; k < mate.Length; k++)
        {
            if (mate[k] >= 0)
            {
                pairs++;
                inside += Math.Min(xinjiang[k], inland[mate[k]]);
                difference += Math.Abs(xinjiang[k] - inland[mate[k]]);
            }
        }

        return (pairs, inside, difference);
    }

    /// <summary>What the class level did before: kept pairs, then a dense assignment of the free classes.</summary>
    private static (int, long, long) Dense(int[] xinjiang, int[] inland, int[] kept)
    {
        var freeX = Enumerable.Range(0, xinjiang.Length).Where(k => kept[k] < 0).ToArray();
        var freeN = Enumerable.Range(0, inland.Length).Where(j => !kept.Contains(j)).ToArray();
        var largest = freeX.Select(k => xinjiang[k]).Concat(freeN.Select(j => inland[j])).DefaultIfEmpty(0).Max();
        var cost = new long[freeX.Length * freeN.Length];
        for (var i = 0; i < freeX.Length; i++)
        {
            for (var j = 0; j < freeN.Length; j++)
            {
                cost[(i * freeN.Length) + j] = ClassCost.Of(xinjiang[freeX[i]], inland[freeN[j]], largest);
            }
        }

        var m = Assignment.SolveComplete(freeX.Length, freeN.Length, cost);
        var mate = (int[])kept.Clone();
        for (var i = 0; i < freeX.Length; i++)
        {
            if (m[i] >= 0)
            {
                mate[freeX[i]] = freeN[m[i]];
            }
        }

        return Objective(xinjiang, inland, mate);
    }

    /// <summary>Every pairing of as many free classes as the smaller side has, compared on (most inside, least difference).</summary>
    private static (int, long, long) BruteForce(int[] xinjiang, int[] inland, int[] kept)
    {
        var freeX = Enumerable.Range(0, xinjiang.Length).Where(k => kept[k] < 0).ToArray();
        var freeN = Enumerable.Range(0, inland.Length).Where(j => !kept.Contains(j)).ToArray();
        (int, long, long)? best = null;
        void Consider(int[] mate)
        {
            var score = Objective(xinjiang, inland, mate);
            if (best is not { } b || score.Item2 > b.Item2 || (score.Item2 == b.Item2 && score.Item3 < b.Item3))
            {
                best = score;
            }
        }

        if (freeX.Length <= freeN.Length)
        {
            foreach (var map in ClassCostTests.Injections(freeX.Length, freeN.Length))
            {
                var mate = (int[])kept.Clone();
                for (var i = 0; i < map.Length; i++)
                {
                    mate[freeX[i]] = freeN[map[i]];
                }

                Consider(mate);
            }
        }
        else
        {
            foreach (var map in ClassCostTests.Injections(freeN.Length, freeX.Length))
            {
                var mate = (int[])kept.Clone();
                for (var j = 0; j < map.Length; j++)
                {
                    mate[freeX[map[j]]] = freeN[j];
                }

                Consider(mate);
            }
        }

        return best!.Value;
    }
}
