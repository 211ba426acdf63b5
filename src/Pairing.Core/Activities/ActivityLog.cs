using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// What a programme year's activity files hold: the records, in file order, and the holiday calendar the camps are
/// checked against (<see cref="HolidayCalendar.Default"/> when no holidays were given). Immutable.
/// </summary>
public sealed class ActivityLog
{
    /// <summary>Creates a log.</summary>
    /// <param name="records">The records, in the order to keep.</param>
    /// <param name="holidays">The holiday calendar.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ActivityLog(IEnumerable<ActivityRecord> records, HolidayCalendar holidays)
    {
        Records = [.. Guard.NotNull(records)];
        Holidays = Guard.NotNull(holidays);
    }

    /// <summary>A log of records the reader already holds in a list of its own (not copied).</summary>
    internal ActivityLog(List<ActivityRecord> records, HolidayCalendar holidays, bool owned)
    {
        _ = owned;
        Records = records;
        Holidays = holidays;
    }

    /// <summary>The records, in file order.</summary>
    public IReadOnlyList<ActivityRecord> Records { get; }

    /// <summary>The holiday calendar.</summary>
    public HolidayCalendar Holidays { get; }
}
