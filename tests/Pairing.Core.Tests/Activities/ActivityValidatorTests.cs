using Pairing.Core.Activities;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using static Pairing.Core.Tests.Activities.ActivitySamples;

namespace Pairing.Core.Tests.Activities;

/// <summary>A worked case for every rule and every status it can take.</summary>
public sealed class ActivityValidatorTests
{
    private static ComplianceEntry Entry(ComplianceReport report, ActivityRule rule, string subject) =>
        Assert.Single(report.Entries, e => e.Rule == rule && e.SubjectId == subject);

    [Fact]
    public void A1_met_when_friendship_letters_go_both_ways_and_regular_letters_follow()
    {
        var report = Validate(Complete("X1", "N1", "p1"));
        var entry = Entry(report, ActivityRule.A1, "X1|N1");
        Assert.Equal((ComplianceLevel.Pair, ComplianceStatus.Met), (entry.Level, entry.Status));
        Assert.Equal(("CMP101", 5, 4), (entry.Code, entry.Count, entry.Required));
    }

    [Fact]
    public void A1_missing_when_only_one_friendship_letter_was_written()
    {
        var report = Validate([Letter("2014-09-10", "X2", "N2")]);
        var entry = Entry(report, ActivityRule.A1, "X2|N2");
        Assert.Equal(ComplianceStatus.Missing, entry.Status);
        Assert.Equal(("CMP102", 1, 2), (entry.Code, entry.Count, entry.Required));
        Assert.Equal(ComplianceStatus.Missing, Entry(report, ActivityRule.A1, "X3|N3").Status);
    }

    [Fact]
    public void A1_warning_when_regular_letters_fall_behind_the_expected_rate()
    {
        // Friendship letters by 2014-09-20; 283 days to 2015-06-30 at one letter per 60 days expects 4, one was written.
        var report = Validate([Letter("2014-09-10", "X2", "N2"), Letter("2014-09-20", "N2", "X2"), Letter("2014-12-01", "X2", "N2")]);
        var entry = Entry(report, ActivityRule.A1, "X2|N2");
        Assert.Equal(ComplianceStatus.Warning, entry.Status);
        Assert.Equal(("CMP103", 1, 4), (entry.Code, entry.Count, entry.Required));
        Assert.Equal("结对交友信已互写，但此后书信只有 1 封，到统计日应至少 4 封", FindingRenderer.Default.Render(entry.Finding, FindingLanguage.Chinese));
    }

    [Fact]
    public void A1_regular_letter_expectation_is_an_option()
    {
        var records = new[] { Letter("2014-09-10", "X2", "N2"), Letter("2014-09-20", "N2", "X2") };
        Assert.Equal(ComplianceStatus.Met, Entry(Validate(records, new ActivityValidationOptions { RegularLetterIntervalDays = 0 }), ActivityRule.A1, "X2|N2").Status);
    }

    [Fact]
    public void A1_violated_by_a_letter_between_students_who_are_not_partners()
    {
        var report = Validate([Letter("2014-09-10", "X1", "N2", "bad-letter")]);
        var entry = Entry(report, ActivityRule.A1, "bad-letter");
        Assert.Equal((ComplianceLevel.Record, ComplianceStatus.Violated), (entry.Level, entry.Status));
        Assert.Equal(("CMP803", "X1"), (entry.Code, entry.UnitId));
        Assert.Equal("学生 X1 的记录对象不是其结对伙伴", FindingRenderer.Default.Render(entry.Finding, FindingLanguage.Chinese));
        Assert.Equal(ComplianceStatus.Missing, Entry(report, ActivityRule.A1, "X1|N1").Status);
    }

    [Fact]
    public void A1_violated_by_unknown_and_unpaired_students()
    {
        var report = Validate([Letter("2014-09-10", "X9", "N1", "unpaired"), Letter("2014-09-10", "X1", "Z404", "unknown")]);
        Assert.Equal(("CMP804", "X9"), (Entry(report, ActivityRule.A1, "unpaired").Code, Entry(report, ActivityRule.A1, "unpaired").UnitId));
        Assert.Equal(("CMP805", "Z404"), (Entry(report, ActivityRule.A1, "unknown").Code, Entry(report, ActivityRule.A1, "unknown").UnitId));
    }

    [Fact]
    public void A1_chats_are_not_friendship_letters()
    {
        var report = Validate([Student(ActivityKind.Chat, "2014-10-01", "X1", "N1"), Student(ActivityKind.Chat, "2014-10-02", "N1", "X1")]);
        Assert.Equal(("CMP102", 0), (Entry(report, ActivityRule.A1, "X1|N1").Code, Entry(report, ActivityRule.A1, "X1|N1").Count));
    }

