using FsCheck.Xunit;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Xunit.Abstractions;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>The capacity advice with shared inland units (K &gt; 1) against <see cref="SharedAdviceBruteForce"/>, and applied.</summary>
public sealed class SharedAdviceTests(ITestOutputHelper output)
{
    private const int Rosters = 40;

    /// <summary>
    /// One province (Beijing): two or three Xinjiang counties of one or two schools (grades 7 and 8, one or two classes of
    /// 1–5), zero to two inland counties of zero to two schools (zero to three classes of 2–9 a grade, often none): so
    /// counties, schools and grades go short, and Xinjiang units can share what is added.
    /// </summary>
    internal static Roster Make(int seed, bool students)
    {
        var random = new Random(seed);
        var t = new TestRoster(students);
        var xCounties = random.Next(2, 4);
        for (var c = 0; c < xCounties; c++)
        {
            var county = $"X{c}";
            t.XinjiangCounty(county);
            for (var s = 0; s < random.Next(1, 3); s++)
            {
                var school = $"{county}s{s}";
                t.School(school, county);
                for (var k = 0; k < random.Next(1, 3); k++)
                {
                    t.Class($"{school}k{k}", school, random.Next(7, 9), random.Next(1, 6));
                }
            }
        }

        for (var c = 0; c < random.Next(0, 3); c++)
        {
            var county = $"N{c}";
            t.InlandCounty(county);
            for (var s = 0; s < random.Next(0, 3); s++)
            {
                var school = $"{county}s{s}";
                t.School(school, county);
                foreach (var grade in new[] { 7, 8 })
                {
                    for (var k = 0; k < random.Next(0, 3); k++)
                    {
                        t.Class($"{school}g{grade}k{k}", school, grade, random.Next(2, 10));
                    }
                }
            }
        }

        return t.Build();
    }

    internal static PairingOptions Options(int k) => new() { XinjiangCountiesPerInlandCounty = k, XinjiangSchoolsPerInlandSchool = k };

    private static AdviceBruteForce.Cost CostOf(CapacityAdvice advice) => new(advice.Counties, advice.Schools, advice.Students, advice.Classes);

    private static IEnumerable<(int Seed, int K)> Cases() => Enumerable.Range(0, Rosters).SelectMany(seed => new[] { (seed, 2), (seed, 3) });

    [Fact]
    public void With_one_unit_per_inland_unit_the_yardstick_agrees_with_the_one_for_K_1()
    {
        for (var seed = 0; seed < Rosters; seed++)
        {
            var roster = Make(seed, students: seed % 2 == 0);
            Assert.Equal(AdviceBruteForce.Best(roster), SharedAdviceBruteForce.Best(roster, 1, 1));
            Assert.Equal(AdviceBruteForce.Best(roster, relaxGrades: true), SharedAdviceBruteForce.Best(roster, 1, 1, relax: true));
        }
    }

    [Fact]
    public void The_rosters_have_gaps_and_sharing_makes_the_least_advice_smaller_on_many()
    {
        var gaps = 0;
        var smaller = 0;
        for (var seed = 0; seed < Rosters; seed++)
        {
            var roster = Make(seed, students: false);
            var one = SharedAdviceBruteForce.Best(roster, 1, 1);
            var two = SharedAdviceBruteForce.Best(roster, 2, 2);
            var three = SharedAdviceBruteForce.Best(roster, 3, 3);
            Assert.True(two.CompareTo(one) <= 0 && three.CompareTo(two) <= 0, $"seed {seed}: {one} {two} {three}");
            gaps += one == default ? 0 : 1;
            smaller += two.CompareTo(one) < 0 ? 1 : 0;
        }

        output.WriteLine($"{gaps} of {Rosters} rosters have gaps; on {smaller} the least advice is smaller with K = 2");
        Assert.InRange(gaps, Rosters * 3 / 4, Rosters);
        Assert.InRange(smaller, Rosters / 4, Rosters);
    }

