using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Activities;

/// <summary>The <see cref="IActivityValidator"/> that <c>AddPairing</c> registers: the static validator, unchanged.</summary>
internal sealed class DefaultActivityValidator : IActivityValidator
{
    public ComplianceReport Validate(
        Roster roster,
        PairingResult result,
        IEnumerable<ActivityRecord> records,
        DateOnly asOf,
        HolidayCalendar? holidays = null,
        ActivityValidationOptions? options = null,
        IEnumerable<PlanDates>? plans = null,
        CancellationToken cancellationToken = default) =>
        ActivityValidator.Validate(roster, result, records, asOf, holidays, options, plans, cancellationToken);
}
