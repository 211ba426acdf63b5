namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The school level: which inland school each Xinjiang school of a county pair (or of all the Xinjiang counties
/// one inland county takes) gets. Also prices a county pair for the county level, so that a county choice counts
/// as good only as far as its schools can then be paired.
/// </summary>
/// <remarks>
/// A candidate school pair is one that meets P4 on totals: the inland school has no fewer classes and no fewer
/// students than the Xinjiang school (with several Xinjiang schools per inland school, than their sums). A grade
/// with too few classes or students does not rule a pair out; it limits what the pair covers. Its gain is the
/// Xinjiang students that can actually be paired (the first aim): per grade, the smaller of the Xinjiang school's
/// students and the inland school's; then one for the pair itself (so that schools nothing can be covered in are
/// paired too). Its cost is the least class-pairing cost of the two schools (<see cref="ClassCost"/>: cross-class
/// pairs, then size difference), so the school level already chooses for the third and fourth aims. With one
/// Xinjiang school per inland school this is a pure assignment (<see cref="Assignment"/>); with more, CP-SAT
/// (<see cref="SelectionModel"/>) holds the inland school's totals as hard limits (P4 on the sums), and each arc
/// is priced by what it would cover with the inland school alone: two Xinjiang schools that share an inland
/// school's short grade are then counted as covering more than they will (a stated heuristic; the roster phase
/// pairs what fits and lists the rest). The shared case first solves the choice without P4's sums, as an
/// assignment into the inland schools' places; when that meets the sums anyway it is the model's optimum and
/// CP-SAT is not run. With shared units this level's answer is only the hint of the exact province model
/// (<see cref="SharedPlan"/>), which counts coverage per inland school and grade.
/// </remarks>
internal static class SchoolChoice
{
    /// <summary>
    /// What a choice covers and costs, and what it takes of the inland side for the county level: in
    /// <paramref name="Demand"/> classes and students in total and school places.
    /// </summary>
    /// <remarks><paramref name="Keep"/> is what the choice keeps of last year's pairs (see <see cref="Continuity"/>).</remarks>
    public readonly record struct Outcome(int[] Mate, long Coverage, int Paired, long Cost, long[] Demand, long Keep = 0, long KeptStudents = 0);

    /// <summary>
    /// The same arcs with class costs re-encoded as <c>cross · F + difference</c>, where F is one more than the largest
    /// total size difference any choice of these arcs can reach. The order of every choice is unchanged (as with
    /// <see cref="ClassCost.Scale"/>, the differences of a choice stay below the factor), but the costs are usually
    /// far smaller than with the fixed 2^20, which keeps the assignment solver within its overflow bound rather than
    /// falling back to CP-SAT.
    /// </summary>
    private static List<Arc> Compact(List<Arc> arcs)
    {
        var maxDifference = new Dictionary<int, long>();
        foreach (var arc in arcs)
        {
            var d = ClassCost.DifferenceOf(arc.Cost);
            maxDifference[arc.Left] = Math.Max(maxDifference.GetValueOrDefault(arc.Left), d);
        }

        long factor = 1;
        foreach (var d in maxDifference.Values)
        {
            factor += d;
        }

        if (factor >= ClassCost.Scale)
        {
            return arcs;
        }

        var compact = new List<Arc>(arcs.Count);
        foreach (var arc in arcs)
        {
            compact.Add(arc with { Cost = (ClassCost.CrossOf(arc.Cost) * factor) + ClassCost.DifferenceOf(arc.Cost) });
        }

        return compact;
    }

    /// <summary>Pairs <paramref name="xinjiang"/> schools into <paramref name="inland"/> schools given what each inland school has left.</summary>
    public static Outcome Solve(RosterView v, int[] xinjiang, int[] inland, PlanState state, PairingOptions options, Continuity continuity)
    {
        const int G = RosterView.Grades;
        var arcs = new List<Arc>();
        var gainPerStudent = (long)xinjiang.Length + 1;
        var shared = options.XinjiangSchoolsPerInlandSchool > 1;
        var balanced = options.Continuity == ContinuityObjective.Balanced;
        for (var i = 0; i < xinjiang.Length; i++)
        {
            var s = xinjiang[i];
            for (var j = 0; j < inland.Length; j++)
            {
                var t = inland[j];
                if (state.Admits(v, t, s, continuity))
                {
                    long cost = 0;
                    for (var g = 0; g < G; g++)
                    {
                        cost += ClassCost.Least(v.SizesOn(t, s, g), v.GradeSizes[(t * G) + g]);
                    }

                    var cover = v.Coverage(t, s, state.FreeStudents);
                    var gain = (cover * gainPerStudent) + 1;

                    // Balanced: the first aim is students covered plus last term's student pairs kept.
                    var first = cover + (balanced ? continuity.KeptStudents(s, t) : 0);
                    arcs.Add(new Arc(i, j, gain, cost, first, continuity.SchoolKeep(s, t)));
                }
            }
        }

        var keeping = arcs.Any(a => a.Keep != 0);
        var folded = keeping ? FoldContinuity(arcs, xinjiang.Length, options.ContinuityFirst) : arcs;
        var mate = folded is null ? null
            : shared ? SolveWithoutTotals(v, xinjiang, inland, state, folded)
            : Assignment.TrySolve(xinjiang.Length, inland.Length, Compact(folded));

        if (mate is null)
        {
            var capacity = new int[inland.Length];
            var supply = new long[inland.Length][];
            for (var j = 0; j < inland.Length; j++)
            {
                var t = inland[j];
                capacity[j] = state.SchoolSlots[t];
                supply[j] = [state.FreeClassTotal[t], state.FreeStudentTotal[t]];
            }

            var model = new SelectionModel(xinjiang.Length, capacity, supply);
            foreach (var arc in arcs)
            {
                var s = xinjiang[arc.Left];

                // A kept pair that P4 tolerates (its inland school takes no other) takes all the school has.
                model.Add(arc, [Math.Min(v.SchoolClassCount[s], supply[arc.Right][0]), Math.Min(v.SchoolStudentCount[s], supply[arc.Right][1])]);
            }

            var chosen = model.Solve(options);
            mate = new int[xinjiang.Length];
            Array.Fill(mate, -1);
            for (var a = 0; a < arcs.Count; a++)
            {
                if (chosen[a])
                {
                    mate[arcs[a].Left] = arcs[a].Right;
                }
            }
        }

        // Read back what the choice covers, costs and takes from the inland side, for the county level.
        long totalCost = 0, keep = 0, keptStudents = 0;
        var paired = 0;
        var demand = new long[3];
        var costOf = new Dictionary<(int, int), long>();
        var keepOf = new Dictionary<(int, int), long>();
        foreach (var arc in arcs)
        {
            costOf[(arc.Left, arc.Right)] = arc.Cost;
            keepOf[(arc.Left, arc.Right)] = arc.Keep;
        }

        var brought = new long[inland.Length * G];
        for (var i = 0; i < xinjiang.Length; i++)
        {
            if (mate[i] < 0)
            {
                continue;
            }

            var s = xinjiang[i];
            paired++;
            totalCost += costOf[(i, mate[i])];
            keep += keepOf[(i, mate[i])];
            keptStudents += continuity.KeptStudents(s, inland[mate[i]]);
            demand[0] += Math.Min(v.SchoolClassCount[s], v.SchoolClassCount[inland[mate[i]]]);
            demand[1] += Math.Min(v.SchoolStudentCount[s], v.SchoolStudentCount[inland[mate[i]]]);
            demand[2]++;
            var b = Brought(v, inland[mate[i]], s);
            for (var g = 0; g < G; g++)
            {
                brought[(mate[i] * G) + g] += b[g];
            }
        }

        // What the choice truly covers: per inland school and grade, the smaller of what its schools bring and what it has.
        long coverage = 0;
        for (var j = 0; j < inland.Length; j++)
        {
            for (var g = 0; g < G; g++)
            {
                coverage += Math.Min(brought[(j * G) + g], Math.Max(0, state.FreeStudents[(inland[j] * G) + g]));
            }
        }

        return new Outcome(mate, coverage, paired, totalCost, demand, keep, keptStudents);
    }

    /// <summary>
    /// The arcs with coverage and continuity folded into the gain, in the order the options give (coverage, then
    /// last year's pairs kept, then the pair itself), for the assignment solvers; null when the folded gain would
    /// grow past what they take exactly, and then CP-SAT solves the aims one after another.
    /// </summary>
    private static List<Arc>? FoldContinuity(List<Arc> arcs, int left, bool continuityFirst)
    {
        var maxKeep = new long[left];
        var maxCover = new long[left];
        foreach (var arc in arcs)
        {
            maxKeep[arc.Left] = Math.Max(maxKeep[arc.Left], arc.Keep);
            maxCover[arc.Left] = Math.Max(maxCover[arc.Left], arc.Cover);
        }

        // Any choice sums to less than the weight of the aim above it.
        var second = (continuityFirst ? maxCover.Sum() : maxKeep.Sum()) + 1;
        var perPair = (Int128)left + 1;
        var folded = new List<Arc>(arcs.Count);
        foreach (var arc in arcs)
        {
            var (high, low) = continuityFirst ? (arc.Keep, arc.Cover) : (arc.Cover, arc.Keep);
            var gain = ((((Int128)high * second) + low) * perPair) + 1;
            if (gain >= (Int128)1 << 50)
            {
                return null;
            }

            folded.Add(arc with { Gain = (long)gain });
        }

        return folded;
    }

    /// <summary>
    /// With shared inland schools: the same choice without P4's sums, as an assignment into each inland school's
    /// places (one copy of the school per place). When that choice meets the sums anyway it is optimal for the whole
    /// model, and CP-SAT is not needed; otherwise null.
    /// </summary>
    private static int[]? SolveWithoutTotals(RosterView v, int[] xinjiang, int[] inland, PlanState state, List<Arc> arcs)
    {
        var first = new int[inland.Length + 1];
        for (var j = 0; j < inland.Length; j++)
        {
            first[j + 1] = first[j] + Math.Max(0, state.SchoolSlots[inland[j]]);
        }

        var copies = new List<Arc>();
        foreach (var arc in arcs)
        {
            for (var k = first[arc.Right]; k < first[arc.Right + 1]; k++)
            {
                copies.Add(arc with { Right = k });
            }
        }

        var placed = Assignment.TrySolve(xinjiang.Length, first[inland.Length], copies);
        if (placed is null)
        {
            return null;
        }

        var mate = new int[xinjiang.Length];
        var classes = new long[inland.Length];
        var students = new long[inland.Length];
        for (var i = 0; i < mate.Length; i++)
        {
            mate[i] = placed[i] < 0 ? -1 : Array.FindLastIndex(first, f => f <= placed[i]);
            if (mate[i] >= 0)
            {
                classes[mate[i]] += v.SchoolClassCount[xinjiang[i]];
                students[mate[i]] += v.SchoolStudentCount[xinjiang[i]];
            }
        }

        for (var j = 0; j < inland.Length; j++)
        {
            if (classes[j] > state.FreeClassTotal[inland[j]] || students[j] > state.FreeStudentTotal[inland[j]])
            {
                return null;
            }
        }

        return mate;
    }

    /// <summary>The students Xinjiang school s brings to each grade of inland school t.</summary>
    private static long[] Brought(RosterView v, int t, int s)
    {
        const int G = RosterView.Grades;
        Span<int> classes = stackalloc int[G];
        Span<int> students = stackalloc int[G];
        v.DemandOn(t, s, classes, students);
        var into = new long[G];
        for (var g = 0; g < G; g++)
        {
            into[g] = students[g];
        }

        return into;
    }
}
