using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// One province's winter or summer holiday of one year, as a row of <c>holidays.csv</c> gives it: it replaces the
/// default window for that province, year and kind.
/// </summary>
/// <remarks>Immutable, with value equality.</remarks>
public sealed record Holiday
{
    /// <summary>Creates a holiday.</summary>
    /// <param name="province">The province whose schools have this holiday.</param>
    /// <param name="year">The calendar year the holiday is counted in (the winter holiday of early 2015 is 2015).</param>
    /// <param name="kind">Winter or summer.</param>
    /// <param name="start">The first day of the holiday.</param>
    /// <param name="end">The last day of the holiday, not before <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException">An argument is out of range, or <paramref name="end"/> is before <paramref name="start"/>.</exception>
    public Holiday(ProvinceId province, int year, HolidayKind kind, DateOnly start, DateOnly end)
    {
        if (province.Value is null)
        {
            Throw.Argument(nameof(province), "must not be the default id");
        }

        Guard.InRange(year, 1, 9999);
        if (kind is not (HolidayKind.Winter or HolidayKind.Summer))
        {
            Throw.ArgumentOutOfRange(nameof(kind), kind, "must be Winter or Summer");
        }

        if (end < start)
        {
            Throw.Argument(nameof(end), "must not be before the start");
        }

        Province = province;
        Year = year;
        Kind = kind;
        Start = start;
        End = end;
    }

    /// <summary>The province whose schools have this holiday.</summary>
    public ProvinceId Province { get; }

    /// <summary>The calendar year the holiday is counted in.</summary>
    public int Year { get; }

    /// <summary>Winter or summer.</summary>
    public HolidayKind Kind { get; }

    /// <summary>The first day of the holiday.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the holiday.</summary>
    public DateOnly End { get; }

    /// <summary>Whether the days from <paramref name="first"/> to <paramref name="last"/> all fall in this holiday.</summary>
    /// <param name="first">The first day.</param>
    /// <param name="last">The last day.</param>
    public bool Contains(DateOnly first, DateOnly last) => first >= Start && last <= End;
}
