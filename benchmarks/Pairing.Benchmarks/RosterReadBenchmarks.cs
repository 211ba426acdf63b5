using BenchmarkDotNet.Attributes;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// Reading and validating a roster folder (Xinjiang students as given, about 1.1 times as many inland), against
/// the floor of reading the same bytes from disk.
/// </summary>
[MemoryDiagnoser]
public class RosterReadBenchmarks
{
    private string _folder = string.Empty;

    [Params(10_000, 100_000, 1_000_000)]
    public int XinjiangStudents { get; set; }

    [GlobalSetup]
    public void Setup() => _folder = RosterData.Folder(XinjiangStudents);

    [Benchmark(Baseline = true, Description = "read the bytes only")]
    public long ReadBytes()
    {
        long total = 0;
        foreach (var file in Directory.GetFiles(_folder, "*.csv"))
        {
            total += File.ReadAllBytes(file).Length;
        }

        return total;
    }

    [Benchmark(Description = "read and validate the roster")]
    public Roster Read() => RosterFiles.Read(_folder).GetValueOrThrow();
}
