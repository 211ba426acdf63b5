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

    /// <summary>Throws when the call's token is cancelled.</summary>
    public static void ThrowIfCancelled() => Current.Value.ThrowIfCancellationRequested();

    /// <summary>Puts the previous token back.</summary>
    public readonly struct Scope(CancellationToken saved) : IDisposable
    {
        public void Dispose() => Current.Value = saved;
    }
}
