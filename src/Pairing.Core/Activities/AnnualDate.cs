using System.Globalization;
using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// A day of the year without the year (20 July, 1 September), for deadlines and holiday windows that repeat every
/// school year.
/// </summary>
/// <remarks>
/// 29 February is allowed and falls on 28 February in a year that is not a leap year. Equality is by value; order
/// is by month, then day.
/// </remarks>
public readonly record struct AnnualDate : IComparable<AnnualDate>
{
    /// <summary>Creates an annual date.</summary>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day, 1 to the month's length in a leap year.</param>
    /// <exception cref="ArgumentOutOfRangeException">The month or day is out of range.</exception>
    public AnnualDate(int month, int day)
    {
        Guard.InRange(month, 1, 12);
        Guard.InRange(day, 1, DateTime.DaysInMonth(2000, month));
        Month = month;
        Day = day;
    }

    /// <summary>The month, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>The day of the month.</summary>
    public int Day { get; }

    /// <summary>This day in <paramref name="year"/> (28 February for 29 February in a common year).</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    public DateOnly In(int year) => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));

    /// <inheritdoc/>
    public int CompareTo(AnnualDate other) => Month != other.Month ? Month.CompareTo(other.Month) : Day.CompareTo(other.Day);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> in the calendar year.</summary>
    public static bool operator <(AnnualDate left, AnnualDate right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/> in the calendar year.</summary>
    public static bool operator >(AnnualDate left, AnnualDate right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes before or on <paramref name="right"/>.</summary>
    public static bool operator <=(AnnualDate left, AnnualDate right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after or on <paramref name="right"/>.</summary>
    public static bool operator >=(AnnualDate left, AnnualDate right) => left.CompareTo(right) >= 0;

    /// <summary>The date as <c>MM-dd</c> (<c>07-20</c>).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month:D2}-{Day:D2}");
}
