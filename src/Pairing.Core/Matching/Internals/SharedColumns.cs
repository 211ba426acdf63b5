using System.Globalization;
using Google.OrTools.Sat;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The coverage aim of <see cref="SharedPlan"/>'s province model, decomposed: once the county pairs are chosen, the
/// school choice falls apart per inland county, so the province's best coverage is the best packing of columns
/// (an inland county with a set of up to its places of Xinjiang counties), each worth the exact best coverage of its
/// own school choice. Columns are priced lazily: each starts at an upper bound (the school choice without P4's sums,
/// each pair covering as if it had the inland school alone, an assignment into the inland schools' places; for a set
/// of several counties also the sum of its counties' bounds alone), the master packs the columns on those bounds, and
/// only the columns it picks are solved exactly (the assignment itself when it meets the sums and covers what it was
/// priced at, else a small CP-SAT model). When the packing the master picks consists of exactly priced columns and
/// its value is the master's bound, it is the optimum.
/// </summary>
/// <remarks>
/// <para>
/// Why exact: every province choice is a packing of such columns (its county pairs grouped by inland county), worth no
/// more than the sum of their exact values, which no bound undercuts; and every packing of exactly priced columns is a
/// choice (a column's counties that its best school choice leaves without a school pair stay unpaired). So the
/// master's optimum on bounds is an upper bound on the province, met when the columns it picks are exact.
/// </para>
/// <para>
/// Used only where nothing in the province is fixed beforehand and no previous result is in play (the aims beyond
/// coverage then need the whole model). One worker, a fixed seed, a deterministic limit per solve and a fixed order of
/// columns keep the answer the same on any machine and thread count.
/// </para>
/// </remarks>
internal static class SharedColumns
{
    /// <summary>The coverage optimum found (or the best packing within the limits) and its bound.</summary>
    /// <param name="Counties">The county pairs the packing makes: only those with a school pair under them (or no school).</param>
    /// <param name="Schools">The school pairs of the columns' exact choices.</param>
    /// <param name="Covered">What the packing covers.</param>
    /// <param name="Bound">The most any choice of the province could cover.</param>
    public sealed record Packing(List<(int X, int N)> Counties, List<(int S, int T)> Schools, long Covered, long Bound)
    {
        public bool Proven => Covered >= Bound;
    }

    private const int G = RosterView.Grades;

    /// <summary>Columns beyond which the decomposition is not tried (a province with many counties and large K).</summary>
    private const int MaxColumns = 20_000;

    private sealed record Pair(int S, int T, long[] Brought, long Classes, long Students, long Cover);

    private sealed class Column(int n, int[] xs)
    {
        public int N { get; } = n;

        public int[] Xs { get; } = xs;

        public long Upper { get; set; }

        public long Lower { get; set; }

        /// <summary>What <see cref="Schools"/> truly covers.</summary>
        public long Covered { get; set; }

        public bool Evaluated { get; set; }

        public List<(int S, int T)> Schools { get; set; } = [];

        /// <summary>The relaxation's choice where it meets P4's sums and the places (a first answer for the exact solve).</summary>
        public List<(int S, int T)>? Seed { get; set; }
    }

