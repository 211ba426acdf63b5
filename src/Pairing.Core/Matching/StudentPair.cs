using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

/// <summary>A Xinjiang student paired one-to-one with an inland student (学生结对子).</summary>
/// <param name="Xinjiang">The Xinjiang student.</param>
/// <param name="Inland">The inland student.</param>
/// <param name="CrossClass">
/// Whether the two students' classes are not a class pair: the Xinjiang student was paired outside the paired
/// class, within the same grade of the paired school.
/// </param>
/// <remarks>Equality is by value; results sort pairs by <paramref name="Xinjiang"/> (ordinal).</remarks>
public readonly record struct StudentPair(StudentId Xinjiang, StudentId Inland, bool CrossClass);
