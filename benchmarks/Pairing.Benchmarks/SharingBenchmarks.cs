using BenchmarkDotNet.Attributes;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// Shared inland units at national scale (issue 25, step 4): the matcher with one Xinjiang unit per inland unit (the
/// defaults, the baseline) against two at both levels (K = 2), on the same roster read once, in memory. The issue asks
/// K = 2 to take at most twice the defaults and never cover fewer.
/// </summary>
[MemoryDiagnoser]
public class SharingBenchmarks
{
    private Roster _roster = null!;

    [Params(100_000, 1_000_000)]
    public int XinjiangStudents { get; set; }

    [GlobalSetup]
    public void Setup() => _roster = RosterFiles.Read(RosterData.Folder(XinjiangStudents)).GetValueOrThrow();

    [Benchmark(Baseline = true, Description = "match, K = 1 (the defaults)")]
    public long Defaults() => new PairingMatcher().Match(_roster).Summary.CoveredStudents;

    [Benchmark(Description = "match, K = 2 at both levels")]
    public long SharedTwo() => new PairingMatcher().Match(_roster, options: new PairingOptions { XinjiangCountiesPerInlandCounty = 2, XinjiangSchoolsPerInlandSchool = 2 }).Summary.CoveredStudents;
}
