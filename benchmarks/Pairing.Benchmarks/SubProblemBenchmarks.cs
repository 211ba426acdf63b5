using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// A single school pair with 10,000 grade-7 classes a side (<see cref="HugeSchoolPair"/>): the school level prices
/// that grade, then the class level pairs it as one sub-problem of 10,000 × 10,000 classes, then the student level
/// pairs about 375,000 Xinjiang students per class pair and in one overflow. In memory (no files); a single launch
/// with one warm-up and three measured runs, because one run of the dense class level took about half a minute.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SubProblemBenchmarks
{
    private Roster _roster = null!;

    [Params(10_000)]
    public int ClassesPerSide { get; set; }

    [GlobalSetup]
    public void Setup() => _roster = HugeSchoolPair.Build(ClassesPerSide);

    [Benchmark(Description = "one school pair: plan and match")]
    public int PlanAndMatch() => new PairingMatcher().Match(_roster).ClassPairs.Count;
}
