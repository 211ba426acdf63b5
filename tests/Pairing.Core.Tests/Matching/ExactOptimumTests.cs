using FsCheck.Xunit;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// The hierarchical result against an exact optimum found by brute force over every county assignment, every
/// school assignment and every class assignment of tiny rosters (flat: nothing decomposed, nothing priced).
/// </summary>
/// <remarks>
/// The objective, lexicographic: most Xinjiang students covered; then most schools and counties paired (a unit
/// left unpaired must be explained, so pairing it is better when it costs no coverage); then fewest cross-class
/// pairs; then least total class size difference. A school pair is admissible when it meets P4 on totals (no fewer
/// classes and students); it covers, per grade, the smaller of the two schools' students; per grade, as many classes
/// as the smaller side has are paired one-to-one and the rest of the grade's covered students are cross-class. A
/// county pair is admissible when at least one of its schools can be paired or it has none. With one Xinjiang unit per inland unit the hierarchical result
/// is exactly optimal for all of these (gap 0): each county pair is priced by its exact school optimum, each school
/// pair by its exact class optimum.
/// </remarks>
public sealed class ExactOptimumTests
{
    [Property(MaxTest = 80)]
    public void The_hierarchical_result_is_optimal_on_tiny_rosters(int seed)
    {
        var roster = Tiny(seed);
        var result = new PairingMatcher().Match(roster);
        var best = BruteForce.Best(roster);

        var found = (result.Summary.CoveredStudents, result.SchoolPairs.Count, result.CountyPairs.Count,
            (long)result.Summary.CrossClassPairs!, (long)result.Summary.ClassSizeDifference!);
        Assert.Equal(best, found);
        // Proven optimal with one Xinjiang unit per inland unit: the stated bound is the coverage itself.
        Assert.Equal(result.Summary.CoveredStudents, result.Summary.CoverageUpperBound);
    }

    [Property(MaxTest = 60)]
    public void Student_preferences_within_a_class_pair_are_optimal(int seed)
    {
        var random = new Random(seed);
        var options = new PairingOptions
        {
            SameGenderWeight = random.Next(0, 5),
            SharedInterestWeight = random.Next(0, 5),
            SameLanguageWeight = random.Next(0, 5),
            CloseBirthYearWeight = random.Next(0, 5),
        };
        var xSize = random.Next(1, 6);
        var nSize = random.Next(xSize, 7);
        var t = new TestRoster()
            .XinjiangCounty("X").InlandCounty("N").School("XS", "X").School("NS", "N")
            .Class("XC", "XS", 8, 0).Class("NC", "NS", 8, 0);
        string[] interests = ["art", "ball", "chess"];
        string?[] languages = ["ug", "zh", null];
        for (var i = 0; i < xSize + nSize; i++)
        {
            t.Student(i < xSize ? "XC" : "NC", (Gender)random.Next(0, 3), null, random.Next(0, 3) == 0 ? null : random.Next(2009, 2013),
                languages[random.Next(3)], [.. interests.Where(_ => random.Next(2) == 0)]);
        }

        var roster = t.Build();
        var result = new PairingMatcher().Match(roster, options: options);
        var xs = roster.StudentsIn(new ClassId("XC"));
        var ns = roster.StudentsIn(new ClassId("NC"));
        long best = 0;
        foreach (var perm in BruteForce.Injections(xs.Count, ns.Count))
        {
            best = Math.Max(best, perm.Select((j, i) => (long)Met(options, xs[i], ns[j])).Sum());
        }

        Assert.Equal(best, result.Summary.PreferenceScore);
        Assert.Equal(xSize, result.StudentPairs.Count);
    }

    private static int Met(PairingOptions o, Student a, Student b) =>
        (a.Gender != Gender.Unknown && a.Gender == b.Gender ? o.SameGenderWeight : 0)
        + (a.Interests.Intersect(b.Interests).Any() ? o.SharedInterestWeight : 0)
        + (a.Language is not null && a.Language == b.Language ? o.SameLanguageWeight : 0)
        + (a.BirthYear is { } x && b.BirthYear is { } y && Math.Abs(x - y) <= 1 ? o.CloseBirthYearWeight : 0);

    /// <summary>One province, one or two counties a side, up to two schools each, grades 7 and 8, sizes 1–5.</summary>
    private static Roster Tiny(int seed)
    {
        var random = new Random(seed);
        var t = new TestRoster();
        for (var side = 0; side < 2; side++)
        {
            var xinjiang = side == 0;
            for (var c = 0; c < random.Next(1, 3); c++)
            {
                var county = $"{(xinjiang ? 'X' : 'N')}{c}";
                _ = xinjiang ? t.XinjiangCounty(county) : t.InlandCounty(county);
                for (var s = 0; s < random.Next(xinjiang ? 0 : 1, 3); s++)
                {
                    var school = $"{county}s{s}";
                    t.School(school, county);
                    for (var k = 0; k < random.Next(xinjiang ? 0 : 1, xinjiang ? 4 : 5); k++)
                    {
                        t.Class($"{school}k{k}", school, random.Next(7, 9), random.Next(1, 6));
                    }
                }
            }
        }

        return t.Build();
    }

