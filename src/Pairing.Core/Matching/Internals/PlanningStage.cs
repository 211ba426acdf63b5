using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The planning phase: county pairs per supporting province, then school pairs per inland county; every Xinjiang
/// county and school left over gets its rule and its shortfall in numbers.
/// </summary>
/// <remarks>
/// The county level prices every candidate county pair by solving its school level first
/// (<see cref="SchoolChoice"/>): the students it would cover, the schools it would pair, the class-pairing cost.
/// With one Xinjiang county per inland county those prices are exact and the county choice is an assignment on
/// them; with more, an inland county's classes, students and school places are shared, and the CP-SAT model holds
/// their sums (necessary, not sufficient). CP-SAT serves both cases; a province has at most a few hundred candidate
/// pairs. With shared inland units (either option above 1) the county and school choices made this way are the hint
/// of one exact model per province (<see cref="SharedPlan"/>), which decides the plan; where nothing is fixed
/// beforehand the hint is the choice made with one Xinjiang unit per inland unit, and the levels are not run at the
/// shared options at all.
/// </remarks>
internal static class PlanningStage
{
    /// <summary>Pairs given beforehand, a plan's: kept where P1–P4 still hold.</summary>
    public sealed record KeepSet(IReadOnlyList<CountyPair> Counties, IReadOnlyList<SchoolPair> Schools);

    public static PlanState Run(
        RosterView v,
        PairingOptions options,
        IReadOnlyList<KeepSet> keep,
        Continuity continuity,
        List<UnpairedUnit> unpaired,
        IProgress<PairingProgress>? progress,
        CancellationToken cancellationToken,
        Action<PairingLevel, TimeSpan> timed,
        TimeProvider time)
    {
        var roster = v.Roster;
        var state = new PlanState(v, options);
        var started = time.GetTimestamp();
        KeepCounties(v, state, keep);

        // Kept school pairs go in before any new county is priced, so that what they take from an inland school is
        // no longer on offer.
        KeepSchools(v, state, keep, continuity);

        // With shared inland units the levels below are only the first answer (the hint) of the exact model per
        // province (SharedPlan), which starts from the pairs fixed so far and decides whether the result is proven:
        // the hierarchical solves' own proofs do not count then.
        var shared = options.XinjiangCountiesPerInlandCounty > 1 || options.XinjiangSchoolsPerInlandSchool > 1;
        var start = shared ? state.Copy() : null;
        var hierarchical = shared ? Ambient.CountUnproven(new Ambient.ProofCount()) : default;

        // Provinces in id order, each with its Xinjiang and inland counties in id order.
        var provinces = Enumerable.Range(0, roster.CountyArray.Length)
            .GroupBy(c => roster.CountyProvince[c])
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => new Province(
                g.Key,
                [.. g.Where(c => v.IsXinjiangCounty[c]).OrderBy(c => roster.CountyArray[c].Id.Value, StringComparer.Ordinal)],
                [.. g.Where(c => !v.IsXinjiangCounty[c]).OrderBy(c => roster.CountyArray[c].Id.Value, StringComparer.Ordinal)]))
            .ToArray();

        // With shared units and nothing fixed beforehand (no plan's or last year's pairs), the province model proves
        // coverage by columns (SharedColumns) and needs no hierarchical answer at these options: the plan with one
        // Xinjiang unit per inland unit (its levels and its fill, as a run with those options makes it) is feasible with
        // more (the same pairs, fewer shared), so it is the hint and a floor: allowing more sharing never covers fewer,
        // even where a work limit stops every solve. The levels at the shared options cost far more (at 1,000,000
        // students 7.9 s of county pricing) and only served as a second hint.
        var singleHint = shared && keep.Count == 0 && !continuity.Active;
        var levels = options;
        var levelState = state;
        if (singleHint)
        {
            levels = options.Clone();
            levels.XinjiangCountiesPerInlandCounty = 1;
            levels.XinjiangSchoolsPerInlandSchool = 1;
            levelState = new PlanState(v, levels);
        }

