namespace Pairing.Core.Internals;

/// <summary>
/// Maps text to a value made from it once, looked up by span so that a value seen before costs no allocation
/// (a class id shared by forty students, an interest list shared by thousands). On net8.0, which has no
/// alternate look-up, the key string is allocated for each look-up.
/// </summary>
internal sealed class SpanCache<T>(Func<string, T> create)
{
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
    private Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>>? _lookup;
#endif

    // The last text asked for and its value: rows come class by class, so most look-ups ask for it again, and a
    // comparison of a few characters costs less than hashing them.
    private string? _lastKey;
    private T _lastValue = default!;

    public T Get(ReadOnlySpan<char> text)
    {
        if (_lastKey is { } last && text.SequenceEqual(last))
        {
            return _lastValue;
        }

        var value = Find(text, out var key);
        _lastKey = key;
        _lastValue = value;
        return value;
    }

    private T Find(ReadOnlySpan<char> text, out string key)
    {
#if NET9_0_OR_GREATER
        _lookup ??= _values.GetAlternateLookup<ReadOnlySpan<char>>();
        if (_lookup.Value.TryGetValue(text, out var actual, out var found))
        {
            key = actual;
            return found;
        }

        key = text.ToString();
#else
        key = text.ToString();
        if (_values.TryGetValue(key, out var found))
        {
            return found;
        }
#endif
        var value = create(key);
        _values.Add(key, value);
        return value;
    }
}
