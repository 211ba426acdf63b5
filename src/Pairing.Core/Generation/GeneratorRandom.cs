namespace Pairing.Core.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64 (Blackman and Vigna): the generator's own pseudo-random sequence.
/// </summary>
/// <remarks>
/// Not <see cref="Random"/>, whose algorithm is not promised to stay the same across runtimes: a seed must give
/// the same roster on every .NET version. Each county gets its own stream, derived from the seed and a stream
/// number, so that the counties can be generated in parallel and still give the same result. A mutable struct:
/// pass it by <see langword="ref"/>.
/// </remarks>
internal struct GeneratorRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates the stream <paramref name="stream"/> of the sequence for <paramref name="seed"/>.</summary>
    public GeneratorRandom(long seed, ulong stream)
    {
        var state = unchecked((ulong)seed) ^ (stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A whole number from 0 to <paramref name="maxExclusive"/> − 1 (Lemire's multiply-shift, unbiased).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 1)
        {
            return 0;
        }

        var range = (ulong)maxExclusive;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (int)product;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>A number in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
