using System.Collections;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// Counts by finding code, read-only, in code order (ordinal), and equal by value, so that two summaries with the same
/// continuity counts are equal records.
/// </summary>
internal sealed class CodeCounts : IReadOnlyDictionary<string, int>, IEquatable<CodeCounts>
{
    private readonly SortedDictionary<string, int> _counts;

    private CodeCounts(SortedDictionary<string, int> counts) => _counts = counts;

    public static CodeCounts? From(IReadOnlyDictionary<string, int>? counts) => counts switch
    {
        null => null,
        CodeCounts already => already,
        _ => new CodeCounts(new SortedDictionary<string, int>(counts.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), StringComparer.Ordinal)),
    };

    public int Count => _counts.Count;

    public IEnumerable<string> Keys => _counts.Keys;

    public IEnumerable<int> Values => _counts.Values;

    public int this[string key] => _counts[key];

    public bool ContainsKey(string key) => _counts.ContainsKey(key);

    public bool TryGetValue(string key, out int value) => _counts.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => _counts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(CodeCounts? other) =>
        other is not null && (ReferenceEquals(this, other) || (Count == other.Count && _counts.All(kv => other.TryGetValue(kv.Key, out var v) && v == kv.Value)));

    public override bool Equals(object? obj) => Equals(obj as CodeCounts);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var (code, count) in _counts)
        {
            hash.Add(code, StringComparer.Ordinal);
            hash.Add(count);
        }

        return hash.ToHashCode();
    }
}
