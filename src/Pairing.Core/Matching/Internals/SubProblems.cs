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
        For(tasks.Count, options.MaxDegreeOfParallelism, cancellationToken, i =>
        {
            results[i] = solve(tasks[i]);
            var completed = Interlocked.Increment(ref done);
            progress?.Report(new PairingProgress(level, completed, tasks.Count));
        });
        if (tasks.Count == 0)
        {
            progress?.Report(new PairingProgress(level, 0, 0));
        }

        return results;
    }

    /// <summary>
    /// Runs <paramref name="count"/> independent pieces of work, each writing only its own slot, on the caller's thread
    /// and the library's own (the matcher's stages, the advisor's provinces), never the thread pool's.
    /// </summary>
    public static void For(int count, int maxDegreeOfParallelism, CancellationToken cancellationToken, Action<int> body)
    {
        using var threads = count > 1 && maxDegreeOfParallelism != 1 ? StageThreads.For(maxDegreeOfParallelism) : null;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
            TaskScheduler = threads ?? TaskScheduler.Default,
        };
        try
        {
            Parallel.For(0, count, parallel, body);
        }
        // A piece's solver stopped by the token (an Ambient scope flows into these tasks): one cancellation.
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
