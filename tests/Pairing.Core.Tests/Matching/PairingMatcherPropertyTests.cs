using FsCheck.Xunit;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Matching;

/// <summary>Invariants over generated rosters (under six option sets, P5 relaxed in two): no rule broken, nothing lost, each student in one pair, the same output whatever the thread count or row order.</summary>
public sealed class PairingMatcherPropertyTests
{
    private static readonly PairingMatcher Matcher = new();

    public static PairingOptions OptionsFor(int seed) => (seed & 7) switch
    {
        4 => new PairingOptions { RelaxGradeToNearest = true },
        5 => new PairingOptions { RelaxGradeToNearest = true, XinjiangSchoolsPerInlandSchool = 2, CloseBirthYearWeight = 2 },
        0 => new PairingOptions(),
        1 => new PairingOptions { XinjiangSchoolsPerInlandSchool = 2, SharedInterestWeight = 2, SameLanguageWeight = 1 },
        2 => new PairingOptions { XinjiangCountiesPerInlandCounty = 2, CloseBirthYearWeight = 3, SameGenderWeight = 0 },
        _ => new PairingOptions { XinjiangCountiesPerInlandCounty = 2, XinjiangSchoolsPerInlandSchool = 3, SharedInterestWeight = 1 },
    };

    [Property(MaxTest = 60)]
    public void The_roster_phase_breaks_no_rule_and_loses_nothing(int seed)
    {
        var roster = RandomRosters.Make(seed);
        var result = Matcher.Match(roster, options: OptionsFor(seed));

        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions());
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(result.StudentPairs.Count, result.StudentPairs.Select(p => p.Xinjiang).Distinct().Count());
        Assert.Equal(result.StudentPairs.Count, result.StudentPairs.Select(p => p.Inland).Distinct().Count());
        var xinjiangStudents = roster.Students.Count(s => roster.SideOf(s) == Pairing.Core.Hierarchy.Side.Xinjiang);
        Assert.Equal(xinjiangStudents, result.StudentPairs.Count + result.Unpaired.Count(u => u.Level == PairingLevel.Student));
    }

    [Property(MaxTest = 60)]
    public void The_planning_phase_breaks_no_rule_and_loses_nothing(int seed)
    {
        var roster = RandomRosters.Make(seed, students: false, size: 2);
        var result = Matcher.Plan(roster, options: OptionsFor(seed));

        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions());
        Assert.True(report.IsValid, report.ToString());
    }

    [Property(MaxTest = 25)]
    public void One_thread_and_two_give_the_same_files(int seed)
    {
        var roster = RandomRosters.Make(seed, size: 2);
        var options = OptionsFor(seed);
        var one = options.Clone();
        one.MaxDegreeOfParallelism = 1;
        var two = options.Clone();
        two.MaxDegreeOfParallelism = 2;

        var a = ResultBytes.Of(Matcher.Match(roster, options: one));
        var b = ResultBytes.Of(Matcher.Match(roster, options: two));

        // Every file, summary.json included (timings left out, and the degree of parallelism is not in the manifest).
        Assert.Equal(a, b);
    }

    [Property(MaxTest = 25)]
    public void Permuting_the_input_rows_changes_nothing(int seed)
    {
        var options = OptionsFor(seed);
        var a = ResultBytes.Of(Matcher.Match(RandomRosters.Make(seed), options: options));
        var b = ResultBytes.Of(Matcher.Match(RandomRosters.Make(seed, shuffle: true), options: options));

        Assert.Equal(a, b);
    }

    [Property(MaxTest = 20)]
    public void A_plan_then_a_match_keeps_the_plan_and_breaks_no_rule(int seed)
    {
        var roster = RandomRosters.Make(seed);
        var options = OptionsFor(seed);
        var plan = Matcher.Plan(roster, options: options);
        var result = Matcher.Match(roster, plan, options: options);

        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
        Assert.Subset(result.CountyPairs.ToHashSet(), plan.CountyPairs.ToHashSet());
        Assert.Subset(result.SchoolPairs.ToHashSet(), plan.SchoolPairs.ToHashSet());
        Assert.Equal(plan.CountyPairs.Count, result.Summary.Counties.Kept);
        Assert.Equal(plan.SchoolPairs.Count, result.Summary.Schools.Kept);
        if (options.XinjiangCountiesPerInlandCounty == 1)
        {
            // With whole inland counties, the roster phase sees exactly what planning saw: nothing new to pair.
            Assert.Equal(plan.CountyPairs, result.CountyPairs);
            Assert.Equal(plan.SchoolPairs, result.SchoolPairs);
        }
    }

    [Property(MaxTest = 20)]
    public void Matching_again_with_the_result_as_previous_keeps_every_pair(int seed)
    {
        var roster = RandomRosters.Make(seed);
        var options = OptionsFor(seed);
        var first = Matcher.Match(roster, options: options);
        var second = Matcher.Match(roster, previous: first, options: options);

        Assert.True(PairingResultChecker.Check(roster, second, second.Summary.Options.ToOptions()).IsValid);
        Assert.Equal(first.StudentPairs, second.StudentPairs);
        Assert.Equal(first.StudentPairs.Count, second.Summary.Students?.Kept);
    }

    [Property(MaxTest = 60)]
    public void No_school_is_left_unpaired_while_its_paired_county_has_a_free_school_that_meets_P4(int seed)
    {
        var roster = RandomRosters.Make(seed, students: false, size: 2);
        var options = OptionsFor(seed);
        var result = Matcher.Plan(roster, options: options);

        var countyOf = result.CountyPairs.ToDictionary(p => p.Xinjiang, p => p.Inland);
        var takenBy = result.SchoolPairs.ToLookup(p => p.Inland, p => p.Xinjiang);
        int Classes(Pairing.Core.Hierarchy.SchoolId s) => roster.ClassesIn(s).Count;
        long Students(Pairing.Core.Hierarchy.SchoolId s) => roster.ClassesIn(s).Sum(c => (long)c.Size);
        foreach (var u in result.Unpaired.Where(u => u.Level == PairingLevel.School))
        {
            var s = roster.GetSchool(new Pairing.Core.Hierarchy.SchoolId(u.Id));
            if (!countyOf.TryGetValue(s.CountyId, out var inlandCounty))
            {
                continue;
            }

            foreach (var t in roster.SchoolsIn(inlandCounty))
            {
                var taken = takenBy[t.Id].ToList();
                var free = taken.Count < options.XinjiangSchoolsPerInlandSchool
                    && Classes(t.Id) - taken.Sum(Classes) >= Classes(s.Id)
                    && Students(t.Id) - taken.Sum(Students) >= Students(s.Id);
                Assert.False(free, $"school {s.Id} is unpaired ({u.Reason}) but inland school {t.Id} of its paired county has room for it");
            }
        }
    }
}
