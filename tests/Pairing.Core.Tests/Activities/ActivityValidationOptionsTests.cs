using Pairing.Core.Activities;
using Pairing.Core.Matching;
using static Pairing.Core.Tests.Activities.ActivitySamples;

namespace Pairing.Core.Tests.Activities;

public sealed class ActivityValidationOptionsTests
{
    [Fact]
    public void Invalid_options_list_every_failure()
    {
        var options = new ActivityValidationOptions { CampMinimumStudents = 0, RegularLetterIntervalDays = -1, DataDue = new AnnualDate(8, 5), WinterHolidayEnd = new AnnualDate(1, 1) };
        var failures = options.Validate();
        Assert.Equal(["OPT001", "OPT001", "OPT012", "OPT013"], failures.Select(f => f.Code).Order(StringComparer.Ordinal));
        var ex = Assert.Throws<PairingOptionsException>(() => Validate([], options));
        Assert.Contains("CampMinimumStudents", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RegularLetterIntervalDays", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DataDue", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WinterHolidayEnd", ex.Message, StringComparison.Ordinal);
        Assert.Empty(new ActivityValidationOptions().Validate());
    }

    [Fact]
    public void A_provinces_own_camp_minimum_is_checked_and_copied()
    {
        var options = new ActivityValidationOptions { CampMinimumStudentsByProvince = { [new(Province)] = 0 } };
        Assert.Contains(options.Validate(), f => f.Subject?.Id == "CampMinimumStudentsByProvince[370000]" && (int)f["value"] == 0);
        var copy = options.Clone();
        options.CampMinimumStudentsByProvince[new(Province)] = 70;
        Assert.Equal(0, copy.CampMinimumFor(new(Province)));
        Assert.Equal(70, options.CampMinimumFor(new(Province)));
        Assert.Equal(50, options.CampMinimumFor(new("110000")));
    }

    [Fact]
    public void The_programme_year_starts_on_1_July()
    {
        var options = new ActivityValidationOptions();
        Assert.Equal(D("2014-07-01"), options.ProgrammeYearStartOf(D("2015-06-30")));
        Assert.Equal(D("2015-07-01"), options.ProgrammeYearStartOf(D("2015-07-01")));
        Assert.Empty(options.Validate());
    }
}