    [Fact]
    public void A2_met_missing_and_violated()
    {
        var report = Validate(
        [
            .. Complete("X1", "N1", "p1"),
            Student(ActivityKind.BookSent, "2014-10-05", "X2", "N2"),
            Student(ActivityKind.BookReflection, "2014-10-01", "X3", "N3", "early-reflection"),
        ]);
        Assert.Equal(ComplianceStatus.Met, Entry(report, ActivityRule.A2, "X1|N1").Status);
        var missing = Entry(report, ActivityRule.A2, "X2|N2");
        Assert.Equal(ComplianceStatus.Missing, missing.Status);
        Assert.Equal(("CMP202", 1, 4), (missing.Code, missing.Count, missing.Required));
        var violated = Entry(report, ActivityRule.A2, "early-reflection");
        Assert.Equal(ComplianceStatus.Violated, violated.Status);
        Assert.Equal("CMP813", violated.Code);
    }

    [Fact]
    public void A2_a_reflection_before_the_partners_book_does_not_count()
    {
        var report = Validate(
        [
            Student(ActivityKind.BookSent, "2014-10-05", "X2", "N2"),
            Student(ActivityKind.BookSent, "2014-10-06", "N2", "X2"),
            Student(ActivityKind.BookReflection, "2014-10-01", "X2", "N2", "too-early"),
            Student(ActivityKind.BookReflection, "2014-10-20", "N2", "X2"),
        ]);
        Assert.Equal(ComplianceStatus.Missing, Entry(report, ActivityRule.A2, "X2|N2").Status);
        Assert.Equal("CMP814", Entry(report, ActivityRule.A2, "too-early").Code);
        Assert.Equal(3, Entry(report, ActivityRule.A2, "X2|N2").Count);
    }

    [Fact]
    public void A3_met_missing_and_violated_in_the_order_agree_do_reflect()
    {
        var report = Validate(
        [
            .. Complete("X1", "N1", "p1"),
            Student(ActivityKind.DeedDone, "2014-11-01", "X2", null, "done-first"),
            Student(ActivityKind.DeedAgreed, "2014-11-10", "X2", "N2"),
            Student(ActivityKind.DeedReflection, "2014-11-12", "N2", "X2", "reflect-first"),
        ]);
        Assert.Equal(ComplianceStatus.Met, Entry(report, ActivityRule.A3, "X1|N1").Status);
        var missing = Entry(report, ActivityRule.A3, "X2|N2");
        Assert.Equal(ComplianceStatus.Missing, missing.Status);
        Assert.Equal(("CMP302", 1, 5), (missing.Code, missing.Count, missing.Required));
        Assert.Equal("CMP816", Entry(report, ActivityRule.A3, "done-first").Code);
        Assert.Equal("CMP817", Entry(report, ActivityRule.A3, "reflect-first").Code);
    }

    [Fact]
    public void A4_met_warning_and_violated()
    {
        var report = Validate([Exchange("2014-10-01", "XS1", "NS1"), Exchange("2014-10-01", "XS1", "NS2", "wrong-school")]);
        var met = Entry(report, ActivityRule.A4, "XS1|NS1");
        Assert.Equal((ComplianceLevel.SchoolPair, ComplianceStatus.Met), (met.Level, met.Status));
        Assert.Equal(("CMP401", 1, 1), (met.Code, met.Count, met.Required));
        Assert.Equal(ComplianceStatus.Warning, Entry(report, ActivityRule.A4, "XS2|NS2").Status);
        Assert.Equal(("CMP806", "XS1"), (Entry(report, ActivityRule.A4, "wrong-school").Code, Entry(report, ActivityRule.A4, "wrong-school").UnitId));
        Assert.Equal("CMP402", Entry(report, ActivityRule.A4, "XS2|NS2").Code);
    }

    [Fact]
    public void A5_met_by_a_summer_camp_of_fifty_held_by_a_paired_county()
    {
        var report = Validate([Camp("2014-07-15", "2014-07-22", InlandCounty, 50)]);
        var entry = Entry(report, ActivityRule.A5, Province);
        Assert.Equal((ComplianceLevel.Province, ComplianceStatus.Met), (entry.Level, entry.Status));
        Assert.Equal(("CMP501", 1, 1), (entry.Code, entry.Count, entry.Required));
        Assert.Equal((1, 1), (report.Programme.CampsHeld, report.Programme.CampsValid));
    }

