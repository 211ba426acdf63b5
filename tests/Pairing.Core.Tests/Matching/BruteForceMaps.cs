namespace Pairing.Core.Tests.Matching;

/// <summary>The enumeration the brute-force optima of the tests share (they share nothing with the library).</summary>
internal static class BruteForceMaps
{
    /// <summary>
    /// Every map of 0..left-1 into 0..right-1 or -1 (none), each right taking at most <paramref name="capacity"/>:
    /// with capacity 1, every partial one-to-one map.
    /// </summary>
    public static IEnumerable<int[]> Maps(int left, int right, int capacity = 1)
    {
        var map = new int[left];
        var load = new int[right];
        IEnumerable<int[]> Go(int i)
        {
            if (i == left)
            {
                yield return (int[])map.Clone();
                yield break;
            }

            map[i] = -1;
            foreach (var m in Go(i + 1))
            {
                yield return m;
            }

            for (var j = 0; j < right; j++)
            {
                if (load[j] < capacity)
                {
                    load[j]++;
                    map[i] = j;
                    foreach (var m in Go(i + 1))
                    {
                        yield return m;
                    }

                    load[j]--;
                }
            }
        }

        return Go(0);
    }
}
