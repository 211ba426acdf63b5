namespace Pairing.Core.Matching;

/// <summary>
/// A Xinjiang county, school, class or student left without a partner, with the rule that could not be met and
/// the shortfall in numbers: one row of <c>unpaired.csv</c> (P7).
/// </summary>
/// <param name="Level">The unit's level.</param>
/// <param name="Id">The unit's id, as it stands in the roster.</param>
/// <param name="Rule">The rule (P1–P6) that could not be met for it.</param>
/// <param name="Reason">
/// The shortfall in numbers, for people to read, such as "inland county 110105 offers 3 grade-8 classes, 5 are
/// needed".
/// </param>
/// <remarks>Equality is by value; results sort rows by <paramref name="Level"/>'s file name, then by <paramref name="Id"/> (ordinal).</remarks>
public sealed record UnpairedUnit(PairingLevel Level, string Id, PairingRule Rule, string Reason);
