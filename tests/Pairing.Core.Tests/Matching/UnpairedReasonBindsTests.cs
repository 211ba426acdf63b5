using FsCheck.Xunit;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// A unit is explained by the rule that binds, with the closest candidate's numbers (issue 26, item 4): a county is
/// under P2 only when no inland county of its province has a place left, a school under P3 (UNP013) only when no school
/// of its paired inland county has one; otherwise P4, named after a school that could still take it and with what that
/// school has free. Recomputed here from the roster and the pairs, sharing no code with the matcher or the checker.
/// </summary>
public sealed class UnpairedReasonBindsTests
{
    private static readonly PairingMatcher Matcher = new();

    [Fact]
    public void The_issue_roster_explains_Shanshan_by_the_largest_free_school_under_P4()
    {
        // The generated 20,000-student roster (seed 11): 鄯善县 (652122) was "P2, UNP002: 0 of 1 counties free" in
        // Hunan (430000), though four of Hunan's six inland counties are unpaired. Its one school, 652122-C001, has 246
        // students; the largest school of a free Hunan county, 439006-C001, has 195.
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 20_000, Seed = 11 });
        var options = new PairingOptions();

        var result = Matcher.Plan(roster, options: options);

        var county = Assert.Single(result.Unpaired, u => u.Level == PairingLevel.County && u.Id == "652122");
        Assert.Equal((PairingRule.P4, "UNP005", "439006-C001", "students", 195, 246),
            (county.Rule, county.Code, county.InlandId, county.Counted, county.Available, county.Needed));
        var hunan = roster.Counties.Where(c => c.Side == Side.Inland && roster.ProvinceOf(c).Value == "430000").Select(c => c.Id).ToArray();
        Assert.Equal(6, hunan.Length);
        Assert.Equal(4, hunan.Count(n => result.CountyPairs.All(p => p.Inland != n)));
        Assert.True(PairingResultChecker.Check(roster, result, options).IsValid);
        AssertEveryReasonBinds(roster, result, options);
    }

    [Property(MaxTest = 80)]
    public void On_random_rosters_every_stated_rule_binds(int seed)
    {
        var roster = RandomRosters.Make(seed, students: false, size: 2);
        var options = PairingMatcherPropertyTests.OptionsFor(seed);

        AssertEveryReasonBinds(roster, Matcher.Plan(roster, options: options), options);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 1, 1)]
    [InlineData(11, 1, 1)]
    [InlineData(2014, 1, 1)]
    [InlineData(11, 2, 1)]
    [InlineData(7, 1, 2)]
    [InlineData(2014, 2, 3)]
    public void On_generated_rosters_every_stated_rule_binds(int seed, int countiesPerCounty, int schoolsPerSchool)
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 2_000, Seed = seed, CountsOnly = true });
        var options = new PairingOptions { XinjiangCountiesPerInlandCounty = countiesPerCounty, XinjiangSchoolsPerInlandSchool = schoolsPerSchool };

        AssertEveryReasonBinds(roster, Matcher.Plan(roster, options: options), options);
    }

    /// <summary>Every county and school row's rule binds: what it says leaves no candidate that could take the unit.</summary>
    internal static void AssertEveryReasonBinds(Roster roster, PairingResult result, PairingOptions options)
    {
        int Classes(SchoolId s) => roster.ClassesIn(s).Count;
        int Students(SchoolId s) => roster.ClassesIn(s).Sum(c => c.Size);
        var partners = result.SchoolPairs.GroupBy(p => p.Inland).ToDictionary(g => g.Key, g => g.Select(p => p.Xinjiang).ToArray());
        var load = result.CountyPairs.GroupBy(p => p.Inland).ToDictionary(g => g.Key, g => g.Count());
        var countyOf = result.CountyPairs.ToDictionary(p => p.Xinjiang, p => p.Inland);
        SchoolId[] PartnersOf(SchoolId t) => partners.TryGetValue(t, out var list) ? list : [];
        (int Classes, int Students) Free(SchoolId t) =>
            (Classes(t) - PartnersOf(t).Sum(Classes), Students(t) - PartnersOf(t).Sum(Students));
        bool HasPlace(SchoolId t) => PartnersOf(t).Length < options.XinjiangSchoolsPerInlandSchool;
        bool Fits(SchoolId t, SchoolId s) => HasPlace(t) && Free(t).Classes >= Classes(s) && Free(t).Students >= Students(s);
        bool MeetsP4(SchoolId t, SchoolId s) => Classes(t) >= Classes(s) && Students(t) >= Students(s);

        // The named school's free numbers are what the row gives, against one of the Xinjiang schools it is compared with.
        void AssertClosest(UnpairedUnit u, SchoolId t, IEnumerable<SchoolId> xinjiang, bool students)
        {
            var (classes, studentsFree) = Free(t);
            Assert.Equal(students ? studentsFree : classes, u.Available);
            Assert.Contains(xinjiang, s => u.Needed == (students ? Students(s) : Classes(s)));
        }

        foreach (var u in result.Unpaired.Where(u => u.Level == PairingLevel.County))
        {
            var x = roster.Counties.Single(c => c.Id.Value == u.Id);
            var province = roster.ProvinceOf(x);
            var inland = roster.Counties.Where(c => c.Side == Side.Inland && roster.ProvinceOf(c) == province).Select(c => c.Id).ToArray();
            var free = inland.Where(n => load.GetValueOrDefault(n) < options.XinjiangCountiesPerInlandCounty).ToArray();
            var candidates = free.SelectMany(n => roster.SchoolsIn(n)).Select(t => t.Id).Where(HasPlace).ToArray();
            var xSchools = roster.SchoolsIn(x.Id).Select(s => s.Id).ToArray();
            var because = $"county {u.Id}: {u.Code}";
            switch (u.Code)
            {
                case "UNP001":
                    Assert.Empty(inland);
                    break;
                case "UNP002":
                    // No inland county is free: none of the province's is left below its allowance (unpaired, with K = 1).
                    Assert.True(free.Length == 0, because);
                    break;
                case "UNP003":
                    Assert.Empty(inland.SelectMany(n => roster.SchoolsIn(n)));
                    break;
                case "UNP004" or "UNP005" or "UNP006":
                    Assert.True(free.Length > 0, because);
                    Assert.False(candidates.Any(t => xSchools.Any(s => Fits(t, s))), because);
                    Assert.Contains(new SchoolId(u.InlandId!), candidates);
                    AssertClosest(u, new SchoolId(u.InlandId!), xSchools, students: u.Code == "UNP005");
                    break;
                case "UNP007":
                    Assert.True(free.Length > 0, because);
                    Assert.False(candidates.Any(t => xSchools.Any(s => Fits(t, s))), because);
                    break;
                default:
                    Assert.Fail($"{because} is not a county code");
                    break;
            }
        }

        foreach (var u in result.Unpaired.Where(u => u.Level == PairingLevel.School && u.Code != "UNP011"))
        {
            var s = new SchoolId(u.Id);
            var n = countyOf[roster.Schools.Single(k => k.Id == s).CountyId];
            var inland = roster.SchoolsIn(n).Select(t => t.Id).ToArray();
            var open = inland.Where(HasPlace).ToArray();
            var because = $"school {u.Id}: {u.Code}";
            switch (u.Code)
            {
                case "UNP012":
                    Assert.Empty(inland);
                    break;
                case "UNP013":
                    // No school of the paired county has a place left, and one would meet P4 (else P4 binds first).
                    Assert.True(open.Length == 0, because);
                    Assert.True(inland.Any(t => MeetsP4(t, s)), because);
                    break;
                case "UNP014" or "UNP015" or "UNP016":
                    Assert.Contains(new SchoolId(u.InlandId!), open);
                    Assert.False(open.Any(t => Fits(t, s)), because);
                    AssertClosest(u, new SchoolId(u.InlandId!), [s], students: u.Code == "UNP015");
                    break;
                case "UNP017" or "UNP018" or "UNP019":
                    Assert.False(inland.Any(t => MeetsP4(t, s)), because);
                    break;
                default:
                    Assert.Fail($"{because} is not a school code");
                    break;
            }
        }
    }
}