    [Fact]
    public void A5_missing_without_a_camp()
    {
        var entry = Entry(Validate([]), ActivityRule.A5, Province);
        Assert.Equal(ComplianceStatus.Missing, entry.Status);
        Assert.Equal(("CMP502", 0, 1), (entry.Code, entry.Count, entry.Required));
    }

    [Fact]
    public void A5_violated_by_a_camp_of_thirty_a_camp_in_term_time_and_a_camp_outside_the_programme()
    {
        var report = Validate(
        [
            Camp("2015-01-20", "2015-01-25", Province, 30, "camp-30"),
            Camp("2014-10-08", "2014-10-12", Province, 60, "camp-term"),
            Camp("2015-07-01", "2015-07-05", "110000", 80, "camp-beijing"),
            Camp("2015-02-25", "2015-03-03", InlandCounty, 60, "camp-overlaps-term"),
        ]);
        Assert.Equal(("CMP809", 30, 50), (Entry(report, ActivityRule.A5, "camp-30").Code, Entry(report, ActivityRule.A5, "camp-30").Count, Entry(report, ActivityRule.A5, "camp-30").Required));
        Assert.Contains("邀请受援地区学生 30 名，应不少于 50 名", FindingRenderer.Default.Render(Entry(report, ActivityRule.A5, "camp-30").Finding, FindingLanguage.Chinese), StringComparison.Ordinal);
        Assert.Equal("CMP810", Entry(report, ActivityRule.A5, "camp-term").Code);
        Assert.Equal("CMP810", Entry(report, ActivityRule.A5, "camp-overlaps-term").Code);
        Assert.Equal("CMP801", Entry(report, ActivityRule.A5, "camp-beijing").Code);
        var province = Entry(report, ActivityRule.A5, Province);
        Assert.Equal(ComplianceStatus.Missing, province.Status);
        Assert.Equal(("CMP502", 0, 1), (province.Code, province.Count, province.Required));
        Assert.Equal((3, 0, 1, 2), (report.Programme.CampsHeld, report.Programme.CampsValid, report.Programme.CampsTooSmall, report.Programme.CampsOutsideHolidays));
    }

    [Fact]
    public void A5_a_unit_outside_the_programme_is_named()
    {
        var report = Validate([Camp("2014-07-15", "2014-07-20", "110000", 80, "camp-beijing")]);
        Assert.Equal(("CMP808", "110000"), (Entry(report, ActivityRule.A5, "camp-beijing").Code, Entry(report, ActivityRule.A5, "camp-beijing").UnitId));
    }

    [Fact]
    public void A5_thresholds_and_holidays_are_options_and_data()
    {
        var options = new ActivityValidationOptions { CampMinimumStudents = 30 };
        Assert.Equal(ComplianceStatus.Met, Entry(Validate([Camp("2015-01-20", "2015-01-25", Province, 30)], options), ActivityRule.A5, Province).Status);

        // A province's own minimum applies to camps hosted there, the general one elsewhere.
        var shandong = new ActivityValidationOptions { CampMinimumStudentsByProvince = { [new(Province)] = 80 } };
        var strict = Validate([Camp("2014-07-15", "2014-07-22", InlandCounty, 60, "camp-60")], shandong);
        Assert.Equal(("CMP809", 60, 80), (Entry(strict, ActivityRule.A5, "camp-60").Code, Entry(strict, ActivityRule.A5, "camp-60").Count, Entry(strict, ActivityRule.A5, "camp-60").Required));
        Assert.Equal(80, strict.Thresholds.CampMinimumByProvince[new Pairing.Core.Hierarchy.ProvinceId(Province)]);
        Assert.Equal(80, strict.Rollups.Single(r => r.Level == RollupLevel.Province).CampMinimum);

        // Shandong's own winter holiday of 2015 runs into March: a camp then is in a holiday there.
        var holidays = new HolidayCalendar([new Holiday(new(Province), 2015, HolidayKind.Winter, D("2015-01-25"), D("2015-03-05"))]);
        Assert.Equal(ComplianceStatus.Met, Entry(Validate([Camp("2015-02-25", "2015-03-03", InlandCounty, 60)], holidays: holidays), ActivityRule.A5, Province).Status);
        // …and a camp on 20 January, before that holiday, is in term time.
        Assert.Equal(ComplianceStatus.Missing, Entry(Validate([Camp("2015-01-20", "2015-01-22", InlandCounty, 60)], holidays: holidays), ActivityRule.A5, Province).Status);
    }