    /// <summary>
    /// The province's best coverage by columns; null when the decomposition does not apply (too many columns).
    /// </summary>
    public static Packing? Solve(RosterView v, int[] xCounties, int[] nCounties, PlanState start, PairingOptions options, Continuity continuity)
    {
        var roster = v.Roster;
        var free = xCounties.Where(x => start.CountyPartner[x] < 0).ToArray();
        var open = nCounties.Where(n => start.CountySlots[n] > 0).ToArray();

        // The candidate school pairs per county pair, as the province model has them.
        var pairsOf = new Dictionary<(int X, int N), List<Pair>>();
        Span<int> classes = stackalloc int[G];
        Span<int> students = stackalloc int[G];
        foreach (var x in free)
        {
            foreach (var n in open)
            {
                var list = new List<Pair>();
                foreach (var s in roster.CountySchools.Of(x))
                {
                    if (start.SchoolPartner[s] >= 0)
                    {
                        continue;
                    }

                    foreach (var t in roster.CountySchools.Of(n))
                    {
                        if (start.SchoolSlots[t] <= 0 || !start.Admits(v, t, s, continuity))
                        {
                            continue;
                        }

                        var brought = start.Brought(v, t, s, classes, students);
                        var cover = brought.Sum();

                        list.Add(new Pair(
                            s, t, brought,
                            Math.Min(v.SchoolClassCount[s], Math.Max(0, start.FreeClassTotal[t])),
                            Math.Min(v.SchoolStudentCount[s], Math.Max(0, start.FreeStudentTotal[t])),
                            cover));
                    }
                }

                pairsOf[(x, n)] = list;
            }
        }

        // Columns: per inland county (id order), every set of up to its places of Xinjiang counties (id order), sets
        // that bring no school pair and no schoolless county left out (they cover nothing).
        var columns = new List<Column>();
        foreach (var n in open)
        {
            var most = Math.Min(start.CountySlots[n], free.Length);
            foreach (var xs in Subsets(free, most))
            {
                if (xs.All(x => pairsOf[(x, n)].Count == 0))
                {
                    continue;
                }

                columns.Add(new Column(n, xs));
                if (columns.Count > MaxColumns)
                {
                    return null;
                }
            }
        }

        if (columns.Count == 0)
        {
            return new Packing([], [], 0, 0);
        }

        // A column's worth: students covered, then school pairs (weighted below one student), as the province model's
        // aims order them; bounds and exact values alike.
        long weight = 1 + free.Sum(x => roster.CountySchools.Of(x).ToArray().Count(s => start.SchoolPartner[s] < 0));
        var single = new Dictionary<(int X, int N), Column>();
        foreach (var c in columns)
        {
            var (upper, exact, seed) = Relaxed(v, c, start, pairsOf, weight);
            c.Upper = upper;
            c.Seed = seed;
            if (exact is not null)
            {
                c.Covered = Evaluate([.. exact.Select(k => pairsOf[(roster.SchoolCounty[k.S], c.N)].First(p => p.T == k.T && p.S == k.S))], start).Covered;
                (c.Lower, c.Upper, c.Evaluated, c.Schools) = ((c.Covered * weight) + exact.Count, (c.Covered * weight) + exact.Count, true, exact);
            }

            if (c.Xs.Length == 1)
            {
                single[(c.Xs[0], c.N)] = c;
            }
        }

        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:{options.Seed} max_deterministic_time:{options.WorkLimitPerSubproblem:R} catch_sigint_signal:false linearization_level:2"),
        };

        var bound = long.MaxValue;
        long best = -1;
        List<Column> bestPacking = [];
        List<Column> previous = [];
        while (true)
        {
            // A set's bound is also the sum of its counties' bounds alone (their exact values once solved).
            foreach (var c in columns)
            {
                if (!c.Evaluated && c.Xs.Length > 1)
                {
                    long sum = 0;
                    foreach (var x in c.Xs)
                    {
                        sum += single.TryGetValue((x, c.N), out var one) ? one.Upper : 0;
                    }

                    c.Upper = Math.Min(c.Upper, sum);
                }
            }

            var (picked, masterBound) = Master(solver, columns, previous);
            if (picked is null)
            {
                break;
            }

            bound = Math.Min(bound, masterBound);
            // A set whose counties alone are not solved yet: those first, since their exact values bound every set they
            // are in (fewer and smaller exact solves than the sets themselves), and the master again.
            var singles = picked.Where(c => !c.Evaluated && c.Xs.Length > 1)
                .SelectMany(c => c.Xs.Select(x => single.GetValueOrDefault((x, c.N))))
                .OfType<Column>().Where(one => !one.Evaluated).Distinct().ToList();
            var solved = false;
            foreach (var one in singles)
            {
                Exact(v, one, start, pairsOf, options, weight, []);
                solved = true;
            }

            foreach (var c in picked)
            {
                if (!c.Evaluated && (singles.Count == 0 || c.Xs.Length == 1))
                {
                    Exact(v, c, start, pairsOf, options, weight, c.Xs.Length > 1 ? c.Xs.Select(x => single.GetValueOrDefault((x, c.N))).OfType<Column>().Where(o => o.Evaluated) : []);
                    solved = true;
                }
            }

            var value = picked.Sum(c => c.Lower);
            if (value > best)
            {
                (best, bestPacking) = (value, picked);
            }

            if (best >= bound || !solved)
            {
                break;
            }

            previous = picked;
        }

