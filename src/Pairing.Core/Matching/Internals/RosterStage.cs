using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The roster phase under a plan: per inland school and grade, its classes with the same-grade classes of the
/// Xinjiang schools it takes (P5; when the inland grade has fewer classes, the Xinjiang classes left over are listed
/// under P5 with the numbers), then students within each class pair, then the rest of the grade, including the
/// students of Xinjiang classes left without a class partner, as cross-class pairs (P6). Xinjiang students the
/// grade has no room for are listed under P6 with the numbers. A school pair only promises P4's totals, so any
/// grade may be short; nothing here assumes it is whole.
/// </summary>
/// <remarks>
/// Both levels are pure assignments: classes on <see cref="ClassPairing"/> (fewest cross-class pairs, then least size
/// difference, exact on the sorted sizes in memory linear in the classes), students on <see cref="StudentPairing"/> at
/// the cost of the preferences they do not meet. When only the same-gender preference is on, pairing girls with girls and boys with boys first, then the rest, is exactly optimal and needs no solver; that
/// is the default and the national hot path. A large sub-problem (a grade's overflow) is solved on student types.
/// </remarks>
internal static class RosterStage
{
    public sealed record Output(
        List<(int X, int N, bool Kept)> ClassPairs,
        List<(int X, int N, bool Cross, bool Kept)> StudentPairs);

    private sealed record GradeTask(int Inland, int Grade, int[] XinjiangClasses, int[] InlandClasses);

    private sealed record ClassOutcome(int[] Mate, bool[] Kept);

    private sealed record StudentOutcome(List<(int X, int N, bool Cross, bool Kept)> Pairs, List<int> Left);

    public static Output Run(
        RosterView v,
        PlanState state,
        PairingOptions options,
        IReadOnlyList<ClassPair> keptClasses,
        IReadOnlyList<StudentPair> keptStudents,
        List<UnpairedUnit> unpaired,
        IProgress<PairingProgress>? progress,
        CancellationToken cancellationToken,
        Action<PairingLevel, TimeSpan> timed,
        TimeProvider time)
    {
        const int G = RosterView.Grades;
        var roster = v.Roster;
        var start = time.GetTimestamp();

        // Inland schools with their Xinjiang partners, by inland school id; a task per grade either side has.
        var partners = new SortedDictionary<string, (int T, List<int> Schools)>(StringComparer.Ordinal);
        for (var s = 0; s < state.SchoolPartner.Length; s++)
        {
            if (state.SchoolPartner[s] is var t and >= 0)
            {
                var key = roster.SchoolArray[t].Id.Value;
                if (!partners.TryGetValue(key, out var entry))
                {
                    entry = (t, []);
                    partners[key] = entry;
                }

                entry.Schools.Add(s);
            }
        }

        var tasks = new List<GradeTask>();
        foreach (var (t, schools) in partners.Values)
        {
            for (var g = 0; g < G; g++)
            {
                // With P5 relaxed, classes of a grade t lacks join the task of the nearest grade t has.
                var xs = schools.SelectMany(s => roster.SchoolClasses.Of(s).ToArray())
                    .Where(c => v.Target(t, v.ClassGrade[c]) == g)
                    .OrderBy(c => roster.ClassArray[c].Id.Value, StringComparer.Ordinal)
                    .ToArray();
                if (xs.Length == 0)
                {
                    continue;
                }

                var ns = roster.SchoolClasses.Of(t).ToArray().Where(c => v.ClassGrade[c] == g).ToArray();
                tasks.Add(new GradeTask(t, g, xs, ns));
            }
        }

        var keptClassOf = new Dictionary<int, int>();
        foreach (var pair in keptClasses)
        {
            if (roster.TryGetClass(pair.Xinjiang, out _) && roster.TryGetClass(pair.Inland, out _))
            {
                keptClassOf.TryAdd(roster.ClassIndexOf(pair.Xinjiang), roster.ClassIndexOf(pair.Inland));
            }
        }

        var classes = SubProblems.Run(tasks, task => PairClasses(v, task, keptClassOf), options, PairingLevel.Class, progress, cancellationToken);
        var output = new Output([], []);
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            for (var k = 0; k < task.XinjiangClasses.Length; k++)
            {
                var c = task.XinjiangClasses[k];
                if (classes[i].Mate[k] >= 0)
                {
                    output.ClassPairs.Add((c, classes[i].Mate[k], classes[i].Kept[k]));
                }
                else
                {
                    unpaired.Add(UnpairedUnit.Of(PairingLevel.Class, roster.ClassArray[c].Id.Value, UnpairedFindings.GradeClassesShort,
                        FindingArgument.Of("inland", roster.SchoolArray[task.Inland].Id.Value),
                        FindingArgument.Of("grade", new Grade(task.Grade + 7)),
                        FindingArgument.Of("available", task.InlandClasses.Length),
                        FindingArgument.Of("needed", task.XinjiangClasses.Length)));
                }
            }
        }

