using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

/// <summary>A Xinjiang class paired with an inland class of the same grade (班级结对).</summary>
/// <param name="Xinjiang">The Xinjiang class.</param>
/// <param name="Inland">The inland class.</param>
/// <remarks>Equality is by value; results sort pairs by <paramref name="Xinjiang"/> (ordinal).</remarks>
public readonly record struct ClassPair(ClassId Xinjiang, ClassId Inland);
