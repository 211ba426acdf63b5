using Pairing.Core.Hierarchy;

namespace Pairing.Core.Reference;

/// <summary>
/// One of the 84 Xinjiang county-level units of 2014 that the aided areas cover, with the population figure used
/// to size realistic synthetic rosters.
/// </summary>
/// <remarks>Immutable; equality is by reference (the support map holds each county once).</remarks>
public sealed class ReferenceCounty
{
    internal ReferenceCounty(CountyId id, string name, AreaId areaId, ProvinceId provinceId, int? population)
    {
        Id = id;
        Name = name;
        AreaId = areaId;
        ProvinceId = provinceId;
        Population = population;
    }

    /// <summary>The county's GB/T 2260 code, or the XPCC unit's id.</summary>
    public CountyId Id { get; }

    /// <summary>The official name.</summary>
    public string Name { get; }

    /// <summary>The aided area the county belongs to.</summary>
    public AreaId AreaId { get; }

    /// <summary>The supporting province of that area.</summary>
    public ProvinceId ProvinceId { get; }

    /// <summary>The resident population (2020 census, or the XPCC yearbook), when known.</summary>
    public int? Population { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Name}";
}
