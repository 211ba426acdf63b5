
namespace Pairing.Core.Internals;

/// <summary>
/// The cancellation token of the public call in progress, for the loops deep inside it (a CSV reader's rows, a
/// checker's pairs, a validator's slices) that would otherwise need it threaded through every internal signature.
/// Set by the public method for the duration of the call (it flows into the tasks it starts), read every few thousand
/// iterations, so a cancelled call stops within milliseconds and an uncancelled one pays nothing measurable.
/// </summary>
internal static class Ambient
{
    private static readonly AsyncLocal<CancellationToken> Current = new();
    private static readonly AsyncLocal<Action<long>?> RowsRead = new();
    private static readonly AsyncLocal<ProofCount?> Unproven = new();

    /// <summary>
    /// Counts, for the matching run in progress, the solves whose answer CP-SAT did not prove optimal (it stopped at its
    /// work limit): while none did, a run with one Xinjiang unit per inland unit is proven optimal in coverage.
    /// </summary>
    public static Scope<ProofCount?> CountUnproven(ProofCount counter)
    {
        var saved = Unproven.Value;
        Unproven.Value = counter;
        return new Scope<ProofCount?>(() => Unproven.Value = saved);
    }

    /// <summary>Records a solve not proven optimal in the run's counter, if the run keeps one.</summary>
    public static void NotProven()
    {
        if (Unproven.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Unproven);
        }
    }

    /// <summary>
    /// Records a solve not proven optimal whose coverage is nevertheless bounded: the optimum of its sub-problem covers
    /// at most <paramref name="slack"/> students more than the answer taken (the solver's own bound).
    /// </summary>
    public static void NotProven(long slack)
    {
        if (Unproven.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Unproven);
            Interlocked.Increment(ref counter.Bounded);
            Interlocked.Add(ref counter.Slack, slack);
        }
    }

    /// <summary>The solves of a run not proven optimal, how many of them state a bound, and the students those bounds leave open.</summary>
    public sealed class ProofCount
    {
        public int Unproven;
        public int Bounded;
        public long Slack;
    }

    /// <summary>The token of the call in progress; none outside one.</summary>
    public static CancellationToken Token => Current.Value;

    /// <summary>Makes <paramref name="token"/> the call's token until the scope is disposed.</summary>
    public static Scope Use(CancellationToken token)
    {
        var saved = Current.Value;
        Current.Value = token;
        return new Scope(saved);
    }

    /// <summary>Throws when the call's token is cancelled; checks only every 4,096th time it is called with the same counter.</summary>
    public static void Poll(ref int counter)
    {
        if ((++counter & 0xFFF) == 0)
        {
            Current.Value.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Where the reader in progress reports its rows (every 65,536 and at the end of a file), until the scope is disposed.</summary>
    public static RowScope ReportRows(Action<long>? rows)
    {
        var saved = RowsRead.Value;
        RowsRead.Value = rows;
        return new RowScope(saved);
    }

    /// <summary>The rows read so far in the file in progress, every 65,536th row (and with <paramref name="last"/>, at the end).</summary>
    public static void Rows(long rows, bool last = false)
    {
        if (last || (rows & 0xFFFF) == 0)
        {
            RowsRead.Value?.Invoke(rows);
        }
    }

    /// <summary>Throws when the call's token is cancelled.</summary>
    public static void ThrowIfCancelled() => Current.Value.ThrowIfCancellationRequested();

    /// <summary>Puts back what a scope replaced.</summary>
    public readonly struct Scope<T>(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>Puts the previous token back.</summary>
    public readonly struct Scope(CancellationToken saved) : IDisposable
    {
        public void Dispose() => Current.Value = saved;
    }

    /// <summary>Puts the previous row report back.</summary>
    public readonly struct RowScope(Action<long>? saved) : IDisposable
    {
        public void Dispose() => RowsRead.Value = saved;
    }
}
