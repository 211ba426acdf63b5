using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

/// <summary>A Xinjiang county paired with an inland county (县级团委结对).</summary>
/// <param name="Xinjiang">The Xinjiang county.</param>
/// <param name="Inland">The inland county.</param>
/// <remarks>Equality is by value; results sort pairs by <paramref name="Xinjiang"/> (ordinal).</remarks>
public readonly record struct CountyPair(CountyId Xinjiang, CountyId Inland);
