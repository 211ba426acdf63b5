namespace Pairing.Core.Activities;

/// <summary>
/// One roll-up row of <c>rollup.csv</c> and <c>rollup.json</c>: for a school pair, county pair, supporting province or
/// the whole programme, its student pairs and how many completed each of A1, A2 and A3; for county pairs, provinces and
/// the programme, the camps held, valid, too small and outside the holidays (A5) and the families reached (A6); for
/// provinces, the camp minimum used.
/// </summary>
/// <remarks>Immutable, with value equality.</remarks>
/// <param name="Level">School pair, county pair, province or programme.</param>
/// <param name="SubjectId"><c>X|N</c> for pairs, the province id, or <c>programme</c>.</param>
/// <param name="Pairs">Student pairs under it.</param>
/// <param name="A1Completed">Pairs that wrote both friendship letters.</param>
/// <param name="A2Completed">Pairs that completed the shared book.</param>
/// <param name="A3Completed">Pairs that completed the shared deed.</param>
/// <param name="CampsHeld">Camps held (a county pair: by its inland county; a province: by it and its paired counties); null for school pairs.</param>
/// <param name="CampsValid">Of those, the camps that met A5; null for school pairs.</param>
/// <param name="FamiliesReached">Families at family events with every family's consent; null for school pairs.</param>
/// <param name="CampsTooSmall">Camps with fewer aided-area students than the minimum; null for school pairs.</param>
/// <param name="CampsOutsideHolidays">Camps not wholly within a winter or summer holiday (a camp can be both); null for school pairs.</param>
/// <param name="CampMinimum">The camp minimum used for the province; null for other levels.</param>
public sealed record ComplianceRollup(
    RollupLevel Level,
    string SubjectId,
    int Pairs,
    int A1Completed,
    int A2Completed,
    int A3Completed,
    int? CampsHeld,
    int? CampsValid,
    long? FamiliesReached,
    int? CampsTooSmall,
    int? CampsOutsideHolidays,
    int? CampMinimum);
