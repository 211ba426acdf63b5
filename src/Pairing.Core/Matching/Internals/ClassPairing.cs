namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The class level of one inland school and grade, exactly and without a cost matrix: as many class pairs as the
/// smaller side has free classes, with the most students inside class pairs (Σ min(a, b), the third aim), then the
/// least size difference (Σ |a − b|, the fourth aim), after the kept pairs.
/// </summary>
/// <remarks>
/// The cost of a class pair depends only on the two sizes, and both aims are Monge in the sorted sizes
/// (<see cref="ClassCost"/>): for a ≤ a′ and b ≤ b′, min(a, b) + min(a′, b′) ≥ min(a, b′) + min(a′, b), and
/// |a − b| + |a′ − b′| ≤ |a − b′| + |a′ − b| because |·| is convex. So two crossing pairs can always be uncrossed
/// without losing on either aim, and some optimal pairing is monotone: with both sides sorted by size, the classes of
/// the smaller side are paired in order with an increasing selection of the larger side's. The best monotone pairing
/// is a dynamic programme over (classes of the smaller side done, classes of the larger side skipped): p · (w + 1)
/// cells for p classes on the smaller side and w more on the other, which is p cells when both sides have as many.
/// Hirschberg's divide and conquer reads the pairing back from two rows of w + 1 scores (forwards to the middle
/// class of the smaller side, backwards from the end), so memory stays linear in the classes and time within twice
/// the cells. The two aims are compared as a pair (no folding into one number, so no scale can overflow).
/// Ties are broken by the fixed order of the input (size, then position), so the result never depends on threads.
/// </remarks>
internal static class ClassPairing
{
    /// <summary>
    /// Pairs the classes of one grade.
    /// </summary>
    /// <param name="xinjiang">Xinjiang class sizes, in the task's fixed order.</param>
    /// <param name="inland">Inland class sizes, in the task's fixed order.</param>
    /// <param name="kept">For each Xinjiang class, the inland class (index into <paramref name="inland"/>) it keeps
    /// from a previous year, or -1; kept inland classes are distinct.</param>
    /// <returns>For each Xinjiang class, its inland class (index) or -1.</returns>
    public static int[] Pair(int[] xinjiang, int[] inland, int[] kept)
    {
        var mate = (int[])kept.Clone();
        var used = new bool[inland.Length];
        foreach (var d in kept)
        {
            if (d >= 0)
            {
                used[d] = true;
            }
        }

        var freeX = Enumerable.Range(0, xinjiang.Length).Where(k => kept[k] < 0).ToArray();
        var freeN = Enumerable.Range(0, inland.Length).Where(j => !used[j]).ToArray();

        // Sorted by size, then by position: a stable, fixed order.
        var byX = freeX.OrderBy(k => xinjiang[k]).ToArray();
        var byN = freeN.OrderBy(j => inland[j]).ToArray();
        var xs = byX.Select(k => xinjiang[k]).ToArray();
        var ns = byN.Select(j => inland[j]).ToArray();
        if (xs.Length <= ns.Length)
        {
            var match = Monotone(xs, ns);
            for (var i = 0; i < match.Length; i++)
            {
                mate[byX[i]] = byN[match[i]];
            }
        }
        else
        {
            // Fewer inland classes: each is paired, with an increasing selection of the Xinjiang classes.
            var match = Monotone(ns, xs);
            for (var i = 0; i < match.Length; i++)
            {
                mate[byX[match[i]]] = byN[i];
            }
        }

        return mate;
    }

    /// <summary>
    /// The best score of pairing every class of <paramref name="shorter"/> with a distinct class of
    /// <paramref name="longer"/> (both ascending, <paramref name="shorter"/> no longer): most students inside class
    /// pairs, then least size difference. Linear memory; no pairing is read back.
    /// </summary>
    public static (long Inside, long Difference) Best(int[] shorter, int[] longer)
    {
        var w = longer.Length - shorter.Length;
        var row = new Score[w + 1];
        Forward(shorter, 0, shorter.Length, longer, 0, longer.Length, reversed: false, row);
        return (row[w].Inside, row[w].Difference);
    }

