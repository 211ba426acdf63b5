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

    public T Get(ReadOnlySpan<char> text)
    {
#if NET9_0_OR_GREATER
        _lookup ??= _values.GetAlternateLookup<ReadOnlySpan<char>>();
        if (_lookup.Value.TryGetValue(text, out var found))
        {
            return found;
        }
#else
        if (_values.TryGetValue(text.ToString(), out var found))
        {
            return found;
        }
#endif
        var key = text.ToString();
        var value = create(key);
        _values.Add(key, value);
        return value;
    }
}
