using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// The flat baseline for the hierarchical matcher: one CP-SAT model over every level at once, nothing decomposed
/// and nothing priced from below, with a boolean for every admissible county, school, class and student pair.
/// </summary>
/// <remarks>
/// <para>
/// Rules, as in shared/spec/PROGRAMME.md, in the variant where a school pair needs P4 on totals only:
/// P1 a county pair is two counties of the same supporting province; P2 each county on either side is in at most
/// one county pair; P3 a school pair lies within a chosen county pair, at most one per school on either side; P4 the
/// inland school has at least as many classes and at least as many students in total (per-grade room does not rule
/// a school pair out, it only limits which students can be covered); P5 a class pair is two classes of the same
/// grade within a chosen school pair, at most one per class on either side; P6 a student pair is two students of the
/// same grade within a chosen school pair, at most one per student on either side. A student pair is cross-class when
/// its two classes are not a chosen class pair.
/// </para>
/// <para>
/// Objective, lexicographic as in docs/matching.md aims 1–4, solved as four successive solves, each holding the
/// previous optimum (or, when a stage was stopped by the time limit, the best value it found): (1) most Xinjiang
/// students covered; (2) most school pairs, then most county pairs; (3) fewest cross-class pairs; (4) least total
/// size difference of class pairs. Student preferences (aim 5) are ignored: with them the model would need a
/// weight per student pair and a fifth solve, and the comparison here is about aims 1–4.
/// </para>
/// <para>
/// CP-SAT runs with its default number of workers (this is a baseline, not the product, so it is given every
/// advantage) under one wall-clock budget shared by the four solves. The result is proven optimal only when every
/// stage reports OPTIMAL.
/// </para>
/// </remarks>
internal static class FlatModel
{
    /// <summary>What a flat solve found and how sure it is.</summary>
    internal sealed record Outcome(
        string Status,
        string StageStatuses,
        double Seconds,
        double BuildSeconds,
        int Variables,
        int Constraints,
        long CoveredStudents,
        int SchoolPairs,
        int CountyPairs,
        long CrossClassPairs,
        long ClassSizeDifference);

    public static Outcome Solve(Roster roster, double timeLimitSeconds)
    {
        var watch = Stopwatch.StartNew();
        var counties = roster.CountyArray;
        var schools = roster.SchoolArray;
        var classes = roster.ClassArray;
        var model = new CpModel();

        // Per school and grade: its classes and its students (indexes into the roster arrays).
        var classesOf = new List<int>[schools.Length, 6];
        var studentsOf = new List<int>[schools.Length, 6];
        var schoolClasses = new int[schools.Length];
        var schoolStudents = new long[schools.Length];
        for (var c = 0; c < classes.Length; c++)
        {
            var s = roster.ClassSchool[c];
            var g = classes[c].Grade.Number - Grade.MinNumber;
            (classesOf[s, g] ??= []).Add(c);
            schoolClasses[s]++;
            schoolStudents[s] += classes[c].Size;
        }

        for (var i = 0; i < roster.StudentArray.Length; i++)
        {
            var c = roster.StudentClass[i];
            var s = roster.ClassSchool[c];
            var g = classes[c].Grade.Number - Grade.MinNumber;
            (studentsOf[s, g] ??= []).Add(i);
        }

        // P4 on totals: which Xinjiang school an inland school can take.
        bool P4(int xs, int ns) => schoolClasses[ns] >= schoolClasses[xs] && schoolStudents[ns] >= schoolStudents[xs];

        // County pairs (P1), kept only where the Xinjiang county has no schools or one of them meets P4 with a school
        // of the inland county: the admissibility the hierarchical matcher and ExactOptimumTests use.
        var inlandByProvince = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var k = 0; k < counties.Length; k++)
        {
            if (counties[k].Side == Side.Inland)
            {
                var p = roster.CountyProvince[k].Value;
                if (!inlandByProvince.TryGetValue(p, out var list))
                {
                    inlandByProvince[p] = list = [];
                }

                list.Add(k);
            }
        }

