using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>The id of one activity record (<c>activity_id</c>): a non-empty string without surrounding white space.</summary>
/// <remarks>
/// Equality and order are ordinal on <see cref="Value"/>. The default value has a null <see cref="Value"/> and
/// stands for "no id"; no record has it.
/// </remarks>
public readonly record struct ActivityId : IComparable<ActivityId>
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The id as it stands in the file.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or has surrounding white space.</exception>
    public ActivityId(string value) => Value = Guard.NotBlank(value);

    /// <summary>The id as it stands in the file.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public int CompareTo(ActivityId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/> (ordinal).</summary>
    public static bool operator <(ActivityId left, ActivityId right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/> (ordinal).</summary>
    public static bool operator >(ActivityId left, ActivityId right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts before or equal to <paramref name="right"/> (ordinal).</summary>
    public static bool operator <=(ActivityId left, ActivityId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after or equal to <paramref name="right"/> (ordinal).</summary>
    public static bool operator >=(ActivityId left, ActivityId right) => left.CompareTo(right) >= 0;

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Ordinal equality of the two values.</summary>
    public bool Equals(ActivityId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <summary>An ordinal hash of the value.</summary>
    public override int GetHashCode() => Value is null ? 0 : string.GetHashCode(Value, StringComparison.Ordinal);
}
