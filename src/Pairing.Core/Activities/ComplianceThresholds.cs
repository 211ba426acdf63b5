using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// The thresholds a compliance report was decided with: what a reader needs to read its numbers (a camp counts only
/// with so many aided-area students, within these holidays). <c>rollup.json</c> carries them, and the HTML report shows
/// these, never numbers of its own.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class ComplianceThresholds
{
    /// <summary>Creates the thresholds.</summary>
    /// <param name="campsPerYear">Valid camps a supporting province needs a year (A5).</param>
    /// <param name="regularLetterIntervalDays">Days between the regular letters expected after the friendship letters (A1); 0 for none expected.</param>
    /// <param name="campMinimumByProvince">The minimum of aided-area students at a camp, per supporting province of the report.</param>
    /// <param name="holidays">The winter and summer holidays of the programme year, per supporting province of the report.</param>
    /// <exception cref="ArgumentNullException">A collection is null.</exception>
    public ComplianceThresholds(
        int campsPerYear, int regularLetterIntervalDays, IReadOnlyDictionary<ProvinceId, int> campMinimumByProvince, IReadOnlyList<Holiday> holidays)
    {
        CampsPerYear = campsPerYear;
        RegularLetterIntervalDays = regularLetterIntervalDays;
        CampMinimumByProvince = new SortedDictionary<ProvinceId, int>(
            Guard.NotNull(campMinimumByProvince).ToDictionary(p => p.Key, p => p.Value), Comparer<ProvinceId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)));
        Holidays = [.. Guard.NotNull(holidays).OrderBy(h => h.Province.Value, StringComparer.Ordinal).ThenBy(h => h.Start)];
    }

    /// <summary>Valid camps a supporting province needs a year (A5).</summary>
    public int CampsPerYear { get; }

    /// <summary>Days between the regular letters expected after the friendship letters (A1); 0 when none are expected.</summary>
    public int RegularLetterIntervalDays { get; }

    /// <summary>The minimum of aided-area students at a camp (50名以上 by default), per supporting province, by id (ordinal).</summary>
    public IReadOnlyDictionary<ProvinceId, int> CampMinimumByProvince { get; }

    /// <summary>The winter and summer holidays of the programme year a camp must fall within, per province (by id, then start).</summary>
    public IReadOnlyList<Holiday> Holidays { get; }
}
