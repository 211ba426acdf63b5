using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Activities;

/// <summary>
/// Checks activity records against the activity rules (A1–A6) and the timeline (S2–S4): the injectable form of
/// <see cref="ActivityValidator.Validate"/>, which <c>AddPairing</c> registers, so that a provincial system can take
/// it from its container (and replace it in its own tests).
/// </summary>
public interface IActivityValidator
{
    /// <summary>Checks activity records and gives the compliance report, exactly as <see cref="ActivityValidator.Validate"/> does.</summary>
    /// <param name="roster">The roster the pairing was made on.</param>
    /// <param name="result">The pairing result (county, school and student pairs).</param>
    /// <param name="records">The activity records, in any order.</param>
    /// <param name="asOf">The date the report is as of: later records are violations, and what is not done by then is missing.</param>
    /// <param name="holidays">Per-province holidays; <see cref="HolidayCalendar.Default"/> when null.</param>
    /// <param name="options">Thresholds and dates; the defaults when null. A copy is validated and used.</param>
    /// <param name="plans">When each province carried out its pairing plan, for S2–S4; none when null.</param>
    /// <param name="cancellationToken">Stops the check within milliseconds, between records and rules.</param>
    /// <returns>The compliance report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/>, <paramref name="result"/> or <paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are not valid (every failure is listed), or two plans name the same province.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ComplianceReport Validate(
        Roster roster,
        PairingResult result,
        IEnumerable<ActivityRecord> records,
        DateOnly asOf,
        HolidayCalendar? holidays = null,
        ActivityValidationOptions? options = null,
        IEnumerable<PlanDates>? plans = null,
        CancellationToken cancellationToken = default);
}