    /// <summary>The flat exact optimum, by enumeration; shares nothing with the matcher.</summary>
    private static class BruteForce
    {
        public static (long Covered, int Schools, int Counties, long Cross, long Difference) Best(Roster roster)
        {
            var xc = roster.Counties.Where(c => c.Side == Side.Xinjiang).ToList();
            var nc = roster.Counties.Where(c => c.Side == Side.Inland).ToList();
            (long, int, int, long, long) best = (0, 0, 0, 0, 0);
            var first = true;
            foreach (var assignment in BruteForceMaps.Maps(xc.Count, nc.Count))
            {
                long covered = 0, cross = 0, diff = 0;
                int schools = 0, counties = 0;
                var ok = true;
                for (var i = 0; i < xc.Count && ok; i++)
                {
                    if (assignment[i] < 0)
                    {
                        continue;
                    }

                    var pair = BestSchools(roster, xc[i], nc[assignment[i]]);
                    if (pair.Schools == 0 && roster.SchoolsIn(xc[i].Id).Count > 0)
                    {
                        ok = false;
                        break;
                    }

                    counties++;
                    covered += pair.Covered;
                    schools += pair.Schools;
                    cross += pair.Cross;
                    diff += pair.Difference;
                }

                var value = (covered, schools, counties, cross, diff);
                if (ok && (first || Better(value, best)))
                {
                    best = value;
                    first = false;
                }
            }

            return best;
        }

        private static bool Better((long C, int S, int K, long X, long D) a, (long C, int S, int K, long X, long D) b) =>
            a.C != b.C ? a.C > b.C : a.S != b.S ? a.S > b.S : a.K != b.K ? a.K > b.K : a.X != b.X ? a.X < b.X : a.D < b.D;

        private static (long Covered, int Schools, int Counties, long Cross, long Difference) BestSchools(Roster roster, County x, County n)
        {
            var xs = roster.SchoolsIn(x.Id);
            var ns = roster.SchoolsIn(n.Id);
            (long, int, int, long, long) best = (0, 0, 1, 0, 0);
            foreach (var assignment in BruteForceMaps.Maps(xs.Count, ns.Count))
            {
                long covered = 0, cross = 0, diff = 0;
                var schools = 0;
                var ok = true;
                for (var i = 0; i < xs.Count && ok; i++)
                {
                    if (assignment[i] < 0)
                    {
                        continue;
                    }

                    var a = roster.ClassesIn(xs[i].Id);
                    var b = roster.ClassesIn(ns[assignment[i]].Id);
                    if (b.Count < a.Count || b.Sum(c => c.Size) < a.Sum(c => c.Size))
                    {
                        ok = false;
                        break;
                    }

                    foreach (var grade in new[] { 7, 8 })
                    {
                        var ag = a.Where(c => c.Grade.Number == grade).Select(c => c.Size).ToArray();
                        var bg = b.Where(c => c.Grade.Number == grade).Select(c => c.Size).ToArray();
                        var gradeCovered = Math.Min(ag.Sum(), bg.Sum());

                        // Every way to pair the smaller side's classes one-to-one into the other's.
                        var pairings = ag.Length <= bg.Length
                            ? Injections(ag.Length, bg.Length).Select(m => m.Select((j, k) => (ag[k], bg[j])).ToArray())
                            : Injections(bg.Length, ag.Length).Select(m => m.Select((j, k) => (ag[j], bg[k])).ToArray());
                        (long Cross, long Diff) bestClasses = (long.MaxValue, long.MaxValue);
                        foreach (var pairing in pairings)
                        {
                            long c = gradeCovered - pairing.Sum(p => Math.Min(p.Item1, p.Item2));
                            long d = pairing.Sum(p => Math.Abs(p.Item1 - p.Item2));
                            if (c < bestClasses.Cross || (c == bestClasses.Cross && d < bestClasses.Diff))
                            {
                                bestClasses = (c, d);
                            }
                        }

                        covered += gradeCovered;
                        cross += bestClasses.Cross;
                        diff += bestClasses.Diff;
                    }

                    schools++;
                }

                var value = (covered, schools, 1, cross, diff);
                if (ok && Better(value, best))
                {
                    best = value;
                }
            }

            return best;
        }

        /// <summary>Every one-to-one map of 0..left-1 into 0..right-1 (left ≤ right).</summary>
        public static IEnumerable<int[]> Injections(int left, int right) => BruteForceMaps.Maps(left, right).Where(m => m.All(j => j >= 0));
    }
}
