using Pairing.Core.Internals;

namespace Pairing.Core.Hierarchy;

/// <summary>
/// A county-level unit with its league committee (县级团委), the pairing unit above schools, on either side.
/// </summary>
/// <remarks>Immutable; equality is by reference (a roster holds each county once).</remarks>
public sealed class County
{
    /// <summary>Creates a county.</summary>
    /// <param name="id">The county id; the GB/T 2260 code where the county has one.</param>
    /// <param name="side">Which side the county is on.</param>
    /// <param name="name">The county's name, for people to read.</param>
    /// <param name="unit">
    /// For a Xinjiang county, the id of its aided area (受援地区); for an inland county, the id of its supporting
    /// province or city (对口支援省市). Whether it is a known one is checked when a roster is built.
    /// </param>
    public County(CountyId id, string name, Side side, string unit)
    {
        if (id.Value is null)
        {
            Throw.Argument(nameof(id), "must not be the default id");
        }

        if (side is not (Side.Xinjiang or Side.Inland))
        {
            Throw.ArgumentOutOfRange(nameof(side), side, "must be Xinjiang or Inland");
        }

        Id = id;
        Name = Guard.NotNull(name);
        Side = side;
        Unit = Guard.NotBlank(unit);
    }

    /// <summary>The county id.</summary>
    public CountyId Id { get; }

    /// <summary>The county's name, for people to read.</summary>
    public string Name { get; }

    /// <summary>Which side the county is on.</summary>
    public Side Side { get; }

    /// <summary>The aided area (Xinjiang) or supporting province (inland) the county belongs to, as written.</summary>
    public string Unit { get; }

    /// <summary>The county's aided area, for a Xinjiang county; <see langword="null"/> for an inland one.</summary>
    public AreaId? AreaId => Side == Side.Xinjiang ? new AreaId(Unit) : null;

    /// <summary>The county's supporting province, for an inland county; <see langword="null"/> for a Xinjiang one
    /// (look it up through its aided area in the support map).</summary>
    public ProvinceId? ProvinceId => Side == Side.Inland ? new ProvinceId(Unit) : null;

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Name} ({Side})";
}
