using Pairing.Core.Internals;

namespace Pairing.Core.Findings;

/// <summary>What a finding is about: a level (such as <c>county</c>, <c>school</c>, <c>class</c>, <c>student</c>,
/// <c>pair</c>, <c>province</c>, <c>record</c>, <c>option</c>) and the id there.</summary>
/// <remarks>Immutable, with value equality (ordinal).</remarks>
public readonly record struct FindingSubject
{
    /// <summary>Creates a subject.</summary>
    /// <param name="level">The level, lower-case, as the files write it (<c>school</c>).</param>
    /// <param name="id">The id at that level, as it stands in the input (it may be any text, even with odd spacing).</param>
    /// <exception cref="ArgumentNullException">Either argument is null.</exception>
    public FindingSubject(string level, string id)
    {
        Level = Guard.NotNull(level);
        Id = Guard.NotNull(id);
    }

    /// <summary>The level: <c>county</c>, <c>school</c>, <c>class</c>, <c>student</c>, <c>pair</c>, <c>option</c>, ….</summary>
    public string Level { get; }

    /// <summary>The id at that level.</summary>
    public string Id { get; }

    /// <summary><c>level id</c>.</summary>
    public override string ToString() => $"{Level} {Id}";
}
