using System.Collections.Concurrent;

namespace Pairing.Core.Internals;

/// <summary>
/// Threads of the library's own for the sub-problems of a stage, for the length of one parallel loop: a national match
/// keeps every core busy in CP-SAT for seconds, and on the thread pool's threads it would starve whatever else the host
/// runs there (a web server's requests, a timer that cancels the match: <c>CancelAfter</c> came seconds late).
/// The loop's own thread takes part as it always did; these threads take the rest.
/// </summary>
internal sealed class StageThreads : TaskScheduler, IDisposable
{
    [ThreadStatic]
    private static bool _isStageThread;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    /// <param name="threads">How many threads (besides the loop's own); at least one.</param>
    public StageThreads(int threads)
    {
        _threads = new Thread[Math.Max(1, threads)];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = "Pairing stage" };
            _threads[i].UnsafeStart(); // each task carries the execution context it was queued with
        }
    }

    /// <summary>The threads for a loop of at most <paramref name="maxDegreeOfParallelism"/> (-1: every core) whose caller takes part.</summary>
    public static StageThreads For(int maxDegreeOfParallelism) =>
        new((maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism) - 1);

    public override int MaximumConcurrencyLevel => _threads.Length + 1;

    /// <summary>Whether the current thread is one of these threads (for tests).</summary>
    internal static bool IsStageThread => _isStageThread;

    private void Work()
    {
        _isStageThread = true;
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    protected override void QueueTask(Task task) => _queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _isStageThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _queue.Dispose();
    }
}