        Counties(v, provinces, levelState, levels, continuity, shared && !singleHint, progress, cancellationToken);
        timed(PairingLevel.County, time.GetElapsedTime(started));
        started = time.GetTimestamp();
        Schools(v, levelState, levels, continuity, shared && !singleHint, progress, cancellationToken);
        if (shared)
        {
            // Otherwise the hierarchical answer at these options is the hint (the levels price pairs as if each had its
            // inland unit alone).
            var hints = new List<PlanState>();
            if (singleHint)
            {
                Fill(v, levelState, provinces);
            }

            hints.Add(levelState);
            hierarchical.Dispose();
            state = Joint(v, provinces, start!, hints, options, continuity, cancellationToken);
        }

        Fill(v, state, provinces);
        Explain(v, state, provinces, unpaired);
        timed(PairingLevel.School, time.GetElapsedTime(started));
        return state;
    }

    private sealed record Province(ProvinceId Id, int[] Xinjiang, int[] Inland);

    /// <summary>The county level: every candidate county pair priced by its school level, then the choice per province.</summary>
    private static void Counties(
        RosterView v, Province[] provinces, PlanState state, PairingOptions options, Continuity continuity, bool shared,
        IProgress<PairingProgress>? progress, CancellationToken cancellationToken)
    {
        var roster = v.Roster;
        // Price every candidate county pair by its school level, in parallel.
        var candidates = new List<(int X, int N)>();
        foreach (var p in provinces)
        {
            foreach (var x in p.Xinjiang)
            {
                if (state.CountyPartner[x] >= 0)
                {
                    continue;
                }

                foreach (var n in p.Inland)
                {
                    if (state.CountySlots[n] > 0)
                    {
                        candidates.Add((x, n));
                    }
                }
            }
        }

        var prices = SubProblems.Run(
            candidates,
            c => SchoolChoice.Solve(v, SchoolsOf(roster, c.X, state), FreeSchoolsOf(roster, c.N, state), state, options, continuity),
            options, PairingLevel.County, progress, cancellationToken);
        var priceOf = new Dictionary<(int, int), SchoolChoice.Outcome>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            priceOf[candidates[i]] = prices[i];
        }

        // Choose county pairs per province, in parallel; merge in province order.
        var choices = SubProblems.Run(provinces, p => ChooseCounties(v, p, state, priceOf, options, continuity), options, PairingLevel.County, null, cancellationToken);
        if (continuity.Active && !shared)
        {
            PriceCountyDrops(v, provinces, state, priceOf, choices, options, continuity, cancellationToken);
        }

        foreach (var choice in choices)
        {
            foreach (var (x, n) in choice)
            {
                state.PairCounties(x, n, kept: continuity.IsPreviousCounty(x, n));
            }
        }

    }

    /// <summary>The school level per inland county that takes any Xinjiang county, under the county pairs made.</summary>
    private static void Schools(
        RosterView v, PlanState state, PairingOptions options, Continuity continuity, bool shared,
        IProgress<PairingProgress>? progress, CancellationToken cancellationToken)
    {
        var roster = v.Roster;
        var groups = new List<(int N, int[] Xinjiang)>();
        var byInland = new SortedDictionary<string, (int N, List<int> Counties)>(StringComparer.Ordinal);
        for (var x = 0; x < state.CountyPartner.Length; x++)
        {
            if (state.CountyPartner[x] is var n and >= 0)
            {
                var key = roster.CountyArray[n].Id.Value;
                if (!byInland.TryGetValue(key, out var entry))
                {
                    entry = (n, []);
                    byInland[key] = entry;
                }

                entry.Counties.Add(x);
            }
        }

        foreach (var (n, counties) in byInland.Values)
        {
            var xs = counties.SelectMany(x => roster.CountySchools.Of(x).ToArray())
                .Where(s => state.SchoolPartner[s] < 0)
                .OrderBy(s => roster.SchoolArray[s].Id.Value, StringComparer.Ordinal)
                .ToArray();
            groups.Add((n, xs));
        }

        var schoolChoices = SubProblems.Run(
            groups,
            g => SchoolChoice.Solve(v, g.Xinjiang, FreeSchoolsOf(roster, g.N, state), state, options, continuity),
            options, PairingLevel.School, progress, cancellationToken);
        if (continuity.Active && !shared)
        {
            PriceSchoolDrops(v, groups, schoolChoices, state, options, continuity, cancellationToken);
        }

        for (var i = 0; i < groups.Count; i++)
        {
            var inland = FreeSchoolsOf(roster, groups[i].N, state);
            var mate = schoolChoices[i].Mate;
            for (var k = 0; k < mate.Length; k++)
            {
                if (mate[k] >= 0)
                {
                    var (s, t) = (groups[i].Xinjiang[k], inland[mate[k]]);
                    state.PairSchools(v, s, t, kept: continuity.IsPreviousSchool(s, t));
                }
            }
        }

    }

    /// <summary>
    /// With shared inland units: the exact county and school choice per province (<see cref="SharedPlan"/>) from
    /// <paramref name="start"/>, the hierarchical <paramref name="hints"/> as its first answers; with last year's pairs in
    /// play, also what keeping each dropped one would have covered and kept (for <c>continuity.csv</c>).
    /// </summary>
    private static PlanState Joint(
        RosterView v, Province[] provinces, PlanState start, IReadOnlyList<PlanState> hints, PairingOptions options, Continuity continuity, CancellationToken cancellationToken)
    {
        var roster = v.Roster;
        var choices = SubProblems.Run(
            provinces, p => SharedPlan.Solve(v, p.Xinjiang, p.Inland, start, hints, options, continuity)!, options, PairingLevel.School, null, cancellationToken);
        var state = start.Copy();
        for (var k = 0; k < provinces.Length; k++)
        {
            if (!choices[k].Proven)
            {
                if (choices[k].Bound is { } bound)
                {
                    Ambient.NotProven(Math.Max(0, bound - choices[k].Covered));
                }
                else
                {
                    Ambient.NotProven();
                }
            }

            foreach (var (x, n) in choices[k].Counties)
            {
                state.PairCounties(x, n, kept: continuity.IsPreviousCounty(x, n));
            }

            foreach (var (s, t) in choices[k].Schools)
            {
                state.PairSchools(v, s, t, kept: continuity.IsPreviousSchool(s, t));
            }
        }

        if (!continuity.Active)
        {
            return state;
        }

        // Last year's pairs that could have stood and were not chosen: the province's choice forced to keep each.
        var tasks = new List<(int Province, (int X, int N)? County, (int S, int T)? School)>();
        for (var k = 0; k < provinces.Length; k++)
        {
            foreach (var x in provinces[k].Xinjiang)
            {
                foreach (var n in provinces[k].Inland)
                {
                    if (continuity.IsPreviousCounty(x, n) && start.CountyPartner[x] < 0 && state.CountyPartner[x] != n)
                    {
                        tasks.Add((k, (x, n), null));
                    }
                }

                foreach (var s in roster.CountySchools.Of(x))
                {
                    if (start.SchoolPartner[s] >= 0)
                    {
                        continue;
                    }

                    foreach (var n in provinces[k].Inland)
                    {
                        foreach (var t in roster.CountySchools.Of(n))
                        {
                            if (continuity.IsPreviousSchool(s, t) && state.SchoolPartner[s] != t && state.CountyPartner[x] == n
                                && start.Admits(v, t, s, continuity))
                            {
                                tasks.Add((k, null, (s, t)));
                            }
                        }
                    }
                }
            }
        }

        var forced = SubProblems.Run(
            tasks,
            task => SharedPlan.Solve(v, provinces[task.Province].Xinjiang, provinces[task.Province].Inland, start, hints, options, continuity, task.County, task.School),
            options, PairingLevel.School, null, cancellationToken);
        for (var i = 0; i < tasks.Count; i++)
        {
            if (forced[i] is not { } kept)
            {
                continue;
            }

            var made = choices[tasks[i].Province];
            var drop = new DropCost(made.Covered, kept.Covered, made.Keep, kept.Keep);
            if (tasks[i].County is { } county)
            {
                state.CountyDrops[county] = drop;
            }
            else if (tasks[i].School is { } school)
            {
                state.SchoolDrops[school] = drop;
            }
        }

        return state;
    }

    private static int[] SchoolsOf(Rosters.Roster roster, int county, PlanState state) =>
        [.. roster.CountySchools.Of(county).ToArray().Where(s => state.SchoolPartner[s] < 0)];

    private static int[] FreeSchoolsOf(Rosters.Roster roster, int county, PlanState state) =>
        [.. roster.CountySchools.Of(county).ToArray().Where(t => state.SchoolSlots[t] > 0)];

    private static List<(int X, int N)> ChooseCounties(
        RosterView v, Province p, PlanState state, Dictionary<(int, int), SchoolChoice.Outcome> priceOf, PairingOptions options, Continuity continuity,
        (int X, int N)? forced = null)
    {
        var roster = v.Roster;
        var left = p.Xinjiang.Where(x => state.CountyPartner[x] < 0).ToArray();
        var right = p.Inland.Where(n => state.CountySlots[n] > 0).ToArray();
        var chosen = new List<(int, int)>();
        if (left.Length == 0 || right.Length == 0)
        {
            return chosen;
        }

        // Gain: students covered first, then schools paired, then counties paired.
        var schoolsInProvince = left.Sum(x => roster.CountySchools.CountOf(x));
        long perSchool = left.Length + 1;
        var perStudent = perSchool * (schoolsInProvince + 1);
        var capacity = right.Select(n => state.CountySlots[n]).ToArray();
        var shared = options.XinjiangCountiesPerInlandCounty > 1;
        var supply = new long[right.Length][];
        for (var j = 0; j < right.Length; j++)
        {
            supply[j] = shared ? InlandSupply(roster, right[j], state) : [];
        }

        var model = new SelectionModel(left.Length, capacity, supply);
        var arcCount = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var x = left[i];
            var noSchools = roster.CountySchools.CountOf(x) == 0;
            for (var j = 0; j < right.Length; j++)
            {
                var price = priceOf[(x, right[j])];
                if (price.Paired == 0 && !noSchools)
                {
                    continue;
                }

                // Last year's pairs are an aim of their own, after coverage (or before, when the options say so):
                // the county pair itself and whatever its school choice keeps under it.
                var gain = (price.Coverage * perStudent) + (price.Paired * perSchool) + 1;
                var keep = price.Keep + continuity.CountyKeep(x, right[j]);
                if (forced == (x, right[j]))
                {
                    model.Force(arcCount);
                }

                var first = price.Coverage + (options.Continuity == ContinuityObjective.Balanced ? price.KeptStudents : 0);
                model.Add(new Arc(i, j, gain, price.Cost, first, keep), shared ? price.Demand : null);
                arcCount++;
            }
        }

        var picks = model.Solve(options);
        var index = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var x = left[i];
            var noSchools = roster.CountySchools.CountOf(x) == 0;
            for (var j = 0; j < right.Length; j++)
            {
                var price = priceOf[(x, right[j])];
                if (price.Paired == 0 && !noSchools)
                {
                    continue;
                }

                if (picks[index++])
                {
                    chosen.Add((x, right[j]));
                }
            }
        }

        return chosen;

        // What an inland county's schools with a place left offer: classes, students and places in total (P4 and P3
        // summed: necessary, not sufficient).
        static long[] InlandSupply(Rosters.Roster roster, int n, PlanState state)
        {
            var supply = new long[3];
            foreach (var t in roster.CountySchools.Of(n))
            {
                if (state.SchoolSlots[t] <= 0)
                {
                    continue;
                }

                supply[0] += Math.Max(0, state.FreeClassTotal[t]);
                supply[1] += Math.Max(0, state.FreeStudentTotal[t]);
                supply[2] += state.SchoolSlots[t];
            }

            return supply;
        }
    }

    /// <summary>
    /// For each of last year's county pairs that could have been chosen and was not: what its province covers and
    /// keeps with the choice made, and with the best choice that keeps it (for <c>continuity.csv</c>).
    /// </summary>
    private static void PriceCountyDrops(
        RosterView v, Province[] provinces, PlanState state, Dictionary<(int, int), SchoolChoice.Outcome> priceOf,
        List<(int X, int N)>[] choices, PairingOptions options, Continuity continuity, CancellationToken cancellationToken)
    {
        var tasks = new List<(int Province, (int X, int N) Pair)>();
        for (var k = 0; k < provinces.Length; k++)
        {
            foreach (var x in provinces[k].Xinjiang)
            {
                foreach (var n in provinces[k].Inland)
                {
                    if (continuity.IsPreviousCounty(x, n) && priceOf.TryGetValue((x, n), out var price)
                        && (price.Paired > 0 || v.Roster.CountySchools.CountOf(x) == 0) && !choices[k].Contains((x, n)))
                    {
                        tasks.Add((k, (x, n)));
                    }
                }
            }
        }

        (long Covered, long Keep) Sum(List<(int X, int N)> choice)
        {
            long covered = 0, keep = 0;
            foreach (var (x, n) in choice)
            {
                covered += priceOf[(x, n)].Coverage;
                keep += priceOf[(x, n)].Keep + continuity.CountyKeep(x, n);
            }

            return (covered, keep);
        }

        var forced = SubProblems.Run(
            tasks, t => ChooseCounties(v, provinces[t.Province], state, priceOf, options, continuity, t.Pair), options, PairingLevel.County, null, cancellationToken);
        for (var i = 0; i < tasks.Count; i++)
        {
            var made = Sum(choices[tasks[i].Province]);
            var kept = forced[i].Contains(tasks[i].Pair) ? Sum(forced[i]) : (0, 0);
            state.CountyDrops[tasks[i].Pair] = new DropCost(made.Covered, kept.Covered, made.Keep, kept.Keep);
        }
    }

    /// <summary>
    /// For each of last year's school pairs that could have been chosen under a county pair made and was not: what
    /// the inland county's schools cover and keep with the choice made, and with the best choice that keeps it.
    /// </summary>
    private static void PriceSchoolDrops(
        RosterView v, List<(int N, int[] Xinjiang)> groups, SchoolChoice.Outcome[] made, PlanState state, PairingOptions options,
        Continuity continuity, CancellationToken cancellationToken)
    {
        var roster = v.Roster;
        var tasks = new List<(int Group, int S, int T)>();
        for (var i = 0; i < groups.Count; i++)
        {
            var inland = FreeSchoolsOf(roster, groups[i].N, state);
            for (var k = 0; k < groups[i].Xinjiang.Length; k++)
            {
                var s = groups[i].Xinjiang[k];
                foreach (var t in inland)
                {
                    if (continuity.IsPreviousSchool(s, t) && state.Admits(v, t, s, continuity)
                        && (made[i].Mate[k] < 0 || inland[made[i].Mate[k]] != t))
                    {
                        tasks.Add((i, s, t));
                    }
                }
            }
        }

        var forced = SubProblems.Run(
            tasks,
            task =>
            {
                var trial = state.Copy();
                var alone = v.Coverage(task.T, task.S, trial.FreeStudents);
                trial.PairSchools(v, task.S, task.T, kept: true);
                var rest = groups[task.Group].Xinjiang.Where(s => s != task.S).ToArray();
                var outcome = SchoolChoice.Solve(v, rest, FreeSchoolsOf(roster, groups[task.Group].N, trial), trial, options, continuity);
                return (Covered: alone + outcome.Coverage, Keep: continuity.SchoolKeep(task.S, task.T) + outcome.Keep);
            },
            options, PairingLevel.School, null, cancellationToken);
        for (var i = 0; i < tasks.Count; i++)
        {
            var m = made[tasks[i].Group];
            state.SchoolDrops[(tasks[i].S, tasks[i].T)] = new DropCost(m.Coverage, forced[i].Covered, m.Keep, forced[i].Keep);
        }
    }

    private static void KeepCounties(RosterView v, PlanState state, IReadOnlyList<KeepSet> keep)
    {
        var roster = v.Roster;
        foreach (var set in keep)
        {
            foreach (var pair in set.Counties)
            {
                if (roster.TryGetCounty(pair.Xinjiang, out _) && roster.TryGetCounty(pair.Inland, out _))
                {
                    var x = roster.CountyIndexOf(pair.Xinjiang);
                    var n = roster.CountyIndexOf(pair.Inland);
                    if (v.IsXinjiangCounty[x] && !v.IsXinjiangCounty[n] && state.CountyPartner[x] < 0 && state.CountySlots[n] > 0
                        && roster.CountyProvince[x] == roster.CountyProvince[n])
                    {
                        state.PairCounties(x, n, kept: true);
                    }
                }
            }
        }
    }

    private static void KeepSchools(RosterView v, PlanState state, IReadOnlyList<KeepSet> keep, Continuity continuity)
    {
        var roster = v.Roster;
        foreach (var set in keep)
        {
            foreach (var pair in set.Schools)
            {
                if (!roster.TryGetSchool(pair.Xinjiang, out _) || !roster.TryGetSchool(pair.Inland, out _))
                {
                    continue;
                }

                var s = roster.SchoolIndexOf(pair.Xinjiang);
                var t = roster.SchoolIndexOf(pair.Inland);
                if (!v.IsXinjiangSchool(s) || v.IsXinjiangSchool(t) || state.SchoolPartner[s] >= 0 || state.SchoolSlots[t] <= 0
                    || state.CountyPartner[roster.SchoolCounty[s]] != roster.SchoolCounty[t])
                {
                    continue;
                }

                // P4 on totals (and on the sums, with several Xinjiang schools per inland school) is all a school pair
                // must meet, for a plan's pair and a previous year's alike; a grade that no longer fits is explained
                // at the class and student levels. A plan's pair that is also last term's survives attrition unless P4
                // is strict (Continuity.Tolerates), as it would in a run without the plan.
                if (state.Admits(v, t, s, continuity))
                {
                    state.PairSchools(v, s, t, kept: true);
                }
            }
        }
    }

    /// <summary>
    /// Makes every pair the choices above left possible: a Xinjiang county with a free inland county of its province
    /// that has a school with room for one of its schools, a Xinjiang school with a school of its paired inland county
    /// with room for it. With one Xinjiang unit per inland unit the choices leave none; with several sharing an
    /// inland unit their sums are estimates, and this makes the plan maximal, so that every reason below is true.
    /// Counties and schools in id order, each taking the first inland unit (id order) with room.
    /// </summary>
    private static void Fill(RosterView v, PlanState state, Province[] provinces)
    {
        var roster = v.Roster;
        foreach (var p in provinces)
        {
            foreach (var x in p.Xinjiang)
            {
                if (state.CountyPartner[x] >= 0)
                {
                    continue;
                }

                var xSchools = roster.CountySchools.Of(x).ToArray();
                foreach (var n in p.Inland)
                {
                    if (state.CountySlots[n] > 0
                        && xSchools.Any(s => roster.CountySchools.Of(n).ToArray().Any(t => state.HasRoomFor(v, t, s))))
                    {
                        state.PairCounties(x, n, kept: false);
                        break;
                    }
                }
            }

            // A county with no school needs only a place (the province model by columns prices coverage alone and
            // leaves it out).
            foreach (var x in p.Xinjiang)
            {
                if (state.CountyPartner[x] < 0 && roster.CountySchools.CountOf(x) == 0 && p.Inland.FirstOrDefault(n => state.CountySlots[n] > 0, -1) is var n and >= 0)
                {
                    state.PairCounties(x, n, kept: false);
                }
            }
        }

        for (var x = 0; x < state.CountyPartner.Length; x++)
        {
            if (state.CountyPartner[x] is not (var n and >= 0))
            {
                continue;
            }

            var inland = roster.CountySchools.Of(n).ToArray()
                .OrderBy(t => roster.SchoolArray[t].Id.Value, StringComparer.Ordinal).ToArray();
            foreach (var s in roster.CountySchools.Of(x).ToArray().OrderBy(s => roster.SchoolArray[s].Id.Value, StringComparer.Ordinal))
            {
                if (state.SchoolPartner[s] >= 0)
                {
                    continue;
                }

                foreach (var t in inland)
                {
                    if (state.HasRoomFor(v, t, s))
                    {
                        state.PairSchools(v, s, t, kept: false);
                        break;
                    }
                }
            }
        }
    }

    private static void Explain(RosterView v, PlanState state, Province[] provinces, List<UnpairedUnit> unpaired)
    {
        var roster = v.Roster;
        foreach (var p in provinces)
        {
            var provinceSchools = p.Inland.SelectMany(n => roster.CountySchools.Of(n).ToArray()).ToArray();
            foreach (var x in p.Xinjiang)
            {
                if (state.CountyPartner[x] >= 0)
                {
                    ExplainSchools(v, state, x, unpaired);
                    continue;
                }

                var xId = roster.CountyArray[x].Id.Value;
                var xSchools = roster.CountySchools.Of(x).ToArray();
                var province = FindingArgument.Of("inland", p.Id.Value);
                UnpairedUnit county;

                // The rule that binds, checked from the top: is there an inland county at all (P1), a school (P3), an
                // inland county with a place left (P2), a school of such a county with a place left; then P4 against
                // what those schools have free beside the Xinjiang schools they take, with the closest one's numbers.
                // Only units that could still take it are candidates, so the reason agrees with what is left unpaired.
                var open = p.Inland.Where(n => state.CountySlots[n] > 0).ToArray();
                var candidates = open.SelectMany(n => roster.CountySchools.Of(n).ToArray()).Where(t => state.SchoolSlots[t] > 0).ToArray();
                if (p.Inland.Length == 0)
                {
                    county = UnpairedUnit.Of(PairingLevel.County, xId, UnpairedFindings.NoInlandCounty,
                        province, FindingArgument.Of("available", 0), FindingArgument.Of("needed", 1));
                }
                else if (provinceSchools.Length == 0 && xSchools.Length > 0)
                {
                    county = UnpairedUnit.Of(PairingLevel.County, xId, UnpairedFindings.NoInlandSchools,
                        province, FindingArgument.Of("available", 0), FindingArgument.Of("needed", xSchools.Length));
                }
                else if (open.Length == 0)
                {
                    county = UnpairedUnit.Of(PairingLevel.County, xId, UnpairedFindings.InlandCountiesTaken,
                        province, FindingArgument.Of("available", 0), FindingArgument.Of("needed", 1));
                }
                else if (xSchools.Length == 0 || candidates.Length == 0)
                {
                    // Inland counties with a place left, whose schools the Xinjiang schools they take leave no room.
                    var room = candidates.Count(t => xSchools.Any(s => state.HasRoomFor(v, t, s)));
                    county = UnpairedUnit.Of(PairingLevel.County, xId, UnpairedFindings.CountyNoRoom,
                        province, FindingArgument.Of("available", room), FindingArgument.Of("needed", 1));
                }
                else
                {
                    // The closest any school that could still take one of its schools comes to it, on what it has free.
                    int bestT = -1;
                    Shortfall best = default;
                    foreach (var s in xSchools)
                    {
                        var (t, shortfall) = Shortfall.Closest(v, state, candidates, s);
                        if (bestT < 0 || shortfall.Count < best.Count
                            || (shortfall.Count == best.Count && v.SchoolStudentCount[t] > v.SchoolStudentCount[bestT]))
                        {
                            (bestT, best) = (t, shortfall);
                        }
                    }

                    county = UnpairedUnit.Of(PairingLevel.County, xId,
                        best.Pick(UnpairedFindings.CountyClassesShort, UnpairedFindings.CountyStudentsShort, UnpairedFindings.CountyBothShort),
                        best.Arguments(roster.SchoolArray[bestT].Id.Value));
                }

                unpaired.Add(county);
                foreach (var s in xSchools)
                {
                    unpaired.Add(UnpairedUnit.Of(PairingLevel.School, roster.SchoolArray[s].Id.Value, UnpairedFindings.CountyUnpaired));
                }
            }
        }
    }

    private static void ExplainSchools(RosterView v, PlanState state, int x, List<UnpairedUnit> unpaired)
    {
        var roster = v.Roster;
        var n = state.CountyPartner[x];
        var county = FindingArgument.Of("inland", roster.CountyArray[n].Id.Value);
        var inland = roster.CountySchools.Of(n).ToArray();
        foreach (var s in roster.CountySchools.Of(x))
        {
            if (state.SchoolPartner[s] >= 0)
            {
                continue;
            }

            var sId = roster.SchoolArray[s].Id.Value;
            if (inland.Length == 0)
            {
                unpaired.Add(UnpairedUnit.Of(PairingLevel.School, sId, UnpairedFindings.NoSchoolsInCounty,
                    county, FindingArgument.Of("available", 0), FindingArgument.Of("needed", 1)));
                continue;
            }

            var able = inland.Where(t => v.MeetsP4(t, s)).ToArray();
            if (able.Length == 0)
            {
                var (t, shortfall) = Shortfall.Closest(v, null, inland, s);
                unpaired.Add(UnpairedUnit.Of(PairingLevel.School, sId,
                    shortfall.Pick(UnpairedFindings.SchoolClassesShort, UnpairedFindings.SchoolStudentsShort, UnpairedFindings.SchoolBothShort),
                    shortfall.Arguments(roster.SchoolArray[t].Id.Value)));
                continue;
            }

            // Every school with a place left is a candidate, not only those that meet P4 on their whole totals: when one
            // of them is free, P4 against what it has left binds, not the places of the others (P3).
            var open = inland.Where(t => state.SchoolSlots[t] > 0).ToArray();
            if (open.Length == 0)
            {
                unpaired.Add(UnpairedUnit.Of(PairingLevel.School, sId, UnpairedFindings.SchoolsTaken,
                    county, FindingArgument.Of("available", 0), FindingArgument.Of("needed", 1)));
                continue;
            }

            // What the schools with a place have left beside their partners is too little (P4, on the sums when shared).
            var (closest, left) = Shortfall.Closest(v, state, open, s);
            unpaired.Add(UnpairedUnit.Of(PairingLevel.School, sId,
                left.Pick(UnpairedFindings.NoRoomClasses, UnpairedFindings.NoRoomStudents, UnpairedFindings.NoRoomBoth),
                left.Arguments(roster.SchoolArray[closest].Id.Value)));
        }
    }
}
