using Pairing.Core.Activities;
using Pairing.Core.Hierarchy;
using static Pairing.Core.Tests.Activities.ActivitySamples;

namespace Pairing.Core.Tests.Activities;

public sealed class HolidayCalendarTests
{
    private static readonly ProvinceId Shandong = new(Province);

    [Fact]
    public void Defaults_are_the_formats_winter_and_summer_holidays()
    {
        var winter = HolidayCalendar.Default.Resolve(Shandong, 2015, HolidayKind.Winter);
        var summer = HolidayCalendar.Default.Resolve(Shandong, 2015, HolidayKind.Summer);
        Assert.Equal((D("2015-01-15"), D("2015-02-28")), (winter.Start, winter.End));
        Assert.Equal((D("2015-07-01"), D("2015-08-31")), (summer.Start, summer.End));
    }

    [Fact]
    public void A_camp_must_lie_wholly_within_one_holiday()
    {
        var calendar = HolidayCalendar.Default;
        Assert.Equal(HolidayKind.Summer, calendar.HolidayHolding(Shandong, D("2014-07-10"), D("2014-07-20"))!.Kind);
        Assert.Equal(HolidayKind.Winter, calendar.HolidayHolding(Shandong, D("2015-01-15"), D("2015-02-28"))!.Kind);
        Assert.Null(calendar.HolidayHolding(Shandong, D("2014-08-28"), D("2014-09-02")));
        Assert.Null(calendar.HolidayHolding(Shandong, D("2015-01-10"), D("2015-01-16")));
    }

    [Fact]
    public void A_provinces_own_holiday_replaces_the_default_even_across_new_year()
    {
        var calendar = new HolidayCalendar([new Holiday(Shandong, 2015, HolidayKind.Winter, D("2014-12-28"), D("2015-02-10"))]);
        Assert.Equal(HolidayKind.Winter, calendar.HolidayHolding(Shandong, D("2014-12-29"), D("2015-01-03"))!.Kind);
        Assert.Null(calendar.HolidayHolding(Shandong, D("2015-02-15"), D("2015-02-20")));
        Assert.NotNull(calendar.HolidayHolding(new ProvinceId("110000"), D("2015-02-15"), D("2015-02-20")));
    }

    [Fact]
    public void Default_windows_are_options_and_29_February_falls_on_the_28th_in_a_common_year()
    {
        var options = new ActivityValidationOptions { WinterHolidayStart = new AnnualDate(2, 1), WinterHolidayEnd = new AnnualDate(2, 29) };
        Assert.Equal(D("2015-02-28"), HolidayCalendar.Default.Resolve(Shandong, 2015, HolidayKind.Winter, options).End);
        Assert.Equal(D("2016-02-29"), HolidayCalendar.Default.Resolve(Shandong, 2016, HolidayKind.Winter, options).End);
    }

    [Fact]
    public void Two_holidays_for_the_same_province_year_and_kind_are_a_programmer_error()
    {
        var holiday = new Holiday(Shandong, 2015, HolidayKind.Winter, D("2015-01-20"), D("2015-02-20"));
        Assert.Throws<ArgumentException>(() => new HolidayCalendar([holiday, holiday]));
        Assert.Throws<ArgumentException>(() => new Holiday(Shandong, 2015, HolidayKind.Winter, D("2015-02-20"), D("2015-01-20")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnualDate(2, 30));
    }
}
