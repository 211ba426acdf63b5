using System.Globalization;
using Google.OrTools.Sat;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The exact planning model when inland units are shared (several Xinjiang counties per inland county, or several
/// Xinjiang schools per inland school): one CP-SAT model per supporting province that chooses the county pairs and
/// the school pairs together and counts coverage as it truly is, per inland school and grade shared among the
/// Xinjiang schools it takes.
/// </summary>
/// <remarks>
/// <para>
/// Why: the hierarchical levels price a county pair by its schools' best choice with the inland county alone, and a
/// school pair by what it would cover with the inland school alone. With sharing both overcount: two Xinjiang counties
/// that take one inland county compete for its schools, and two Xinjiang schools that take one inland school share its
/// per-grade students. On the yardstick's rosters (<c>SharedOptimumTests</c>) that left 62 students of 1,235 uncovered.
/// </para>
/// <para>
/// The model, for the units not fixed beforehand (a plan's or a kept pair's): a Boolean per candidate county pair
/// (at most one per Xinjiang county, at most the inland county's places) and per candidate school pair (at most one
/// per Xinjiang school, only under its county's pair, at most the inland school's places; P4 on the sums of classes
/// and of students). A county pair needs a school pair under it (as at the hierarchical county level), unless its
/// county has no school. Coverage per inland school and grade is <c>min(Σ brought, free)</c>; the cap is a variable
/// only where the candidates' grade sums can overflow the grade (the largest places-many of them exceed it),
/// elsewhere the sum is linear. Aims, each maximised and then held: coverage (plus last term's student pairs kept, with
/// <see cref="ContinuityObjective.Balanced"/>), last year's pairs kept (swapped with the first under
/// <see cref="ContinuityObjective.ContinuityFirst"/>), schools then counties paired, and least class cost. The
/// hierarchical answer is the hint; when it already covers every Xinjiang student of the province and pairs every
/// unit (and no previous result is in play) it is optimal for aims 1–2 as it stands, and the model is not built.
/// One worker, a fixed seed and a deterministic time limit keep the answer the same on any machine and thread count.
/// </para>
/// <para>
/// When nothing in the province is fixed beforehand and no previous result is in play, the same optimum is found by
/// columns instead (<see cref="SharedColumns"/>: an inland county with up to its places of Xinjiang counties, priced by
/// bounds and solved exactly only when picked), which proves coverage at national scale where this model stopped at its
/// work limit; the model below then serves the runs with fixed or last year's pairs and the forced solves that price
/// keeping one.
/// </para>
/// </remarks>
internal static class SharedPlan
{
    /// <summary>
    /// The province's new county and school pairs, whether CP-SAT proved them optimal, and what they cover and keep; when
    /// not proven, the most any choice could cover, if the solver stated it (its bound on the coverage aim).
    /// </summary>
    public sealed record Choice(List<(int X, int N)> Counties, List<(int S, int T)> Schools, bool Proven, long Covered, long Keep)
    {
        public long? Bound { get; init; }
    }

    private sealed record SchoolArc(int S, int T, int X, int N, BoolVar Var, long Classes, long Students, long[] Brought, long Cost, long KeptStudents, long Keep);

    /// <summary>
    /// Chooses the province's county and school pairs from <paramref name="start"/> (the state with only the pairs
    /// fixed beforehand), with the best of <paramref name="hints"/>' choices (in coverage) as the first solution. With <paramref name="forcedCounty"/>
    /// or <paramref name="forcedSchool"/> that pair must be chosen (to price keeping it); null when it cannot be.
    /// </summary>
    public static Choice? Solve(
        RosterView v, int[] xCounties, int[] nCounties, PlanState start, IReadOnlyList<PlanState> hints, PairingOptions options, Continuity continuity,
        (int X, int N)? forcedCounty = null, (int S, int T)? forcedSchool = null)
    {
        // The hint is whichever first answer covers the most in this province (the first on a tie).
        var hint = hints[0];
        if (hints.Count > 1)
        {
            var most = Read(v, xCounties, start, hint, proven: false, continuity).Covered;
            foreach (var other in hints.Skip(1))
            {
                var covers = Read(v, xCounties, start, other, proven: false, continuity).Covered;
                if (covers > most)
                {
                    (hint, most) = (other, covers);
                }
            }
        }

        const int G = RosterView.Grades;
        var roster = v.Roster;
        var free = xCounties.Where(x => start.CountyPartner[x] < 0).ToArray();
        var open = nCounties.Where(n => start.CountySlots[n] > 0).ToArray();
        var forcing = forcedCounty is not null || forcedSchool is not null;

        // Certificate: the hierarchical answer covers every student it could and pairs every unit.
        if (!forcing && !continuity.Active && Certified(v, xCounties, start, hint))
        {
            return Read(v, xCounties, start, hint, proven: true, continuity);
        }

        // Nothing fixed in the province and no previous result: the aims by columns (SharedColumns), coverage proven
        // far sooner than on the whole model (at 1,000,000 students every province, where the whole model left the
        // largest unproven at its work limit); the later aims then within each inland county, its county pairs held.
        // With pairs fixed beforehand or last year's in play the whole model below decides (keeping is an aim of its own).
        var packing = !forcing && !continuity.Active && free.Length == xCounties.Length
            ? SharedColumns.Solve(v, xCounties, nCounties, start, options, continuity)
            : null;
        if (packing is not null)
        {
            var made = Evaluate(v, start, packing.Counties, packing.Schools, packing.Proven, continuity) with { Bound = packing.Proven ? null : packing.Bound };
            if (!packing.Proven)
            {
                // Without a proof, never worse in coverage than the hint.
                var hinted = Read(v, xCounties, start, hint, proven: false, continuity);
                if (hinted.Covered > made.Covered)
                {
                    return hinted with { Bound = packing.Bound };
                }
            }

            return made;
        }

        var model = new CpModel();
        var counties = new List<(int X, int N, BoolVar Var)>();
        var countyOf = new Dictionary<(int, int), BoolVar>();
        foreach (var x in free)
        {
            foreach (var n in open)
            {
                var y = model.NewBoolVar(string.Empty);
                counties.Add((x, n, y));
                countyOf[(x, n)] = y;
            }
        }

        var arcs = new List<SchoolArc>();
        Span<int> classes = stackalloc int[G];
        Span<int> students = stackalloc int[G];
        foreach (var x in xCounties)
        {
            var fixedTo = start.CountyPartner[x];
            int[] targets = fixedTo >= 0 ? [fixedTo] : open;
            foreach (var s in roster.CountySchools.Of(x))
            {
                if (start.SchoolPartner[s] >= 0)
                {
                    continue;
                }

                foreach (var n in targets)
                {
                    foreach (var t in roster.CountySchools.Of(n))
                    {
                        if (start.SchoolSlots[t] <= 0 || !start.Admits(v, t, s, continuity))
                        {
                            continue;
                        }

                        var brought = start.Brought(v, t, s, classes, students);
                        long cost = 0;
                        for (var g = 0; g < G; g++)
                        {
                            cost += ClassCost.Least(v.SizesOn(t, s, g), v.GradeSizes[(t * G) + g]);
                        }

                        // A kept pair that P4 tolerates (its inland school takes no other) takes all the school has.
                        var z = model.NewBoolVar(string.Empty);
                        arcs.Add(new SchoolArc(
                            s, t, x, n, z,
                            Math.Min(v.SchoolClassCount[s], Math.Max(0, start.FreeClassTotal[t])),
                            Math.Min(v.SchoolStudentCount[s], Math.Max(0, start.FreeStudentTotal[t])),
                            brought, cost, continuity.KeptStudents(s, t), continuity.SchoolKeep(s, t)));
                    }
                }
            }
        }

        if (counties.Count == 0 && arcs.Count == 0)
        {
            return forcing ? null : new Choice([], [], true, 0, 0);
        }

        // One partner per Xinjiang school and county (P2, P3); places per inland unit.
        foreach (var group in arcs.GroupBy(a => a.S))
        {
            model.AddAtMostOne(group.Select(a => (ILiteral)a.Var));
        }

        foreach (var group in counties.GroupBy(c => c.X))
        {
            model.AddAtMostOne(group.Select(c => (ILiteral)c.Var));
        }

        foreach (var group in counties.GroupBy(c => c.N))
        {
            if (group.Count() > start.CountySlots[group.Key])
            {
                model.Add(LinearExpr.Sum(group.Select(c => c.Var)) <= start.CountySlots[group.Key]);
            }
        }

        // A school pair only under its county's pair, stated per Xinjiang school and inland county (at most one of its
        // pairs there, and none without the county pair): the same integer points as one implication per pair, and a
        // much tighter relaxation, whose bound proves coverage sooner.
        foreach (var group in arcs.Where(a => start.CountyPartner[a.X] < 0).GroupBy(a => (a.S, a.N)))
        {
            var y = countyOf[(group.First().X, group.Key.N)];
            model.Add(LinearExpr.Sum(group.Select(a => a.Var)) <= y);
        }

        // A county pair stands on a school pair under it (unless the county has no school).
        var arcsUnder = arcs.Where(a => start.CountyPartner[a.X] < 0).ToLookup(a => (a.X, a.N));
        foreach (var (x, n, y) in counties)
        {
            if (roster.CountySchools.CountOf(x) > 0)
            {
                var under = arcsUnder[(x, n)].Select(a => a.Var).ToArray();
                model.Add(LinearExpr.Sum(under) >= y);
            }
        }

        // Per inland school: places, and P4 on the sums; coverage per grade, capped where it can overflow.
        var cover = new List<LinearExpr>();
        var caps = new List<(IntVar Var, int T, int G)>();
        foreach (var group in arcs.GroupBy(a => a.T))
        {
            var t = group.Key;
            var list = group.ToList();
            if (list.Count > start.SchoolSlots[t])
            {
                model.Add(LinearExpr.Sum(list.Select(a => a.Var)) <= start.SchoolSlots[t]);
            }

            if (list.Sum(a => a.Classes) > Math.Max(0, start.FreeClassTotal[t]))
            {
                model.Add(LinearExpr.WeightedSum(list.Select(a => a.Var), list.Select(a => a.Classes)) <= Math.Max(0, start.FreeClassTotal[t]));
            }

            if (list.Sum(a => a.Students) > Math.Max(0, start.FreeStudentTotal[t]))
            {
                model.Add(LinearExpr.WeightedSum(list.Select(a => a.Var), list.Select(a => a.Students)) <= Math.Max(0, start.FreeStudentTotal[t]));
            }

            for (var g = 0; g < G; g++)
            {
                var room = Math.Max(0, start.FreeStudents[(t * G) + g]);
                var bringing = list.Where(a => a.Brought[g] > 0).ToList();
                if (room == 0 || bringing.Count == 0)
                {
                    continue;
                }

                cover.Add(PlanState.Covered(model, [.. bringing.Select(a => (a.Var, a.Brought[g]))], start.SchoolSlots[t], room, out var cap));
                if (cap is not null)
                {
                    caps.Add((cap, t, g));
                }
            }
        }

        var covered = LinearExpr.Sum(cover);
        var balanced = options.Continuity == ContinuityObjective.Balanced;
        var first = balanced && arcs.Any(a => a.KeptStudents != 0)
            ? covered + LinearExpr.WeightedSum(arcs.Select(a => a.Var), arcs.Select(a => a.KeptStudents))
            : covered;
        var keep = LinearExpr.WeightedSum(arcs.Select(a => a.Var), arcs.Select(a => a.Keep))
            + LinearExpr.WeightedSum(counties.Select(c => c.Var), counties.Select(c => continuity.CountyKeep(c.X, c.N)));
        var paired = LinearExpr.WeightedSum(arcs.Select(a => a.Var), arcs.Select(_ => (long)free.Length + 1))
            + LinearExpr.Sum(counties.Select(c => c.Var));
        var keeping = continuity.Active && (arcs.Any(a => a.Keep != 0) || counties.Any(c => continuity.CountyKeep(c.X, c.N) != 0));

        if (forcedCounty is { } fc)
        {
            if (!countyOf.TryGetValue(fc, out var y))
            {
                return null;
            }

            model.Add(y == 1);
        }

        if (forcedSchool is { } fs)
        {
            var a = arcs.FindIndex(a => (a.S, a.T) == fs);
            if (a < 0)
            {
                return null;
            }

            model.Add(arcs[a].Var == 1);
        }

        // The hint: the hierarchical answer (a county pair only where a school pair stands under it).
        var values = new Dictionary<IntVar, long>();
        foreach (var a in arcs)
        {
            values[a.Var] = hint.SchoolPartner[a.S] == a.T ? 1 : 0;
        }

        foreach (var (x, n, y) in counties)
        {
            values[y] = hint.CountyPartner[x] == n && (roster.CountySchools.CountOf(x) == 0 || arcsUnder[(x, n)].Any(a => values[a.Var] == 1)) ? 1 : 0;
        }

        foreach (var (c, t, g) in caps)
        {
            values[c] = Math.Min(Math.Max(0, start.FreeStudents[(t * G) + g]), arcs.Where(a => a.T == t && values[a.Var] == 1).Sum(a => a.Brought[g]));
        }

        // linearization_level:2 puts the coverage caps (min of brought and free) and the at-most-one groups into the
        // linear relaxation with its cuts: on the generator's 1,000,000-student roster it proves 18 of 19 provinces'
        // coverage in 0.01-5.4 deterministic seconds, where the default level stopped 12 of them at 10 with bounds
        // about 10 % above the answer (the answer itself was already optimal).
        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:{options.Seed} max_deterministic_time:{options.WorkLimitPerSubproblem:R} catch_sigint_signal:false linearization_level:2"),
        };

        var proven = true;
        // The aims in order; Proof marks those up to coverage, whose optimality makes the coverage proven.
        var stages = new List<(LinearExpr Expr, bool Maximise, bool Proof)>();
        LinearExpr? classCost = null;
        if (keeping && options.ContinuityFirst)
        {
            stages.Add((keep, true, true));
        }

        stages.Add((first, true, true));
        if (keeping && !options.ContinuityFirst)
        {
            stages.Add((keep, true, false));
        }

        // A forced solve only prices keeping a pair (what it covers and keeps), so it stops there.
        if (!forcing)
        {
            stages.Add((paired, true, false));
        }

        if (!forcing && arcs.Any(a => a.Cost != 0))
        {
            classCost = LinearExpr.WeightedSum(arcs.Select(a => a.Var), arcs.Select(a => a.Cost));
            stages.Add((classCost, false, false));
        }

        var found = false;
        long? bound = null;
        foreach (var (expr, maximise, proof) in stages)
        {
            // The class cost (aims 3-4, priced per school pair) only chooses among school pairs: with the county pairs
            // of the aims before held, the model falls apart into one small problem per inland county.
            if (ReferenceEquals(expr, classCost))
            {
                foreach (var (_, _, y) in counties)
                {
                    model.Add(y == values[y]);
                }
            }

            if (maximise)
            {
                model.Maximize(expr);
            }
            else
            {
                model.Minimize(expr);
            }

            model.ClearHints();
            foreach (var (variable, hinted) in values)
            {
                model.AddHint(variable, hinted);
            }

            var status = CpSat.Solve(solver, model);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                if (!found)
                {
                    // Nothing found within the limit (or a forced pair that cannot stand): the hierarchical answer.
                    return forcing ? null : Read(v, xCounties, start, hint, proven: false, continuity);
                }

                break;
            }

            proven &= !proof || status == CpSolverStatus.Optimal;
            if (!found && ReferenceEquals(expr, covered))
            {
                // Coverage is the first aim and nothing else is in it: the solver's bound bounds the province's coverage.
                bound = (long)Math.Floor(solver.BestObjectiveBound + 1e-6);
            }

            found = true;
            foreach (var variable in values.Keys.ToArray())
            {
                values[variable] = solver.Value(variable);
            }

            var value = (long)Math.Round(solver.ObjectiveValue);
            model.Add(maximise ? expr >= value : expr <= value);
        }

        var countyPairs = new List<(int X, int N)>();
        var schoolPairs = new List<(int S, int T)>();
        foreach (var (x, n, y) in counties)
        {
            if (values[y] == 1)
            {
                countyPairs.Add((x, n));
            }
        }

        foreach (var a in arcs)
        {
            if (values[a.Var] == 1)
            {
                schoolPairs.Add((a.S, a.T));
            }
        }

        var result = Evaluate(v, start, countyPairs, schoolPairs, proven, continuity) with { Bound = proven ? null : bound };

        // Without a proof, never worse in coverage than the hierarchical answer.
        if (!proven && !forcing)
        {
            var fallback = Read(v, xCounties, start, hint, proven: false, continuity);
            if (fallback.Covered > result.Covered)
            {
                return fallback with { Bound = bound };
            }
        }

        return result;
    }

    /// <summary>Whether the hierarchical answer pairs every unit of the province and covers every student its schools bring.</summary>
    private static bool Certified(RosterView v, int[] xCounties, PlanState start, PlanState hint)
    {
        var roster = v.Roster;
        var choice = Read(v, xCounties, start, hint, proven: true, Continuity.None);
        long students = 0;
        foreach (var x in xCounties)
        {
            if (hint.CountyPartner[x] < 0)
            {
                return false;
            }

            foreach (var s in roster.CountySchools.Of(x))
            {
                if (start.SchoolPartner[s] >= 0)
                {
                    continue;
                }

                if (hint.SchoolPartner[s] < 0)
                {
                    return false;
                }

                students += v.SchoolStudentCount[s];
            }
        }

        return choice.Covered == students;
    }

    /// <summary>The province's pairs made in <paramref name="hint"/> beyond those fixed in <paramref name="start"/>.</summary>
    private static Choice Read(RosterView v, int[] xCounties, PlanState start, PlanState hint, bool proven, Continuity continuity)
    {
        var roster = v.Roster;
        var countyPairs = new List<(int X, int N)>();
        var schoolPairs = new List<(int S, int T)>();
        foreach (var x in xCounties)
        {
            if (start.CountyPartner[x] < 0 && hint.CountyPartner[x] >= 0)
            {
                countyPairs.Add((x, hint.CountyPartner[x]));
            }

            foreach (var s in roster.CountySchools.Of(x))
            {
                if (start.SchoolPartner[s] < 0 && hint.SchoolPartner[s] >= 0)
                {
                    schoolPairs.Add((s, hint.SchoolPartner[s]));
                }
            }
        }

        return Evaluate(v, start, countyPairs, schoolPairs, proven, continuity);
    }

    /// <summary>What a choice truly covers (per inland school and grade, the smaller of what it is brought and has free) and keeps.</summary>
    private static Choice Evaluate(RosterView v, PlanState start, List<(int X, int N)> countyPairs, List<(int S, int T)> schoolPairs, bool proven, Continuity continuity)
    {
        const int G = RosterView.Grades;
        Span<int> classes = stackalloc int[G];
        Span<int> students = stackalloc int[G];
        var brought = new Dictionary<int, long[]>();
        long keep = 0;
        foreach (var (s, t) in schoolPairs)
        {
            v.DemandOn(t, s, classes, students);
            if (!brought.TryGetValue(t, out var b))
            {
                b = new long[G];
                brought[t] = b;
            }

            for (var g = 0; g < G; g++)
            {
                b[g] += students[g];
            }

            keep += continuity.SchoolKeep(s, t);
        }

        foreach (var (x, n) in countyPairs)
        {
            keep += continuity.CountyKeep(x, n);
        }

        long covered = 0;
        foreach (var (t, b) in brought)
        {
            for (var g = 0; g < G; g++)
            {
                covered += Math.Min(b[g], Math.Max(0, start.FreeStudents[(t * G) + g]));
            }
        }

        return new Choice(countyPairs, schoolPairs, proven, covered, keep);
    }
}
