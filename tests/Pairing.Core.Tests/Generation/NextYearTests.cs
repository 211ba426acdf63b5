using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Generation;

/// <summary>Worked cases of <see cref="RosterGenerator.NextYear"/>: what graduates, moves up, arrives and leaves.</summary>
public sealed class NextYearTests
{
    private const long Junior2014 = 911_477;
    private const long Senior2014 = 462_963;

    private static readonly NextYearOptions Still = new()
    {
        TransferOutRate = 0,
        TransferInRate = 0,
        SchoolCloseRate = 0,
        SchoolOpenRate = 0,
    };

    private static Roster Year1(int students = 5_000, bool countsOnly = false, long seed = 2014) =>
        RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = students, CountsOnly = countsOnly, Seed = seed });

    private static long Students(Roster roster, Side side, Func<SchoolClass, bool> which) =>
        roster.Classes.Where(c => roster.SideOf(c) == side && which(c)).Sum(c => (long)c.Size);

    [Fact]
    public void Grades_9_and_12_graduate_with_their_students()
    {
        var year1 = Year1();
        var year2 = RosterGenerator.NextYear(year1, new NextYearOptions());

        var graduating = year1.Classes.Where(c => c.Grade.Number is 9 or 12).ToList();
        Assert.NotEmpty(graduating);
        foreach (var c in graduating)
        {
            Assert.False(year2.TryGetClass(c.Id, out _), $"{c.Id} graduated but is still there");
            foreach (var student in year1.StudentsIn(c.Id))
            {
                Assert.False(year2.TryGetStudent(student.Id, out _));
            }
        }
    }

    [Fact]
    public void Every_other_class_moves_up_one_grade_with_its_id_and_students()
    {
        var year1 = Year1();
        var year2 = RosterGenerator.NextYear(year1, Still);

        var moving = year1.Classes.Where(c => c.Grade.Number is not (9 or 12)).ToList();
        foreach (var old in moving)
        {
            var moved = year2.GetClass(old.Id);
            Assert.Equal(old.Grade.Number + 1, moved.Grade.Number);
            Assert.Equal(old.SchoolId, moved.SchoolId);
            Assert.Equal(
                year1.StudentsIn(old.Id).Select(s => (s.Id, s.Gender, s.BirthYear, s.Language, string.Join(';', s.Interests))),
                year2.StudentsIn(old.Id).Select(s => (s.Id, s.Gender, s.BirthYear, s.Language, string.Join(';', s.Interests))));
        }

        // 初一(3)班 becomes 初二(3)班: the generator's 2014 grade-7 class keeps its id and is now grade 8.
        var first = moving.First(c => c.Grade.Number == 7);
        Assert.Equal("初二", year2.GetClass(first.Id).Grade.ChineseName);

        // Nothing else is there but this year's intake.
        var ids = moving.Select(c => c.Id).ToHashSet();
        Assert.All(year2.Classes.Where(c => !ids.Contains(c.Id)), c => Assert.Contains(c.Grade.Number, new[] { 7, 10 }));
        Assert.Equal(year1.Schools.Select(s => s.Id), year2.Schools.Select(s => s.Id));
    }

    [Fact]
    public void The_Xinjiang_intake_is_sized_as_the_first_year_sizes_a_grade()
    {
        var year1 = Year1(20_000);
        var year2 = RosterGenerator.NextYear(year1, Still);

        var x = Students(year1, Side.Xinjiang, _ => true);
        var total = Junior2014 + Senior2014;
        Assert.Equal((long)Math.Round(x * Junior2014 / (3.0 * total)), Students(year2, Side.Xinjiang, c => c.Grade.Number == 7));
        Assert.Equal((long)Math.Round(x * Senior2014 * 1.03 / (3.0 * total)), Students(year2, Side.Xinjiang, c => c.Grade.Number == 10));

        // The first year's own grades are within a few percent of that share (they vary per county).
        var grade7 = Students(year1, Side.Xinjiang, c => c.Grade.Number == 7);
        Assert.InRange(Students(year2, Side.Xinjiang, c => c.Grade.Number == 7), grade7 * 0.95, grade7 * 1.05);

        // New intake classes have sizes like the first year's (39–46 junior students aimed at, ±10%).
        var intake = year2.Classes.Where(c => year2.SideOf(c) == Side.Xinjiang && c.Grade.Number == 7 && c.Size >= 20).ToList();
        Assert.InRange(intake.Average(c => c.Size), 35, 50);
    }

    [Fact]
    public void The_inland_intake_keeps_its_capacity_relative_to_the_Xinjiang_one()
    {
        var year1 = Year1(20_000);
        var year2 = RosterGenerator.NextYear(year1, Still);

        foreach (var grade in new[] { 7, 10 })
        {
            double Ratio(Roster r) =>
                (double)Students(r, Side.Inland, c => c.Grade.Number == grade) / Students(r, Side.Xinjiang, c => c.Grade.Number == grade);

            // A little more, not less: an inland school that lacked the grade last year takes an intake this year.
            Assert.InRange(Ratio(year2), Ratio(year1) * 0.99, Ratio(year1) * 1.06);
        }
    }

    [Theory]
    [InlineData(0.03, 0.03)]
    [InlineData(0.10, 0.05)]
    [InlineData(0.30, 0.30)]
    public void Transfers_come_close_to_their_rates_on_both_sides(double outRate, double inRate)
    {
        var year1 = Year1(20_000);
        var options = new NextYearOptions { TransferOutRate = outRate, TransferInRate = inRate, SchoolCloseRate = 0, SchoolOpenRate = 0 };
        var year2 = RosterGenerator.NextYear(year1, options);

        foreach (var side in new[] { Side.Xinjiang, Side.Inland })
        {
            var continuing = year1.Classes.Where(c => year1.SideOf(c) == side && c.Grade.Number is not (9 or 12)).ToList();
            var before = continuing.Sum(c => c.Size);
            var stayed = continuing.Sum(c => year1.StudentsIn(c.Id).Count(s => year2.TryGetStudent(s.Id, out _)));
            var arrived = continuing.Sum(c => year2.TryGetClass(c.Id, out _) ? year2.StudentsIn(c.Id).Count(s => !year1.TryGetStudent(s.Id, out _)) : 0);

            Assert.InRange(1 - ((double)stayed / before), outRate * 0.85, (outRate * 1.15) + 0.002);
            Assert.InRange((double)arrived / before, inRate * 0.85, (inRate * 1.15) + 0.002);
        }
    }

    [Fact]
    public void Schools_close_and_open_on_both_sides()
    {
        var year1 = Year1(100_000, countsOnly: true);
        var options = new NextYearOptions { SchoolCloseRate = 0.1, SchoolOpenRate = 0.1 };
        var year2 = RosterGenerator.NextYear(year1, options);

        foreach (var side in new[] { Side.Xinjiang, Side.Inland })
        {
            var before = year1.Schools.Where(s => year1.SideOf(s) == side).ToList();
            var closed = before.Where(s => !year2.TryGetSchool(s.Id, out _)).ToList();
            var opened = year2.Schools.Where(s => year2.SideOf(s) == side && !year1.TryGetSchool(s.Id, out _)).ToList();

            // Every county keeps a school, so a little under 10% of schools close.
            Assert.InRange(closed.Count, before.Count * 0.05, before.Count * 0.14);
            Assert.InRange(opened.Count, before.Count * 0.05, before.Count * 0.14);
            Assert.All(closed, s => Assert.DoesNotContain(year2.Classes, c => c.SchoolId == s.Id));
            foreach (var school in opened)
            {
                Assert.Matches(@"-[JSC]2015-\d\d$", school.Id.Value);
                Assert.NotEmpty(year2.ClassesIn(school.Id));
                Assert.All(year2.ClassesIn(school.Id), c => Assert.Contains(c.Grade.Number, new[] { 7, 10 }));
            }
        }

        Assert.All(year2.Counties, c => Assert.NotEmpty(year2.SchoolsIn(c.Id)));
        Assert.Equal(year1.Counties.Select(c => c.Id), year2.Counties.Select(c => c.Id));
    }

    [Fact]
    public void The_large_changes_preset_moves_about_30_percent_of_students_on_each_side()
    {
        var year1 = Year1(20_000);
        var year2 = RosterGenerator.NextYear(year1, NextYearOptions.LargeChanges());

        foreach (var side in new[] { Side.Xinjiang, Side.Inland })
        {
            var continuing = year1.Students.Where(s => year1.SideOf(s) == side && year1.GetClass(s.ClassId).Grade.Number is not (9 or 12)).ToList();
            var left = continuing.Count(s => !year2.TryGetStudent(s.Id, out _));
            Assert.InRange((double)left / continuing.Count, 0.27, 0.40); // transfers and closed schools
        }
    }

    [Fact]
    public void The_same_roster_and_options_give_byte_identical_files()
    {
        var year1 = Year1(3_000);
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var other = new TempDirectory();
        RosterFiles.Write(RosterGenerator.NextYear(year1, NextYearOptions.LargeChanges()), first.Path);
        RosterFiles.Write(RosterGenerator.NextYear(year1, NextYearOptions.LargeChanges()), second.Path);
        var seeded = NextYearOptions.LargeChanges();
        seeded.Seed = 7;
        RosterFiles.Write(RosterGenerator.NextYear(year1, seeded), other.Path);

        foreach (var file in new[] { RosterFiles.CountiesFile, RosterFiles.SchoolsFile, RosterFiles.ClassesFile, RosterFiles.StudentsFile })
        {
            Assert.Equal(File.ReadAllBytes(first.File(file)), File.ReadAllBytes(second.File(file)));
        }

        Assert.NotEqual(File.ReadAllBytes(first.File(RosterFiles.StudentsFile)), File.ReadAllBytes(other.File(RosterFiles.StudentsFile)));
    }

    [Fact]
    public void A_counts_only_roster_ages_into_the_same_layout_as_the_full_one()
    {
        var full = RosterGenerator.NextYear(Year1(3_000), NextYearOptions.LargeChanges());
        var counts = RosterGenerator.NextYear(Year1(3_000, countsOnly: true), NextYearOptions.LargeChanges());

        Assert.False(counts.HasStudents);
        Assert.Equal(full.Classes.Select(c => (c.Id, c.Grade, c.Size)), counts.Classes.Select(c => (c.Id, c.Grade, c.Size)));
    }

    [Fact]
    public void New_students_fit_their_grade_in_the_new_year()
    {
        var year2 = RosterGenerator.NextYear(Year1(3_000), new NextYearOptions());
        var intake = year2.Students.Where(s => s.Id.Value.Contains("-2015-", StringComparison.Ordinal) && year2.GetClass(s.ClassId).Grade.Number == 7).ToList();

        Assert.NotEmpty(intake);
        Assert.True(intake.Count(s => s.BirthYear == 2003) > intake.Count / 2, "most of 2015's grade 7 were born in 2003");
    }

    [Fact]
    public void Each_later_year_takes_the_next_school_year_and_reuses_no_id()
    {
        var year1 = Year1(3_000);
        var year2 = RosterGenerator.NextYear(year1, NextYearOptions.LargeChanges());
        var year3 = RosterGenerator.NextYear(year2, NextYearOptions.LargeChanges());

        Assert.Contains(year3.Classes, c => c.Id.Value.Contains("-2016-07-", StringComparison.Ordinal));
        var earlier = year1.Students.Concat(year2.Students).Select(s => s.Id).ToHashSet();
        var earlierClasses = year1.Classes.Concat(year2.Classes).Select(c => c.Id).ToHashSet();
        foreach (var student in year3.Students.Where(s => earlier.Contains(s.Id)))
        {
            // A student id seen before is the same student, in the same class, one grade up.
            var before = year2.TryGetStudent(student.Id, out var s2) ? s2 : null;
            Assert.NotNull(before);
            Assert.Equal(before.ClassId, student.ClassId);
            Assert.Equal(before.BirthYear, student.BirthYear);
        }

        Assert.All(year3.Classes.Where(c => earlierClasses.Contains(c.Id)), c => Assert.Equal(year2.GetClass(c.Id).Grade.Number + 1, c.Grade.Number));
    }

    [Fact]
    public void The_school_year_can_be_given()
    {
        var year2 = RosterGenerator.NextYear(Year1(1_000), new NextYearOptions { SchoolYear = 2030 });

        Assert.Contains(year2.Classes, c => c.Id.Value.Contains("-2030-07-", StringComparison.Ordinal));
        Assert.Contains(RosterGenerator.NextYear(year2, new NextYearOptions()).Classes, c => c.Id.Value.Contains("-2031-07-", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_option_is_reported_at_once()
    {
        var options = new NextYearOptions
        {
            SchoolYear = 1999,
            TransferOutRate = 0.95,
            TransferInRate = -0.1,
            SchoolCloseRate = double.NaN,
            SchoolOpenRate = 0.6,
        };

        var failures = options.Validate();
        var e = Assert.Throws<PairingOptionsException>(() => RosterGenerator.NextYear(Year1(RosterGeneratorOptions.MinXinjiangStudents), options));

        Assert.Equal(
            ["SchoolYear", "TransferOutRate", "TransferInRate", "SchoolCloseRate", "SchoolOpenRate"],
            failures.Select(f => f.Subject!.Value.Id));
        Assert.All(failures, f => Assert.Equal("OPT001", f.Code));
        Assert.Equal(failures, e.Findings);
        Assert.Empty(new NextYearOptions().Validate());
        Assert.Empty(NextYearOptions.LargeChanges().Validate());
    }

    [Fact]
    public void Null_arguments_are_programmer_errors()
    {
        Assert.Throws<ArgumentNullException>(() => RosterGenerator.NextYear(null!, new NextYearOptions()));
        Assert.Throws<ArgumentNullException>(() => RosterGenerator.NextYear(Year1(RosterGeneratorOptions.MinXinjiangStudents), null!));
    }

    [Fact]
    public void A_roster_not_made_by_the_generator_ages_too()
    {
        var year1 = RosterSamples.Build(seed: 5, xinjiangCounties: 4);
        var year2 = RosterGenerator.NextYear(year1, Still);

        foreach (var old in year1.Classes.Where(c => c.Grade.Number is not (9 or 12)))
        {
            Assert.Equal(old.Grade.Number + 1, year2.GetClass(old.Id).Grade.Number);
            Assert.Equal(old.Size, year2.GetClass(old.Id).Size);
        }
    }
}
