using System.Collections;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The seconds per level a summary holds: a private copy of what it was given, so the summary cannot change behind
/// its back, and equal to another when the same levels have the same seconds, so that two summaries compare by value
/// all the way down (a record compares its members with their own <see cref="object.Equals(object?)"/>).
/// </summary>
internal sealed class LevelSeconds : IReadOnlyDictionary<PairingLevel, double>, IEquatable<LevelSeconds>
{
    public static readonly LevelSeconds Empty = new(new SortedDictionary<PairingLevel, double>());

    private readonly SortedDictionary<PairingLevel, double> _seconds;

    private LevelSeconds(SortedDictionary<PairingLevel, double> seconds) => _seconds = seconds;

    public static LevelSeconds From(IReadOnlyDictionary<PairingLevel, double>? seconds) => seconds switch
    {
        null => Empty,
        LevelSeconds already => already,
        { Count: 0 } => Empty,
        _ => new LevelSeconds(new SortedDictionary<PairingLevel, double>(seconds.ToDictionary(kv => kv.Key, kv => kv.Value))),
    };

    public int Count => _seconds.Count;

    public IEnumerable<PairingLevel> Keys => _seconds.Keys;

    public IEnumerable<double> Values => _seconds.Values;

    public double this[PairingLevel key] => _seconds[key];

    public bool ContainsKey(PairingLevel key) => _seconds.ContainsKey(key);

    public bool TryGetValue(PairingLevel key, out double value) => _seconds.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<PairingLevel, double>> GetEnumerator() => _seconds.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(LevelSeconds? other) =>
        other is not null && (ReferenceEquals(this, other) || (Count == other.Count && _seconds.All(kv => other.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value))));

    public override bool Equals(object? obj) => Equals(obj as LevelSeconds);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var (level, seconds) in _seconds)
        {
            hash.Add(level);
            hash.Add(seconds);
        }

        return hash.ToHashCode();
    }
}
