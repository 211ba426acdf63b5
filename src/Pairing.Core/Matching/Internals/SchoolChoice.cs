namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The school level: which inland school each Xinjiang school of a county pair (or of all the Xinjiang counties
/// one inland county takes) gets. Also prices a county pair for the county level, so that a county choice counts
/// as good only as far as its schools can then be paired.
/// </summary>
/// <remarks>
/// A candidate school pair is one where the inland school can take the Xinjiang school whole, grade by grade (as
/// many classes for P5 and students for P6 in every grade, which gives P4's totals). Its gain is the Xinjiang
/// school's students (the first aim), then one for the pair itself (so that schools without students are
/// paired too); its cost is the least class-pairing cost of the two schools (<see cref="ClassCost"/>), so the
/// school level already chooses for fewest cross-class pairs and least size difference. With one Xinjiang school per
/// inland school this is a pure assignment (<see cref="Assignment"/>); with more, the inland school's classes and
/// students per grade are shared, and CP-SAT (<see cref="SelectionModel"/>) holds the sums.
/// </remarks>
internal static class SchoolChoice
{
    public readonly record struct Outcome(int[] Mate, long Coverage, int Paired, long Cost, long[] Demand);

    /// <summary>Pairs <paramref name="xinjiang"/> schools into <paramref name="inland"/> schools given what each inland school has left.</summary>
    public static Outcome Solve(RosterView v, int[] xinjiang, int[] inland, PlanState state, PairingOptions options)
    {
        const int G = RosterView.Grades;
        var arcs = new List<Arc>();
        var gainPerStudent = (long)xinjiang.Length + 1;
        for (var i = 0; i < xinjiang.Length; i++)
        {
            var s = xinjiang[i];
            for (var j = 0; j < inland.Length; j++)
            {
                var t = inland[j];
                if (v.CanTake(t, s) && state.HasRoomFor(v, t, s))
                {
                    long cost = 0;
                    for (var g = 0; g < G; g++)
                    {
                        cost += ClassCost.Least(v.GradeSizes[(s * G) + g], v.GradeSizes[(t * G) + g]);
                    }

                    arcs.Add(new Arc(i, j, (v.SchoolStudentCount[s] * gainPerStudent) + 1, cost));
                }
            }
        }

        int[]? mate = null;
        if (options.XinjiangSchoolsPerInlandSchool == 1)
        {
            mate = Assignment.TrySolve(xinjiang.Length, inland.Length, arcs);
        }

        if (mate is null)
        {
            var capacity = new int[inland.Length];
            var supply = new long[inland.Length][];
            for (var j = 0; j < inland.Length; j++)
            {
                var t = inland[j];
                capacity[j] = state.SchoolSlots[t];
                supply[j] = new long[2 * G];
                for (var g = 0; g < G; g++)
                {
                    supply[j][g] = state.FreeClasses[(t * G) + g];
                    supply[j][G + g] = state.FreeStudents[(t * G) + g];
                }
            }

            var model = new SelectionModel(xinjiang.Length, capacity, supply);
            foreach (var arc in arcs)
            {
                var s = xinjiang[arc.Left];
                var demand = new long[2 * G];
                for (var g = 0; g < G; g++)
                {
                    demand[g] = v.GradeClasses[(s * G) + g];
                    demand[G + g] = v.GradeStudents[(s * G) + g];
                }

                model.Add(arc, demand);
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
        long coverage = 0, totalCost = 0;
        var paired = 0;
        var demandTotal = new long[(2 * G) + 1];
        var costOf = new Dictionary<(int, int), long>();
        foreach (var arc in arcs)
        {
            costOf[(arc.Left, arc.Right)] = arc.Cost;
        }

        for (var i = 0; i < xinjiang.Length; i++)
        {
            if (mate[i] < 0)
            {
                continue;
            }

            var s = xinjiang[i];
            paired++;
            coverage += v.SchoolStudentCount[s];
            totalCost += costOf[(i, mate[i])];
            for (var g = 0; g < G; g++)
            {
                demandTotal[g] += v.GradeClasses[(s * G) + g];
                demandTotal[G + g] += v.GradeStudents[(s * G) + g];
            }

            demandTotal[2 * G]++;
        }

        return new Outcome(mate, coverage, paired, totalCost, demandTotal);
    }
}
