using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The exact least additions of one supporting province, with one Xinjiang unit per inland unit. The cost of a unit is a
/// lexicographic 4-tuple (new counties, new schools, added students, added classes), summed; two nested assignment
/// problems solve it exactly, because with one Xinjiang unit per inland unit nothing is shared: each Xinjiang school
/// pairs with its own inland school (listed or new) and what that school lacks depends on the two schools alone, and each
/// Xinjiang county with its own inland county (listed or new), priced by the optimum of its schools. The assignments
/// are solved by the Hungarian method on the tuples themselves (an ordered group, so the method's potentials work as
/// they do on numbers), which needs no weights and cannot overflow.
/// </summary>
internal static class Advising
{
    public const int DefaultCap = 50;
    private const int Grades = RosterView.Grades;

    /// <summary>
    /// What one province's advice is made of: per Xinjiang county its inland county, per Xinjiang school its inland school
    /// (with its county pair), and what each inland school gets. A new county or school is a negative key, unique in the
    /// province (<c>-1 - </c> a Xinjiang county or school here; a slot of the shared model in <see cref="AdvisingShared"/>),
    /// the same key wherever several Xinjiang units share it.
    /// </summary>
    internal sealed record ProvincePlan(
        ProvinceId Province,
        Cost Total,
        List<(int Xinjiang, int Inland)> Counties,
        List<(int Xinjiang, int Inland, int XinjiangCounty, int InlandCounty)> Schools,
        List<SchoolAdditions> Additions);

    /// <summary>
    /// What inland school <c>Inland</c> (negative: a new one's key) gets for Xinjiang school <c>Xinjiang</c> (the first of
    /// those it takes, with sharing): per grade offset, classes and students, whether for P4's class count, what the grade
    /// is asked and has; <c>NeededClasses</c> the classes its Xinjiang schools have in all.
    /// </summary>
    internal sealed record SchoolAdditions(int Xinjiang, int Inland, int[] Classes, int[] Students, bool[] ForClassCount, int[] Demand, int[] Have, int NeededClasses);

    internal readonly record struct Cost(long Counties, long Schools, long Students, long Classes) : IComparable<Cost>
    {
        public static readonly Cost Infinite = new(long.MaxValue / 8, 0, 0, 0);

        public static Cost operator +(Cost a, Cost b) => new(a.Counties + b.Counties, a.Schools + b.Schools, a.Students + b.Students, a.Classes + b.Classes);

        public static Cost operator -(Cost a, Cost b) => new(a.Counties - b.Counties, a.Schools - b.Schools, a.Students - b.Students, a.Classes - b.Classes);

        public static bool operator <(Cost a, Cost b) => a.CompareTo(b) < 0;

        public static bool operator >(Cost a, Cost b) => a.CompareTo(b) > 0;

        public int CompareTo(Cost other) =>
            Counties != other.Counties ? Counties.CompareTo(other.Counties)
            : Schools != other.Schools ? Schools.CompareTo(other.Schools)
            : Students != other.Students ? Students.CompareTo(other.Students)
            : Classes.CompareTo(other.Classes);
    }

    /// <summary>The largest inland class per grade offset in the province's inland schools; <see cref="DefaultCap"/> where none.</summary>
    public static int[] Caps(RosterView v, IReadOnlyList<int> inlandSchools)
    {
        var caps = new int[Grades];
        foreach (var t in inlandSchools)
        {
            for (var g = 0; g < Grades; g++)
            {
                var sizes = v.GradeSizes[(t * Grades) + g];
                if (sizes.Length > 0)
                {
                    caps[g] = Math.Max(caps[g], sizes[^1]);
                }
            }
        }

        for (var g = 0; g < Grades; g++)
        {
            caps[g] = caps[g] == 0 ? DefaultCap : caps[g];
        }

        return caps;
    }

    public static ProvincePlan Solve(RosterView v, ProvinceId province, int[] xinjiangCounties, int[] inlandCounties, int[] caps, CancellationToken ct)
    {
        var roster = v.Roster;
        var xc = xinjiangCounties.Length;
        var nc = inlandCounties.Length;

        // County level: rows the Xinjiang counties, columns the listed inland counties then one new county per row.
        var cost = new Cost[xc, nc + xc];
        var schoolPlans = new (int[] Map, Cost Cost)[xc, nc + 1];
        for (var i = 0; i < xc; i++)
        {
            ct.ThrowIfCancellationRequested();
            var mine = Children(roster.CountySchools, xinjiangCounties[i]);
            for (var j = 0; j <= nc; j++)
            {
                var theirs = j < nc ? Children(roster.CountySchools, inlandCounties[j]) : [];
                schoolPlans[i, j] = SolveSchools(v, mine, theirs, caps);
            }

            for (var j = 0; j < nc + xc; j++)
            {
                cost[i, j] = j < nc ? schoolPlans[i, j].Cost : new Cost(1, 0, 0, 0) + schoolPlans[i, nc].Cost;
            }
        }

        var countyMap = Hungarian(cost);
        var plan = new ProvincePlan(province, default, [], [], []);
        var total = default(Cost);
        for (var i = 0; i < xc; i++)
        {
            var j = countyMap[i];
            var isNew = j >= nc;
            var countyKey = isNew ? -1 - xinjiangCounties[i] : inlandCounties[j];
            plan.Counties.Add((xinjiangCounties[i], countyKey));
            total += cost[i, j];
            var mine = Children(roster.CountySchools, xinjiangCounties[i]);
            var theirs = isNew ? [] : Children(roster.CountySchools, inlandCounties[j]);
            var map = schoolPlans[i, isNew ? nc : j].Map;
            for (var s = 0; s < mine.Length; s++)
            {
                var t = map[s] < theirs.Length ? theirs[map[s]] : -1 - mine[s];
                plan.Schools.Add((mine[s], t, xinjiangCounties[i], countyKey));
                var additions = Additions(v, mine[s], t, caps, out _);
                if (additions is not null)
                {
                    plan.Additions.Add(additions);
                }
            }
        }

        return plan with { Total = total };
    }

