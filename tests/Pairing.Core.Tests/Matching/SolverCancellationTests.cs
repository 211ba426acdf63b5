using System.Diagnostics;
using Pairing.Core.Matching;
using Xunit.Abstractions;

namespace Pairing.Core.Tests.Matching;

/// <summary>Cancellation reaches CP-SAT itself (issue 28, item 3): one long sub-problem no longer runs to its work limit.</summary>
public sealed class SolverCancellationTests(ITestOutputHelper output)
{
    [Fact]
    public void One_long_cp_sat_model_stops_within_a_second_of_the_cancel()
    {
        // One hard sub-problem (a multi-resource knapsack, as the county level is with shared inland counties), whose
        // work limit is seconds away: before the token reached CP-SAT it ran to that limit.
        using var cancel = new CancellationTokenSource();
        var model = HardModel();
        var clock = Stopwatch.StartNew();
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        var ex = Record.Exception(() =>
        {
            using var scope = Pairing.Core.Internals.Ambient.Use(cancel.Token);
            model.Solve(new PairingOptions { WorkLimitPerSubproblem = 30 });
        });
        clock.Stop();

        output.WriteLine($"returned after {clock.ElapsedMilliseconds} ms");
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        // Measured: 0.6 s with the token at CP-SAT's stop-search, 76.6 s without (the work limit); the cancel comes at 0.3 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.3), $"{clock.ElapsedMilliseconds} ms");
    }

    private static Pairing.Core.Matching.Internals.SelectionModel HardModel()
    {
        var random = new Random(5);
        const int Left = 600, Right = 40, Resources = 4;
        var supply = Enumerable.Range(0, Right).Select(_ => Enumerable.Range(0, Resources).Select(_ => (long)random.Next(40, 90)).ToArray()).ToArray();
        var model = new Pairing.Core.Matching.Internals.SelectionModel(Left, [.. Enumerable.Repeat(12, Right)], supply);
        for (var l = 0; l < Left; l++)
        {
            foreach (var r in Enumerable.Range(0, Right).OrderBy(_ => random.Next()).Take(12))
            {
                var demand = Enumerable.Range(0, Resources).Select(_ => (long)random.Next(1, 20)).ToArray();
                model.Add(new Pairing.Core.Matching.Internals.Arc(l, r, random.Next(1, 1000), random.Next(0, 100), random.Next(1, 1000)), demand);
            }
        }

        return model;
    }
}
