using System.Globalization;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching.Internals;
using Pairing.Core.Rosters;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching;

/// <summary>
/// What full coverage (P7, 全覆盖) would take: the fewest inland counties, then schools, then students, then classes to
/// add, on the inland side only, so that a match with the same options can pair every Xinjiang county, school and
/// student.
/// </summary>
/// <remarks>
/// Works on counts (<c>classes.csv</c> with sizes) and on full rosters. A new class holds no more students than the
/// largest inland class of its grade in the province (50 where there is none). Supporting provinces are independent
/// sub-problems, solved in parallel and merged in province order, so the advice does not depend on the thread count.
/// Exactly least with one Xinjiang unit per inland unit (the defaults), by assignment; with several, by one CP-SAT model
/// per province that decides the shared pairs and the additions together, exactly least when proven within the work
/// limit (otherwise <see cref="AdviceFindings.SharedNotProven"/>).
/// </remarks>
public static class PairingAdvisor
{
    /// <summary>The capacity advice for a roster.</summary>
    /// <param name="roster">The roster, counts or full.</param>
    /// <param name="options">The matching options (K per inland unit, relaxed grades, parallelism); defaults when null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The additions, per province and in all, with the students covered before and after.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    public static CapacityAdvice Advise(Roster roster, PairingOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(roster);
        var opts = (options ?? new PairingOptions()).Clone();
        opts.ThrowIfInvalid();
        var v = new RosterView(roster, opts.RelaxGradeToNearest);
        var counties = roster.CountyArray;

        var provinces = new SortedDictionary<string, (List<int> Xinjiang, List<int> Inland)>(StringComparer.Ordinal);
        for (var c = 0; c < counties.Length; c++)
        {
            var key = roster.CountyProvince[c].Value;
            if (!provinces.TryGetValue(key, out var lists))
            {
                lists = ([], []);
                provinces.Add(key, lists);
            }

            (counties[c].Side == Side.Xinjiang ? lists.Xinjiang : lists.Inland).Add(c);
        }

        int[] ById(List<int> list) => [.. list.OrderBy(c => counties[c].Id.Value, StringComparer.Ordinal)];
        var tasks = provinces.Select(p => (Province: new ProvinceId(p.Key), Xinjiang: ById(p.Value.Xinjiang), Inland: ById(p.Value.Inland))).ToArray();
        // With shared inland units the exact model per province; otherwise the one-to-one assignment.
        var shared = opts.XinjiangCountiesPerInlandCounty > 1 || opts.XinjiangSchoolsPerInlandSchool > 1;
        var plans = new Advising.ProvincePlan[tasks.Length];
        var proven = new bool[tasks.Length];
        // The provinces on the library's own threads, as the matcher's stages, so that a host's pool is not taken.
        SubProblems.For(tasks.Length, opts.MaxDegreeOfParallelism, cancellationToken, i =>
        {
            var task = tasks[i];
            var inlandSchools = task.Inland.SelectMany(c => roster.CountySchools.Of(c).ToArray()).ToArray();
            var caps = Advising.Caps(v, inlandSchools);
            if (shared && AdvisingShared.Solve(v, task.Province, task.Xinjiang, task.Inland, caps, opts, cancellationToken) is { } model)
            {
                (plans[i], proven[i]) = model;
                return;
            }

            plans[i] = Advising.Solve(v, task.Province, task.Xinjiang, task.Inland, caps, cancellationToken);
            proven[i] = !shared;
        });

        var before = CoveredBefore(v, new PairingMatcher().Plan(roster, options: opts, cancellationToken: cancellationToken));
        var additions = new List<CapacityAddition>();
        var perProvince = new List<ProvinceAdvice>();
        for (var i = 0; i < tasks.Length; i++)
        {
            var rows = Rows(v, plans[i], tasks[i].Inland.Length);
            additions.AddRange(rows);
            long xinjiangStudents = tasks[i].Xinjiang.Sum(c => roster.CountySchools.Of(c).ToArray().Sum(s => (long)v.SchoolStudentCount[s]));
            perProvince.Add(new ProvinceAdvice(
                tasks[i].Province,
                rows.Count(r => r.Action == CapacityAction.AddCounty),
                rows.Count(r => r.Action == CapacityAction.AddSchool),
                rows.Sum(r => r.Classes),
                rows.Sum(r => (long)r.Students),
                xinjiangStudents,
                before.GetValueOrDefault(tasks[i].Province.Value),
                xinjiangStudents));
        }

