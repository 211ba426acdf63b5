using System.Collections.Frozen;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// The school holidays in which unity camps may be held (寒暑假, A5): by default winter 15 January – 28 February
/// and summer 1 July – 31 August (see <see cref="ActivityValidationOptions"/>), with the per-province, per-year
/// holidays of <c>holidays.csv</c> in their place where given.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class HolidayCalendar
{
    private readonly FrozenDictionary<(ProvinceId, int, HolidayKind), Holiday> _byKey;

    /// <summary>Creates a calendar from per-province holidays.</summary>
    /// <param name="holidays">The holidays that replace the defaults; at most one per province, year and kind.</param>
    /// <exception cref="ArgumentException">Two holidays have the same province, year and kind.</exception>
    public HolidayCalendar(IEnumerable<Holiday> holidays)
    {
        Guard.NotNull(holidays);
        var byKey = new Dictionary<(ProvinceId, int, HolidayKind), Holiday>();
        foreach (var holiday in holidays)
        {
            Guard.NotNull(holiday);
            if (!byKey.TryAdd((holiday.Province, holiday.Year, holiday.Kind), holiday))
            {
                Throw.Argument(nameof(holidays), $"give one {holiday.Kind} holiday of {holiday.Year} for province {holiday.Province}, not two");
            }
        }

        _byKey = byKey.ToFrozenDictionary();
        Holidays = [.. byKey.Values
            .OrderBy(h => h.Province.Value, StringComparer.Ordinal)
            .ThenBy(h => h.Year)
            .ThenBy(h => h.Kind)];
    }

    /// <summary>A calendar with no per-province holidays: the defaults everywhere.</summary>
    public static HolidayCalendar Default { get; } = new([]);

    /// <summary>The per-province holidays, sorted by province (ordinal), year and kind.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>Finds the holiday given for a province, year and kind.</summary>
    /// <param name="province">The province.</param>
    /// <param name="year">The calendar year.</param>
    /// <param name="kind">Winter or summer.</param>
    /// <param name="holiday">The holiday, when one was given.</param>
    /// <returns>Whether one was given.</returns>
    public bool TryGet(ProvinceId province, int year, HolidayKind kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Holiday? holiday) =>
        _byKey.TryGetValue((province, year, kind), out holiday);

    /// <summary>The holiday of a province, year and kind: the one given, or the default window of the options.</summary>
    /// <param name="province">The province.</param>
    /// <param name="year">The calendar year, 2 to 9998.</param>
    /// <param name="kind">Winter or summer.</param>
    /// <param name="options">The options that give the default windows; the defaults when null.</param>
    public Holiday Resolve(ProvinceId province, int year, HolidayKind kind, ActivityValidationOptions? options = null)
    {
        if (TryGet(province, year, kind, out var given))
        {
            return given;
        }

        options ??= ActivityValidationOptions.Defaults;
        var (start, end) = kind == HolidayKind.Winter
            ? (options.WinterHolidayStart, options.WinterHolidayEnd)
            : (options.SummerHolidayStart, options.SummerHolidayEnd);
        return new Holiday(province, year, kind, start.In(year), end.In(year));
    }

    /// <summary>
    /// The holiday of <paramref name="province"/> that holds every day from <paramref name="first"/> to
    /// <paramref name="last"/>, or null when none does (the days fall, at least partly, in term time).
    /// </summary>
    /// <param name="province">The hosting province.</param>
    /// <param name="first">The first day.</param>
    /// <param name="last">The last day.</param>
    /// <param name="options">The options that give the default windows; the defaults when null.</param>
    public Holiday? HolidayHolding(ProvinceId province, DateOnly first, DateOnly last, ActivityValidationOptions? options = null)
    {
        // A holiday is counted in one calendar year but may start in the one before (a winter holiday from late
        // December): look at the neighbouring years too.
        for (var year = Math.Max(2, first.Year - 1); year <= Math.Min(9998, first.Year + 1); year++)
        {
            foreach (var kind in (ReadOnlySpan<HolidayKind>)[HolidayKind.Winter, HolidayKind.Summer])
            {
                var holiday = Resolve(province, year, kind, options);
                if (holiday.Contains(first, last))
                {
                    return holiday;
                }
            }
        }

        return null;
    }
}