    [Fact]
    public void A6_met_warning_and_violated()
    {
        var met = Validate([Family("2014-08-10", InlandCounty, 12, FamilyConsent.All)]);
        var entry = Entry(met, ActivityRule.A6, InlandCounty);
        Assert.Equal((ComplianceLevel.CountyPair, ComplianceStatus.Met), (entry.Level, entry.Status));
        Assert.Equal(("CMP601", 1, 1), (entry.Code, entry.Count, entry.Required));
        Assert.Equal(12, met.Programme.FamiliesReached);
        Assert.Equal(12, met.Programme.FamiliesReached);

        var report = Validate([Family("2014-08-10", InlandCounty, 9, FamilyConsent.Partial, "partial"), Family("2014-08-10", "379999", 9, FamilyConsent.All, "stranger")]);
        Assert.Equal(ComplianceStatus.Warning, Entry(report, ActivityRule.A6, InlandCounty).Status);
        Assert.Equal(("CMP812", 9), (Entry(report, ActivityRule.A6, "partial").Code, Entry(report, ActivityRule.A6, "partial").Count));
        Assert.Equal("CMP811", Entry(report, ActivityRule.A6, "stranger").Code);
        Assert.Equal(0, report.Programme.FamiliesReached);
    }

    [Fact]
    public void Records_dated_before_the_pair_existed_or_after_the_as_of_date_are_violations()
    {
        var report = Validate([Letter("2014-06-20", "X1", "N1", "last-year"), Letter("2015-07-02", "X1", "N1", "future")]);
        Assert.Equal("CMP802", Entry(report, ActivityRule.A1, "last-year").Code);
        Assert.Equal("CMP801", Entry(report, ActivityRule.A1, "future").Code);

        // With the plan's dates the pair exists from when students were paired.
        var plan = new PlanDates(new(Province), ClassAndStudentPairsMade: D("2014-09-05"), CountyAndSchoolPairsFixed: D("2014-07-30"));
        var planned = Validate([Letter("2014-09-01", "X1", "N1", "before-pairing"), Exchange("2014-07-20", "XS1", "NS1", "early-exchange")], plans: [plan]);
        Assert.Equal("CMP802", Entry(planned, ActivityRule.A1, "before-pairing").Code);
        Assert.Equal("CMP807", Entry(planned, ActivityRule.A4, "early-exchange").Code);
    }

    [Fact]
    public void Records_of_an_earlier_programme_year_are_neither_counted_nor_violations()
    {
        // A log that runs on into the next programme year: the 2014-15 letters belong to last year's report.
        var records = Complete("X1", "N1", "p1").Append(Letter("2014-06-20", "X1", "N1", "before-programme")).ToList();
        var nextYear = Validate(records, asOf: D("2015-08-31"));

        Assert.Equal(ComplianceStatus.Missing, Entry(nextYear, ActivityRule.A1, "X1|N1").Status);
        var violation = Assert.Single(nextYear.Entries, e => e.Status == ComplianceStatus.Violated);
        Assert.Equal("before-programme", violation.SubjectId);
    }

    [Fact]
    public void S2_to_S4_met_violated_and_missing_against_the_plan_dates()
    {
        var onTime = Validate([], plans: [new PlanDates(new(Province), D("2014-07-18"), D("2014-07-31"), D("2014-09-10"))]);
        Assert.Equal(ComplianceStatus.Met, Entry(onTime, ActivityRule.S2, Province).Status);
        Assert.Equal(ComplianceStatus.Met, Entry(onTime, ActivityRule.S3, Province).Status);
        Assert.Equal(ComplianceStatus.Met, Entry(onTime, ActivityRule.S4, Province).Status);

        var late = Validate([], plans: [new PlanDates(new(Province), D("2014-07-25"), D("2014-08-05"), D("2014-08-20"))]);
        var s2 = Entry(late, ActivityRule.S2, Province);
        Assert.Equal((ComplianceLevel.Province, ComplianceStatus.Violated), (s2.Level, s2.Status));
        Assert.Equal(("CMP702", 5), (s2.Code, s2.Count));
        Assert.Equal("学校和学生情况晚于截止日期 5 天上报", FindingRenderer.Default.Render(s2.Finding, FindingLanguage.Chinese));
        Assert.Equal(("CMP712", 5), (Entry(late, ActivityRule.S3, Province).Code, Entry(late, ActivityRule.S3, Province).Count));
        var s4 = Entry(late, ActivityRule.S4, Province);
        Assert.Equal(ComplianceStatus.Violated, s4.Status);
        Assert.Equal(("CMP722", 12), (s4.Code, s4.Count));

        var missing = Validate([], plans: [new PlanDates(new(Province))]);
        Assert.All([ActivityRule.S2, ActivityRule.S3, ActivityRule.S4], rule => Assert.Equal(ComplianceStatus.Missing, Entry(missing, rule, Province).Status));

        // Without plans, S2–S4 are not reported at all.
        Assert.DoesNotContain(Validate([]).Entries, e => e.Rule is ActivityRule.S2 or ActivityRule.S3 or ActivityRule.S4);
    }

