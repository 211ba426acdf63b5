using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Activities;

/// <summary>
/// The thresholds and dates the activity rules are checked with. The defaults are the notice's; a province that
/// sets its own (a larger camp, other holidays) changes them here, without code. <see cref="Validate"/> checks
/// every option, and the options together, and lists every failure.
/// </summary>
/// <remarks>Plain data: set the properties, then hand the options to <see cref="ActivityValidator"/>, which validates a copy.</remarks>
public sealed class ActivityValidationOptions
{
    /// <summary>The largest <see cref="CampMinimumStudents"/> accepted.</summary>
    public const int MaxCampMinimum = 100_000;

    /// <summary>The largest <see cref="RegularLetterIntervalDays"/> accepted.</summary>
    public const int MaxLetterInterval = 366;

    internal static ActivityValidationOptions Defaults { get; } = new();

    /// <summary>How many aided-area students a unity camp must invite (A5: 50名以上).</summary>
    /// <value>The default value is 50; from 1 to <see cref="MaxCampMinimum"/>.</value>
    public int CampMinimumStudents { get; set; } = 50;

    /// <summary>
    /// A supporting province's own camp minimum, where it sets one above (or below) <see cref="CampMinimumStudents"/>:
    /// the minimum for camps it or its paired inland counties hold.
    /// </summary>
    /// <value>The default value is empty (every province uses <see cref="CampMinimumStudents"/>); each value from 1 to <see cref="MaxCampMinimum"/>.</value>
    public IDictionary<ProvinceId, int> CampMinimumStudentsByProvince { get; private set; } = new Dictionary<ProvinceId, int>();

    /// <summary>How many valid camps each supporting province must hold per programme year (A5: 每年至少组织一次).</summary>
    /// <value>The default value is 1; from 1 to 52.</value>
    public int CampsPerYear { get; set; } = 1;

    /// <summary>
    /// One regular letter is expected per this many days after both friendship letters (A1: 经常通信); fewer gives a
    /// warning. 0 expects none.
    /// </summary>
    /// <value>The default value is 60; from 0 to <see cref="MaxLetterInterval"/>.</value>
    public int RegularLetterIntervalDays { get; set; } = 60;

    /// <summary>The first day of the default winter holiday (寒假), where <c>holidays.csv</c> gives none.</summary>
    /// <value>The default value is 15 January.</value>
    public AnnualDate WinterHolidayStart { get; set; } = new(1, 15);

    /// <summary>The last day of the default winter holiday.</summary>
    /// <value>The default value is 28 February (29 February is allowed and means the month's last day).</value>
    public AnnualDate WinterHolidayEnd { get; set; } = new(2, 28);

    /// <summary>The first day of the default summer holiday (暑假), where <c>holidays.csv</c> gives none.</summary>
    /// <value>The default value is 1 July.</value>
    public AnnualDate SummerHolidayStart { get; set; } = new(7, 1);

    /// <summary>The last day of the default summer holiday.</summary>
    /// <value>The default value is 31 August.</value>
    public AnnualDate SummerHolidayEnd { get; set; } = new(8, 31);

    /// <summary>
    /// The first day of a programme year (S1: 2014年7月起; it repeats every school year). The as-of date's programme
    /// year is the one checked: camps and family events are counted in it, and without plan dates its first day is
    /// when the year's pairs came to exist.
    /// </summary>
    /// <value>The default value is 1 July.</value>
    public AnnualDate ProgrammeYearStart { get; set; } = new(7, 1);

    /// <summary>When aided areas must have reported their schools and students (S2: 7月20日前).</summary>
    /// <value>The default value is 20 July.</value>
    public AnnualDate DataDue { get; set; } = new(7, 20);

    /// <summary>When supporting provinces must have fixed county and school pairs (S3: 7月31日前).</summary>
    /// <value>The default value is 31 July.</value>
    public AnnualDate PairsDue { get; set; } = new(7, 31);

    /// <summary>When the new term starts, where a plan gives no date (S4: 新学期开学后).</summary>
    /// <value>The default value is 1 September.</value>
    public AnnualDate TermStart { get; set; } = new(9, 1);

