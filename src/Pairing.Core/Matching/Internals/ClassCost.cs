namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The cost of pairing one school's classes of a grade into another's: cross-class pairs first, then size difference.
/// </summary>
/// <remarks>
/// In a grade with Xinjiang classes of sizes a and inland classes of sizes b, the roster phase pairs as many classes
/// as the smaller side has (P5), students within each class pair, and then the rest of the grade across classes
/// (P6), so it pairs min(Σa, Σb) students, of which Σ min(a, b) over the class pairs inside their class pair. The
/// rest, <c>min(Σa, Σb) − Σ min(a, b)</c>, are cross-class pairs (the third aim); the class pairs then differ in
/// size by Σ |a − b| (the fourth aim). When every Xinjiang class has a partner and the inland grade has room this is
/// the familiar Σ max(0, a − b). The cost <c>cross · Scale + difference</c> orders the two aims lexicographically as
/// long as the size differences of one sub-problem add up to less than <see cref="Scale"/>.
/// <para>
/// For a fixed number of class pairs, maximising Σ min(a, b) and minimising Σ |a − b| are both Monge (min is
/// supermodular, |a − b| a convex function of a − b), so an optimal pairing of two sorted lists never crosses. That
/// makes the least cost a dynamic programme over the sorted sizes (<see cref="ClassPairing"/>), exact, in time p · (w + 1)
/// for p classes on the smaller side and w more on the other and memory w + 1, cheap enough to price every candidate
/// school pair before the school level chooses.
/// </para>
/// </remarks>
internal static class ClassCost
{
    public const long Scale = 1L << 20;

    /// <summary>
    /// The cost of one class pair inside an assignment of a fixed number of class pairs, where <paramref name="largest"/>
    /// is at least every size involved: <c>(largest − min(a, b)) · Scale + |a − b|</c>. Over any assignment with the
    /// same number of pairs, it differs from the true <see cref="Least"/> cost by a constant.
    /// </summary>
    public static long Of(int xinjiangSize, int inlandSize, int largest) =>
        ((largest - (long)Math.Min(xinjiangSize, inlandSize)) * Scale) + Math.Abs(xinjiangSize - inlandSize);

    public static long CrossOf(long cost) => cost / Scale;

    public static long DifferenceOf(long cost) => cost % Scale;

    /// <summary>
    /// The least cost (cross-class pairs · Scale + size difference) of one grade: the classes of the smaller side each
    /// paired with a distinct class of the other, the rest of the grade's students paired across classes.
    /// </summary>
    /// <param name="xinjiang">Xinjiang class sizes, ascending.</param>
    /// <param name="inland">Inland class sizes, ascending.</param>
    public static long Least(int[] xinjiang, int[] inland)
    {
        if (xinjiang.Length == 0 || inland.Length == 0)
        {
            return 0;
        }

        // The shorter list is paired whole into the longer; the score is symmetric in the two sizes.
        var (shortList, longList) = xinjiang.Length <= inland.Length ? (xinjiang, inland) : (inland, xinjiang);
        var (inPairs, difference) = ClassPairing.Best(shortList, longList);

        // Cross-class pairs are min(Σa, Σb) − Σ min over the class pairs.
        var paired = Math.Min(Sum(xinjiang), Sum(inland));
        return ((paired - inPairs) * Scale) + difference;
    }

    private static long Sum(int[] sizes)
    {
        long total = 0;
        foreach (var s in sizes)
        {
            total += s;
        }

        return total;
    }
}