        // A province whose shared model stopped at its work limit before proving every aim: enough, not proven least.
        List<Finding> notes = [];
        for (var i = 0; i < tasks.Length; i++)
        {
            if (!proven[i])
            {
                notes.Add(AdviceFindings.SharedNotProven.Create(null, null,
                    FindingArgument.Of("province", tasks[i].Province.Value), FindingArgument.Of("limit", opts.WorkLimitPerSubproblem)));
            }
        }

        return new CapacityAdvice(additions, perProvince, notes, opts.ToSnapshot());
    }

    private static List<CapacityAddition> Rows(RosterView v, Advising.ProvincePlan plan, int inlandCounties)
    {
        var roster = v.Roster;
        var province = plan.Province;
        var prefix = "ADD-" + province.Value + "-";
        var rows = new List<CapacityAddition>();
        var newCounty = new Dictionary<int, CountyId>();
        foreach (var (x, n) in plan.Counties)
        {
            if (n >= 0 || newCounty.ContainsKey(n))
            {
                continue;
            }

            var id = new CountyId(prefix + "C" + (newCounty.Count + 1).ToString("D4", CultureInfo.InvariantCulture));
            newCounty.Add(n, id);
            rows.Add(new CapacityAddition(CapacityAction.AddCounty, province, id, null, null, 0, 0, roster.CountyArray[x].Id.Value,
                AdviceFindings.AddCounty.Create(null, null,
                    FindingArgument.Of("province", province.Value), FindingArgument.Of("county", id.Value), FindingArgument.Of("xinjiang", roster.CountyArray[x].Id.Value),
                    FindingArgument.Of("available", inlandCounties), FindingArgument.Of("needed", plan.Counties.Count))));
        }

        var newSchool = new Dictionary<int, SchoolId>();
        var schoolCounty = new Dictionary<int, CountyId>();
        foreach (var (s, t, xCounty, nCounty) in plan.Schools)
        {
            var county = nCounty >= 0 ? roster.CountyArray[nCounty].Id : newCounty[nCounty];
            if (t >= 0 || newSchool.ContainsKey(t))
            {
                continue;
            }

            var id = new SchoolId(prefix + "S" + (newSchool.Count + 1).ToString("D4", CultureInfo.InvariantCulture));
            newSchool.Add(t, id);
            schoolCounty.Add(t, county);
            rows.Add(new CapacityAddition(CapacityAction.AddSchool, province, county, id, null, 0, 0, roster.SchoolArray[s].Id.Value,
                AdviceFindings.AddSchool.Create(null, null,
                    FindingArgument.Of("county", county.Value), FindingArgument.Of("school", id.Value), FindingArgument.Of("xinjiang", roster.SchoolArray[s].Id.Value),
                    FindingArgument.Of("available", nCounty >= 0 ? roster.CountySchools.CountOf(nCounty) : 0),
                    FindingArgument.Of("needed", roster.CountySchools.CountOf(xCounty)))));
        }

        // With shared inland units an inland school may take several Xinjiang schools: its rows say how many, since
        // what they need is what all of them bring (the row names the first by id).
        var taken = new Dictionary<int, int>();
        foreach (var (_, t, _, _) in plan.Schools)
        {
            taken[t] = taken.GetValueOrDefault(t) + 1;
        }

        var classRows = new List<CapacityAddition>();
        foreach (var a in plan.Additions)
        {
            var schoolId = a.Inland >= 0 ? roster.SchoolArray[a.Inland].Id : newSchool[a.Inland];
            var county = a.Inland >= 0 ? roster.SchoolArray[a.Inland].CountyId : schoolCounty[a.Inland];
            var xinjiang = roster.SchoolArray[a.Xinjiang].Id.Value;
            var sharing = taken.GetValueOrDefault(a.Inland, 1);
            for (var g = 0; g < RosterView.Grades; g++)
            {
                if (a.Classes[g] == 0)
                {
                    continue;
                }

                var grade = new Grade(g + 7);
                var (available, needed) = a.ForClassCount[g]
                    ? (a.Inland >= 0 ? v.SchoolClassCount[a.Inland] : 0, a.NeededClasses)
                    : (a.Have[g], a.Demand[g]);
                FindingArgument[] arguments =
                [
                    FindingArgument.Of("school", schoolId.Value), FindingArgument.Of("grade", grade), FindingArgument.Of("xinjiang", xinjiang),
                    FindingArgument.Of("available", available), FindingArgument.Of("needed", needed),
                    FindingArgument.Of("classes", a.Classes[g]), FindingArgument.Of("students", a.Students[g]),
                ];
                var finding = (a.ForClassCount[g], sharing > 1) switch
                {
                    (true, false) => AdviceFindings.AddClasses.Create(null, null, arguments),
                    (false, false) => AdviceFindings.AddGradeStudents.Create(null, null, arguments),
                    (true, true) => AdviceFindings.AddSharedClasses.Create(null, null, [.. arguments, FindingArgument.Of("schools", sharing)]),
                    (false, true) => AdviceFindings.AddSharedGradeStudents.Create(null, null, [.. arguments, FindingArgument.Of("schools", sharing)]),
                };
                classRows.Add(new CapacityAddition(CapacityAction.AddClasses, province, county, schoolId, grade, a.Classes[g], a.Students[g], xinjiang, finding));
            }
        }

        rows.Sort((p, q) => p.Action != q.Action ? p.Action.CompareTo(q.Action)
            : p.Action == CapacityAction.AddCounty ? string.CompareOrdinal(p.InlandCountyId.Value, q.InlandCountyId.Value)
            : string.CompareOrdinal(p.InlandSchoolId!.Value.Value, q.InlandSchoolId!.Value.Value));
        classRows.Sort((p, q) =>
        {
            var bySchool = string.CompareOrdinal(p.InlandSchoolId!.Value.Value, q.InlandSchoolId!.Value.Value);
            return bySchool != 0 ? bySchool : p.Grade!.Value.Number.CompareTo(q.Grade!.Value.Number);
        });
        rows.AddRange(classRows);
        return rows;
    }

    /// <summary>Xinjiang students covered per province by a plan: per inland school and grade, the smaller of what its Xinjiang schools bring and what it has.</summary>
    private static Dictionary<string, long> CoveredBefore(RosterView v, PairingResult plan)
    {
        var roster = v.Roster;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < roster.SchoolArray.Length; i++)
        {
            index[roster.SchoolArray[i].Id.Value] = i;
        }

        var demand = new Dictionary<(int Inland, int Grade), (long Demand, string Province)>();
        Span<int> classes = stackalloc int[RosterView.Grades];
        Span<int> students = stackalloc int[RosterView.Grades];
        foreach (var pair in plan.SchoolPairs)
        {
            var x = index[pair.Xinjiang.Value];
            var t = index[pair.Inland.Value];
            var province = roster.CountyProvince[roster.SchoolCounty[x]].Value;
            v.DemandOn(t, x, classes, students);
            for (var g = 0; g < RosterView.Grades; g++)
            {
                var (d, _) = demand.GetValueOrDefault((t, g));
                demand[(t, g)] = (d + students[g], province);
            }
        }

        var covered = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ((t, g), (d, province)) in demand)
        {
            covered[province] = covered.GetValueOrDefault(province) + Math.Min(d, v.GradeStudents[(t * RosterView.Grades) + g]);
        }

        return covered;
    }
}
