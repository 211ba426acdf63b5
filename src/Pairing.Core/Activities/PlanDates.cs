using Pairing.Core.Hierarchy;

namespace Pairing.Core.Activities;

/// <summary>
/// When one supporting province's pairing plan was carried out in a school year (工作安排): the dates S2–S4 are
/// checked against. A date left null is not done yet.
/// </summary>
/// <remarks>Immutable, with value equality.</remarks>
/// <param name="Province">The supporting province.</param>
/// <param name="DataReported">When its aided areas reported their schools and students (S2, due 20 July).</param>
/// <param name="CountyAndSchoolPairsFixed">When it fixed the county and school pairs (S3, due 31 July); school-level records before it are dated before their pair existed.</param>
/// <param name="ClassAndStudentPairsMade">When classes and students were paired (S4, after the term starts); student records before it are dated before their pair existed.</param>
/// <param name="TermStarted">When the new term started in the province, or null for <see cref="ActivityValidationOptions.TermStart"/>.</param>
public sealed record PlanDates(
    ProvinceId Province,
    DateOnly? DataReported = null,
    DateOnly? CountyAndSchoolPairsFixed = null,
    DateOnly? ClassAndStudentPairsMade = null,
    DateOnly? TermStarted = null);