        if (best < 0)
        {
            return null;
        }

        var counties = new List<(int X, int N)>();
        var schools = new List<(int S, int T)>();
        long coveredBest = 0;
        foreach (var c in bestPacking.OrderBy(c => c.N))
        {
            coveredBest += c.Covered;
            Finish(v, c, start, pairsOf, options);
            schools.AddRange(c.Schools);
            foreach (var x in c.Xs)
            {
                if (roster.CountySchools.CountOf(x) == 0 || c.Schools.Any(p => roster.SchoolCounty[p.S] == x))
                {
                    counties.Add((x, c.N));
                }
            }
        }

        return new Packing(counties, schools, coveredBest, Math.Max(coveredBest, bound / weight));
    }

    /// <summary>The best packing on the columns' current bounds (at most one column per inland county and per Xinjiang county), and the master's own bound.</summary>
    private static (List<Column>? Picked, long Bound) Master(CpSolver solver, List<Column> columns, List<Column> previous)
    {
        var model = new CpModel();
        var z = new BoolVar[columns.Count];
        var byX = new Dictionary<int, List<ILiteral>>();
        var byN = new Dictionary<int, List<ILiteral>>();
        for (var i = 0; i < columns.Count; i++)
        {
            z[i] = model.NewBoolVar(string.Empty);
            (byN.TryGetValue(columns[i].N, out var ln) ? ln : byN[columns[i].N] = []).Add(z[i]);
            foreach (var x in columns[i].Xs)
            {
                (byX.TryGetValue(x, out var lx) ? lx : byX[x] = []).Add(z[i]);
            }
        }

        foreach (var group in byN.Values.Concat(byX.Values))
        {
            if (group.Count > 1)
            {
                model.AddAtMostOne(group);
            }
        }

        model.Maximize(LinearExpr.WeightedSum(z, columns.Select(c => c.Upper)));
        var set = previous.ToHashSet();
        for (var i = 0; i < columns.Count; i++)
        {
            model.AddHint(z[i], set.Contains(columns[i]));
        }

        var status = CpSat.Solve(solver, model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return (null, long.MaxValue);
        }

        var picked = new List<Column>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (solver.BooleanValue(z[i]))
            {
                picked.Add(columns[i]);
            }
        }

        return (picked, (long)Math.Floor(solver.BestObjectiveBound + 1e-6));
    }

    /// <summary>
    /// A column's bound: its school choice without P4's sums, each pair priced by what it covers with the inland school
    /// alone, as an assignment into the inland schools' places; the choice itself when it is exact (meets the sums and
    /// truly covers what it was priced at).
    /// </summary>
    private static (long Upper, List<(int S, int T)>? Exact, List<(int S, int T)>? Seed) Relaxed(RosterView v, Column c, PlanState start, Dictionary<(int, int), List<Pair>> pairsOf, long weight)
    {
        var pairs = c.Xs.SelectMany(x => pairsOf[(x, c.N)]).ToList();
        var left = pairs.Select(p => p.S).Distinct().ToList();
        var right = pairs.Select(p => p.T).Distinct().ToList();
        var first = new int[right.Count + 1];
        for (var j = 0; j < right.Count; j++)
        {
            first[j + 1] = first[j] + Math.Max(0, start.SchoolSlots[right[j]]);
        }

        var leftOf = left.Select((s, i) => (s, i)).ToDictionary(e => e.s, e => e.i);
        var rightOf = right.Select((t, j) => (t, j)).ToDictionary(e => e.t, e => e.j);
        var arcs = new List<Arc>();
        var pairAt = new Dictionary<(int, int), Pair>();
        foreach (var p in pairs)
        {
            var (i, j) = (leftOf[p.S], rightOf[p.T]);
            pairAt[(i, j)] = p;
            for (var k = first[j]; k < first[j + 1]; k++)
            {
                arcs.Add(new Arc(i, k, (p.Cover * (left.Count + 1)) + 1, 0));
            }
        }

        // Also per grade: no more than the column's schools bring at best, nor more than the inland county has free.
        long perGrade = 0;
        for (var g = 0; g < G; g++)
        {
            long bring = pairs.GroupBy(p => p.S).Sum(group => group.Max(p => p.Brought[g]));
            long room = right.Sum(t => (long)Math.Max(0, start.FreeStudents[(t * G) + g]));
            perGrade += Math.Min(bring, room);
        }

        var mostPairs = Math.Min(left.Count, first[right.Count]);
        var mate = Assignment.TrySolve(left.Count, first[right.Count], arcs);
        if (mate is null)
        {
            // Never with gains this small; the trivial bound, each school at its best pair.
            return ((Math.Min(perGrade, pairs.GroupBy(p => p.S).Sum(g => g.Max(p => p.Cover))) * weight) + mostPairs, null, null);
        }

        long priced = 0;
        var chosen = new List<Pair>();
        for (var i = 0; i < mate.Length; i++)
        {
            if (mate[i] >= 0)
            {
                var p = pairAt[(i, Array.FindLastIndex(first, f => f <= mate[i]))];
                priced += p.Cover;
                chosen.Add(p);
            }
        }

        var (covered, fits) = Evaluate(chosen, start);
        List<(int S, int T)>? choice = fits ? [.. chosen.Select(p => (p.S, p.T))] : null;
        // Exact when it meets the sums and covers what it was priced at (no choice covers more, nor pairs more among
        // those that cover as much: the assignment maximised both on prices no lower than the truth), or when it reaches
        // the per-grade bound with every school paired.
        var exact = covered == priced || (covered == perGrade && chosen.Count == left.Count);
        return ((Math.Min(priced, perGrade) * weight) + mostPairs, exact ? choice : null, choice);
    }

    /// <summary>What a choice of pairs truly covers, and whether it meets P4's sums and the places.</summary>
    private static (long Covered, bool Fits) Evaluate(List<Pair> chosen, PlanState start)
    {
        long covered = 0;
        var fits = true;
        foreach (var group in chosen.GroupBy(p => p.T))
        {
            var t = group.Key;
            fits &= group.Count() <= start.SchoolSlots[t]
                && group.Sum(p => p.Classes) <= Math.Max(0, start.FreeClassTotal[t])
                && group.Sum(p => p.Students) <= Math.Max(0, start.FreeStudentTotal[t]);
            for (var g = 0; g < G; g++)
            {
                covered += Math.Min(group.Sum(p => p.Brought[g]), Math.Max(0, start.FreeStudents[(t * G) + g]));
            }
        }

        return (covered, fits);
    }

    /// <summary>A column's school choice as a CP-SAT model: its pairs' variables and the coverage (per inland school and grade, capped where it can overflow).</summary>
    private static (CpModel Model, BoolVar[] Z, LinearExpr Covered) Block(List<Pair> pairs, PlanState start)
    {
        var model = new CpModel();
        var z = pairs.Select(_ => model.NewBoolVar(string.Empty)).ToArray();
        foreach (var group in Enumerable.Range(0, pairs.Count).GroupBy(i => pairs[i].S))
        {
            if (group.Count() > 1)
            {
                model.AddAtMostOne(group.Select(i => (ILiteral)z[i]));
            }
        }

        var cover = new List<LinearExpr>();
        foreach (var group in Enumerable.Range(0, pairs.Count).GroupBy(i => pairs[i].T))
        {
            var t = group.Key;
            var list = group.ToList();
            if (list.Count > start.SchoolSlots[t])
            {
                model.Add(LinearExpr.Sum(list.Select(i => z[i])) <= start.SchoolSlots[t]);
            }

            if (list.Sum(i => pairs[i].Classes) > Math.Max(0, start.FreeClassTotal[t]))
            {
                model.Add(LinearExpr.WeightedSum(list.Select(i => z[i]), list.Select(i => pairs[i].Classes)) <= Math.Max(0, start.FreeClassTotal[t]));
            }

            if (list.Sum(i => pairs[i].Students) > Math.Max(0, start.FreeStudentTotal[t]))
            {
                model.Add(LinearExpr.WeightedSum(list.Select(i => z[i]), list.Select(i => pairs[i].Students)) <= Math.Max(0, start.FreeStudentTotal[t]));
            }

            for (var g = 0; g < G; g++)
            {
                var room = Math.Max(0, start.FreeStudents[(t * G) + g]);
                var bringing = list.Where(i => pairs[i].Brought[g] > 0).ToList();
                if (room == 0 || bringing.Count == 0)
                {
                    continue;
                }

                cover.Add(PlanState.Covered(model, [.. bringing.Select(i => (z[i], pairs[i].Brought[g]))], start.SchoolSlots[t], room, out _));
            }
        }

        return (model, z, LinearExpr.Sum(cover));
    }

    /// <summary>
    /// The aims after coverage within a column of the packing, its coverage held: the most school pairs, then the least
    /// class cost (as the province model's later aims, with the county pairs held, where it falls apart per inland county).
    /// </summary>
    private static void Finish(RosterView v, Column c, PlanState start, Dictionary<(int, int), List<Pair>> pairsOf, PairingOptions options)
    {
        var pairs = c.Xs.SelectMany(x => pairsOf[(x, c.N)]).ToList();
        if (pairs.Count == 0)
        {
            return;
        }

        var (model, z, covered) = Block(pairs, start);
        model.Add(covered >= c.Covered);
        var costs = new long[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            for (var g = 0; g < G; g++)
            {
                costs[i] += ClassCost.Least(v.SizesOn(pairs[i].T, pairs[i].S, g), v.GradeSizes[(pairs[i].T * G) + g]);
            }
        }

        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:{options.Seed} max_deterministic_time:{options.WorkLimitPerSubproblem:R} catch_sigint_signal:false linearization_level:2 cp_model_probing_level:0"),
        };

        var values = pairs.Select(p => c.Schools.Contains((p.S, p.T))).ToArray();
        var aims = new (LinearExpr Expr, bool Maximise)[]
        {
            (LinearExpr.Sum(z), true),
            (LinearExpr.WeightedSum(z, costs), false),
        };
        foreach (var (expr, maximise) in aims)
        {
            if (maximise)
            {
                model.Maximize(expr);
            }
            else
            {
                model.Minimize(expr);
            }

            model.ClearHints();
            for (var i = 0; i < pairs.Count; i++)
            {
                model.AddHint(z[i], values[i]);
            }

            var status = CpSat.Solve(solver, model);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                break;
            }

            for (var i = 0; i < pairs.Count; i++)
            {
                values[i] = solver.BooleanValue(z[i]);
            }

            var value = (long)Math.Round(solver.ObjectiveValue);
            model.Add(maximise ? expr >= value : expr <= value);
        }

        c.Schools = [.. pairs.Where((_, i) => values[i]).Select(p => (p.S, p.T))];
    }

    /// <summary>A column's exact best coverage (its own small CP-SAT model); within the limit, the best found and the solver's bound.</summary>
    private static void Exact(RosterView v, Column c, PlanState start, Dictionary<(int, int), List<Pair>> pairsOf, PairingOptions options, long weight, IEnumerable<Column> singles)
    {
        var pairs = c.Xs.SelectMany(x => pairsOf[(x, c.N)]).ToList();
        var (model, z, covered) = Block(pairs, start);
        model.Maximize(covered);

        // The first answer: the best that fits of the relaxation's choice and the column's counties' exact choices alone
        // put together (dropping pairs from the fuller inland schools until they fit).
        var hint = BestSeed(c, pairs, start, singles);
        if (hint is not null)
        {
            var on = hint.ToHashSet();
            for (var i = 0; i < pairs.Count; i++)
            {
                model.AddHint(z[i], on.Contains((pairs[i].S, pairs[i].T)));
            }
        }

        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:{options.Seed} max_deterministic_time:{options.WorkLimitPerSubproblem:R} catch_sigint_signal:false linearization_level:2 cp_model_probing_level:0"),
        };

        c.Evaluated = true;
        var status = CpSat.Solve(solver, model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            // Nothing found within the limit: the column stands as no pairs at all, its bound unchanged.
            (c.Lower, c.Schools) = (0, []);
            return;
        }

        var chosen = new List<Pair>();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (solver.BooleanValue(z[i]))
            {
                chosen.Add(pairs[i]);
            }
        }

        c.Covered = Evaluate(chosen, start).Covered;
        long mostPairs = pairs.Select(p => p.S).Distinct().Count();
        var coverUpper = status == CpSolverStatus.Optimal ? c.Covered : Math.Min(c.Upper / weight, (long)Math.Floor(solver.BestObjectiveBound + 1e-6));
        if (status == CpSolverStatus.Optimal)
        {
            // Then the most school pairs with that coverage held.
            model.Add(covered >= c.Covered);
            model.Maximize(LinearExpr.Sum(z));
            model.ClearHints();
            for (var i = 0; i < pairs.Count; i++)
            {
                model.AddHint(z[i], chosen.Contains(pairs[i]));
            }

            var second = CpSat.Solve(solver, model);
            if (second is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                chosen = [.. pairs.Where((_, i) => solver.BooleanValue(z[i]))];
                mostPairs = second == CpSolverStatus.Optimal ? chosen.Count : Math.Min(mostPairs, (long)Math.Floor(solver.BestObjectiveBound + 1e-6));
            }
        }

        c.Lower = (c.Covered * weight) + chosen.Count;
        c.Upper = Math.Max(c.Lower, Math.Min(c.Upper, (coverUpper * weight) + mostPairs));
        c.Schools = [.. chosen.Select(p => (p.S, p.T))];
    }

    /// <summary>The candidate first answers of a column's exact solve that fit, the one that covers most (the first on a tie).</summary>
    private static List<(int S, int T)>? BestSeed(Column c, List<Pair> pairs, PlanState start, IEnumerable<Column> singles)
    {
        var byKey = pairs.ToDictionary(p => (p.S, p.T));
        var candidates = new List<List<(int S, int T)>>();
        if (c.Seed is not null)
        {
            candidates.Add(c.Seed);
        }

        var union = singles.SelectMany(o => o.Schools).ToList();
        if (union.Count > 0)
        {
            // Drop pairs, smallest first, from each inland school that the union overfills.
            var kept = new List<Pair>();
            foreach (var group in union.Select(k => byKey[k]).GroupBy(p => p.T))
            {
                var t = group.Key;
                var list = group.OrderByDescending(p => p.Cover).ThenBy(p => p.S).ToList();
                while (list.Count > 0 && (list.Count > start.SchoolSlots[t]
                    || list.Sum(p => p.Classes) > Math.Max(0, start.FreeClassTotal[t])
                    || list.Sum(p => p.Students) > Math.Max(0, start.FreeStudentTotal[t])))
                {
                    list.RemoveAt(list.Count - 1);
                }

                kept.AddRange(list);
            }

            candidates.Add([.. kept.Select(p => (p.S, p.T))]);
        }

        List<(int S, int T)>? best = null;
        long most = -1;
        foreach (var candidate in candidates)
        {
            var covered = Evaluate([.. candidate.Select(k => byKey[k])], start).Covered;
            if (covered > most)
            {
                (best, most) = (candidate, covered);
            }
        }

        return best;
    }

    /// <summary>The non-empty subsets of <paramref name="items"/> of at most <paramref name="most"/> elements, in lexicographic order of positions.</summary>
    private static IEnumerable<int[]> Subsets(int[] items, int most)
    {
        var stack = new List<int>();
        IEnumerable<int[]> From(int start)
        {
            for (var i = start; i < items.Length; i++)
            {
                stack.Add(items[i]);
                yield return [.. stack];
                if (stack.Count < most)
                {
                    foreach (var deeper in From(i + 1))
                    {
                        yield return deeper;
                    }
                }

                stack.RemoveAt(stack.Count - 1);
            }
        }

        return most <= 0 ? [] : From(0);
    }
}
