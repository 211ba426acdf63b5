using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

/// <summary>A Xinjiang middle school paired with an inland middle school (学校结对).</summary>
/// <param name="Xinjiang">The Xinjiang school.</param>
/// <param name="Inland">The inland school.</param>
/// <remarks>Equality is by value; results sort pairs by <paramref name="Xinjiang"/> (ordinal).</remarks>
public readonly record struct SchoolPair(SchoolId Xinjiang, SchoolId Inland);
