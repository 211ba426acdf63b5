using BenchmarkDotNet.Attributes;
using Pairing.Core.Activities;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Testing;

namespace Pairing.Benchmarks;

/// <summary>
/// Validating N activity records of one school year for N/10 student pairs (a generated national-shape roster, a
/// plain deterministic pairing, a generated log cut to N records), against the floor of resolving each record's
/// sender to its pair with one dictionary look-up. The input is made in memory once per size.
/// </summary>
[MemoryDiagnoser]
public class ActivityValidationBenchmarks
{
    private static readonly DateOnly AsOf = new(2015, 6, 30);

    private Roster _roster = null!;
    private PairingResult _result = null!;
    private ActivityRecord[] _records = [];
    private Dictionary<string, int> _senders = [];

    [Params(1_000_000, 10_000_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pairs = Records / 10;

        // The plain pairing covers about 93% of Xinjiang students: generate a few more and keep the first pairs.
        _roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = (int)(pairs * 1.12), Seed = 2014 });
        var all = SimplePairing.Pair(_roster);
        if (all.StudentPairs.Count < pairs)
        {
            throw new InvalidOperationException($"the pairing gave {all.StudentPairs.Count} pairs, {pairs} are needed");
        }

        _result = new PairingResult(all.CountyPairs, all.SchoolPairs, all.ClassPairs, all.StudentPairs.Take(pairs), all.Unpaired, all.Summary);
        var log = ActivityLogGenerator.Generate(_roster, _result, new ActivityLogGeneratorOptions { Seed = 1, DeliberateViolations = true });
        if (log.Count < Records)
        {
            throw new InvalidOperationException($"the log has {log.Count} records, {Records} are needed");
        }

        // The log is in date order: the first N records are the school year up to some day in spring.
        _records = [.. log.Take(Records)];
        _senders = new Dictionary<string, int>(pairs * 2, StringComparer.Ordinal);
        for (var i = 0; i < _result.StudentPairs.Count; i++)
        {
            _senders.TryAdd(_result.StudentPairs[i].Xinjiang.Value, i * 2);
            _senders.TryAdd(_result.StudentPairs[i].Inland.Value, (i * 2) + 1);
        }
    }

    [Benchmark(Baseline = true, Description = "resolve each record's sender (floor)")]
    public long ResolveSenders()
    {
        long total = 0;
        foreach (var record in _records)
        {
            if ((record.FromId ?? record.UnitId) is { } id && _senders.TryGetValue(id, out var slot))
            {
                total += slot;
            }
        }

        return total;
    }

    [Benchmark(Description = "validate")]
    public ComplianceReport Validate() => ActivityValidator.Validate(_roster, _result, _records, AsOf);

    [Benchmark(Description = "validate and write compliance.csv + roll-ups")]
    public long ValidateAndWrite()
    {
        var report = ActivityValidator.Validate(_roster, _result, _records, AsOf);
        using var stream = new CountingStream();
        ComplianceReportFiles.WriteCompliance(report, stream);
        ComplianceReportFiles.WriteRollupCsv(report, stream);
        ComplianceReportFiles.WriteRollupJson(report, stream);
        return stream.Length;
    }

    /// <summary>A stream that only counts what is written, so that the benchmark measures composing the files, not the disk.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