    private static int[] Children(Rosters.ChildIndex index, int parent) => index.Of(parent).ToArray();

    /// <summary>The least additions for Xinjiang schools <paramref name="mine"/> in inland schools <paramref name="theirs"/> plus new ones.</summary>
    private static (int[] Map, Cost Cost) SolveSchools(RosterView v, int[] mine, int[] theirs, int[] caps)
    {
        if (mine.Length == 0)
        {
            return ([], default);
        }

        var cost = new Cost[mine.Length, theirs.Length + mine.Length];
        for (var s = 0; s < mine.Length; s++)
        {
            _ = Additions(v, mine[s], -1, caps, out var fresh);
            for (var j = 0; j < theirs.Length + mine.Length; j++)
            {
                if (j < theirs.Length)
                {
                    _ = Additions(v, mine[s], theirs[j], caps, out cost[s, j]);
                }
                else
                {
                    cost[s, j] = new Cost(0, 1, 0, 0) + fresh;
                }
            }
        }

        var map = Hungarian(cost);
        var total = default(Cost);
        for (var s = 0; s < mine.Length; s++)
        {
            total += cost[s, map[s]];
        }

        return (map, total);
    }

    /// <summary>
    /// The least classes and students (students first) to add to inland school <paramref name="t"/> (-1: a new, empty
    /// school) so that Xinjiang school <paramref name="s"/> is fully covered: P4 on totals (classes and students), and in
    /// every grade its classes go to, as many students as it brings. With relaxed grades, which grades the inland school
    /// opens decides where the Xinjiang grades go, so every set of its missing grades that the Xinjiang school brings is tried. Null when nothing is needed.
    /// </summary>
    public static SchoolAdditions? Additions(RosterView v, int s, int t, int[] caps, out Cost cost)
    {
        Span<int> haveClasses = stackalloc int[Grades];
        Span<int> haveStudents = stackalloc int[Grades];
        int haveClassTotal = 0, needClassTotal = v.SchoolClassCount[s];
        var hasGrades = 0;
        var bringsGrades = 0;
        for (var g = 0; g < Grades; g++)
        {
            bringsGrades |= v.GradeClasses[(s * Grades) + g] > 0 ? 1 << g : 0;
        }

        for (var g = 0; g < Grades; g++)
        {
            haveClasses[g] = t < 0 ? 0 : v.GradeClasses[(t * Grades) + g];
            haveStudents[g] = t < 0 ? 0 : v.GradeStudents[(t * Grades) + g];
            haveClassTotal += haveClasses[g];
            hasGrades |= haveClasses[g] > 0 ? 1 << g : 0;
        }

        var deficit = Math.Max(0, needClassTotal - haveClassTotal);
        Cost best = Cost.Infinite;
        var bestOpen = -1;
        var openings = v.RelaxGrades ? (1 << Grades) : 1;
        Span<int> demand = stackalloc int[Grades];
        Span<int> add = stackalloc int[Grades];
        for (var open = 0; open < openings; open++)
        {
            // Only grades the Xinjiang school brings are opened: a grade of neither school would serve only as a detour.
            if ((open & hasGrades) != 0 || (open & ~bringsGrades) != 0)
            {
                continue;
            }

            if (!TryPrice(v, s, v.RelaxGrades ? hasGrades | open : (1 << Grades) - 1, open, haveStudents, caps, deficit, demand, add, out var c))
            {
                continue;
            }

            if (c < best)
            {
                best = c;
                bestOpen = open;
            }
        }

        cost = best;
        if (best.Students == 0 && best.Classes == 0)
        {
            return null;
        }

        _ = TryPrice(v, s, v.RelaxGrades ? hasGrades | bestOpen : (1 << Grades) - 1, bestOpen, haveStudents, caps, deficit, demand, add, out _);
        var classes = new int[Grades];
        var students = new int[Grades];
        var studentsNeeded = new int[Grades];
        var have = new int[Grades];
        long coverageClasses = 0, coverageStudents = 0;
        for (var g = 0; g < Grades; g++)
        {
            students[g] = add[g];
            classes[g] = add[g] == 0 ? 0 : (add[g] + caps[g] - 1) / caps[g];
            studentsNeeded[g] = demand[g];
            have[g] = haveStudents[g];
            coverageClasses += classes[g];
            coverageStudents += students[g];
        }

        // Classes P4 still asks for: split the added students into more classes where they allow it (lowest grade
        // first), then one-student classes in the lowest grade the school has after the additions (or, without relaxed
        // grades, the lowest grade either school has).
        var forClassCount = new bool[Grades];
        var extra = deficit - coverageClasses;
        for (var g = 0; g < Grades && extra > 0; g++)
        {
            var room = Math.Min(extra, students[g] - classes[g]);
            if (room > 0)
            {
                classes[g] += (int)room;
                extra -= room;
                forClassCount[g] = true;
            }
        }

        if (extra > 0)
        {
            // With relaxed grades a class in a grade the school lacks would draw Xinjiang grades to it: stay in its grades.
            var all = v.RelaxGrades && (hasGrades | bestOpen) != 0 ? hasGrades | bestOpen : hasGrades | bestOpen | bringsGrades;
            var lowest = 0;
            while (lowest < Grades - 1 && (all & (1 << lowest)) == 0)
            {
                lowest++;
            }

            classes[lowest] += (int)extra;
            students[lowest] += (int)extra;
            forClassCount[lowest] = true;
        }

        return new SchoolAdditions(s, t, classes, students, forClassCount, studentsNeeded, have, v.SchoolClassCount[s]);
    }

