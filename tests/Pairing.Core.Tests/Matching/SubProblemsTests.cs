using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Matching.Internals;

namespace Pairing.Core.Tests.Matching;

/// <summary>The sub-problems of a stage run on the caller's thread and the library's own, never on the thread pool's.</summary>
public sealed class SubProblemsTests
{
    private static (int[] Results, List<(bool Pool, bool Stage)> Threads) RunOnOwnThread(int parallelism)
    {
        var seen = new List<(bool Pool, bool Stage)>();
        int[] results = [];
        var caller = new Thread(() =>
        {
            results = SubProblems.Run(
                Enumerable.Range(0, 40).ToList(),
                i =>
                {
                    Thread.Sleep(2);
                    lock (seen)
                    {
                        seen.Add((Thread.CurrentThread.IsThreadPoolThread, StageThreads.IsStageThread));
                    }

                    return i * i;
                },
                new PairingOptions { MaxDegreeOfParallelism = parallelism },
                PairingLevel.Class,
                null,
                CancellationToken.None);
        });
        caller.Start();
        caller.Join();
        return (results, seen);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(3)]
    public void No_sub_problem_runs_on_the_thread_pool(int parallelism)
    {
        var (results, threads) = RunOnOwnThread(parallelism);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i * i), results);
        Assert.Equal(40, threads.Count);
        Assert.DoesNotContain(threads, t => t.Pool);
    }

    [Fact]
    public void One_thread_means_the_callers_alone()
    {
        var (results, threads) = RunOnOwnThread(1);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i * i), results);
        Assert.DoesNotContain(threads, t => t.Pool || t.Stage);
    }
}
