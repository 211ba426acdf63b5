using System.Diagnostics;
using Google.OrTools.Sat;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// An exact model of the mid-year objectives (issue 24), written from the rules and sharing no code with the matcher:
/// one flat CP-SAT model per supporting province (the objective is a sum over provinces, and no pair crosses one),
/// built from the roster's public lists only, solved on one worker with a fixed seed.
/// </summary>
/// <remarks>
/// Variables: a county pair (Xinjiang county, inland county of the same province) and a school pair (a school of each)
/// per candidate. P2/P3 with one Xinjiang unit per inland unit (the defaults): every county and school in at most one
/// pair, a school pair only under its county pair. A school pair is a candidate when its inland school has no fewer
/// classes and no fewer students than the Xinjiang school (P4), or when it is one of last term's school pairs and P4 is
/// not strict (the tolerance). It is worth, per grade, the smaller of the two schools' students of that grade (the
/// students it covers, P5 same grade), plus, with <c>withKept</c>, last term's student pairs whose two students are
/// still in its two schools in the same grade (the friendships it lets stand). The balanced objective is the most of
/// covered plus kept; coverage-first's is the most covered (<c>withKept</c> false), with the same tolerance.
/// </remarks>
internal static class MidYearExact
{
    /// <summary>The best value found, the proven bound, whether every province was proven optimal, the time taken.</summary>
    public sealed record Outcome(long Value, long Bound, bool Optimal, TimeSpan Took, int Provinces, int SchoolCandidates)
    {
        public double Gap => Bound == 0 ? 0 : (double)(Bound - Value) / Bound;
    }

