using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>
/// The yardstick for the capacity advice with shared inland units (issue 26): the least inland additions that let every
/// Xinjiang county, school and student be paired when an inland county takes up to <c>kc</c> Xinjiang counties and an
/// inland school up to <c>ks</c> Xinjiang schools, found by enumeration on tiny rosters, sharing no code with the advisor.
/// </summary>
/// <remarks>
/// Per supporting province (P1): every map of its Xinjiang counties into its inland counties or new ones, each taking
/// at most <c>kc</c> (P2; new counties are interchangeable, so they are numbered in order of first use); per inland county,
/// listed or new, every map of the schools of the Xinjiang counties it takes into its schools or new ones, each taking at
/// most <c>ks</c> (P3). An inland school's Xinjiang schools are then served together: after the additions it has no fewer
/// classes and students in total than their sums (P4 on the sums), and in every grade no fewer students than they bring
/// together (coverage per inland school and grade shared, P5, P6). Its additions are enumerated: every number of students
/// per grade, and for each the fewest classes (a grade's classes may be any number between its students over the cap,
/// rounded up, and its students, so the least total is the larger of that sum and what P4 asks). Minimised, in order:
/// new counties, new schools, added students, added classes. With relaxed grades a Xinjiang grade goes to the same grade
/// of the inland school if it has one after the additions, else to the nearest it has (the lower on a tie).
/// </remarks>
internal static class SharedAdviceBruteForce
{
    private static readonly AdviceBruteForce.Cost Infinite = new(int.MaxValue / 4, int.MaxValue / 4, long.MaxValue / 4, long.MaxValue / 4);

    public static AdviceBruteForce.Cost Best(Roster roster, int kc, int ks, bool relax = false)
    {
        var total = default(AdviceBruteForce.Cost);
        foreach (var province in roster.Counties.Select(roster.ProvinceOf).Distinct().OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            var xc = roster.Counties.Where(c => c.Side == Side.Xinjiang && roster.ProvinceOf(c) == province).ToList();
            var nc = roster.Counties.Where(c => c.Side == Side.Inland && roster.ProvinceOf(c) == province).ToList();
            if (xc.Count == 0)
            {
                continue;
            }

            var caps = new Dictionary<int, int>();
            foreach (var k in nc.SelectMany(n => roster.SchoolsIn(n.Id)).SelectMany(s => roster.ClassesIn(s.Id)))
            {
                caps[k.Grade.Number] = Math.Max(caps.GetValueOrDefault(k.Grade.Number), Size(roster, k));
            }

            var xGrades = xc.SelectMany(x => roster.SchoolsIn(x.Id)).SelectMany(s => roster.ClassesIn(s.Id)).Select(k => k.Grade.Number).ToHashSet();
            var schoolMemo = new Dictionary<string, AdviceBruteForce.Cost>(StringComparer.Ordinal);
            var additionMemo = new Dictionary<string, AdviceBruteForce.Cost>(StringComparer.Ordinal);
            var best = Infinite;

            // map[i]: 0..nc-1 a listed county, nc + l the l-th new county.
            var map = new int[xc.Count];
            var load = new int[nc.Count + xc.Count];
            void Go(int i, int newCounties)
            {
                if (i == xc.Count)
                {
                    var cost = new AdviceBruteForce.Cost(newCounties, 0, 0, 0);
                    for (var j = 0; j < nc.Count + newCounties && cost.CompareTo(best) < 0; j++)
                    {
                        var taken = Enumerable.Range(0, xc.Count).Where(x => map[x] == j).Select(x => xc[x]).ToList();
                        if (taken.Count > 0)
                        {
                            cost += Schools(roster, taken, j < nc.Count ? nc[j] : null, ks, caps, xGrades, relax, schoolMemo, additionMemo);
                        }
                    }

                    if (cost.CompareTo(best) < 0)
                    {
                        best = cost;
                    }

                    return;
                }

                for (var j = 0; j <= nc.Count + newCounties && j < nc.Count + xc.Count; j++)
                {
                    if (load[j] >= kc)
                    {
                        continue;
                    }

                    load[j]++;
                    map[i] = j;
                    Go(i + 1, j == nc.Count + newCounties ? newCounties + 1 : newCounties);
                    load[j]--;
                }
            }

            Go(0, 0);
            total += best;
        }

        return total;
    }

    private static int Size(Roster roster, SchoolClass k) => roster.HasStudents ? roster.StudentsIn(k.Id).Count : k.Size;

