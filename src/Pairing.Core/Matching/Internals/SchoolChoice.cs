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
/// pairs what fits and lists the rest). Counting coverage per inland school and grade inside CP-SAT was exact but
/// about ten times slower at half national scale. When the one-each assignment already gives every Xinjiang school
/// its best arc's gain, it is taken without CP-SAT: no choice gains more, though sharing might cost less.
/// </remarks>
internal static class SchoolChoice
{
    /// <summary>
    /// What a choice covers and costs, and what it takes of the inland side for the county level: in
    /// <paramref name="Demand"/> classes and students in total and school places.
    /// </summary>
    public readonly record struct Outcome(int[] Mate, long Coverage, int Paired, long Cost, long[] Demand);

    /// <summary>Pairs <paramref name="xinjiang"/> schools into <paramref name="inland"/> schools given what each inland school has left.</summary>
    public static Outcome Solve(RosterView v, int[] xinjiang, int[] inland, PlanState state, PairingOptions options)
    {
        const int G = RosterView.Grades;
        var arcs = new List<Arc>();
        var gainPerStudent = (long)xinjiang.Length + 1;
        var shared = options.XinjiangSchoolsPerInlandSchool > 1;
        for (var i = 0; i < xinjiang.Length; i++)
        {
            var s = xinjiang[i];
            for (var j = 0; j < inland.Length; j++)
            {
                var t = inland[j];
                if (v.MeetsP4(t, s) && state.HasRoomFor(v, t, s))
                {
                    long cost = 0;
                    for (var g = 0; g < G; g++)
                    {
                        cost += ClassCost.Least(v.SizesOn(t, s, g), v.GradeSizes[(t * G) + g]);
                    }

                    var gain = (v.Coverage(t, s, state.FreeStudents) * gainPerStudent) + 1;
                    arcs.Add(new Arc(i, j, gain, cost));
                }
            }
        }

        int[]? mate = Assignment.TrySolve(xinjiang.Length, inland.Length, arcs);
        if (shared && mate is not null && !ReachesBound(arcs, mate, xinjiang.Length))
        {
            // With shared inland schools, one Xinjiang school each is enough when it already gives every Xinjiang
            // school its best arc's gain (no choice can gain more); otherwise CP-SAT weighs the sharing.
            mate = null;
        }

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
                model.Add(arc, [v.SchoolClassCount[s], v.SchoolStudentCount[s]]);
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
        long totalCost = 0;
        var paired = 0;
        var demand = new long[3];
        var costOf = new Dictionary<(int, int), long>();
        foreach (var arc in arcs)
        {
            costOf[(arc.Left, arc.Right)] = arc.Cost;
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
            demand[0] += v.SchoolClassCount[s];
            demand[1] += v.SchoolStudentCount[s];
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

        return new Outcome(mate, coverage, paired, totalCost, demand);
    }

    /// <summary>Whether <paramref name="mate"/> gains as much as every left node taking its best arc.</summary>
    private static bool ReachesBound(List<Arc> arcs, int[] mate, int left)
    {
        var best = new long[left];
        long got = 0;
        foreach (var arc in arcs)
        {
            best[arc.Left] = Math.Max(best[arc.Left], arc.Gain);
            got += mate[arc.Left] == arc.Right ? arc.Gain : 0;
        }

        return got == best.Sum();
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
