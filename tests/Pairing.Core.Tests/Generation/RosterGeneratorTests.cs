using FsCheck.Xunit;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Files.Tables;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Generation;

public sealed class RosterGeneratorTests
{
    private const double JuniorToSenior2014 = 911_477.0 / 462_963.0;

    private static Roster Generate(int students, long seed = 2014, bool countsOnly = false, double inlandRatio = 1.1) =>
        RosterGenerator.Generate(new RosterGeneratorOptions
        {
            XinjiangStudents = students,
            Seed = seed,
            CountsOnly = countsOnly,
            InlandRatio = inlandRatio,
        });

    private static long StudentsOf(Roster roster, CountyId county) =>
        roster.SchoolsIn(county).Sum(s => roster.ClassesIn(s.Id).Sum(c => (long)c.Size));

    [Fact]
    public void Same_seed_gives_byte_identical_files()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        RosterFiles.Write(Generate(3_000, seed: 42), first.Path);
        RosterFiles.Write(Generate(3_000, seed: 42), second.Path);

        foreach (var file in new[] { RosterFiles.CountiesFile, RosterFiles.SchoolsFile, RosterFiles.ClassesFile, RosterFiles.StudentsFile })
        {
            Assert.Equal(File.ReadAllBytes(System.IO.Path.Combine(first.Path, file)), File.ReadAllBytes(System.IO.Path.Combine(second.Path, file)));
        }
    }

    [Fact]
    public void Different_seed_gives_different_files()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        RosterFiles.Write(Generate(3_000, seed: 1), first.Path);
        RosterFiles.Write(Generate(3_000, seed: 2), second.Path);

        Assert.NotEqual(
            File.ReadAllBytes(System.IO.Path.Combine(first.Path, RosterFiles.StudentsFile)),
            File.ReadAllBytes(System.IO.Path.Combine(second.Path, RosterFiles.StudentsFile)));
    }

    [Fact]
    public void Counts_only_roster_has_the_same_layout_as_the_full_one()
    {
        var full = Generate(2_000, seed: 9);
        var counts = Generate(2_000, seed: 9, countsOnly: true);

        Assert.Equal(full.Classes.Select(c => (c.Id, c.Size)), counts.Classes.Select(c => (c.Id, c.Size)));
    }

    [Theory]
    [InlineData(RosterGeneratorOptions.MinXinjiangStudents)]
    [InlineData(505)]
    [InlineData(1_000)]
    [InlineData(12_345)]
    [InlineData(250_001)]
    public void Xinjiang_class_sizes_add_up_to_exactly_the_requested_total(int students)
    {
        var roster = Generate(students, countsOnly: true);

        Assert.Equal(students, roster.CountsOf(Side.Xinjiang).Students);
        Assert.Equal(students, roster.Classes.Where(c => roster.SideOf(c) == Side.Xinjiang).Sum(c => (long)c.Size));
    }

    [Fact]
    public void Every_one_of_the_84_counties_is_present_with_its_aided_area_and_a_school()
    {
        var roster = Generate(RosterGeneratorOptions.MinXinjiangStudents);
        var xinjiang = roster.Counties.Where(c => c.Side == Side.Xinjiang).ToList();

        Assert.Equal(84, xinjiang.Count);
        Assert.Equal(
            SupportMap.Default.Counties.Select(c => (c.Id, c.AreaId.Value)).Order(),
            xinjiang.Select(c => (c.Id, c.Unit)).Order());
        Assert.All(xinjiang, c => Assert.NotEmpty(roster.SchoolsIn(c.Id)));
        Assert.All(xinjiang, c => Assert.True(StudentsOf(roster, c.Id) >= RosterGeneratorOptions.MinStudentsPerCounty));
    }

    [Fact]
    public void Students_follow_population_so_Shache_has_far_more_than_Jimunai()
    {
        var roster = Generate(1_000_000, countsOnly: true);

        var shache = StudentsOf(roster, new CountyId("653125")); // 莎车县, 860,800 people
        var jimunai = StudentsOf(roster, new CountyId("654326")); // 吉木乃县, 34,336 people

        Assert.True(shache >= 15 * jimunai, $"莎车县 {shache}, 吉木乃县 {jimunai}");
    }

    [Fact]
    public void Junior_and_senior_students_are_in_the_2014_ratio()
    {
        var roster = Generate(1_000_000, countsOnly: true);
        var xinjiang = roster.Classes.Where(c => roster.SideOf(c) == Side.Xinjiang).ToList();

        double junior = xinjiang.Where(c => c.Grade.Stage == SchoolStage.Junior).Sum(c => c.Size);
        double senior = xinjiang.Where(c => c.Grade.Stage == SchoolStage.Senior).Sum(c => c.Size);

        Assert.InRange(junior / senior, JuniorToSenior2014 * 0.97, JuniorToSenior2014 * 1.03);
    }

    [Fact]
    public void Schools_and_classes_have_realistic_sizes_at_national_scale()
    {
        var roster = Generate(1_374_440, countsOnly: true); // Xinjiang's 2014 total
        var counts = roster.CountsOf(Side.Xinjiang);

        // 2014: 1,100 junior and 363 senior schools; complete schools count once here.
        Assert.InRange(counts.Schools, 1_100, 1_500);
        Assert.InRange((double)counts.Students / counts.Classes, 40, 50);
        Assert.All(roster.Classes, c => Assert.InRange(c.Size, 1, SchoolClass.MaxSize));
    }

    [Fact]
    public void Counts_only_roster_has_no_students_and_writes_no_students_file()
    {
        var roster = Generate(1_000, countsOnly: true);
        using var folder = new TempFolder();
        RosterFiles.Write(roster, folder.Path);

        Assert.False(roster.HasStudents);
        Assert.Empty(roster.Students);
        Assert.All(roster.Classes, c => Assert.True(c.Size > 0));
        Assert.False(File.Exists(System.IO.Path.Combine(folder.Path, RosterFiles.StudentsFile)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Written_roster_reads_back_valid_without_any_problem(bool countsOnly)
    {
        var roster = Generate(5_000, seed: 3, countsOnly: countsOnly);
        using var folder = new TempFolder();
        RosterFiles.Write(roster, folder.Path);

        var read = RosterFiles.Read(folder.Path);

        Assert.True(read.IsValid, string.Join(Environment.NewLine, read.Findings));
        Assert.Empty(read.Findings);
        Assert.Equal(countsOnly, !read.Value.HasStudents);
        Assert.Equal(roster.CountsOf(Side.Xinjiang), read.Value.CountsOf(Side.Xinjiang));
        Assert.Equal(roster.CountsOf(Side.Inland), read.Value.CountsOf(Side.Inland));
    }

    [Fact]
    public void School_grades_match_the_school_kind()
    {
        var roster = Generate(50_000, countsOnly: true);

        foreach (var school in roster.Schools)
        {
            var kind = school.Id.Value[school.Id.Value.LastIndexOf('-') + 1];
            var grades = roster.ClassesIn(school.Id).Select(c => c.Grade.Number).ToList();
            Assert.NotEmpty(grades);
            switch (kind)
            {
                case 'J':
                    Assert.All(grades, g => Assert.InRange(g, 7, 9));
                    break;
                case 'S':
                    Assert.All(grades, g => Assert.InRange(g, 10, 12));
                    break;
                default:
                    Assert.Equal('C', kind);
                    break;
            }
        }

        // Complete schools teach both stages once counties are not tiny.
        var complete = roster.Schools.Where(s => s.Id.Value.Contains("-C", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(complete);
        Assert.Contains(complete, s => roster.ClassesIn(s.Id).Select(c => c.Grade.Stage).Distinct().Count() == 2);
    }

    [Fact]
    public void Inland_counties_belong_to_supporting_provinces_with_ids_that_collide_with_nothing()
    {
        var roster = Generate(20_000);
        var map = SupportMap.Default;
        var inland = roster.Counties.Where(c => c.Side == Side.Inland).ToList();

        Assert.Equal(inland.Count, inland.Select(c => c.Id).Distinct().Count());
        Assert.All(inland, c => Assert.True(map.TryGetProvince(new ProvinceId(c.Unit), out _)));
        Assert.All(inland, c => Assert.False(map.TryGetCounty(c.Id, out _)));
        Assert.All(inland, c => Assert.False(c.Id.Value.StartsWith("65", StringComparison.Ordinal)));
        foreach (var province in map.Provinces)
        {
            var aided = map.CountiesSupportedBy(province.Id).Count;
            Assert.True(inland.Count(c => c.Unit == province.Id.Value) >= aided + 2, $"{province.Name} has too few inland counties");
        }
    }

    [Fact]
    public void Inland_total_is_about_the_ratio_and_most_counties_have_a_host_able_to_take_them()
    {
        var roster = Generate(200_000, countsOnly: true);
        var ratio = (double)roster.CountsOf(Side.Inland).Students / roster.CountsOf(Side.Xinjiang).Students;
        Assert.InRange(ratio, 1.05, 1.2);

        // A host can take a county 1:1 when it has at least as many students and classes in every grade.
        int[,] Profile(County county)
        {
            var profile = new int[13, 2];
            foreach (var school in roster.SchoolsIn(county.Id))
            {
                foreach (var c in roster.ClassesIn(school.Id))
                {
                    profile[c.Grade.Number, 0] += c.Size;
                    profile[c.Grade.Number, 1]++;
                }
            }

            return profile;
        }

        static bool Covers(int[,] inland, int[,] xinjiang)
        {
            for (var g = 7; g <= 12; g++)
            {
                if (inland[g, 0] < xinjiang[g, 0] || inland[g, 1] < xinjiang[g, 1])
                {
                    return false;
                }
            }

            return true;
        }

        var inland = roster.Counties.Where(c => c.Side == Side.Inland).Select(c => (c, Profile(c))).ToList();
        var hosted = roster.Counties
            .Where(c => c.Side == Side.Xinjiang)
            .Count(x => inland.Any(i => i.c.Unit == roster.ProvinceOf(x).Value && Covers(i.Item2, Profile(x))));

        Assert.InRange(hosted, 84 * 8 / 10, 84);
    }

    [Fact]
    public void Students_are_pseudonymous_and_their_attributes_fit_their_class()
    {
        var roster = Generate(20_000, seed: 11);
        var tags = StudentFactory.InterestTags.ToHashSet();

        foreach (var student in roster.Students)
        {
            var schoolClass = roster.GetClass(student.ClassId);
            var side = roster.SideOf(student);
            Assert.StartsWith(side == Side.Xinjiang ? "X" : "N", student.Id.Value, StringComparison.Ordinal);
            Assert.False(PersonalData.LooksLikeIdCardNumber(student.Id.Value));
            if (student.BirthYear is { } year)
            {
                // Grade 7 in the 2014–15 school year: born 2002, 2001, or a year earlier for a late start.
                Assert.InRange(year, 2014 - schoolClass.Grade.Number - 7, 2014 - schoolClass.Grade.Number - 5);
            }

            Assert.Contains(student.Language, side == Side.Xinjiang ? ["ug", "zh", "kk", "ky", "tg"] : new[] { "zh" });
            Assert.InRange(student.Interests.Length, 0, 3);
            Assert.All(student.Interests, t => Assert.Contains(t, tags));
            Assert.Equal(student.Interests.Length, student.Interests.Distinct().Count());
        }

        var female = roster.Students.Count(s => s.Gender == Gender.Female);
        var male = roster.Students.Count(s => s.Gender == Gender.Male);
        var unknown = roster.Students.Count(s => s.Gender == Gender.Unknown);
        Assert.InRange((double)female / (female + male), 0.47, 0.53);
        Assert.InRange(unknown, 1, roster.Students.Count / 20);
    }

    [Fact]
    public void Options_report_every_failure_together()
    {
        var options = new RosterGeneratorOptions { XinjiangStudents = 10, InlandRatio = double.NaN };

        var failures = options.Validate();

        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal("OPT001", f.Code));
        Assert.Equal([nameof(RosterGeneratorOptions.XinjiangStudents), nameof(RosterGeneratorOptions.InlandRatio)], failures.Select(f => f.Subject!.Value.Id));
        Assert.Equal((10, RosterGeneratorOptions.MinXinjiangStudents, RosterGeneratorOptions.MaxXinjiangStudents),
            ((int)failures[0]["value"], (int)failures[0]["min"], (int)failures[0]["max"]));
        var thrown = Assert.Throws<PairingOptionsException>(() => RosterGenerator.Generate(options));
        Assert.Contains(Pairing.Core.Findings.FindingRenderer.Default.Render(failures[0], Pairing.Core.Findings.FindingLanguage.English), thrown.Message, StringComparison.Ordinal);
        Assert.Contains(Pairing.Core.Findings.FindingRenderer.Default.Render(failures[1], Pairing.Core.Findings.FindingLanguage.English), thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RosterGeneratorOptions.MinXinjiangStudents - 1, 1.1)]
    [InlineData(RosterGeneratorOptions.MaxXinjiangStudents + 1, 1.1)]
    [InlineData(1_000, 0.49)]
    [InlineData(1_000, 3.01)]
    [InlineData(1_000, double.PositiveInfinity)]
    public void Out_of_range_options_are_rejected(int students, double ratio)
    {
        var options = new RosterGeneratorOptions { XinjiangStudents = students, InlandRatio = ratio };

        Assert.Single(options.Validate());
        Assert.Throws<PairingOptionsException>(() => RosterGenerator.Generate(options));
    }

    [Fact]
    public void Default_options_are_valid() => Assert.Empty(new RosterGeneratorOptions().Validate());

    [Property(MaxTest = 25)]
    public void Any_seed_and_size_gives_a_valid_roster_with_the_exact_total(long seed, ushort extra, bool countsOnly, byte ratioStep)
    {
        var students = RosterGeneratorOptions.MinXinjiangStudents + (extra % 4_000);
        var ratio = 0.5 + (ratioStep % 26 / 10.0); // 0.5 to 3.0

        var roster = Generate(students, seed, countsOnly, ratio);

        Assert.Equal(students, roster.CountsOf(Side.Xinjiang).Students);
        Assert.Equal(84, roster.CountsOf(Side.Xinjiang).Counties);
        Assert.Equal(!countsOnly, roster.HasStudents);
        Assert.All(roster.Classes, c => Assert.InRange(c.Size, 1, SchoolClass.MaxSize));
        Assert.All(roster.Schools, s => Assert.NotEmpty(roster.ClassesIn(s.Id)));
    }

    private sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pairing-gen-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
