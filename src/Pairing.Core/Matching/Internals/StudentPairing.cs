using Google.OrTools.Graph;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// One student-level sub-problem (a class pair, or a grade's overflow): as many pairs as the smaller side, at the
/// least cost of unmet preferences, in memory bounded whatever the number of students.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Only the gender preference on (the default): girls with girls, boys with boys, then the rest in order,
/// which is exactly optimal, in linear time.</item>
/// <item>A small problem (a class pair: about 45 × 45): the dense assignment, as before.</item>
/// <item>A larger one (a grade's overflow can hold a hundred thousand students a side): the cost of a pair depends
/// only on what the preferences read of the two students (gender, language, interests, birth year), so students
/// with the same features are interchangeable. The problem is then a transportation problem between feature types,
/// solved exactly as a minimum-cost maximum flow with one arc per pair of types present; each type's flow is handed
/// out to its students in their fixed order. Exact, with as many arcs as type pairs.</item>
/// <item>Only when even the type pairs exceed <see cref="TypeArcLimit"/> (thousands of distinct feature
/// combinations on both sides of one overflow) does it fall back to pairing by gender, then the rest in order:
/// bounded, every student who can be paired still is, but the other preferences are then not optimised.</item>
/// </list>
/// </remarks>
internal static class StudentPairing
{
    /// <summary>The most cells a problem is solved on densely (a 512 × 512 grade overflow).</summary>
    public const long DenseLimit = 1L << 18;

    /// <summary>The most type pairs a transportation problem is built with.</summary>
    public const long TypeArcLimit = 1L << 22;

    /// <returns>For each student of <paramref name="xs"/>, the index of its partner in <paramref name="ns"/>, or -1.</returns>
    public static int[] Pair(Student[] students, List<int> xs, List<int> ns, Preferences prefs)
    {
        if (prefs.GenderOnly)
        {
            return ByGender(students, xs, ns);
        }

        if ((long)xs.Count * ns.Count <= DenseLimit)
        {
            return Assignment.SolveComplete(xs.Count, ns.Count, prefs.CostMatrix(students, xs, ns));
        }

        return ByTypes(students, xs, ns, prefs) ?? ByGender(students, xs, ns);
    }

    /// <summary>Girls with girls, boys with boys, then the rest in order: the most same-gender pairs there can be.</summary>
    public static int[] ByGender(Student[] students, List<int> xs, List<int> ns)
    {
        var mate = new int[xs.Count];
        Array.Fill(mate, -1);
        var takenN = new bool[ns.Count];
        foreach (var gender in (ReadOnlySpan<Gender>)[Gender.Female, Gender.Male])
        {
            var j = 0;
            for (var i = 0; i < xs.Count; i++)
            {
                if (mate[i] >= 0 || students[xs[i]].Gender != gender)
                {
                    continue;
                }

                while (j < ns.Count && (takenN[j] || students[ns[j]].Gender != gender))
                {
                    j++;
                }

                if (j == ns.Count)
                {
                    break;
                }

                mate[i] = j;
                takenN[j] = true;
            }
        }

        var rest = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            if (mate[i] >= 0)
            {
                continue;
            }

            while (rest < ns.Count && takenN[rest])
            {
                rest++;
            }

            if (rest == ns.Count)
            {
                break;
            }

            mate[i] = rest;
            takenN[rest] = true;
        }

        return mate;
    }

    /// <summary>
    /// Each student's type (what the preferences read of it; features whose weight is 0 are left out), numbered per
    /// side in order of first appearance, with the first student of each type as its representative.
    /// </summary>
    private static (int[] TypeOf, List<int> First) Types(
        Student[] students, List<int> side, Preferences prefs, Dictionary<(Gender, string?, string, int?), int> scratch)
    {
        scratch.Clear();
        var typeOf = new int[side.Count];
        var first = new List<int>();
        for (var i = 0; i < side.Count; i++)
        {
            var s = students[side[i]];
            var key = (
                prefs.Options.SameGenderWeight != 0 ? s.Gender : Gender.Unknown,
                prefs.Options.SameLanguageWeight != 0 ? s.Language : null,
                prefs.Options.SharedInterestWeight != 0 ? string.Join('\u001F', s.Interests.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) : string.Empty,
                prefs.Options.CloseBirthYearWeight != 0 ? s.BirthYear : null);
            if (!scratch.TryGetValue(key, out var type))
            {
                type = first.Count;
                scratch[key] = type;
                first.Add(side[i]);
            }

            typeOf[i] = type;
        }

        return (typeOf, first);
    }

    /// <summary>
    /// The transportation problem between student types as a minimum-cost maximum flow: exact. Null when the type
    /// pairs exceed <see cref="TypeArcLimit"/> or the solver fails.
    /// </summary>
    public static int[]? ByTypes(Student[] students, List<int> xs, List<int> ns, Preferences prefs)
    {
        var types = new Dictionary<(Gender, string?, string, int?), int>();
        var (typeOfX, firstX) = Types(students, xs, prefs, types);
        var (typeOfN, firstN) = Types(students, ns, prefs, types);
        if ((long)firstX.Count * firstN.Count > TypeArcLimit)
        {
            return null;
        }

        var supply = new long[firstX.Count];
        var demand = new long[firstN.Count];
        foreach (var t in typeOfX)
        {
            supply[t]++;
        }

        foreach (var t in typeOfN)
        {
            demand[t]++;
        }

        // Nodes: X types 0..a-1, N types a..a+b-1. Arcs in type order, so the solver sees the same problem every run.
        using var flow = new MinCostFlow();
        var a = firstX.Count;
        for (var i = 0; i < a; i++)
        {
            flow.SetNodeSupply(i, supply[i]);
        }

        for (var j = 0; j < firstN.Count; j++)
        {
            flow.SetNodeSupply(a + j, -demand[j]);
        }

        for (var i = 0; i < a; i++)
        {
            for (var j = 0; j < firstN.Count; j++)
            {
                flow.AddArcWithCapacityAndUnitCost(
                    i, a + j, Math.Min(supply[i], demand[j]), prefs.Cost(students[firstX[i]], students[firstN[j]]));
            }
        }

        if (flow.SolveMaxFlowWithMinCost() != MinCostFlowBase.Status.OPTIMAL)
        {
            return null;
        }

        // Hand each type pair's flow to the students of the two types, in their fixed order.
        var membersN = new List<int>[firstN.Count];
        for (var j = 0; j < membersN.Length; j++)
        {
            membersN[j] = [];
        }

        for (var k = 0; k < ns.Count; k++)
        {
            membersN[typeOfN[k]].Add(k);
        }

        var nextN = new int[firstN.Count];
        var left = new long[a * firstN.Count];
        for (var arc = 0; arc < left.Length; arc++)
        {
            left[arc] = flow.Flow(arc);
        }

        var mate = new int[xs.Count];
        Array.Fill(mate, -1);
        var from = new int[a];
        for (var k = 0; k < xs.Count; k++)
        {
            var i = typeOfX[k];
            for (; from[i] < firstN.Count; from[i]++)
            {
                var arc = (i * firstN.Count) + from[i];
                if (left[arc] > 0)
                {
                    left[arc]--;
                    mate[k] = membersN[from[i]][nextN[from[i]]++];
                    break;
                }
            }
        }

        return mate;
    }
}