        var countyVars = new List<(int X, int N, BoolVar V)>();
        var countyByX = new Dictionary<int, List<ILiteral>>();
        var countyByN = new Dictionary<int, List<ILiteral>>();
        for (var xk = 0; xk < counties.Length; xk++)
        {
            if (counties[xk].Side != Side.Xinjiang
                || !inlandByProvince.TryGetValue(roster.CountyProvince[xk].Value, out var inland))
            {
                continue;
            }

            var xSchools = roster.CountySchools.Of(xk).ToArray();
            foreach (var nk in inland)
            {
                var nSchools = roster.CountySchools.Of(nk).ToArray();
                if (xSchools.Length > 0 && !xSchools.Any(xs => nSchools.Any(ns => P4(xs, ns))))
                {
                    continue;
                }

                var v = model.NewBoolVar(string.Empty);
                countyVars.Add((xk, nk, v));
                Add(countyByX, xk, v);
                Add(countyByN, nk, v);
            }
        }

        AtMostOne(model, countyByX.Values);
        AtMostOne(model, countyByN.Values);

        // School pairs within admissible county pairs (P3, P4); each Xinjiang school has at most one partner in the
        // chosen county pair, and none outside it.
        var schoolVars = new List<(int X, int N, BoolVar V)>();
        var schoolByX = new Dictionary<int, List<ILiteral>>();
        var schoolByN = new Dictionary<int, List<ILiteral>>();
        foreach (var (xk, nk, county) in countyVars)
        {
            foreach (var xs in roster.CountySchools.Of(xk))
            {
                var within = new List<ILiteral>();
                foreach (var ns in roster.CountySchools.Of(nk))
                {
                    if (!P4(xs, ns))
                    {
                        continue;
                    }

                    var v = model.NewBoolVar(string.Empty);
                    schoolVars.Add((xs, ns, v));
                    within.Add(v);
                    Add(schoolByX, xs, v);
                    Add(schoolByN, ns, v);
                }

                if (within.Count > 0)
                {
                    model.Add(LinearExpr.Sum(within.Cast<IntVar>()) <= county);
                }
            }
        }

        AtMostOne(model, schoolByX.Values);
        AtMostOne(model, schoolByN.Values);

        // Class pairs (P5) and student pairs (P6) within admissible school pairs, same grade. For each Xinjiang class
        // (student) and school pair, the sum of its pairs into that school is at most the school pair's boolean: that
        // is both the link and "at most one" within the school pair.
        var classByX = new Dictionary<int, List<ILiteral>>();
        var classByN = new Dictionary<int, List<ILiteral>>();
        var studentByX = new Dictionary<int, List<ILiteral>>();
        var studentByN = new Dictionary<int, List<ILiteral>>();
        var classVars = new List<(int X, int N, BoolVar V, IntVar Within)>();
        var studentVars = new List<(int X, int N, BoolVar V)>();
        var studentsInClassPair = new Dictionary<(int, int), List<BoolVar>>();
        foreach (var (xs, ns, school) in schoolVars)
        {
            for (var g = 0; g < 6; g++)
            {
                var xClasses = classesOf[xs, g];
                var nClasses = classesOf[ns, g];
                if (xClasses is null || nClasses is null)
                {
                    continue;
                }

                var pairs = new Dictionary<(int, int), List<BoolVar>>();
                foreach (var xc in xClasses)
                {
                    var row = new List<IntVar>();
                    foreach (var nc in nClasses)
                    {
                        var v = model.NewBoolVar(string.Empty);
                        row.Add(v);
                        Add(classByX, xc, v);
                        Add(classByN, nc, v);
                        var most = Math.Min(classes[xc].Size, classes[nc].Size);
                        classVars.Add((xc, nc, v, model.NewIntVar(0, most, string.Empty)));
                        pairs[(xc, nc)] = [];
                    }

                    model.Add(LinearExpr.Sum(row) <= school);
                }

                var xStudents = studentsOf[xs, g];
                var nStudents = studentsOf[ns, g];
                if (xStudents is null || nStudents is null)
                {
                    continue;
                }

                var grade = new List<IntVar>();
                foreach (var x in xStudents)
                {
                    var row = new List<IntVar>();
                    foreach (var n in nStudents)
                    {
                        var v = model.NewBoolVar(string.Empty);
                        row.Add(v);
                        studentVars.Add((x, n, v));
                        Add(studentByX, x, v);
                        Add(studentByN, n, v);
                        pairs[(roster.StudentClass[x], roster.StudentClass[n])].Add(v);
                    }

                    model.Add(LinearExpr.Sum(row) <= school);
                    grade.AddRange(row);
                }

                // Implied by the rest, but it gives the relaxation the grade's room: without it, CP-SAT could not prove
                // even 504 students optimal in 60 s (the bound is then loose over many interchangeable students).
                model.Add(LinearExpr.Sum(grade) <= Math.Min(xStudents.Count, nStudents.Count) * school);

                foreach (var (key, list) in pairs)
                {
                    studentsInClassPair[key] = list;
                }
            }
        }