    public static Outcome Solve(Roster roster, PairingResult previous, bool withKept, bool strictP4 = false, double secondsPerProvince = 600)
    {
        var clock = Stopwatch.StartNew();
        var lastSchools = previous.SchoolPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();

        // Students per school and grade, from the classes (their sizes agree with the students listed).
        var perGrade = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var classCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var side = new Dictionary<string, Side>(StringComparer.Ordinal);
        foreach (var county in roster.Counties)
        {
            foreach (var school in roster.SchoolsIn(county.Id))
            {
                var grades = new long[13];
                var classes = roster.ClassesIn(school.Id);
                foreach (var c in classes)
                {
                    grades[c.Grade.Number] += c.Size;
                }

                perGrade[school.Id.Value] = grades;
                classCount[school.Id.Value] = classes.Count;
                side[school.Id.Value] = county.Side;
            }
        }

        // Last term's student pairs still standing, per (Xinjiang school, inland school): both students in the roster,
        // on their sides, in classes of the same grade.
        var keptBy = new Dictionary<(string, string), long>();
        foreach (var p in previous.StudentPairs)
        {
            if (roster.TryGetStudent(p.Xinjiang, out var a) && roster.TryGetStudent(p.Inland, out var b))
            {
                var (ca, cb) = (roster.GetClass(a.ClassId), roster.GetClass(b.ClassId));
                if (ca.Grade.Number == cb.Grade.Number && side[ca.SchoolId.Value] == Side.Xinjiang && side[cb.SchoolId.Value] == Side.Inland)
                {
                    var key = (ca.SchoolId.Value, cb.SchoolId.Value);
                    keptBy[key] = keptBy.GetValueOrDefault(key) + 1;
                }
            }
        }

        long total = 0, bound = 0, candidates = 0;
        var optimal = true;
        var provinces = roster.Counties.GroupBy(c => roster.ProvinceOf(c).Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var province in provinces)
        {
            var xc = province.Where(c => c.Side == Side.Xinjiang).OrderBy(c => c.Id.Value, StringComparer.Ordinal).ToList();
            var nc = province.Where(c => c.Side == Side.Inland).OrderBy(c => c.Id.Value, StringComparer.Ordinal).ToList();
            if (xc.Count == 0 || nc.Count == 0)
            {
                continue;
            }

            var model = new CpModel();
            var y = new BoolVar[xc.Count, nc.Count];
            for (var i = 0; i < xc.Count; i++)
            {
                for (var j = 0; j < nc.Count; j++)
                {
                    y[i, j] = model.NewBoolVar($"y{i}_{j}");
                }
            }

            for (var i = 0; i < xc.Count; i++)
            {
                model.AddAtMostOne(Enumerable.Range(0, nc.Count).Select(j => (ILiteral)y[i, j]));
            }

            for (var j = 0; j < nc.Count; j++)
            {
                model.AddAtMostOne(Enumerable.Range(0, xc.Count).Select(i => (ILiteral)y[i, j]));
            }

            var objective = new List<(BoolVar Var, long Value)>();
            var bySchoolX = new Dictionary<(string S, int J), List<BoolVar>>();
            var bySchoolN = new Dictionary<(string T, int I), List<BoolVar>>();
            for (var i = 0; i < xc.Count; i++)
            {
                var xs = roster.SchoolsIn(xc[i].Id);
                for (var j = 0; j < nc.Count; j++)
                {
                    foreach (var t in roster.SchoolsIn(nc[j].Id))
                    {
                        foreach (var s in xs)
                        {
                            var (sg, tg) = (perGrade[s.Id.Value], perGrade[t.Id.Value]);
                            var meets = classCount[t.Id.Value] >= classCount[s.Id.Value] && tg.Sum() >= sg.Sum();
                            if (!meets && (strictP4 || !lastSchools.Contains((s.Id.Value, t.Id.Value))))
                            {
                                continue;
                            }

                            long value = 0;
                            for (var g = 0; g < sg.Length; g++)
                            {
                                value += Math.Min(sg[g], tg[g]);
                            }

                            value += withKept ? keptBy.GetValueOrDefault((s.Id.Value, t.Id.Value)) : 0;
                            if (value == 0)
                            {
                                continue;
                            }

                            var z = model.NewBoolVar($"z{s.Id.Value}|{t.Id.Value}");
                            objective.Add((z, value));
                            candidates++;
                            Add(bySchoolX, (s.Id.Value, j), z);
                            Add(bySchoolN, (t.Id.Value, i), z);
                        }
                    }
                }
            }

            // A Xinjiang school takes at most one school of an inland county, and only under their county pair; the same
            // for an inland school and a Xinjiang county. With at most one county pair per county, each school is in at
            // most one school pair.
            var countyOfX = xc.Select((c, i) => (c, i)).SelectMany(e => roster.SchoolsIn(e.c.Id).Select(s => (s.Id.Value, e.i))).ToDictionary(e => e.Value, e => e.i, StringComparer.Ordinal);
            var countyOfN = nc.Select((c, j) => (c, j)).SelectMany(e => roster.SchoolsIn(e.c.Id).Select(s => (s.Id.Value, e.j))).ToDictionary(e => e.Value, e => e.j, StringComparer.Ordinal);
            foreach (var ((s, j), vars) in bySchoolX)
            {
                model.Add(LinearExpr.Sum(vars) <= y[countyOfX[s], j]);
            }

            foreach (var ((t, i), vars) in bySchoolN)
            {
                model.Add(LinearExpr.Sum(vars) <= y[i, countyOfN[t]]);
            }

            foreach (var group in bySchoolX.GroupBy(e => e.Key.S))
            {
                model.AddAtMostOne(group.SelectMany(e => e.Value).Select(v => (ILiteral)v));
            }

            foreach (var group in bySchoolN.GroupBy(e => e.Key.T))
            {
                model.AddAtMostOne(group.SelectMany(e => e.Value).Select(v => (ILiteral)v));
            }

            if (objective.Count == 0)
            {
                continue;
            }

            model.Maximize(LinearExpr.WeightedSum(objective.Select(o => o.Var), objective.Select(o => o.Value)));
            var solver = new CpSolver
            {
                StringParameters = FormattableString.Invariant($"num_workers:1,random_seed:7,max_time_in_seconds:{secondsPerProvince}"),
            };
            var status = solver.Solve(model);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                throw new InvalidOperationException($"province {province.Key}: {status}");
            }

            optimal &= status == CpSolverStatus.Optimal;
            total += (long)Math.Round(solver.ObjectiveValue);
            bound += (long)Math.Floor(solver.BestObjectiveBound + 1e-6);
        }

        return new Outcome(total, bound, optimal, clock.Elapsed, provinces.Count, (int)candidates);
    }

    private static void Add<TKey>(Dictionary<TKey, List<BoolVar>> d, TKey key, BoolVar v)
        where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list))
        {
            d[key] = list = [];
        }

        list.Add(v);
    }
}
