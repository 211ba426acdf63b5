namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The cost of a class pair, and the least total cost of pairing one school's classes of a grade into another's.
/// </summary>
/// <remarks>
/// A class pair of sizes a (Xinjiang) and b (inland) leaves max(0, a − b) Xinjiang students to be paired outside
/// the class (cross-class pairs, the second aim) and differs in size by |a − b| (the third aim). The cost
/// <c>max(0, a − b) · Scale + |a − b|</c> orders the two aims lexicographically as long as the size differences of
/// one sub-problem add up to less than <see cref="Scale"/> (200 per class: 5,000 classes per school and grade).
/// The cost is a convex function of a − b, so an optimal pairing of two sorted lists never crosses; that makes
/// the least cost a simple dynamic programme over the sorted sizes, exact, and cheap enough to price every
/// candidate school pair before the school level chooses.
/// </remarks>
internal static class ClassCost
{
    public const long Scale = 1L << 20;

    public static long Of(int xinjiangSize, int inlandSize)
    {
        var d = xinjiangSize - inlandSize;
        return d > 0 ? (d * Scale) + d : -d;
    }

    public static long CrossOf(long cost) => cost / Scale;

    public static long DifferenceOf(long cost) => cost % Scale;

    /// <summary>The least cost of pairing every class in <paramref name="xinjiang"/> with a distinct class in <paramref name="inland"/>; both ascending, inland at least as many.</summary>
    public static long Least(int[] xinjiang, int[] inland)
    {
        var p = xinjiang.Length;
        var q = inland.Length;
        if (p == 0)
        {
            return 0;
        }

        // best[j]: least cost of pairing the first i Xinjiang classes within the first j inland classes.
        Span<long> best = q + 1 <= 256 ? stackalloc long[q + 1] : new long[q + 1];
        Span<long> next = q + 1 <= 256 ? stackalloc long[q + 1] : new long[q + 1];
        best.Clear();
        for (var i = 1; i <= p; i++)
        {
            for (var j = 0; j < i; j++)
            {
                next[j] = long.MaxValue;
            }

            for (var j = i; j <= q; j++)
            {
                var take = best[j - 1] == long.MaxValue ? long.MaxValue : best[j - 1] + Of(xinjiang[i - 1], inland[j - 1]);
                next[j] = Math.Min(next[j - 1], take);
            }

            next.CopyTo(best);
        }

        return best[q];
    }
}
