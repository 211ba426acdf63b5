namespace Pairing.Core.Hierarchy;

/// <summary>The stage of middle school a grade belongs to.</summary>
public enum SchoolStage
{
    /// <summary>Junior middle school (初中), grades 7–9.</summary>
    Junior = 1,

    /// <summary>Senior middle school (高中), grades 10–12.</summary>
    Senior = 2,
}
