using System.Diagnostics;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Xunit.Abstractions;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// Issue 28, item 3, at the scale it was found at: a national match (1,000,000 Xinjiang students, K = 2 at both
/// levels, whose county stage is one long CP-SAT model per province) cancelled one second in returns within two.
/// </summary>
[Collection(nameof(NationalCancellationTests))]
public sealed class NationalCancellationTests(ITestOutputHelper output)
{
    [Fact]
    public void A_national_match_cancelled_one_second_in_returns_within_two()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000_000, Seed = 2014, CountsOnly = true });
        var options = new PairingOptions { XinjiangCountiesPerInlandCounty = 2, XinjiangSchoolsPerInlandSchool = 2 };
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        // Cancelled from a thread of its own, one second in: a timer's callback waits for a free thread-pool thread,
        // and the stages keep the pool's threads busy, so CancelAfter would measure the pool, not the cancellation.
        var canceller = new Thread(() =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
            cancel.Cancel();
        });
        canceller.Start();
        var ex = Record.Exception(() => new PairingMatcher().Plan(roster, options: options, cancellationToken: cancel.Token));
        clock.Stop();
        canceller.Join();

        output.WriteLine($"returned after {clock.ElapsedMilliseconds} ms ({ex?.GetType().Name ?? "finished"})");
        if (ex is null)
        {
            // Done before the cancel came: nothing was left to stop.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.2), $"finished after {clock.ElapsedMilliseconds} ms, past the cancel");
            return;
        }

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"returned {clock.ElapsedMilliseconds} ms after the start, the cancel at 1,000 ms");
    }

    [Fact]
    public void A_national_match_cancelled_by_a_timer_returns_within_two_seconds_too()
    {
        // The stages run on threads of their own, so the thread pool is free for the timer's callback: CancelAfter
        // returned 4.7 to 5.7 s in when they ran on the pool's threads.
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000_000, Seed = 2014, CountsOnly = true });
        var options = new PairingOptions { XinjiangCountiesPerInlandCounty = 2, XinjiangSchoolsPerInlandSchool = 2 };
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        cancel.CancelAfter(TimeSpan.FromSeconds(1));
        var ex = Record.Exception(() => new PairingMatcher().Plan(roster, options: options, cancellationToken: cancel.Token));
        clock.Stop();
        output.WriteLine($"returned after {clock.ElapsedMilliseconds} ms ({ex?.GetType().Name ?? "finished"})");
        if (ex is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.2), $"finished after {clock.ElapsedMilliseconds} ms, past the cancel");
            return;
        }

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"returned {clock.ElapsedMilliseconds} ms after the start, the timer at 1,000 ms");
    }
}

/// <summary>Alone, so that the clock measures the cancellation, not the other tests.</summary>
[CollectionDefinition(nameof(NationalCancellationTests), DisableParallelization = true)]
public sealed class NationalCancellationCollection;
