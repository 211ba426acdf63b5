using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Matching;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>
/// The yardstick for the capacity advice: the least inland additions that let every Xinjiang county, school and student
/// be paired, found by enumeration on tiny rosters, sharing no code with the advisor. Per supporting province (P1): every
/// one-to-one map of its Xinjiang counties into its inland counties or new ones (P2), of each Xinjiang county's schools
/// into the schools of its partner or new ones (P3), and, per school pair, every number of added classes and students per
/// grade (each added class holds 1 to the cap of its grade: the largest inland class of that grade in the province, 50
/// where none). A school pair is admissible when the inland school then has no fewer classes and students in total (P4)
/// and, in every grade its Xinjiang classes go to (the same grade, or with relaxed grades the nearest grade the inland
/// school has, the lower on a tie), no fewer students (P5, P6: every student covered). Minimised, in order: new
/// counties, new schools, added students, added classes. One Xinjiang unit per inland unit.
/// </summary>
internal static class AdviceBruteForce
{
    public readonly record struct Cost(int Counties, int Schools, long Students, long Classes) : IComparable<Cost>
    {
        public static Cost operator +(Cost a, Cost b) =>
            new(a.Counties + b.Counties, a.Schools + b.Schools, a.Students + b.Students, a.Classes + b.Classes);

        public int CompareTo(Cost other) =>
            Counties != other.Counties ? Counties.CompareTo(other.Counties)
            : Schools != other.Schools ? Schools.CompareTo(other.Schools)
            : Students != other.Students ? Students.CompareTo(other.Students)
            : Classes.CompareTo(other.Classes);
    }

    private static readonly Cost Infinite = new(int.MaxValue / 4, int.MaxValue / 4, long.MaxValue / 4, long.MaxValue / 4);

    public static Cost Best(Roster roster, bool relaxGrades = false)
    {
        var total = default(Cost);
        var provinces = roster.Counties.Select(roster.ProvinceOf).Distinct().OrderBy(p => p.Value, StringComparer.Ordinal);
        foreach (var province in provinces)
        {
            var xc = roster.Counties.Where(c => c.Side == Side.Xinjiang && roster.ProvinceOf(c) == province).ToList();
            var nc = roster.Counties.Where(c => c.Side == Side.Inland && roster.ProvinceOf(c) == province).ToList();
            var caps = new Dictionary<int, int>();
            foreach (var n in nc)
            {
                foreach (var s in roster.SchoolsIn(n.Id))
                {
                    foreach (var k in roster.ClassesIn(s.Id))
                    {
                        caps[k.Grade.Number] = Math.Max(caps.GetValueOrDefault(k.Grade.Number), Size(roster, k));
                    }
                }
            }

            var memo = new Dictionary<(string, string?), Cost>();
            var best = Infinite;
            foreach (var map in BruteForceMaps.Maps(xc.Count, nc.Count))
            {
                var cost = default(Cost);
                for (var i = 0; i < xc.Count && cost.CompareTo(best) < 0; i++)
                {
                    cost += map[i] < 0
                        ? new Cost(1, 0, 0, 0) + Schools(roster, xc[i], null, caps, relaxGrades, memo)
                        : Schools(roster, xc[i], nc[map[i]], caps, relaxGrades, memo);
                }

                if (cost.CompareTo(best) < 0)
                {
                    best = cost;
                }
            }

            total += best;
        }

        return total;
    }

    private static int Size(Roster roster, SchoolClass k) => roster.HasStudents ? roster.StudentsIn(k.Id).Count : k.Size;

    private static Cost Schools(Roster roster, County x, County? n, Dictionary<int, int> caps, bool relax, Dictionary<(string, string?), Cost> memo)
    {
        var xs = roster.SchoolsIn(x.Id);
        var ns = n is null ? [] : roster.SchoolsIn(n.Id);
        var best = Infinite;
        foreach (var map in BruteForceMaps.Maps(xs.Count, ns.Count))
        {
            var cost = default(Cost);
            for (var i = 0; i < xs.Count; i++)
            {
                var key = (xs[i].Id.Value, map[i] < 0 ? null : ns[map[i]].Id.Value);
                if (!memo.TryGetValue(key, out var pair))
                {
                    var mine = Grades(roster, xs[i]);
                    pair = map[i] < 0 ? new Cost(0, 1, 0, 0) + Additions(mine, [], caps, relax) : Additions(mine, Grades(roster, ns[map[i]]), caps, relax);
                    memo[key] = pair;
                }

                cost += pair;
            }

            if (cost.CompareTo(best) < 0)
            {
                best = cost;
            }
        }

        return best;
    }

    /// <summary>Per grade: classes and students.</summary>
    private static Dictionary<int, (int Classes, int Students)> Grades(Roster roster, School school)
    {
        var grades = new Dictionary<int, (int, int)>();
        foreach (var k in roster.ClassesIn(school.Id))
        {
            var (c, s) = grades.GetValueOrDefault(k.Grade.Number);
            grades[k.Grade.Number] = (c + 1, s + Size(roster, k));
        }

        return grades;
    }

    /// <summary>Every number of classes and students added per grade, the least that makes the pair admissible.</summary>
    private static Cost Additions(
        Dictionary<int, (int Classes, int Students)> x, Dictionary<int, (int Classes, int Students)> inland, Dictionary<int, int> caps, bool relax)
    {
        var grades = x.Keys.Concat(inland.Keys).Distinct().Order().ToArray();
        var bound = x.Values.Sum(v => v.Students) + x.Values.Sum(v => v.Classes);
        var added = new (int Classes, int Students)[grades.Length];
        var best = Infinite;

        void Go(int at)
        {
            if (at == grades.Length)
            {
                var cost = new Cost(0, 0, added.Sum(a => a.Students), added.Sum(a => a.Classes));
                if (cost.CompareTo(best) < 0 && Admissible(x, inland, grades, added, relax))
                {
                    best = cost;
                }

                return;
            }

            var cap = caps.GetValueOrDefault(grades[at], 50);
            for (var c = 0; c <= bound; c++)
            {
                for (var s = c; s <= Math.Min(bound, c * cap); s++)
                {
                    added[at] = (c, s);
                    Go(at + 1);
                }
            }
        }

        Go(0);
        return best;
    }

    private static bool Admissible(
        Dictionary<int, (int Classes, int Students)> x, Dictionary<int, (int Classes, int Students)> inland, int[] grades,
        (int Classes, int Students)[] added, bool relax)
    {
        var after = new Dictionary<int, (int Classes, int Students)>();
        for (var i = 0; i < grades.Length; i++)
        {
            var (c, s) = inland.GetValueOrDefault(grades[i]);
            after[grades[i]] = (c + added[i].Classes, s + added[i].Students);
        }

        if (after.Values.Sum(v => v.Classes) < x.Values.Sum(v => v.Classes) || after.Values.Sum(v => v.Students) < x.Values.Sum(v => v.Students))
        {
            return false;
        }

        var demand = new Dictionary<int, int>();
        foreach (var (grade, (_, students)) in x)
        {
            var target = grade;
            if (relax && after.GetValueOrDefault(grade).Classes == 0)
            {
                for (var d = 1; d < 6; d++)
                {
                    if (after.GetValueOrDefault(grade - d).Classes > 0)
                    {
                        target = grade - d;
                        break;
                    }

                    if (after.GetValueOrDefault(grade + d).Classes > 0)
                    {
                        target = grade + d;
                        break;
                    }
                }
            }

            demand[target] = demand.GetValueOrDefault(target) + students;
        }

        return demand.All(d => after.GetValueOrDefault(d.Key).Students >= d.Value);
    }
}
