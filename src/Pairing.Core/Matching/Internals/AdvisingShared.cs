using System.Globalization;
using Google.OrTools.Sat;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The exact least additions of one supporting province when inland units are shared (an inland county takes up to
/// <c>kc</c> Xinjiang counties, an inland school up to <c>ks</c> Xinjiang schools): one CP-SAT model that decides the
/// county map, the school map and the additions together, in the order new counties, new schools, added students, added
/// classes (each minimised, then held).
/// </summary>
/// <remarks>
/// <para>
/// Why a model: with sharing, what an inland school lacks depends on every Xinjiang school it takes (P4 on the sums,
/// coverage per grade shared), and a new county or school can serve several Xinjiang units, so the prices per pair the
/// one-to-one method (<see cref="Advising"/>) rests on no longer exist.
/// </para>
/// <para>
/// The model: per Xinjiang county a Boolean per inland county, listed or new (exactly one; at most <c>kc</c> per inland
/// county); per Xinjiang school a Boolean per school of those counties, listed or new (exactly one, only under its
/// county's choice; at most <c>ks</c> per school). New counties are interchangeable, so ⌈counties / kc⌉ of them suffice
/// (one more would only split what one holds) and they are used in order; likewise each county has ⌈s / ks⌉ new schools,
/// s the most Xinjiang schools it can take (merging two new schools never costs more: their additions add up, and the
/// classes' rounding can only gain). Per inland school and grade the students and classes added (each class 1 to the
/// grade's cap): no fewer students in the grade than its Xinjiang schools bring together, and no fewer classes and
/// students in all than their sums (P4). With relaxed grades a Xinjiang grade goes where the matcher sends it: the same
/// grade if the inland school has it after the additions, else the nearest it has, the lower on a tie (a grade is had
/// when a class of it is listed or added, so which grades the additions open is part of the choice). One worker, a fixed seed and a deterministic work
/// limit per aim keep the answer the same on any machine and thread count; the caller's token stops the search.
/// </para>
/// </remarks>
internal static class AdvisingShared
{
    private const int Grades = RosterView.Grades;

    /// <summary>The province's advice, and whether every aim was proven optimal; null when no solution was found within the limit.</summary>
    public static (Advising.ProvincePlan Plan, bool Proven)? Solve(
        RosterView v, ProvinceId province, int[] xinjiangCounties, int[] inlandCounties, int[] caps, PairingOptions options, CancellationToken ct)
    {
        var roster = v.Roster;
        var kc = options.XinjiangCountiesPerInlandCounty;
        var ks = options.XinjiangSchoolsPerInlandSchool;
        var xc = xinjiangCounties.Length;
        if (xc == 0)
        {
            return (new Advising.ProvincePlan(province, default, [], [], []), true);
        }

        var schoolsOf = xinjiangCounties.Select(x => roster.CountySchools.Of(x).ToArray()).ToArray();
        var mostSchools = schoolsOf.Select(s => s.Length).OrderDescending().Take(kc).Sum();
        var newCounties = (xc + kc - 1) / kc;
        var newPerCounty = (mostSchools + ks - 1) / ks;

        // Grades any Xinjiang school of the province brings: additions go there (a class elsewhere serves P4 no better).
        var grades = new List<int>();
        for (var g = 0; g < Grades; g++)
        {
            if (schoolsOf.Any(list => list.Any(s => v.GradeClasses[(s * Grades) + g] > 0)))
            {
                grades.Add(g);
            }
        }

        var model = new CpModel();

        // County slots: the listed inland counties, then the new ones.
        var countySlots = xc == 0 ? 0 : inlandCounties.Length + newCounties;
        var y = new BoolVar[xc, countySlots];
        for (var i = 0; i < xc; i++)
        {
            for (var c = 0; c < countySlots; c++)
            {
                y[i, c] = model.NewBoolVar(string.Empty);
            }

            model.AddExactlyOne(Enumerable.Range(0, countySlots).Select(c => (ILiteral)y[i, c]));
        }

        var usedCounty = new BoolVar[newCounties];
        for (var l = 0; l < newCounties; l++)
        {
            var c = inlandCounties.Length + l;
            usedCounty[l] = model.NewBoolVar(string.Empty);
            for (var i = 0; i < xc; i++)
            {
                model.AddImplication(y[i, c], usedCounty[l]);
            }

            if (l > 0)
            {
                model.AddImplication(usedCounty[l], usedCounty[l - 1]);
            }
        }

        for (var c = 0; c < countySlots; c++)
        {
            if (xc > kc)
            {
                model.Add(LinearExpr.Sum(Enumerable.Range(0, xc).Select(i => y[i, c])) <= kc);
            }
        }

        // School slots: per county slot, its listed schools (index ≥ 0), then its new ones (index -1).
        var slots = new List<(int County, int School, int NewIndex)>();
        for (var c = 0; c < countySlots; c++)
        {
            if (c < inlandCounties.Length)
            {
                foreach (var t in roster.CountySchools.Of(inlandCounties[c]))
                {
                    slots.Add((c, t, -1));
                }
            }

            for (var k = 0; k < newPerCounty; k++)
            {
                slots.Add((c, -1, k));
            }
        }

        var xs = new List<(int School, int County)>();
        for (var i = 0; i < xc; i++)
        {
            foreach (var s in schoolsOf[i])
            {
                xs.Add((s, i));
            }
        }

        var z = new BoolVar[xs.Count, slots.Count];
        for (var a = 0; a < xs.Count; a++)
        {
            var literals = new List<ILiteral>();
            for (var b = 0; b < slots.Count; b++)
            {
                z[a, b] = model.NewBoolVar(string.Empty);
                model.AddImplication(z[a, b], y[xs[a].County, slots[b].County]);
                literals.Add(z[a, b]);
            }

            model.AddExactlyOne(literals);
        }

        var usedSchool = new Dictionary<int, BoolVar>();
        var studentTerms = new List<LinearExpr>();
        var classTerms = new List<LinearExpr>();
        var added = new (IntVar Students, IntVar Classes)[slots.Count, grades.Count];
        for (var b = 0; b < slots.Count; b++)
        {
            var (c, t, k) = slots[b];
            var column = Enumerable.Range(0, xs.Count).Select(a => z[a, b]).ToArray();
            if (xs.Count > ks)
            {
                model.Add(LinearExpr.Sum(column) <= ks);
            }

            if (t < 0)
            {
                var used = model.NewBoolVar(string.Empty);
                usedSchool[b] = used;
                foreach (var lit in column)
                {
                    model.AddImplication(lit, used);
                }

                if (k > 0)
                {
                    model.AddImplication(used, usedSchool[b - 1]);
                }
            }

            // What the most demanding ks schools can ask of this one, per grade and in all: the additions' bounds.
            long classesNeeded = xs.Select(x => (long)v.SchoolClassCount[x.School]).OrderDescending().Take(ks).Sum();
            long haveClasses = t < 0 ? 0 : v.SchoolClassCount[t];
            long mostStudents = xs.Select(x => (long)v.SchoolStudentCount[x.School]).OrderDescending().Take(ks).Sum();
            var gradeStudents = new List<LinearExpr>();
            var gradeClasses = new List<LinearExpr>();
            for (var gi = 0; gi < grades.Count; gi++)
            {
                var g = grades[gi];
                long have = t < 0 ? 0 : v.GradeStudents[(t * Grades) + g];
                var brought = xs.Select(x => (long)v.GradeStudents[(x.School * Grades) + g]).ToArray();
                long most = brought.OrderDescending().Take(ks).Sum();
                var bound = (v.RelaxGrades ? mostStudents : Math.Max(0, most - have)) + Math.Max(0, classesNeeded - haveClasses);
                var students = model.NewIntVar(0, bound, string.Empty);
                var classes = model.NewIntVar(0, bound, string.Empty);
                model.Add(classes <= students);
                model.Add(students <= classes * caps[g]);
                added[b, gi] = (students, classes);
                gradeStudents.Add(students);
                gradeClasses.Add(classes);
                studentTerms.Add(students);
                classTerms.Add(classes);
                if (!v.RelaxGrades && most > have)
                {
                    model.Add(have + students >= LinearExpr.WeightedSum(column, brought));
                }
            }

            if (v.RelaxGrades)
            {
                Relaxed(model, v, t, xs, column, grades, b, added, ks);
            }

            // P4 on the sums: classes and students in all.
            if (classesNeeded > haveClasses)
            {
                model.Add(haveClasses + LinearExpr.Sum(gradeClasses) >= LinearExpr.WeightedSum(column, xs.Select(x => (long)v.SchoolClassCount[x.School])));
            }

            long haveStudents = t < 0 ? 0 : v.SchoolStudentCount[t];
            if (xs.Select(x => (long)v.SchoolStudentCount[x.School]).OrderDescending().Take(ks).Sum() > haveStudents)
            {
                model.Add(haveStudents + LinearExpr.Sum(gradeStudents) >= LinearExpr.WeightedSum(column, xs.Select(x => (long)v.SchoolStudentCount[x.School])));
            }
        }

        var stages = new LinearExpr[]
        {
            LinearExpr.Sum(usedCounty),
            LinearExpr.Sum(usedSchool.Values),
            LinearExpr.Sum(studentTerms),
            LinearExpr.Sum(classTerms),
        };

        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:{options.Seed} max_deterministic_time:{options.WorkLimitPerSubproblem:R} catch_sigint_signal:false"),
        };

        var proven = true;
        var found = false;
        var values = new Dictionary<IntVar, long>();
        var all = new List<IntVar>();
        foreach (var b in y)
        {
            all.Add(b);
        }

        foreach (var b in z)
        {
            all.Add(b);
        }

        foreach (var (s, c) in added)
        {
            all.Add(s);
            all.Add(c);
        }

        all.AddRange(usedCounty);
        all.AddRange(usedSchool.Values);
        foreach (var stage in stages)
        {
            model.Minimize(stage);
            model.ClearHints();
            foreach (var (variable, value) in values)
            {
                model.AddHint(variable, value);
            }

            var status = CpSat.Solve(solver, model, ct);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                if (!found)
                {
                    return null;
                }

                proven = false;
                break;
            }

            proven &= status == CpSolverStatus.Optimal;
            found = true;
            foreach (var variable in all)
            {
                values[variable] = solver.Value(variable);
            }

            model.Add(stage <= (long)Math.Round(solver.ObjectiveValue));
        }

        return (Read(v, province, inlandCounties, xinjiangCounties, xs, slots, grades, y, z, added, values, caps), proven);
    }

    /// <summary>
    /// Relaxed grades: a Xinjiang grade goes to the same grade of the inland school when it has one after the additions,
    /// else to the nearest it has (the lower on a tie), as the matcher sends it; a grade is had when the school lists a
    /// class of it or the model adds one. Per grade the school then has no fewer students than the grades sent to it bring.
    /// </summary>
    private static void Relaxed(
        CpModel model, RosterView v, int t, List<(int School, int County)> xs, BoolVar[] column, List<int> grades, int b,
        (IntVar Students, IntVar Classes)[,] added, int ks)
    {
        // open[g]: null when never, true (constant) when listed, else a Boolean tied to the classes added.
        var open = new BoolVar?[Grades];
        var listed = new bool[Grades];
        for (var g = 0; g < Grades; g++)
        {
            listed[g] = t >= 0 && v.GradeClasses[(t * Grades) + g] > 0;
            var gi = grades.IndexOf(g);
            if (!listed[g] && gi >= 0)
            {
                var o = model.NewBoolVar(string.Empty);
                model.Add(added[b, gi].Classes >= 1).OnlyEnforceIf(o);
                model.Add(added[b, gi].Classes == 0).OnlyEnforceIf(o.Not());
                open[g] = o;
            }
        }

        var demand = new List<LinearExpr>[Grades];
        foreach (var h in grades)
        {
            var brought = xs.Select(x => (long)v.GradeStudents[(x.School * Grades) + h]).ToArray();
            long most = brought.OrderDescending().Take(ks).Sum();
            if (most == 0)
            {
                continue;
            }

            var sent = LinearExpr.WeightedSum(column, brought);

            // Candidates in the matcher's order: h, then h - 1, h + 1, h - 2, ...; the first open one takes the grade.
            BoolVar? noneBefore = null;
            var decided = false;
            for (var d = 0; d < Grades && !decided; d++)
            {
                foreach (var g in d == 0 ? [h] : new[] { h - d, h + d })
                {
                    if (g < 0 || g >= Grades || decided || (!listed[g] && open[g] is null))
                    {
                        continue;
                    }

                    var to = model.NewIntVar(0, most, string.Empty);
                    (demand[g] ??= []).Add(to);
                    if (listed[g])
                    {
                        // Always open: the grade goes here unless an earlier candidate was open.
                        if (noneBefore is null)
                        {
                            model.Add(to == sent);
                        }
                        else
                        {
                            model.Add(to == sent).OnlyEnforceIf(noneBefore);
                        }

                        decided = true;
                        continue;
                    }

                    var here = model.NewBoolVar(string.Empty);
                    var o = open[g]!;
                    if (noneBefore is null)
                    {
                        model.Add(here == o);
                    }
                    else
                    {
                        model.AddBoolOr([o.Not(), noneBefore.Not(), here]);
                        model.AddImplication(here, o);
                        model.AddImplication(here, noneBefore);
                    }

                    model.Add(to == sent).OnlyEnforceIf(here);
                    var next = model.NewBoolVar(string.Empty);
                    if (noneBefore is null)
                    {
                        model.AddImplication(next, o.Not());
                        model.AddBoolOr([o, next]);
                    }
                    else
                    {
                        model.AddBoolOr([o, noneBefore.Not(), next]);
                        model.AddImplication(next, o.Not());
                        model.AddImplication(next, noneBefore);
                    }

                    noneBefore = next;
                }
            }

            // No grade open at all: this grade can go nowhere, so none of its students may come.
            if (!decided)
            {
                if (noneBefore is null)
                {
                    model.Add(sent == 0);
                }
                else
                {
                    model.Add(sent == 0).OnlyEnforceIf(noneBefore);
                }
            }
        }

        for (var g = 0; g < Grades; g++)
        {
            if (demand[g] is null)
            {
                continue;
            }

            long have = t < 0 ? 0 : v.GradeStudents[(t * Grades) + g];
            var gi = grades.IndexOf(g);
            var adding = gi >= 0 ? (LinearExpr)added[b, gi].Students : LinearExpr.Constant(0);
            model.Add(have + adding >= LinearExpr.Sum(demand[g]));
        }
    }

    private static Advising.ProvincePlan Read(
        RosterView v, ProvinceId province, int[] inlandCounties, int[] xinjiangCounties, List<(int School, int County)> xs,
        List<(int County, int School, int NewIndex)> slots, List<int> grades, BoolVar[,] y, BoolVar[,] z,
        (IntVar Students, IntVar Classes)[,] added, Dictionary<IntVar, long> values, int[] caps)
    {
        // New counties and schools are keyed by negative numbers (-1 - slot), unique in the province.
        int CountyKey(int c) => c < inlandCounties.Length ? inlandCounties[c] : -1 - c;
        int SchoolKey(int b) => slots[b].School >= 0 ? slots[b].School : -1 - b;

        var plan = new Advising.ProvincePlan(province, default, [], [], []);
        var countyOf = new int[xinjiangCounties.Length];
        for (var i = 0; i < xinjiangCounties.Length; i++)
        {
            for (var c = 0; c < y.GetLength(1); c++)
            {
                if (values[y[i, c]] == 1)
                {
                    countyOf[i] = c;
                    plan.Counties.Add((xinjiangCounties[i], CountyKey(c)));
                }
            }
        }

        var served = new List<int>[slots.Count];
        for (var a = 0; a < xs.Count; a++)
        {
            for (var b = 0; b < slots.Count; b++)
            {
                if (values[z[a, b]] == 1)
                {
                    (served[b] ??= []).Add(xs[a].School);
                    plan.Schools.Add((xs[a].School, SchoolKey(b), xinjiangCounties[xs[a].County], CountyKey(countyOf[xs[a].County])));
                }
            }
        }

        for (var b = 0; b < slots.Count; b++)
        {
            if (served[b] is null)
            {
                continue;
            }

            var t = slots[b].School;
            var classes = new int[Grades];
            var students = new int[Grades];
            var demand = new int[Grades];
            var have = new int[Grades];
            var forClassCount = new bool[Grades];
            var any = false;
            var mask = 0;
            for (var gi = 0; gi < grades.Count; gi++)
            {
                students[grades[gi]] = (int)values[added[b, gi].Students];
                classes[grades[gi]] = (int)values[added[b, gi].Classes];
            }

            for (var g = 0; g < Grades; g++)
            {
                mask |= classes[g] > 0 || (t >= 0 && v.GradeClasses[(t * Grades) + g] > 0) ? 1 << g : 0;
            }

            foreach (var s in served[b])
            {
                for (var h = 0; h < Grades; h++)
                {
                    var to = v.RelaxGrades ? Advising.Target(mask, h) : h;
                    if (to >= 0)
                    {
                        demand[to] += v.GradeStudents[(s * Grades) + h];
                    }
                }
            }

            for (var gi = 0; gi < grades.Count; gi++)
            {
                var g = grades[gi];
                have[g] = t < 0 ? 0 : v.GradeStudents[(t * Grades) + g];
                var short_ = Math.Max(0, demand[g] - have[g]);
                forClassCount[g] = students[g] > short_ || classes[g] > (short_ + caps[g] - 1) / caps[g];
                any |= classes[g] > 0;
            }

            if (any)
            {
                var first = served[b].OrderBy(s => v.Roster.SchoolArray[s].Id.Value, StringComparer.Ordinal).First();
                plan.Additions.Add(new Advising.SchoolAdditions(first, SchoolKey(b), classes, students, forClassCount, demand, have, served[b].Sum(s => v.SchoolClassCount[s])));
            }
        }

        return plan;
    }
}