    /// <summary>Checks every option, and the options together.</summary>
    /// <returns>One finding per failure (codes <c>OPT…</c>, the option as subject); empty when the options are valid.</returns>
    public IReadOnlyList<Finding> Validate()
    {
        var failures = new List<Finding>();
        void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                failures.Add(OptionsFindings.OutOfRange.Create(new FindingSubject("option", name), null,
                    FindingArgument.Of("option", name), FindingArgument.Of("value", value), FindingArgument.Of("min", min), FindingArgument.Of("max", max)));
            }
        }

        var unset = false;
        void Set(string name, AnnualDate value)
        {
            if (value.Month == 0)
            {
                unset = true;
                failures.Add(OptionsFindings.DateNotSet.Create(new FindingSubject("option", name), null, FindingArgument.Of("option", name)));
            }
        }

        Range(nameof(CampMinimumStudents), CampMinimumStudents, 1, MaxCampMinimum);
        foreach (var (province, minimum) in CampMinimumStudentsByProvince.OrderBy(p => p.Key.Value, StringComparer.Ordinal))
        {
            Range($"{nameof(CampMinimumStudentsByProvince)}[{province}]", minimum, 1, MaxCampMinimum);
        }

        Range(nameof(CampsPerYear), CampsPerYear, 1, 52);
        Range(nameof(RegularLetterIntervalDays), RegularLetterIntervalDays, 0, MaxLetterInterval);
        Set(nameof(WinterHolidayStart), WinterHolidayStart);
        Set(nameof(WinterHolidayEnd), WinterHolidayEnd);
        Set(nameof(SummerHolidayStart), SummerHolidayStart);
        Set(nameof(SummerHolidayEnd), SummerHolidayEnd);
        Set(nameof(ProgrammeYearStart), ProgrammeYearStart);
        Set(nameof(DataDue), DataDue);
        Set(nameof(PairsDue), PairsDue);
        Set(nameof(TermStart), TermStart);
        if (unset)
        {
            // The checks below compare dates, which an unset one does not have.
            return failures;
        }

        // Together: each holiday window lies within one calendar year, and the deadlines come in the programme's
        // order within one programme year (data, then pairs, then the term).
        void Window(string endName, AnnualDate end, string startName, AnnualDate start)
        {
            if (end < start)
            {
                failures.Add(OptionsFindings.HolidayEndsBeforeStart.Create(new FindingSubject("option", endName), null,
                    FindingArgument.Of("end_option", endName), FindingArgument.Of("end", end.ToString()),
                    FindingArgument.Of("start_option", startName), FindingArgument.Of("start", start.ToString())));
            }
        }

        Window(nameof(WinterHolidayEnd), WinterHolidayEnd, nameof(WinterHolidayStart), WinterHolidayStart);
        Window(nameof(SummerHolidayEnd), SummerHolidayEnd, nameof(SummerHolidayStart), SummerHolidayStart);
        var data = DaysInto(DataDue);
        var pairs = DaysInto(PairsDue);
        var term = DaysInto(TermStart);
        if (!(data <= pairs && pairs <= term))
        {
            failures.Add(OptionsFindings.DeadlinesOutOfOrder.Create(new FindingSubject("option", nameof(DataDue)), null,
                FindingArgument.Of("data_due", DataDue.ToString()), FindingArgument.Of("pairs_due", PairsDue.ToString()),
                FindingArgument.Of("term_start", TermStart.ToString()), FindingArgument.Of("year_start", ProgrammeYearStart.ToString())));
        }

        return failures;
    }

    /// <summary>Throws when <see cref="Validate"/> finds any failure.</summary>
    /// <exception cref="Matching.PairingOptionsException">Some option is out of range, or the options do not fit together; <see cref="Matching.PairingOptionsException.Findings"/> lists every failure (the one exception type for every options failure of the library).</exception>
    public void ThrowIfInvalid()
    {
        var failures = Validate();
        if (failures.Count > 0)
        {
            throw new Matching.PairingOptionsException(failures);
        }
    }

    /// <summary>A copy of these options, so that a run is not affected by later changes.</summary>
    public ActivityValidationOptions Clone()
    {
        var copy = (ActivityValidationOptions)MemberwiseClone();
        copy.CampMinimumStudentsByProvince = new Dictionary<ProvinceId, int>(CampMinimumStudentsByProvince);
        return copy;
    }

    /// <summary>The camp minimum for camps hosted in a province: its own, or <see cref="CampMinimumStudents"/>.</summary>
    /// <param name="province">The hosting province.</param>
    public int CampMinimumFor(ProvinceId province) =>
        CampMinimumStudentsByProvince.TryGetValue(province, out var minimum) ? minimum : CampMinimumStudents;

    /// <summary>The first day of the programme year that holds <paramref name="date"/>.</summary>
    /// <param name="date">A date.</param>
    public DateOnly ProgrammeYearStartOf(DateOnly date)
    {
        var start = ProgrammeYearStart.In(date.Year);
        return date >= start ? start : ProgrammeYearStart.In(date.Year - 1);
    }

    /// <summary>The date of an annual date within the programme year that starts on <paramref name="yearStart"/>.</summary>
    internal static DateOnly Within(DateOnly yearStart, AnnualDate day)
    {
        var date = day.In(yearStart.Year);
        return date >= yearStart ? date : day.In(yearStart.Year + 1);
    }

    private int DaysInto(AnnualDate day)
    {
        // Counted in a leap-free reference year so that the order does not depend on the year.
        var start = ProgrammeYearStart.In(2001);
        return Within(start, day).DayNumber - start.DayNumber;
    }
}
