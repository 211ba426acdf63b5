using BenchmarkDotNet.Attributes;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// What full coverage would take, at national scale (issue 26, item 6): the capacity advice of a roster against a
/// match of the same roster (the baseline), read once, in memory. The issue asks the advice to take no longer.
/// </summary>
[MemoryDiagnoser]
public class AdviceBenchmarks
{
    private Roster _roster = null!;

    [Params(1_000_000)]
    public int XinjiangStudents { get; set; }

    [GlobalSetup]
    public void Setup() => _roster = RosterFiles.Read(RosterData.Folder(XinjiangStudents)).GetValueOrThrow();

    [Benchmark(Baseline = true, Description = "match")]
    public long Match() => new PairingMatcher().Match(_roster).Summary.CoveredStudents;

    [Benchmark(Description = "advise")]
    public int Advise() => PairingAdvisor.Advise(_roster).Additions.Count;
}