        timed(PairingLevel.Class, time.GetElapsedTime(start));
        start = time.GetTimestamp();

        var keptStudentOf = new Dictionary<int, int>();
        foreach (var pair in keptStudents)
        {
            if (roster.TryGetStudentIndex(pair.Xinjiang, out var x) && roster.TryGetStudentIndex(pair.Inland, out var y))
            {
                keptStudentOf.TryAdd(x, y);
            }
        }

        var prefs = new Preferences(options);
        var indexes = Enumerable.Range(0, tasks.Count).ToArray();
        var students = SubProblems.Run(
            indexes, i => PairStudents(v, tasks[i], classes[i], keptStudentOf, prefs), options, PairingLevel.Student, progress, cancellationToken);
        output.StudentPairs.Capacity = students.Sum(s => s.Pairs.Count);
        for (var i = 0; i < tasks.Count; i++)
        {
            output.StudentPairs.AddRange(students[i].Pairs);
            if (students[i].Left.Count > 0)
            {
                var task = tasks[i];
                var have = task.InlandClasses.Sum(c => v.ClassSize[c]);
                var need = task.XinjiangClasses.Sum(c => v.ClassSize[c]);
                FindingArgument[] numbers =
                [
                    FindingArgument.Of("inland", roster.SchoolArray[task.Inland].Id.Value),
                    FindingArgument.Of("grade", new Grade(task.Grade + 7)),
                    FindingArgument.Of("available", have),
                    FindingArgument.Of("needed", need),
                ];
                UnpairedUnit? first = null;
                foreach (var x in students[i].Left)
                {
                    var id = roster.StudentArray[x].Id.Value;
                    var unit = first is null
                        ? UnpairedUnit.Of(PairingLevel.Student, id, UnpairedFindings.GradeStudentsShort, numbers)
                        : UnpairedUnit.Like(first, PairingLevel.Student, id);
                    first ??= unit;
                    unpaired.Add(unit);
                }
            }
        }

        // Classes and students of Xinjiang schools the plan left unpaired.
        UnpairedUnit? schoolUnpaired = null;
        for (var s = 0; s < state.SchoolPartner.Length; s++)
        {
            if (!v.IsXinjiangSchool(s) || state.SchoolPartner[s] >= 0)
            {
                continue;
            }

            foreach (var c in roster.SchoolClasses.Of(s))
            {
                unpaired.Add(UnpairedUnit.Of(PairingLevel.Class, roster.ClassArray[c].Id.Value, UnpairedFindings.ClassSchoolUnpaired));
                foreach (var x in roster.ClassStudents.Of(c))
                {
                    var id = roster.StudentArray[x].Id.Value;
                    var unit = schoolUnpaired is null
                        ? UnpairedUnit.Of(PairingLevel.Student, id, UnpairedFindings.StudentSchoolUnpaired)
                        : UnpairedUnit.Like(schoolUnpaired, PairingLevel.Student, id);
                    schoolUnpaired ??= unit;
                    unpaired.Add(unit);
                }
            }
        }

