
namespace Pairing.Core.Reference;

/// <summary>What an aided area (受援地区) of the notice's attachment is.</summary>
public enum AidedAreaKind
{
    /// <summary>A whole prefecture (地区 or 自治州), every county of which is aided by one province.</summary>
    Prefecture = 1,

    /// <summary>A single county or county-level city.</summary>
    County = 2,

    /// <summary>A unit of the Xinjiang Production and Construction Corps (新疆生产建设兵团): a division, city or regiment.</summary>
    Xpcc = 3,
}