    /// <summary>The least for the schools of <paramref name="taken"/> in inland county <paramref name="n"/> (null: new) and new schools there.</summary>
    private static AdviceBruteForce.Cost Schools(
        Roster roster, List<County> taken, County? n, int ks, Dictionary<int, int> caps, HashSet<int> xGrades, bool relax,
        Dictionary<string, AdviceBruteForce.Cost> memo, Dictionary<string, AdviceBruteForce.Cost> additionMemo)
    {
        var key = (n?.Id.Value ?? "") + "|" + string.Join(",", taken.Select(c => c.Id.Value));
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var xs = taken.SelectMany(c => roster.SchoolsIn(c.Id)).ToList();
        var ns = n is null ? [] : roster.SchoolsIn(n.Id);
        var best = Infinite;
        var map = new int[xs.Count];
        var load = new int[ns.Count + xs.Count];
        void Go(int i, int newSchools)
        {
            if (i == xs.Count)
            {
                var cost = new AdviceBruteForce.Cost(0, newSchools, 0, 0);
                for (var t = 0; t < ns.Count + newSchools && cost.CompareTo(best) < 0; t++)
                {
                    var served = Enumerable.Range(0, xs.Count).Where(s => map[s] == t).Select(s => xs[s]).ToList();
                    if (served.Count > 0)
                    {
                        cost += Additions(roster, served, t < ns.Count ? ns[t] : null, caps, xGrades, relax, additionMemo);
                    }
                }

                if (cost.CompareTo(best) < 0)
                {
                    best = cost;
                }

                return;
            }

            for (var t = 0; t <= ns.Count + newSchools && t < ns.Count + xs.Count; t++)
            {
                if (load[t] >= ks)
                {
                    continue;
                }

                load[t]++;
                map[i] = t;
                Go(i + 1, t == ns.Count + newSchools ? newSchools + 1 : newSchools);
                load[t]--;
            }
        }

        Go(0, 0);
        memo[key] = best;
        return best;
    }

    /// <summary>The least students, then classes, to add to inland school <paramref name="inland"/> (null: new) so that it serves <paramref name="served"/> together.</summary>
    private static AdviceBruteForce.Cost Additions(
        Roster roster, List<School> served, School? inland, Dictionary<int, int> caps, HashSet<int> xGrades, bool relax,
        Dictionary<string, AdviceBruteForce.Cost> memo)
    {
        var key = (inland?.Id.Value ?? "") + "|" + string.Join(",", served.Select(s => s.Id.Value));
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var need = new Dictionary<int, (int Classes, int Students)>();
        foreach (var k in served.SelectMany(s => roster.ClassesIn(s.Id)))
        {
            var (c, s) = need.GetValueOrDefault(k.Grade.Number);
            need[k.Grade.Number] = (c + 1, s + Size(roster, k));
        }

        var have = new Dictionary<int, (int Classes, int Students)>();
        foreach (var k in inland is null ? [] : roster.ClassesIn(inland.Id))
        {
            var (c, s) = have.GetValueOrDefault(k.Grade.Number);
            have[k.Grade.Number] = (c + 1, s + Size(roster, k));
        }

        // Classes may be added in any grade a Xinjiang school of the province has, or the inland school has.
        var grades = xGrades.Concat(have.Keys).Distinct().Order().ToArray();
        var needClasses = need.Values.Sum(v => v.Classes);
        var needStudents = need.Values.Sum(v => v.Students);
        var haveClasses = have.Values.Sum(v => v.Classes);
        var haveStudents = have.Values.Sum(v => v.Students);

        // Enough students per grade to cover the grade and, beyond, one per class P4 may still ask for.
        var bound = grades.Select(g => (relax ? needStudents : need.GetValueOrDefault(g).Students) + Math.Max(0, needClasses - haveClasses)).ToArray();
        var added = new int[grades.Length];
        var best = Infinite;
        void Go(int at)
        {
            if (at == grades.Length)
            {
                // Where each Xinjiang grade goes: its own grade, or relaxed, the nearest the school has after the additions (lower first).
                bool Has(int g) => have.GetValueOrDefault(g).Classes > 0 || (Array.IndexOf(grades, g) is var i && i >= 0 && added[i] > 0);
                var demand = new Dictionary<int, int>();
                foreach (var (h, (_, students)) in need)
                {
                    var to = h;
                    if (relax && !Has(h))
                    {
                        to = -1;
                        for (var d = 1; d < 6 && to < 0; d++)
                        {
                            to = Has(h - d) ? h - d : Has(h + d) ? h + d : -1;
                        }

                        if (to < 0 && students > 0)
                        {
                            return;
                        }
                    }

                    demand[to] = demand.GetValueOrDefault(to) + students;
                }

                if (demand.Any(d => d.Key >= 0 && have.GetValueOrDefault(d.Key).Students + (Array.IndexOf(grades, d.Key) is var i && i >= 0 ? added[i] : 0) < d.Value)
                    || haveStudents + added.Sum() < needStudents)
                {
                    return;
                }

                long least = 0, most = 0;
                for (var i = 0; i < grades.Length; i++)
                {
                    var cap = caps.GetValueOrDefault(grades[i], 50);
                    least += (added[i] + cap - 1) / cap;
                    most += added[i];
                }

                var classes = Math.Max(least, needClasses - haveClasses);
                if (classes > most)
                {
                    return;
                }

                var cost = new AdviceBruteForce.Cost(0, 0, most, classes);
                if (cost.CompareTo(best) < 0)
                {
                    best = cost;
                }

                return;
            }

            for (var a = 0; a <= bound[at]; a++)
            {
                added[at] = a;
                Go(at + 1);
            }
        }

        Go(0);
        memo[key] = best;
        return best;
    }
}