    [Fact]
    public void Rollups_count_completed_pairs_camps_and_families_per_unit()
    {
        var report = Validate(
        [
            .. Complete("X1", "N1", "p1"),
            .. Complete("X3", "N3", "p3"),
            Letter("2014-09-10", "X2", "N2"),
            Letter("2014-09-12", "N2", "X2"),
            Camp("2014-07-15", "2014-07-22", InlandCounty, 50),
            Camp("2015-01-20", "2015-01-25", Province, 30),
            Family("2014-08-10", InlandCounty, 12, FamilyConsent.All),
        ]);
        Assert.Equal(new ComplianceRollup(RollupLevel.Programme, "programme", 3, 3, 2, 2, 2, 1, 12, 1, 0, null), report.Programme);
        Assert.Equal(new ComplianceRollup(RollupLevel.SchoolPair, "XS1|NS1", 2, 2, 1, 1, null, null, null, null, null, null), report.Rollups.Single(r => r.SubjectId == "XS1|NS1"));
        Assert.Equal(new ComplianceRollup(RollupLevel.CountyPair, $"{XinjiangCounty}|{InlandCounty}", 3, 3, 2, 2, 1, 1, 12, 0, 0, null),
            report.Rollups.Single(r => r.Level == RollupLevel.CountyPair));
        Assert.Equal(new ComplianceRollup(RollupLevel.Province, Province, 3, 3, 2, 2, 2, 1, 12, 1, 0, 50), report.Rollups.Single(r => r.Level == RollupLevel.Province));
        Assert.Equal(
            [RollupLevel.SchoolPair, RollupLevel.SchoolPair, RollupLevel.CountyPair, RollupLevel.Province, RollupLevel.Programme],
            report.Rollups.Select(r => r.Level));
    }

    [Fact]
    public void Entries_are_sorted_by_rule_level_and_subject()
    {
        var report = Validate([.. Complete("X1", "N1", "p1"), Letter("2014-09-10", "X1", "N2", "bad")]);
        var keys = report.Entries.Select(e => (Rule: e.Rule.ToString(), Level: Level(e.Level), e.SubjectId)).ToList();
        var sorted = keys.OrderBy(k => k.Rule, StringComparer.Ordinal).ThenBy(k => k.Level, StringComparer.Ordinal).ThenBy(k => k.SubjectId, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
        Assert.Equal(report.Entries.Count(e => e.Rule == ActivityRule.A1 && e.Status == ComplianceStatus.Met), report.Count(ActivityRule.A1, ComplianceStatus.Met));
    }

    [Fact]
    public void Records_of_the_wrong_shape_are_refused_when_built_in_code()
    {
        Assert.Throws<ArgumentException>(() => new ActivityRecord(new ActivityId("a"), ActivityKind.Letter, D("2014-09-01"), fromId: "X1"));
        Assert.Throws<ArgumentException>(() => new ActivityRecord(new ActivityId("a"), ActivityKind.Camp, D("2014-09-01"), unitId: Province));
        Assert.Throws<ArgumentException>(() => new ActivityRecord(new ActivityId("a"), ActivityKind.Camp, D("2014-09-01"), D("2014-08-01"), unitId: Province, count: 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActivityRecord(new ActivityId("a"), ActivityKind.Camp, D("2014-09-01"), unitId: Province, count: -1));
        Assert.Throws<ArgumentException>(() => new ActivityRecord(new ActivityId("a"), ActivityKind.FamilyEvent, D("2014-09-01"), unitId: InlandCounty, count: 3));
    }

    private static string Level(ComplianceLevel level) => level switch
    {
        ComplianceLevel.Pair => "pair",
        ComplianceLevel.SchoolPair => "school_pair",
        ComplianceLevel.CountyPair => "county_pair",
        ComplianceLevel.Province => "province",
        _ => "record",
    };
}