    /// <summary>
    /// The best monotone pairing of every class of <paramref name="shorter"/> into <paramref name="longer"/> (both
    /// ascending): for each class of the shorter list, the index of its partner in the longer one, increasing.
    /// </summary>
    public static int[] Monotone(int[] shorter, int[] longer)
    {
        var match = new int[shorter.Length];
        var w = longer.Length - shorter.Length;
        var forward = new Score[w + 1];
        var backward = new Score[w + 1];
        Split(shorter, 0, shorter.Length, longer, 0, longer.Length, match, forward, backward);
        return match;
    }

    /// <summary>Pairs shorter[a..a+p) into longer[b..b+q) (q ≥ p), writing the partners' indexes into match.</summary>
    private static void Split(int[] shorter, int a, int p, int[] longer, int b, int q, int[] match, Score[] forward, Score[] backward)
    {
        var w = q - p;
        if (p == 0)
        {
            return;
        }

        if (w == 0)
        {
            for (var i = 0; i < p; i++)
            {
                match[a + i] = b + i;
            }

            return;
        }

        if (p == 1)
        {
            // One class: its best partner, the first on ties.
            var best = 0;
            var bestScore = Score.Zero.Plus(shorter[a], longer[b]);
            for (var k = 1; k <= w; k++)
            {
                var score = Score.Zero.Plus(shorter[a], longer[b + k]);
                if (score.BetterThan(bestScore))
                {
                    (best, bestScore) = (k, score);
                }
            }

            match[a] = b + best;
            return;
        }

        // forward[k]: the first half of the shorter list into the first half + k of the longer one; backward[k]: the
        // second half into what is left after those, i.e. longer[b + half + k ..). Some optimal pairing passes
        // through one of these splits; take the first best.
        var half = p / 2;
        Forward(shorter, a, half, longer, b, half + w, reversed: false, forward);
        Forward(shorter, a + half, p - half, longer, b + half, q - half, reversed: true, backward);
        var split = 0;
        var bestSplit = forward[0].Add(backward[w]);
        for (var k = 1; k <= w; k++)
        {
            var score = forward[k].Add(backward[w - k]);
            if (score.BetterThan(bestSplit))
            {
                (split, bestSplit) = (k, score);
            }
        }

        Split(shorter, a, half, longer, b, half + split, match, forward, backward);
        Split(shorter, a + half, p - half, longer, b + half + split, q - half - split, match, forward, backward);
    }

    /// <summary>
    /// row[k], for k in 0..q−p: the best score of pairing all of shorter[a..a+p) into the first p + k classes of
    /// longer[b..b+q); or, <paramref name="reversed"/>, of both lists read from their ends (so into the last p + k).
    /// </summary>
    private static void Forward(int[] shorter, int a, int p, int[] longer, int b, int q, bool reversed, Score[] row)
    {
        var w = q - p;
        Array.Clear(row, 0, w + 1);
        for (var i = 0; i < p; i++)
        {
            var size = reversed ? shorter[a + p - 1 - i] : shorter[a + i];
            for (var k = 0; k <= w; k++)
            {
                // Take longer's (i + k)-th class for this one, or skip it (row[k − 1], already this row's).
                var other = reversed ? longer[b + q - 1 - i - k] : longer[b + i + k];
                var take = row[k].Plus(size, other);
                row[k] = k > 0 && row[k - 1].BetterThan(take) ? row[k - 1] : take;
            }
        }
    }

    /// <summary>Students inside class pairs (more is better), then their size difference (less is better).</summary>
    private readonly record struct Score(long Inside, long Difference)
    {
        public static Score Zero => default;

        public Score Plus(int a, int b) => new(Inside + Math.Min(a, b), Difference + Math.Abs(a - b));

        public Score Add(Score other) => new(Inside + other.Inside, Difference + other.Difference);

        public bool BetterThan(Score other) => Inside > other.Inside || (Inside == other.Inside && Difference < other.Difference);
    }
}
