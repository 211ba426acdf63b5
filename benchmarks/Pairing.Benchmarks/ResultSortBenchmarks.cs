using BenchmarkDotNet.Attributes;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Benchmarks;

/// <summary>
/// Sorting a national result's student pairs (issue 27): the comparison delegate per comparison (the baseline, as the
/// result sorted them before stop 22) against the Xinjiang ids sorted as keys first, then runs of equal ids.
/// </summary>
[MemoryDiagnoser]
public class ResultSortBenchmarks
{
    private StudentPair[] _pairs = null!;
    private StudentPair[] _work = null!;

    private static readonly Comparison<StudentPair> Order = static (a, b) =>
    {
        var c = string.CompareOrdinal(a.Xinjiang.Value, b.Xinjiang.Value);
        c = c != 0 ? c : string.CompareOrdinal(a.Inland.Value, b.Inland.Value);
        return c != 0 ? c : a.CrossClass.CompareTo(b.CrossClass);
    };

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2014);
        _pairs = Enumerable.Range(0, 898_025)
            .Select(i => new StudentPair(new StudentId($"X{650000 + (i % 84):D6}-{i:D6}"), new StudentId($"N{110000 + (i % 300):D6}-{i:D6}"), i % 7 == 0))
            .OrderBy(_ => random.Next())
            .ToArray();
        _work = new StudentPair[_pairs.Length];
    }

    [Benchmark(Baseline = true, Description = "Array.Sort with the comparison")]
    public StudentPair Plain()
    {
        _pairs.CopyTo(_work, 0);
        Array.Sort(_work, Order);
        return _work[0];
    }

    [Benchmark(Description = "keys first, then runs of equal keys")]
    public StudentPair Keyed()
    {
        _pairs.CopyTo(_work, 0);
        return PairingResult.SortedByXinjiangId(_work, static p => p.Xinjiang.Value, Order)[0];
    }
}
