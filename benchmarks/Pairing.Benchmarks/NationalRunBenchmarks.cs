using BenchmarkDotNet.Attributes;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Matching;

namespace Pairing.Benchmarks;

/// <summary>
/// Issue 27's targets in one run: a national roster read the naive way (<see cref="NaiveRoster"/>, the baseline), read
/// and validated by the library (what `pairing check` does), and taken from files to files (what `pairing match`
/// does: read, plan, match, write). Whole-process time, CPU and peak memory: benchmarks/whole-run.sh.
/// </summary>
[MemoryDiagnoser]
public class NationalRunBenchmarks
{
    private string _folder = string.Empty;
    private string _output = string.Empty;

    [Params("1000000", "other:1027007")]
    public string Roster { get; set; } = "1000000";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Measure.FolderOf(Roster);
        _output = Path.Combine(Path.GetTempPath(), "pairing-bench", "national-run-result");
    }

    [Benchmark(Baseline = true, Description = "naive: Sep, ids as strings in dictionaries")]
    public int Naive() => NaiveRoster.Read(_folder).Students.Count;

    [Benchmark(Description = "check: read and validate")]
    public int Check() => RosterFiles.Read(_folder).GetValueOrThrow().Students.Count;

    [Benchmark(Description = "match: files to files")]
    public int Match()
    {
        var roster = RosterFiles.Read(_folder).GetValueOrThrow();
        var matcher = new PairingMatcher();
        var result = matcher.Match(roster, matcher.Plan(roster));
        PairingResultFiles.Write(result, _output);
        return result.StudentPairs.Count;
    }
}