    [Fact]
    public void Gap_of_the_advisor_to_the_exact_least_with_sharing_is_reported()
    {
        var exact = 0;
        var total = default(AdviceBruteForce.Cost);
        var least = default(AdviceBruteForce.Cost);
        foreach (var (seed, k) in Cases())
        {
            var roster = Make(seed, students: seed % 2 == 0);
            var advice = CostOf(PairingAdvisor.Advise(roster, Options(k)));
            var best = SharedAdviceBruteForce.Best(roster, k, k);

            // Whatever the gap, valid advice can never be below the least.
            Assert.True(advice.CompareTo(best) >= 0, $"seed {seed}, K = {k}: advice {advice}, least {best}");
            exact += advice == best ? 1 : 0;
            total += advice;
            least += best;
            if (advice != best)
            {
                output.WriteLine($"seed {seed}, K = {k}: advice {advice}, least {best}");
            }
        }

        // Before the shared model (commit 06db2fc, one Xinjiang unit per inland unit): 2 of 80 exact, 132 counties and
        // 246 schools advised where 46 and 102 suffice.
        output.WriteLine($"{exact} of {Rosters * 2} exact; advised {total}, least {least}");
    }

    [Fact]
    public void A_row_for_an_inland_school_that_takes_several_Xinjiang_schools_says_how_many()
    {
        var shared = 0;
        foreach (var (seed, k) in Cases())
        {
            var advice = PairingAdvisor.Advise(Make(seed, students: seed % 2 == 0), Options(k));
            foreach (var row in advice.Additions.Where(a => a.Action == CapacityAction.AddClasses))
            {
                // Rows of one inland school share its code: one Xinjiang school (ADV003/004) or several (ADV005/006).
                var schools = row.Finding.Arguments.Where(a => a.Name == "schools").Select(a => Convert.ToInt32(a.Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Single();
                Assert.Contains(row.Finding.Code, schools > 1 ? ["ADV005", "ADV006"] : new[] { "ADV003", "ADV004" });
                if (schools > 1)
                {
                    shared++;
                    var english = Pairing.Core.Findings.FindingRenderer.Default.Render(row.Finding, Pairing.Core.Findings.FindingLanguage.English);
                    var chinese = Pairing.Core.Findings.FindingRenderer.Default.Render(row.Finding, Pairing.Core.Findings.FindingLanguage.Chinese);
                    Assert.Contains($"the {schools} Xinjiang schools it takes ({row.XinjiangId} and the others)", english, StringComparison.Ordinal);
                    Assert.Contains($"{schools} 所新疆学校（{row.XinjiangId} 等）", chinese, StringComparison.Ordinal);
                }
            }

            Assert.DoesNotContain(PairingAdvisor.Advise(Make(seed, students: seed % 2 == 0), Options(1)).Additions,
                a => a.Finding.Code is "ADV005" or "ADV006");
        }

        output.WriteLine($"{shared} rows for an inland school shared by several Xinjiang schools");
        Assert.True(shared > 0, "some of the rosters share an inland school that needs additions");
    }

    [Fact]
    public void With_sharing_the_advice_is_the_exact_least_and_says_so()
    {
        foreach (var (seed, k) in Cases())
        {
            var roster = Make(seed, students: seed % 2 == 0);
            var advice = PairingAdvisor.Advise(roster, Options(k));
            Assert.Equal(SharedAdviceBruteForce.Best(roster, k, k), CostOf(advice));
            Assert.Empty(advice.Notes);
        }
    }

    [Fact]
    public void With_sharing_and_relaxed_grades_the_advice_is_the_exact_least()
    {
        var differs = 0;
        for (var seed = 0; seed < Rosters; seed++)
        {
            var k = 2 + (seed % 2);
            var options = Options(k);
            options.RelaxGradeToNearest = true;
            var roster = Make(seed, students: seed % 4 < 2);
            var advice = PairingAdvisor.Advise(roster, options);
            var best = SharedAdviceBruteForce.Best(roster, k, k, relax: true);
            Assert.Equal(best, CostOf(advice));
            Assert.Empty(advice.Notes);
            PairingAdvisorTests.AssertCoversEveryone(roster, PairingAdvisorTests.RowsOf(advice), options);
            differs += best != SharedAdviceBruteForce.Best(roster, k, k) ? 1 : 0;
        }

        // Relaxing grades changes the least advice on some of them, so the grades the additions open are tested.
        output.WriteLine($"relaxed grades change the least advice on {differs} of {Rosters}");
        Assert.InRange(differs, 3, Rosters);
    }

    [Fact]
    public void With_only_counties_or_only_schools_shared_the_advice_is_the_exact_least()
    {
        for (var seed = 0; seed < Rosters; seed++)
        {
            var roster = Make(seed, students: seed % 2 == 1);
            var (kc, ks) = seed % 2 == 0 ? (2, 1) : (1, 3);
            var options = new PairingOptions { XinjiangCountiesPerInlandCounty = kc, XinjiangSchoolsPerInlandSchool = ks };
            var advice = PairingAdvisor.Advise(roster, options);
            Assert.Equal(SharedAdviceBruteForce.Best(roster, kc, ks), CostOf(advice));
            PairingAdvisorTests.AssertCoversEveryone(roster, PairingAdvisorTests.RowsOf(advice), options);
        }
    }

    [Fact]
    public void Stopped_at_its_work_limit_the_model_says_so_and_its_advice_still_covers_everyone()
    {
        var stopped = 0;
        for (var seed = 0; seed < 10; seed++)
        {
            var roster = Make(seed, students: false);
            var options = Options(2);
            options.WorkLimitPerSubproblem = 1e-9;
            var advice = PairingAdvisor.Advise(roster, options);
            Assert.True(CostOf(advice).CompareTo(SharedAdviceBruteForce.Best(roster, 2, 2)) >= 0);
            if (advice.Notes.Count > 0)
            {
                stopped++;
                Assert.Equal("ADV013", Assert.Single(advice.Notes).Code);
            }

            PairingAdvisorTests.AssertCoversEveryone(roster, PairingAdvisorTests.RowsOf(advice), Options(2));
        }

        Assert.True(stopped > 0);
    }

    [Fact]
    public void Cancelled_the_shared_model_stops_within_a_second()
    {
        // Hebei of the generated 100,000-student roster with K = 2 and relaxed grades: about 4 s to prove alone; the
        // call's token reaches CP-SAT's stop-search, so a cancel at 0.3 s ends it at once, not at the next province.
        var roster = Pairing.Core.Generation.RosterGenerator.Generate(
            new Pairing.Core.Generation.RosterGeneratorOptions { XinjiangStudents = 100_000, Seed = 11, CountsOnly = true });
        var v = new Pairing.Core.Matching.Internals.RosterView(roster, relaxGrades: true);
        var options = Options(2);
        options.RelaxGradeToNearest = true;
        options.WorkLimitPerSubproblem = 30;
        var counties = Enumerable.Range(0, roster.CountyArray.Length).Where(c => roster.CountyProvince[c].Value == "130000").ToArray();
        var x = counties.Where(c => roster.CountyArray[c].Side == Pairing.Core.Hierarchy.Side.Xinjiang).ToArray();
        var n = counties.Where(c => roster.CountyArray[c].Side == Pairing.Core.Hierarchy.Side.Inland).ToArray();
        var caps = Pairing.Core.Matching.Internals.Advising.Caps(v, n.SelectMany(c => roster.CountySchools.Of(c).ToArray()).ToArray());
        using var cancel = new CancellationTokenSource();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        var ex = Record.Exception(() => Pairing.Core.Matching.Internals.AdvisingShared.Solve(
            v, new Pairing.Core.Hierarchy.ProvinceId("130000"), x, n, caps, options, cancel.Token));
        clock.Stop();
        output.WriteLine($"returned after {clock.ElapsedMilliseconds} ms");
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.3), $"{clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void With_sharing_the_advice_does_not_depend_on_the_thread_count()
    {
        var roster = RandomRosters.Make(8, students: false, size: 2);
        var one = Options(2);
        one.MaxDegreeOfParallelism = 1;
        var all = Options(2);
        all.MaxDegreeOfParallelism = 4;
        Assert.Equal(PairingAdvisor.Advise(roster, one).Additions.Select(a => a.ToString()), PairingAdvisor.Advise(roster, all).Additions.Select(a => a.ToString()));
    }

    [Property(MaxTest = 12)]
    public void Applied_with_sharing_on_larger_random_rosters_it_covers_everyone(int seed)
    {
        var k = 2 + Math.Abs(seed % 2);
        var roster = RandomRosters.Make(seed, students: (seed & 2) == 0, size: 1 + Math.Abs(seed % 2));
        var advice = PairingAdvisor.Advise(roster, Options(k));
        PairingAdvisorTests.AssertCoversEveryone(roster, PairingAdvisorTests.RowsOf(advice), Options(k));
        Assert.Equal(advice.XinjiangStudents, advice.CoveredAfter);
    }

    [Property(MaxTest = 40)]
    public void Applied_with_sharing_the_advice_covers_everyone(int seed)
    {
        var k = 2 + Math.Abs(seed % 2);
        var roster = Make(seed, students: (seed & 2) == 0);
        var advice = PairingAdvisor.Advise(roster, Options(k));
        PairingAdvisorTests.AssertCoversEveryone(roster, PairingAdvisorTests.RowsOf(advice), Options(k));
        Assert.Equal(advice.XinjiangStudents, advice.CoveredAfter);
    }
}
