using Pairing.Core.Hierarchy;

namespace Pairing.Core.Generation;

/// <summary>One planned county of either side: the county itself and its schools, before ids are given out.</summary>
internal sealed class CountyPlan(County county, List<SchoolPlan> schools)
{
    public County County { get; } = county;

    public List<SchoolPlan> Schools { get; } = schools;

    public int Students => Schools.Sum(s => s.Students);
}
