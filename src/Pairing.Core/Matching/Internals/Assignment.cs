using Google.OrTools.Graph;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// Lexicographic bipartite matching on OR-Tools' <see cref="LinearSumAssignment"/>: each left node takes at most one
/// right node and the other way round; the total gain is maximised first, then the total cost minimised.
/// </summary>
/// <remarks>
/// <see cref="LinearSumAssignment"/> wants a perfect matching; we pad with dummy nodes so that leaving a node
/// unmatched is always possible. The solver scales costs by the node count, so the two aims are folded into one
/// cost only while that stays far from overflow; <see cref="TrySolve"/> says when it does not, and the caller falls
/// back to CP-SAT. Arcs are added in the order given, which callers keep sorted, so ties break the same way on
/// every run.
/// </remarks>
internal static class Assignment
{
    private const double SafeMagnitude = 1L << 61;

    /// <summary>Solves a sparse problem; null when the folded costs could overflow.</summary>
    /// <returns>For each left node, its right node or -1.</returns>
    public static int[]? TrySolve(int left, int right, IReadOnlyList<Arc> arcs)
    {
        var mate = new int[left];
        Array.Fill(mate, -1);
        if (left == 0 || right == 0 || arcs.Count == 0)
        {
            return mate;
        }

        long maxGain = 0;
        var maxCostOf = new long[left];
        foreach (var arc in arcs)
        {
            maxGain = Math.Max(maxGain, arc.Gain);
            maxCostOf[arc.Left] = Math.Max(maxCostOf[arc.Left], arc.Cost);
        }

        double weight = 1;
        foreach (var c in maxCostOf)
        {
            weight += c;
        }

        // OR-Tools scales every cost by (left nodes + 1) and bounds the price changes of its cost-scaling passes by
        // about 1.5 x nodes x the largest scaled cost; past 2^63 it warns that overflow is not ruled out. With the
        // padding, the solver sees n = left + right nodes on each side, 2n in all: keep that bound well inside.
        var n = left + right;
        if ((maxGain + 1) * weight * (n + 1) * (3.0 * n) >= SafeMagnitude)
        {
            return null;
        }

        var k = (long)weight;
        using var lsa = new LinearSumAssignment();

        // Real arcs, then "left l unmatched" (l to its own dummy right), then "right r unmatched" (r's dummy left
        // to r), and for every real arc (l, r) the dummy of r to the dummy of l, so a perfect matching always exists.
        foreach (var arc in arcs)
        {
            lsa.AddArcWithCost(arc.Left, arc.Right, ((maxGain - arc.Gain) * k) + arc.Cost);
        }

        for (var l = 0; l < left; l++)
        {
            lsa.AddArcWithCost(l, right + l, maxGain * k);
        }

        for (var r = 0; r < right; r++)
        {
            lsa.AddArcWithCost(left + r, r, 0);
        }

        foreach (var arc in arcs)
        {
            lsa.AddArcWithCost(left + arc.Right, right + arc.Left, 0);
        }

        if (lsa.Solve() != LinearSumAssignment.Status.OPTIMAL)
        {
            return null;
        }

        for (var l = 0; l < left; l++)
        {
            var r = lsa.RightMate(l);
            mate[l] = r < right ? r : -1;
        }

        return mate;
    }

    /// <summary>
    /// Solves a complete problem (every left node may take every right node, all gains equal): as many pairs as the
    /// smaller side, at least total cost. <paramref name="cost"/> is row-major, left by right, non-negative.
    /// </summary>
    /// <returns>For each left node, its right node or -1.</returns>
    public static int[] SolveComplete(int left, int right, long[] cost)
    {
        var mate = new int[left];
        Array.Fill(mate, -1);
        if (left == 0 || right == 0)
        {
            return mate;
        }

        if (left == 1 || right == 1)
        {
            // One side of one node: the cheapest arc, first on ties.
            var bestL = 0;
            var bestR = 0;
            for (var l = 0; l < left; l++)
            {
                for (var r = 0; r < right; r++)
                {
                    if (cost[(l * right) + r] < cost[(bestL * right) + bestR])
                    {
                        bestL = l;
                        bestR = r;
                    }
                }
            }

            mate[bestL] = bestR;
            return mate;
        }

        // Square padding: dummy nodes on the smaller side reach every node of the other side at no cost.
        var n = Math.Max(left, right);
        using var lsa = new LinearSumAssignment();
        for (var l = 0; l < n; l++)
        {
            for (var r = 0; r < n; r++)
            {
                lsa.AddArcWithCost(l, r, l < left && r < right ? cost[(l * right) + r] : 0);
            }
        }

        if (lsa.Solve() != LinearSumAssignment.Status.OPTIMAL)
        {
            Throw.InvalidOperation("LinearSumAssignment found no optimal assignment on a complete problem.");
        }

        for (var l = 0; l < left; l++)
        {
            var r = lsa.RightMate(l);
            mate[l] = r < right ? r : -1;
        }

        return mate;
    }
}
