using BenchmarkDotNet.Attributes;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// Both phases end to end, files in to files out: read the roster, plan (counties, schools), match (classes,
/// students), write the result. The baseline reads the roster alone, so the ratio shows what pairing adds.
/// </summary>
[MemoryDiagnoser]
public class PairingBenchmarks
{
    private string _roster = string.Empty;
    private string _output = string.Empty;

    [Params(10_000, 100_000, 1_000_000)]
    public int XinjiangStudents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _roster = RosterData.Folder(XinjiangStudents);
        _output = Path.Combine(Path.GetTempPath(), "pairing-bench", $"result-{XinjiangStudents}");
    }

    [Benchmark(Baseline = true, Description = "read the roster only")]
    public Roster ReadRoster() => RosterFiles.Read(_roster).GetValueOrThrow();

    [Benchmark(Description = "read, plan, match, write")]
    public int FilesInToFilesOut()
    {
        var roster = RosterFiles.Read(_roster).GetValueOrThrow();
        var result = new PairingMatcher().Match(roster);
        PairingResultFiles.Write(result, _output);
        return result.StudentPairs.Count;
    }
}