    private static bool TryPrice(
        RosterView v, int s, int grades, int open, Span<int> haveStudents, int[] caps, int deficit, Span<int> demand, Span<int> add, out Cost cost)
    {
        demand.Clear();
        add.Clear();
        cost = Cost.Infinite;
        for (var g = 0; g < Grades; g++)
        {
            var students = v.GradeStudents[(s * Grades) + g];
            if (v.GradeClasses[(s * Grades) + g] == 0)
            {
                continue;
            }

            var target = Target(grades, g);
            if (target < 0)
            {
                if (students > 0)
                {
                    return false;
                }

                continue;
            }

            demand[target] += students;
        }

        long studentsAdded = 0, classesAdded = 0;
        for (var g = 0; g < Grades; g++)
        {
            add[g] = Math.Max(0, demand[g] - haveStudents[g]);
            if ((open & (1 << g)) != 0)
            {
                add[g] = Math.Max(add[g], 1);
            }

            studentsAdded += add[g];
            classesAdded += add[g] == 0 ? 0 : (add[g] + caps[g] - 1) / caps[g];
        }

        cost = new Cost(0, 0, Math.Max(studentsAdded, deficit), Math.Max(classesAdded, deficit));
        return true;
    }

    /// <summary>Where Xinjiang grade offset <paramref name="g"/> goes in a school with the grades of the mask: g, or the nearest (lower on a tie); -1 when it has none (then g itself, when every grade is kept).</summary>
    internal static int Target(int grades, int g)
    {
        if (grades == (1 << Grades) - 1 || (grades & (1 << g)) != 0)
        {
            return g;
        }

        for (var d = 1; d < Grades; d++)
        {
            if (g - d >= 0 && (grades & (1 << (g - d))) != 0)
            {
                return g - d;
            }

            if (g + d < Grades && (grades & (1 << (g + d))) != 0)
            {
                return g + d;
            }
        }

        return -1;
    }

    /// <summary>
    /// The least-cost assignment of every row to a distinct column (rows ≤ columns), by the Hungarian method with
    /// potentials (e-maxx's O(n² m) form). Ties go to the lowest column, so the result is fixed by the input.
    /// </summary>
    public static int[] Hungarian(Cost[,] a)
    {
        var n = a.GetLength(0);
        var m = a.GetLength(1);
        var u = new Cost[n + 1];
        var w = new Cost[m + 1];
        var p = new int[m + 1];
        var way = new int[m + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = new Cost[m + 1];
            var used = new bool[m + 1];
            Array.Fill(minv, Cost.Infinite);
            do
            {
                used[j0] = true;
                var i0 = p[j0];
                var delta = Cost.Infinite;
                var j1 = 0;
                for (var j = 1; j <= m; j++)
                {
                    if (!used[j])
                    {
                        var cur = a[i0 - 1, j - 1] - u[i0] - w[j];
                        if (cur < minv[j])
                        {
                            minv[j] = cur;
                            way[j] = j0;
                        }

                        if (minv[j] < delta)
                        {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }

                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        w[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var result = new int[n];
        for (var j = 1; j <= m; j++)
        {
            if (p[j] != 0)
            {
                result[p[j] - 1] = j - 1;
            }
        }

        return result;
    }
}
