using FsCheck.Xunit;
using Pairing.Core.Matching;
using Pairing.Core.Matching.Internals;

namespace Pairing.Core.Tests.Matching.Internals;

/// <summary>The padded LinearSumAssignment and the CP-SAT selection against brute force.</summary>
public sealed class AssignmentTests
{
    [Property(MaxTest = 150)]
    public void A_sparse_problem_gets_the_most_gain_then_the_least_cost(int seed)
    {
        var (left, right, arcs) = Random(seed);

        var mate = Assignment.TrySolve(left, right, arcs);

        Assert.NotNull(mate);
        Assert.Equal(Best(left, right, arcs), Score(mate, arcs));
    }

    [Property(MaxTest = 60)]
    public void CP_SAT_gives_the_same_optimum(int seed)
    {
        var (left, right, arcs) = Random(seed);
        var model = new SelectionModel(left, Enumerable.Repeat(1, right).ToArray(), Enumerable.Repeat(Array.Empty<long>(), right).ToArray());
        arcs.ForEach(a => model.Add(a, null));

        var chosen = model.Solve(new PairingOptions());
        var mate = Enumerable.Repeat(-1, left).ToArray();
        for (var a = 0; a < arcs.Count; a++)
        {
            if (chosen[a])
            {
                Assert.Equal(-1, mate[arcs[a].Left]);
                mate[arcs[a].Left] = arcs[a].Right;
            }
        }

        Assert.Equal(Best(left, right, arcs), Score(mate, arcs));
    }

    [Property(MaxTest = 100)]
    public void A_complete_problem_pairs_the_smaller_side_at_least_cost(int seed)
    {
        var random = new Random(seed);
        int left = random.Next(0, 6), right = random.Next(0, 6);
        var cost = Enumerable.Range(0, left * right).Select(_ => (long)random.Next(0, 9)).ToArray();
        var arcs = Enumerable.Range(0, left * right).Select(k => new Arc(k / right, k % right, 1, cost[k])).ToList();

        var mate = Assignment.SolveComplete(left, right, cost);

        Assert.Equal(Math.Min(left, right), mate.Count(m => m >= 0));
        Assert.Equal(Best(left, right, arcs), Score(mate, arcs));
    }

    [Fact]
    public void Costs_too_large_to_fold_safely_are_refused_so_the_caller_uses_CP_SAT()
    {
        List<Arc> arcs = [new(0, 0, 1_000_000, 1L << 40), new(0, 1, 1, 0), new(1, 0, 1, 0)];

        Assert.Null(Assignment.TrySolve(2, 2, arcs));
    }

    private static (int Left, int Right, List<Arc> Arcs) Random(int seed)
    {
        var random = new Random(seed);
        int left = random.Next(0, 5), right = random.Next(0, 5);
        var arcs = new List<Arc>();
        for (var l = 0; l < left; l++)
        {
            for (var r = 0; r < right; r++)
            {
                if (random.Next(3) > 0)
                {
                    arcs.Add(new Arc(l, r, random.Next(1, 4), random.Next(0, 6)));
                }
            }
        }

        return (left, right, arcs);
    }

    private static (long Gain, long Cost) Score(int[] mate, List<Arc> arcs)
    {
        long gain = 0, cost = 0;
        for (var l = 0; l < mate.Length; l++)
        {
            if (mate[l] >= 0)
            {
                var arc = arcs.Single(a => a.Left == l && a.Right == mate[l]);
                gain += arc.Gain;
                cost += arc.Cost;
            }
        }

        Assert.Equal(mate.Count(m => m >= 0), mate.Where(m => m >= 0).Distinct().Count());
        return (gain, cost);
    }

    private static (long Gain, long Cost) Best(int left, int right, List<Arc> arcs)
    {
        (long Gain, long Cost) best = (0, 0);
        var mate = new int[left];
        var used = new bool[right];
        void Go(int l, long gain, long cost)
        {
            if (l == left)
            {
                if (gain > best.Gain || (gain == best.Gain && cost < best.Cost))
                {
                    best = (gain, cost);
                }

                return;
            }

            Go(l + 1, gain, cost);
            foreach (var arc in arcs.Where(a => a.Left == l && !used[a.Right]))
            {
                used[arc.Right] = true;
                Go(l + 1, gain + arc.Gain, cost + arc.Cost);
                used[arc.Right] = false;
            }
        }

        Go(0, 0, 0);
        return best;
    }
}
