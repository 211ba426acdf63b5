using Pairing.Core.Activities.Internals;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Activities;

/// <summary>
/// Checks activity records against the programme's activity rules (A1–A6) and timeline (S2–S4) for one programme
/// year, and gives a <see cref="ComplianceReport"/> that committees can file (备案).
/// </summary>
/// <remarks>
/// <para>
/// The programme year checked is the one that holds the as-of date (from <see cref="ActivityValidationOptions.ProgrammeYearStart"/>,
/// 1 July by default). Student pairs are checked for A1–A3, school pairs for A4, supporting provinces for A5,
/// the inland county committees of county pairs for A6, and the provinces whose plan dates are given for S2–S4.
/// A record that breaks a rule (a letter between students who are not partners, a camp of 30, a camp in term time,
/// a family event without every family's consent, a record dated before its pair existed or after the as-of date)
/// is an entry of its own, at level <see cref="ComplianceLevel.Record"/>, named by its activity id, and is not
/// counted towards any rule.
/// </para>
/// <para>
/// The report depends only on the inputs: never on the order of the records, the time of day or the machine.
/// Records are read twice, in linear time, with memory in proportion to the records and pairs; looking their ids up
/// runs on all cores, in fixed slices whose results do not depend on timing.
/// </para>
/// </remarks>
public static class ActivityValidator
{
    /// <summary>The earliest as-of date a report may have: the programme year around it, and the one before, are dates.</summary>
    public static DateOnly MinAsOf { get; } = new(1900, 1, 1);

    /// <summary>The latest as-of date a report may have.</summary>
    public static DateOnly MaxAsOf { get; } = new(9998, 12, 31);

    /// <summary>Checks activity records and gives the compliance report.</summary>
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before <see cref="MinAsOf"/> or after <see cref="MaxAsOf"/>.</exception>
    public static ComplianceReport Validate(
        Roster roster,
        PairingResult result,
        IEnumerable<ActivityRecord> records,
        DateOnly asOf,
        HolidayCalendar? holidays = null,
        ActivityValidationOptions? options = null,
        IEnumerable<PlanDates>? plans = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(roster);
        Guard.NotNull(result);
        Guard.NotNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = Ambient.Use(cancellationToken);
        if (asOf < MinAsOf || asOf > MaxAsOf)
        {
            Throw.ArgumentOutOfRange(nameof(asOf), asOf, $"must be from {MinAsOf:yyyy-MM-dd} to {MaxAsOf:yyyy-MM-dd}");
        }

        var o = (options ?? ActivityValidationOptions.Defaults).Clone();
        o.ThrowIfInvalid();
        var list = records as IReadOnlyList<ActivityRecord> ?? [.. records];
        var planList = plans?.ToList() ?? [];
        return new ValidationRun(roster, result, list, asOf, holidays ?? HolidayCalendar.Default, o, planList).Run(cancellationToken);
    }

    /// <summary>
    /// The as-of date to check records on when the caller gives none: today, unless the records fall in an earlier
    /// programme year, then the last day of the programme year that holds the latest record not after today. So a year of
    /// 2014–15 records checked in 2026 is checked as of 2015-06-30, not against a year that holds none of them.
    /// </summary>
    /// <param name="records">The activity records, in any order.</param>
    /// <param name="today">Today's date (from the caller's <see cref="TimeProvider"/>).</param>
    /// <param name="options">The options whose <see cref="ActivityValidationOptions.ProgrammeYearStart"/> decides the years; the defaults when null.</param>
    /// <returns>The as-of date, between <see cref="MinAsOf"/> and <see cref="MaxAsOf"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    public static DateOnly DefaultAsOf(IEnumerable<ActivityRecord> records, DateOnly today, ActivityValidationOptions? options = null)
    {
        Guard.NotNull(records);
        var o = options ?? ActivityValidationOptions.Defaults;
        today = today < MinAsOf ? MinAsOf : today > MaxAsOf ? MaxAsOf : today;
        DateOnly? latest = null;
        foreach (var record in records)
        {
            if (record.Date <= today && (latest is null || record.Date > latest))
            {
                latest = record.Date;
            }
        }

        if (latest is not { } last || last < MinAsOf)
        {
            return today;
        }

        var end = o.ProgrammeYearStart.In(o.ProgrammeYearStartOf(last).Year + 1).AddDays(-1);
        return end < today ? end : today;
    }
}