        AtMostOne(model, classByX.Values);
        AtMostOne(model, classByN.Values);
        AtMostOne(model, studentByX.Values);
        AtMostOne(model, studentByN.Values);

        // Within-class pairs of a class pair: at most its student pairs, and zero unless the class pair is chosen.
        // Cross-class pairs = covered − Σ within; minimising them maximises Σ within, so the bound is met.
        foreach (var (xc, nc, v, within) in classVars)
        {
            var most = Math.Min(classes[xc].Size, classes[nc].Size);
            model.Add(within <= LinearExpr.Sum(studentsInClassPair[(xc, nc)]));
            model.Add(within <= most * v);
        }

        var covered = LinearExpr.Sum(studentVars.Select(t => t.V));
        var pairedUnits = LinearExpr.WeightedSum(
            schoolVars.Select(t => (IntVar)t.V).Concat(countyVars.Select(t => (IntVar)t.V)),
            schoolVars.Select(_ => (long)countyVars.Count + 1).Concat(countyVars.Select(_ => 1L)));
        // Cross-class pairs as a variable of its own, with the trivial bounds the relaxation would otherwise miss.
        var cross = model.NewIntVar(0, roster.StudentArray.Length, string.Empty);
        model.Add(cross == covered - LinearExpr.Sum(classVars.Select(t => t.Within)));
        var difference = LinearExpr.WeightedSum(
            classVars.Select(t => (IntVar)t.V),
            classVars.Select(t => (long)Math.Abs(classes[t.X].Size - classes[t.N].Size)));

        var variables = model.Model.Variables.Count;
        var constraints = model.Model.Constraints.Count;
        var buildSeconds = watch.Elapsed.TotalSeconds;

