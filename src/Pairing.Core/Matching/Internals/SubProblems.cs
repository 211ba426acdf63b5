using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// Runs the independent sub-problems of one level across cores: each writes only its own slot, so the merged
/// result is in the fixed order of the task list whatever the thread count or timing. They run on the library's own
/// threads (<see cref="Pairing.Core.Internals.StageThreads"/>) besides the caller's, never on the thread pool's.
/// </summary>
internal static class SubProblems
{
    public static TResult[] Run<TTask, TResult>(
        IReadOnlyList<TTask> tasks,
        Func<TTask, TResult> solve,
        PairingOptions options,
        PairingLevel level,
        IProgress<PairingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var results = new TResult[tasks.Count];
        var done = 0;
        using var threads = tasks.Count > 1 && options.MaxDegreeOfParallelism != 1 ? StageThreads.For(options.MaxDegreeOfParallelism) : null;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
            TaskScheduler = threads ?? TaskScheduler.Default,
        };
        try
        {
            Parallel.For(0, tasks.Count, parallel, i =>
            {
                results[i] = solve(tasks[i]);
                var completed = Interlocked.Increment(ref done);
                progress?.Report(new PairingProgress(level, completed, tasks.Count));
            });
        }
        // A sub-problem's solver stopped by the token (PairingMatcher's Ambient scope flows into these tasks): one cancellation.
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }
        if (tasks.Count == 0)
        {
            progress?.Report(new PairingProgress(level, 0, 0));
        }

        return results;
    }
}
