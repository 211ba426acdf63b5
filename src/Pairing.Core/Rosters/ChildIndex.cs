namespace Pairing.Core.Rosters;

/// <summary>
/// Children of each parent as one flat array with offsets (compressed sparse rows): two arrays for a million
/// students rather than a list per class. Children are sorted by id within each parent.
/// </summary>
internal sealed class ChildIndex
{
    private ChildIndex(int[] start, int[] children)
    {
        Start = start;
        Children = children;
    }

    /// <summary>Parent p's children are Children[Start[p] .. Start[p + 1]).</summary>
    public int[] Start { get; }

    public int[] Children { get; }

    public int CountOf(int parent) => Start[parent + 1] - Start[parent];

    public ReadOnlySpan<int> Of(int parent) => Children.AsSpan(Start[parent], Start[parent + 1] - Start[parent]);

    public IReadOnlyList<T> Select<T>(int parent, T[] items)
    {
        var span = Of(parent);
        var result = new T[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            result[i] = items[span[i]];
        }

        return result;
    }

    public static ChildIndex Build(int parentCount, int[] parentOf, Func<int, string> idOf)
    {
        var start = new int[parentCount + 1];
        foreach (var p in parentOf)
        {
            start[p + 1]++;
        }

        for (var p = 0; p < parentCount; p++)
        {
            start[p + 1] += start[p];
        }

        var children = new int[parentOf.Length];
        var fill = (int[])start.Clone();
        for (var c = 0; c < parentOf.Length; c++)
        {
            children[fill[parentOf[c]]++] = c;
        }

        // Rows usually come grouped and in id order already: check before sorting, which is far cheaper.
        Comparer<int>? comparer = null;
        for (var p = 0; p < parentCount; p++)
        {
            var from = start[p];
            var to = start[p + 1];
            var sorted = true;
            for (var k = from + 1; k < to && sorted; k++)
            {
                sorted = string.CompareOrdinal(idOf(children[k - 1]), idOf(children[k])) <= 0;
            }

            if (!sorted)
            {
                comparer ??= Comparer<int>.Create((a, b) => string.CompareOrdinal(idOf(a), idOf(b)));
                Array.Sort(children, from, to - from, comparer);
            }
        }

        return new ChildIndex(start, children);
    }
}