        timed(PairingLevel.Student, time.GetElapsedTime(start));
        return output;
    }

    private static ClassOutcome PairClasses(RosterView v, GradeTask task, Dictionary<int, int> keptClassOf)
    {
        var xs = task.XinjiangClasses;
        var ns = task.InlandClasses;
        var position = new Dictionary<int, int>(ns.Length);
        for (var j = 0; j < ns.Length; j++)
        {
            position[ns[j]] = j;
        }

        // A previous year's class pair stays when both classes are here, in the same grade of paired schools.
        var keep = new int[xs.Length];
        var kept = new bool[xs.Length];
        Array.Fill(keep, -1);
        var used = new bool[ns.Length];
        for (var k = 0; k < xs.Length; k++)
        {
            if (keptClassOf.TryGetValue(xs[k], out var d) && position.TryGetValue(d, out var j) && !used[j])
            {
                used[j] = true;
                keep[k] = j;
                kept[k] = true;
            }
        }

        // As many class pairs as the smaller side has free classes, with the most students inside a class pair, then
        // the least size difference; the rest of the grade pairs across classes. Exact on the sorted sizes, no matrix.
        var m = ClassPairing.Pair(
            Array.ConvertAll(xs, c => v.ClassSize[c]), Array.ConvertAll(ns, c => v.ClassSize[c]), keep);
        var mate = new int[xs.Length];
        for (var k = 0; k < xs.Length; k++)
        {
            mate[k] = m[k] >= 0 ? ns[m[k]] : -1;
        }

        return new ClassOutcome(mate, kept);
    }

    private static StudentOutcome PairStudents(
        RosterView v, GradeTask task, ClassOutcome classes, Dictionary<int, int> keptStudentOf, Preferences prefs)
    {
        var roster = v.Roster;
        var pairs = new List<(int X, int N, bool Cross, bool Kept)>();
        var classMate = new Dictionary<int, int>();
        for (var k = 0; k < task.XinjiangClasses.Length; k++)
        {
            classMate[task.XinjiangClasses[k]] = classes.Mate[k];
        }

        var inlandClasses = new HashSet<int>(task.InlandClasses);
        var usedN = new HashSet<int>();
        var usedX = new HashSet<int>();
        bool Cross(int x, int n) => classMate[roster.StudentClass[x]] != roster.StudentClass[n];

        // A previous year's student pair stays when both are here, in the same grade of paired schools.
        foreach (var c in task.XinjiangClasses)
        {
            foreach (var x in roster.ClassStudents.Of(c))
            {
                if (keptStudentOf.TryGetValue(x, out var n) && inlandClasses.Contains(roster.StudentClass[n]) && usedN.Add(n))
                {
                    usedX.Add(x);
                    pairs.Add((x, n, Cross(x, n), true));
                }
            }
        }

        // Within each class pair, then the grade's leftovers across classes.
        var poolX = new List<int>();
        var poolN = new List<int>();
        var pairedN = new HashSet<int>();
        for (var k = 0; k < task.XinjiangClasses.Length; k++)
        {
            var c = task.XinjiangClasses[k];
            var xs = Free(roster.ClassStudents.Of(c), usedX);
            if (classes.Mate[k] < 0)
            {
                poolX.AddRange(xs);
                continue;
            }

            var d = classes.Mate[k];
            pairedN.Add(d);
            var ns = Free(roster.ClassStudents.Of(d), usedN);
            Pair(roster, xs, ns, prefs, pairs, poolX, poolN, Cross);
        }

        foreach (var d in task.InlandClasses)
        {
            if (!pairedN.Contains(d))
            {
                poolN.AddRange(Free(roster.ClassStudents.Of(d), usedN));
            }
        }

        var left = new List<int>();
        Pair(roster, poolX, poolN, prefs, pairs, left, null, Cross);
        return new StudentOutcome(pairs, left);
    }

    private static List<int> Free(ReadOnlySpan<int> students, HashSet<int> used)
    {
        var free = new List<int>(students.Length);
        foreach (var s in students)
        {
            if (!used.Contains(s))
            {
                free.Add(s);
            }
        }

        return free;
    }

    /// <summary>Pairs as many as the smaller side at least preference cost; leftovers go to the pools.</summary>
    private static void Pair(
        Rosters.Roster roster, List<int> xs, List<int> ns, Preferences prefs,
        List<(int X, int N, bool Cross, bool Kept)> pairs, List<int> leftX, List<int>? leftN, Func<int, int, bool> cross)
    {
        var mate = StudentPairing.Pair(roster.StudentArray, xs, ns, prefs);

        var usedN = new bool[ns.Count];
        for (var i = 0; i < xs.Count; i++)
        {
            if (mate[i] >= 0)
            {
                usedN[mate[i]] = true;
                pairs.Add((xs[i], ns[mate[i]], cross(xs[i], ns[mate[i]]), false));
            }
            else
            {
                leftX.Add(xs[i]);
            }
        }

        if (leftN is not null)
        {
            for (var j = 0; j < ns.Count; j++)
            {
                if (!usedN[j])
                {
                    leftN.Add(ns[j]);
                }
            }
        }
    }
}
