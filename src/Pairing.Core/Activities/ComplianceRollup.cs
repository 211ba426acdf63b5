namespace Pairing.Core.Activities;

/// <summary>
/// One row of <c>rollup.csv</c>: what the student pairs of a school pair, county pair, supporting province or the
/// whole programme have done, as committees file it (备案).
/// </summary>
/// <remarks>Immutable, with value equality.</remarks>
/// <param name="Level">The unit counted over.</param>
/// <param name="SubjectId"><c>X|N</c> for a school or county pair, the province id, or <c>programme</c>.</param>
/// <param name="Pairs">Student pairs in the unit.</param>
/// <param name="A1Completed">Pairs that exchanged friendship letters both ways (A1).</param>
/// <param name="A2Completed">Pairs that completed "read one book" (A2).</param>
/// <param name="A3Completed">Pairs that completed "do one thing" (A3).</param>
/// <param name="CampsHeld">
/// Camps held in the programme year by the unit's committees (a county pair's inland county; a province and its
/// paired inland counties); null for a school pair.
/// </param>
/// <param name="CampsValid">Of <paramref name="CampsHeld"/>, those that keep A5 (in a holiday, enough students); null for a school pair.</param>
/// <param name="FamiliesReached">Families at the unit's family events with full consent (A6); null for a school pair.</param>
public sealed record ComplianceRollup(
    RollupLevel Level,
    string SubjectId,
    int Pairs,
    int A1Completed,
    int A2Completed,
    int A3Completed,
    int? CampsHeld,
    int? CampsValid,
    long? FamiliesReached);
