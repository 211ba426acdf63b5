using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Matching;

/// <summary>Progress, cancellation and the counts-only guard.</summary>
public sealed class PairingMatcherRunTests
{
    [Fact]
    public void Progress_reaches_the_total_of_every_level()
    {
        var reports = new List<PairingProgress>();
        var progress = new SyncProgress(reports);

        new PairingMatcher().Match(RandomRosters.Make(11, size: 2), progress: progress);

        foreach (var level in Enum.GetValues<PairingLevel>())
        {
            var last = reports.Where(r => r.Level == level).MaxBy(r => r.Completed);
            Assert.Equal(last.Total, last.Completed);
        }
    }

    [Fact]
    public void A_cancelled_run_stops()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new PairingMatcher().Match(RandomRosters.Make(3), cancellationToken: cancel.Token));
    }

    [Fact]
    public void The_roster_phase_needs_named_students()
    {
        var counts = RandomRosters.Make(3, students: false);

        Assert.Throws<ArgumentException>(() => new PairingMatcher().Match(counts));
    }

    private sealed class SyncProgress(List<PairingProgress> reports) : IProgress<PairingProgress>
    {
        public void Report(PairingProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
