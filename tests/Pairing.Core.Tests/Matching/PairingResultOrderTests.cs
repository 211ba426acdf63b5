using FsCheck.Xunit;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Tests.Activities;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// A result sorts its student pairs by Xinjiang id, then inland id, then the cross-class flag, whatever order they come
/// in: the order of the plain sort by those three.
/// </summary>
public sealed class PairingResultOrderTests
{
    [Property(MaxTest = 200)]
    public bool Student_pairs_come_out_in_the_order_of_the_plain_sort(int[] xs, int[] ns, bool[] crosses)
    {
        var n = Math.Min(xs.Length, Math.Min(ns.Length, crosses.Length));
        // Few distinct Xinjiang ids, so that runs of equal keys are common; ids of different lengths and a non-ASCII one.
        var pairs = Enumerable.Range(0, n).Select(i => new StudentPair(
            new StudentId("X" + (Math.Abs(xs[i] % 7) == 3 ? "维" : string.Empty) + Math.Abs(xs[i] % 7)),
            new StudentId("N" + Math.Abs(ns[i] % 50)),
            crosses[i])).ToList();

        var result = ActivitySamples.Pairing([], [], [], pairs);
        return PlainSort(pairs).SequenceEqual(result.StudentPairs);
    }

    [Fact]
    public void A_national_count_of_pairs_sorted_beside_the_unpaired_rows_comes_out_in_the_same_order()
    {
        // Past 50,000 pairs they are sorted on a thread of their own.
        var random = new Random(27);
        var pairs = Enumerable.Range(0, 60_000).Select(_ => new StudentPair(
            new StudentId("X" + random.Next(40_000)), new StudentId("N" + random.Next(90)), random.Next(2) == 0)).ToList();

        var result = ActivitySamples.Pairing([], [], [], pairs);

        Assert.Equal(PlainSort(pairs), result.StudentPairs);
    }

    private static List<StudentPair> PlainSort(List<StudentPair> pairs) => pairs
        .OrderBy(p => p.Xinjiang.Value, StringComparer.Ordinal)
        .ThenBy(p => p.Inland.Value, StringComparer.Ordinal)
        .ThenBy(p => p.CrossClass)
        .ToList();
}