        // Four lexicographic stages under one wall-clock budget.
        var allVars = new List<IntVar>(variables);
        allVars.AddRange(countyVars.Select(t => (IntVar)t.V));
        allVars.AddRange(schoolVars.Select(t => (IntVar)t.V));
        allVars.AddRange(classVars.Select(t => (IntVar)t.V));
        allVars.AddRange(classVars.Select(t => t.Within));
        allVars.AddRange(studentVars.Select(t => (IntVar)t.V));
        var values = new long[allVars.Count];
        var statuses = new List<CpSolverStatus>();
        var bounds = new List<string>();
        var stages = new (LinearExpr Expr, bool Maximize)[] { (covered, true), (pairedUnits, true), ((LinearExpr)cross, false), (difference, false) };
        var deadline = buildSeconds + timeLimitSeconds;
        foreach (var (expr, maximize) in stages)
        {
            var remaining = deadline - watch.Elapsed.TotalSeconds;
            if (remaining <= 0.5)
            {
                statuses.Add(CpSolverStatus.Unknown);
                bounds.Add("not started, no time left");
                break;
            }

            if (maximize)
            {
                model.Maximize(expr);
            }
            else
            {
                model.Minimize(expr);
            }

            using var solver = new CpSolver
            {
                StringParameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{remaining:F1} {Environment.GetEnvironmentVariable("PAIRING_FLAT_PARAMETERS")}"),
            };
            var status = solver.Solve(model);
            statuses.Add(status);
            bounds.Add(status is CpSolverStatus.Optimal or CpSolverStatus.Feasible
                ? string.Create(CultureInfo.InvariantCulture, $"{solver.ObjectiveValue:F0} (bound {solver.BestObjectiveBound:F0}, {solver.WallTime():F1} s)")
                : string.Create(CultureInfo.InvariantCulture, $"none ({solver.WallTime():F1} s)"));
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                break;
            }

            for (var i = 0; i < allVars.Count; i++)
            {
                values[i] = solver.Value(allVars[i]);
            }

            var best = (long)Math.Round(solver.ObjectiveValue);
            model.Add(maximize ? expr >= best : expr <= best);
            model.ClearHints();
            for (var i = 0; i < allVars.Count; i++)
            {
                model.AddHint(allVars[i], values[i]);
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var solved = statuses.Count == stages.Length && statuses.All(s => s is CpSolverStatus.Optimal or CpSolverStatus.Feasible);
        var overall = statuses.Count == stages.Length && statuses.All(s => s == CpSolverStatus.Optimal) ? "optimal"
            : statuses.Count > 0 && statuses[0] is CpSolverStatus.Optimal or CpSolverStatus.Feasible ? "feasible"
            : "unknown";
        var stageText = string.Join("; ", statuses.Select((s, i) => s.ToString().ToLowerInvariant() + " " + bounds[i]));
        if (!solved && overall != "feasible")
        {
            return new Outcome(overall, stageText, seconds, buildSeconds, variables, constraints, 0, 0, 0, 0, 0);
        }

        // Recount the figures from the values themselves, not from the objective values.
        var offset = 0;
        var countyPairs = 0;
        for (var i = 0; i < countyVars.Count; i++)
        {
            countyPairs += (int)values[offset + i];
        }

        offset += countyVars.Count;
        var schoolPairs = 0;
        for (var i = 0; i < schoolVars.Count; i++)
        {
            schoolPairs += (int)values[offset + i];
        }

        offset += schoolVars.Count;
        var chosenClassPairs = new HashSet<(int, int)>();
        long sizeDifference = 0;
        for (var i = 0; i < classVars.Count; i++)
        {
            if (values[offset + i] == 1)
            {
                var (xc, nc, _, _) = classVars[i];
                chosenClassPairs.Add((xc, nc));
                sizeDifference += Math.Abs(classes[xc].Size - classes[nc].Size);
            }
        }

        offset += 2 * classVars.Count;
        long coveredStudents = 0;
        long crossClass = 0;
        for (var i = 0; i < studentVars.Count; i++)
        {
            if (values[offset + i] == 1)
            {
                coveredStudents++;
                var (x, n, _) = studentVars[i];
                if (!chosenClassPairs.Contains((roster.StudentClass[x], roster.StudentClass[n])))
                {
                    crossClass++;
                }
            }
        }

        return new Outcome(overall, stageText, seconds, buildSeconds, variables, constraints, coveredStudents, schoolPairs, countyPairs, crossClass, sizeDifference);
    }

    private static void Add(Dictionary<int, List<ILiteral>> map, int key, ILiteral literal)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(literal);
    }

    private static void AtMostOne(CpModel model, IEnumerable<List<ILiteral>> groups)
    {
        foreach (var group in groups)
        {
            if (group.Count > 1)
            {
                model.AddAtMostOne(group);
            }
        }
    }
}
