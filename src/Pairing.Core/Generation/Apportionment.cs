namespace Pairing.Core.Generation;

/// <summary>
/// Splits a whole number into parts proportional to weights, exactly (largest-remainder method, Hamilton's): the
/// parts add up to the total, each is its quota rounded down or up, and ties go to the earlier part.
/// </summary>
internal static class Apportionment
{
    /// <summary>Splits <paramref name="total"/> in proportion to whole-number weights, in exact integer arithmetic.</summary>
    public static int[] Split(int total, ReadOnlySpan<long> weights)
    {
        var parts = new int[weights.Length];
        if (weights.Length == 0 || total <= 0)
        {
            return parts;
        }

        long sum = 0;
        foreach (var w in weights)
        {
            sum += w;
        }

        if (sum <= 0)
        {
            // No weight anywhere: split evenly.
            Span<long> even = weights.Length <= 256 ? stackalloc long[weights.Length] : new long[weights.Length];
            even.Fill(1);
            return Split(total, even);
        }

        var remainders = new long[weights.Length];
        var given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var quota = checked(total * weights[i]);
            parts[i] = (int)(quota / sum);
            remainders[i] = quota % sum;
            given += parts[i];
        }

        var order = new int[weights.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Largest remainder first; the earlier part wins a tie, so the result does not depend on sort stability.
        Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
        for (var k = 0; given < total; k++)
        {
            parts[order[k]]++;
            given++;
        }

        return parts;
    }

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to non-negative real weights, scaled to whole numbers first so
    /// that only basic IEEE arithmetic (the same on every platform) touches them.
    /// </summary>
    public static int[] Split(int total, ReadOnlySpan<double> weights)
    {
        Span<long> scaled = weights.Length <= 256 ? stackalloc long[weights.Length] : new long[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            scaled[i] = (long)Math.Round(Math.Max(0, weights[i]) * 1_000_000);
        }

        return Split(total, scaled);
    }
}
