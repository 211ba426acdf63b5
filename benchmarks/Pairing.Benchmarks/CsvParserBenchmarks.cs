using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Files.Tables;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// The CSV layer alone on a national students.csv (2.1 million rows): our reader, which gives exact positions and
/// recovers after each syntax error, against Sep, the fastest .NET parser served here. Both visit every field.
/// </summary>
[MemoryDiagnoser]
public class CsvParserBenchmarks
{
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup() => _text = File.ReadAllText(Path.Combine(RosterData.Folder(1_000_000), RosterFiles.StudentsFile));

    [Benchmark(Baseline = true, Description = "Pairing.Core CsvReader")]
    public long Ours()
    {
        long chars = 0;
        var reader = new CsvReader(_text);
        while (reader.TryRead(out var record))
        {
            for (var i = 0; i < record.Count; i++)
            {
                chars += record.GetSpan(i, out _).Length;
            }
        }

        return chars;
    }

    [Benchmark(Description = "Sep 0.17.1")]
    public long Sep()
    {
        long chars = 0;
        using var reader = nietras.SeparatedValues.Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).FromText(_text);
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                chars += row[i].Span.Length;
            }
        }

        return chars;
    }
}
