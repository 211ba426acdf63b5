using Pairing.Core.Internals;

namespace Pairing.Core.Hierarchy;

/// <summary>A middle school (中学); its side is its county's.</summary>
/// <remarks>Immutable; equality is by reference (a roster holds each school once).</remarks>
public sealed class School
{
    /// <summary>Creates a school.</summary>
    /// <param name="id">The school id.</param>
    /// <param name="countyId">The county the school is in.</param>
    /// <param name="name">The school's name, for people to read.</param>
    public School(SchoolId id, CountyId countyId, string name)
    {
        if (id.Value is null || countyId.Value is null)
        {
            Throw.Argument(id.Value is null ? nameof(id) : nameof(countyId), "must not be the default id");
        }

        Id = id;
        CountyId = countyId;
        Name = Guard.NotNull(name);
    }

    /// <summary>The school id.</summary>
    public SchoolId Id { get; }

    /// <summary>The county the school is in.</summary>
    public CountyId CountyId { get; }

    /// <summary>The school's name, for people to read.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Name}";
}
