using Google.OrTools.Sat;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The pairs of the planning phase as it goes, in dense indexes: each Xinjiang county's and school's partner, and
/// what each inland county and school has left to give.
/// </summary>
internal sealed class PlanState
{
    public PlanState(RosterView v, PairingOptions options)
    {
        var roster = v.Roster;
        CountyPartner = new int[roster.CountyArray.Length];
        SchoolPartner = new int[roster.SchoolArray.Length];
        Array.Fill(CountyPartner, -1);
        Array.Fill(SchoolPartner, -1);
        CountyKept = new bool[CountyPartner.Length];
        SchoolKept = new bool[SchoolPartner.Length];
        CountySlots = new int[CountyPartner.Length];
        Array.Fill(CountySlots, options.XinjiangCountiesPerInlandCounty);
        SchoolSlots = new int[SchoolPartner.Length];
        Array.Fill(SchoolSlots, options.XinjiangSchoolsPerInlandSchool);
        FreeClassTotal = (int[])v.SchoolClassCount.Clone();
        FreeStudentTotal = (int[])v.SchoolStudentCount.Clone();
        FreeStudents = (int[])v.GradeStudents.Clone();
    }

    private PlanState(PlanState other)
    {
        CountyPartner = (int[])other.CountyPartner.Clone();
        SchoolPartner = (int[])other.SchoolPartner.Clone();
        CountyKept = (bool[])other.CountyKept.Clone();
        SchoolKept = (bool[])other.SchoolKept.Clone();
        CountySlots = (int[])other.CountySlots.Clone();
        SchoolSlots = (int[])other.SchoolSlots.Clone();
        FreeClassTotal = (int[])other.FreeClassTotal.Clone();
        FreeStudentTotal = (int[])other.FreeStudentTotal.Clone();
        FreeStudents = (int[])other.FreeStudents.Clone();
    }

    /// <summary>
    /// Last year's county and school pairs that could have stood but were not chosen: the students covered (in the
    /// same sub-problem: the province, or the inland county's schools) by the choice made and by the best choice that
    /// keeps the pair, and what each keeps of last year's pairs.
    /// </summary>
    public Dictionary<(int X, int N), DropCost> CountyDrops { get; } = [];

    /// <inheritdoc cref="CountyDrops"/>
    public Dictionary<(int S, int T), DropCost> SchoolDrops { get; } = [];

    /// <summary>A copy, to try a choice on without changing this state.</summary>
    public PlanState Copy() => new(this);

    /// <summary>Per Xinjiang county, its inland county, or -1.</summary>
    public int[] CountyPartner { get; }

    /// <summary>Per Xinjiang school, its inland school, or -1.</summary>
    public int[] SchoolPartner { get; }

    public bool[] CountyKept { get; }

    public bool[] SchoolKept { get; }

    /// <summary>Per inland county, how many more Xinjiang counties it may take.</summary>
    public int[] CountySlots { get; }

    /// <summary>Per inland school, how many more Xinjiang schools it may take.</summary>
    public int[] SchoolSlots { get; }

    /// <summary>Per inland school, classes not yet promised to a Xinjiang school (P4, the hard limit).</summary>
    public int[] FreeClassTotal { get; }

    /// <summary>Per inland school, students not yet promised to a Xinjiang school (P4, the hard limit).</summary>
    public int[] FreeStudentTotal { get; }

    /// <summary>Per inland school and grade, students not yet promised (may go below 0): what limits coverage.</summary>
    public int[] FreeStudents { get; }

    /// <summary>
    /// The students one grade of an inland school covers, in a province model: what the chosen pairs bring it, held to
    /// its <paramref name="room"/> by a capped variable (<paramref name="cap"/>) unless even the largest bring of as many
    /// pairs as it has places (<paramref name="slots"/>) fits.
    /// </summary>
    public static LinearExpr Covered(CpModel model, IReadOnlyList<(BoolVar Var, long Brought)> bringing, int slots, int room, out IntVar? cap)
    {
        var sum = LinearExpr.WeightedSum(bringing.Select(b => b.Var), bringing.Select(b => b.Brought));
        var most = bringing.Select(b => b.Brought).OrderDescending().Take(Math.Max(1, slots)).Sum();
        if (most <= room)
        {
            cap = null;
            return sum;
        }

        cap = model.NewIntVar(0, room, string.Empty);
        model.Add(cap <= sum);
        return cap;
    }

    /// <summary>
    /// Per grade, what Xinjiang school <paramref name="s"/> can bring inland school <paramref name="t"/> at most: its
    /// students there (<see cref="RosterView.DemandOn"/>, into <paramref name="students"/>), no more than are free.
    /// </summary>
    public long[] Brought(RosterView v, int t, int s, Span<int> classes, Span<int> students)
    {
        v.DemandOn(t, s, classes, students);
        var brought = new long[RosterView.Grades];
        for (var g = 0; g < brought.Length; g++)
        {
            brought[g] = Math.Min(students[g], Math.Max(0, FreeStudents[(t * RosterView.Grades) + g]));
        }

        return brought;
    }

    public void PairCounties(int x, int n, bool kept)
    {
        CountyPartner[x] = n;
        CountyKept[x] = kept;
        CountySlots[n]--;
    }

    public void PairSchools(RosterView v, int s, int t, bool kept)
    {
        SchoolPartner[s] = t;
        SchoolKept[s] = kept;
        SchoolSlots[t]--;
        FreeClassTotal[t] -= v.SchoolClassCount[s];
        FreeStudentTotal[t] -= v.SchoolStudentCount[s];
        Span<int> classes = stackalloc int[RosterView.Grades];
        Span<int> students = stackalloc int[RosterView.Grades];
        v.DemandOn(t, s, classes, students);
        for (var g = 0; g < RosterView.Grades; g++)
        {
            FreeStudents[(t * RosterView.Grades) + g] -= students[g];
        }
    }

    /// <summary>
    /// Whether school pair (s, t) may be made: t has room for s (P4 on the sums), or the pair is last term's, P4 is not
    /// strict, and t takes no other school (a kept pair survives attrition; see <see cref="Continuity.Tolerates"/>).
    /// </summary>
    public bool Admits(RosterView v, int t, int s, Continuity continuity) =>
        (v.MeetsP4(t, s) && HasRoomFor(v, t, s)) || (continuity.Tolerates(s, t) && Untaken(v, t));

    /// <summary>Whether inland school t takes no Xinjiang school yet (it has its place and all its classes and students).</summary>
    public bool Untaken(RosterView v, int t) =>
        SchoolSlots[t] > 0 && FreeClassTotal[t] == v.SchoolClassCount[t] && FreeStudentTotal[t] == v.SchoolStudentCount[t];

    /// <summary>
    /// Whether inland school t still has a place and, in total, the classes and students Xinjiang school s needs
    /// beside the Xinjiang schools it already takes (P4 on the sums).
    /// </summary>
    public bool HasRoomFor(RosterView v, int t, int s) =>
        SchoolSlots[t] > 0 && FreeClassTotal[t] >= v.SchoolClassCount[s] && FreeStudentTotal[t] >= v.SchoolStudentCount[s];
}

/// <summary>What the choice made and the best choice that keeps a pair cover and keep (see <see cref="PlanState.CountyDrops"/>).</summary>
internal readonly record struct DropCost(long Covered, long CoveredIfKept, long Keep, long KeepIfKept);
