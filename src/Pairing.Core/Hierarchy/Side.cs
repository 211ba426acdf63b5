namespace Pairing.Core.Hierarchy;

/// <summary>Which side of the programme a county (and so its schools, classes and students) is on.</summary>
public enum Side
{
    /// <summary>The aided side (新疆): a county of an aided area in Xinjiang.</summary>
    Xinjiang = 1,

    /// <summary>The supporting side (内地): a county of a supporting province or city.</summary>
    Inland = 2,
}
