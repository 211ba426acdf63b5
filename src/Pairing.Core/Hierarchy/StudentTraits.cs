using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pairing.Core.Hierarchy;

/// <summary>
/// What the preferences read of a student (gender, birth year, language, interests), held once for every student with
/// the same four: a national roster has a few thousand distinct combinations for three million students.
/// </summary>
internal sealed class StudentTraits(Gender gender, int? birthYear, string? language, ImmutableArray<string> interests)
{
    public Gender Gender { get; } = gender;

    public int? BirthYear { get; } = birthYear;

    public string? Language { get; } = language;

    public ImmutableArray<string> Interests { get; } = interests;
}

/// <summary>
/// Makes each distinct combination of traits once. The language and the interest list must themselves be shared
/// values (from a cache), since they are told apart by reference: equal lists made apart are two combinations, which
/// costs memory, never correctness. Not thread-safe.
/// </summary>
internal sealed class StudentTraitsCache
{
    private readonly Dictionary<Key, StudentTraits> _traits = [];
    private StudentTraits? _last;

    public StudentTraits Get(Gender gender, int? birthYear, string? language, ImmutableArray<string> interests)
    {
        var list = ImmutableCollectionsMarshal.AsArray(interests) ?? [];
        if (_last is { } last && last.Gender == gender && last.BirthYear == birthYear
            && ReferenceEquals(last.Language, language) && ReferenceEquals(ImmutableCollectionsMarshal.AsArray(last.Interests), list))
        {
            return last;
        }

        var key = new Key(gender, birthYear ?? int.MinValue, language, list);
        if (!_traits.TryGetValue(key, out var traits))
        {
            traits = new StudentTraits(gender, birthYear, language, interests.IsDefault ? [] : interests);
            _traits.Add(key, traits);
        }

        return _last = traits;
    }

    private readonly struct Key(Gender gender, int year, string? language, string[] interests) : IEquatable<Key>
    {
        private readonly Gender _gender = gender;
        private readonly int _year = year;
        private readonly string? _language = language;
        private readonly string[] _interests = interests;

        public bool Equals(Key other) => _gender == other._gender && _year == other._year
            && ReferenceEquals(_language, other._language) && ReferenceEquals(_interests, other._interests);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(_gender, _year, RuntimeHelpers.GetHashCode(_language), RuntimeHelpers.GetHashCode(_interests));
    }
}
