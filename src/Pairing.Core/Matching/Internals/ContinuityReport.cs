namespace Pairing.Core.Matching.Internals;

/// <summary>
/// One row per pair of last year's result: kept, or dropped with its code and numbers (<c>continuity.csv</c>). The
/// planning phase writes rows for county and school pairs only (it pairs no classes or students yet).
/// </summary>
internal static class ContinuityReport
{
    public static List<ContinuityEntry> Build(
        RosterView v, PlanState state, RosterStage.Output? output, PairingResult previous, bool planGiven)
    {
        var roster = v.Roster;
        var rows = new List<ContinuityEntry>();
        var kept = new Entry(rows);

        foreach (var p in previous.CountyPairs)
        {
            var (x, n) = (p.Xinjiang.Value, p.Inland.Value);
            var e = kept.For(PairingLevel.County, x, n);
            if (!roster.TryGetCounty(p.Xinjiang, out _) || !roster.TryGetCounty(p.Inland, out _)
                || !v.IsXinjiangCounty[roster.CountyIndexOf(p.Xinjiang)] || v.IsXinjiangCounty[roster.CountyIndexOf(p.Inland)])
            {
                e.Left(roster.TryGetCounty(p.Xinjiang, out _) ? $"inland county {n}" : $"Xinjiang county {x}");
                continue;
            }

            var xi = roster.CountyIndexOf(p.Xinjiang);
            var ni = roster.CountyIndexOf(p.Inland);
            if (state.CountyPartner[xi] == ni)
            {
                e.Kept();
                continue;
            }

            if (roster.CountyProvince[xi] != roster.CountyProvince[ni])
            {
                e.Rule(PairingRule.P1, null, null, null, Shortfall.Say(
                    $"Xinjiang county {x} is aided by province {roster.CountyProvince[xi]}, inland county {n} is in province {roster.CountyProvince[ni]}"));
                continue;
            }

            if (state.CountyDrops.TryGetValue((xi, ni), out var drop))
            {
                e.Optimised(drop);
                continue;
            }

            var xSchools = roster.CountySchools.Of(xi).ToArray();
            var nSchools = roster.CountySchools.Of(ni).ToArray();
            if (xSchools.Length > 0)
            {
                var able = nSchools.Count(t => xSchools.Any(s => v.MeetsP4(t, s)));
                if (able == 0)
                {
                    e.Rule(PairingRule.P4, "schools", 0, 1, Shortfall.Say(
                        $"no school pair under it can be made: inland county {n} has 0 schools with as many classes and students as any of the {xSchools.Length} schools of {x}, 1 is needed"));
                    continue;
                }
            }

            e.Otherwise(planGiven);
        }

        foreach (var p in previous.SchoolPairs)
        {
            var (x, n) = (p.Xinjiang.Value, p.Inland.Value);
            var e = kept.For(PairingLevel.School, x, n);
            if (!roster.TryGetSchool(p.Xinjiang, out _) || !roster.TryGetSchool(p.Inland, out _)
                || !v.IsXinjiangSchool(roster.SchoolIndexOf(p.Xinjiang)) || v.IsXinjiangSchool(roster.SchoolIndexOf(p.Inland)))
            {
                e.Left(roster.TryGetSchool(p.Xinjiang, out _) ? $"inland school {n}" : $"Xinjiang school {x}");
                continue;
            }

            var s = roster.SchoolIndexOf(p.Xinjiang);
            var t = roster.SchoolIndexOf(p.Inland);
            if (state.SchoolPartner[s] == t)
            {
                e.Kept();
                continue;
            }

            var (cs, ct) = (roster.SchoolCounty[s], roster.SchoolCounty[t]);
            if (state.CountyPartner[cs] != ct)
            {
                e.Above(Shortfall.Say($"its county pair {roster.CountyArray[cs].Id}–{roster.CountyArray[ct].Id} is not made this year"));
                continue;
            }

            if (v.SchoolClassCount[t] < v.SchoolClassCount[s])
            {
                e.Rule(PairingRule.P4, "classes", v.SchoolClassCount[t], v.SchoolClassCount[s], Shortfall.Say(
                    $"inland school {n} has {v.SchoolClassCount[t]} classes, {v.SchoolClassCount[s]} are needed"));
                continue;
            }

            if (v.SchoolStudentCount[t] < v.SchoolStudentCount[s])
            {
                e.Rule(PairingRule.P4, "students", v.SchoolStudentCount[t], v.SchoolStudentCount[s], Shortfall.Say(
                    $"inland school {n} has {v.SchoolStudentCount[t]} students, {v.SchoolStudentCount[s]} are needed"));
                continue;
            }

            if (state.SchoolDrops.TryGetValue((s, t), out var drop))
            {
                e.Optimised(drop);
                continue;
            }

            e.Otherwise(planGiven);
        }

        if (output is null)
        {
            return rows;
        }

        var classPairs = output.ClassPairs.Select(c => (c.X, c.N)).ToHashSet();
        foreach (var p in previous.ClassPairs)
        {
            var (x, n) = (p.Xinjiang.Value, p.Inland.Value);
            var e = kept.For(PairingLevel.Class, x, n);
            if (!roster.TryGetClass(p.Xinjiang, out _) || !roster.TryGetClass(p.Inland, out _)
                || !v.IsXinjiangClass(roster.ClassIndexOf(p.Xinjiang)) || v.IsXinjiangClass(roster.ClassIndexOf(p.Inland)))
            {
                e.Left(roster.TryGetClass(p.Xinjiang, out _) ? $"inland class {n}" : $"Xinjiang class {x}");
                continue;
            }

            var a = roster.ClassIndexOf(p.Xinjiang);
            var b = roster.ClassIndexOf(p.Inland);
            if (classPairs.Contains((a, b)))
            {
                e.Kept();
                continue;
            }

            UnderSchoolPair(v, state, e, a, b, $"class {x}", $"class {n}");
        }

        var studentPairs = output.StudentPairs.Select(q => (q.X, q.N)).ToHashSet();
        foreach (var p in previous.StudentPairs)
        {
            var (x, n) = (p.Xinjiang.Value, p.Inland.Value);
            var e = kept.For(PairingLevel.Student, x, n);
            if (!roster.TryGetStudentIndex(p.Xinjiang, out var xs) || !roster.TryGetStudentIndex(p.Inland, out var ns)
                || !v.IsXinjiangClass(roster.StudentClass[xs]) || v.IsXinjiangClass(roster.StudentClass[ns]))
            {
                e.Left(roster.TryGetStudentIndex(p.Xinjiang, out _) ? "the inland student" : "the Xinjiang student");
                continue;
            }

            if (studentPairs.Contains((xs, ns)))
            {
                e.Kept();
                continue;
            }

            UnderSchoolPair(v, state, e, roster.StudentClass[xs], roster.StudentClass[ns], "the Xinjiang student", "the inland student");
        }

        return rows;
    }

    /// <summary>A class or student pair stands when its schools are paired and its grades pair (P5).</summary>
    private static void UnderSchoolPair(RosterView v, PlanState state, Entry.Row e, int a, int b, string what, string other)
    {
        var roster = v.Roster;
        var (s, t) = (roster.ClassSchool[a], roster.ClassSchool[b]);
        if (state.SchoolPartner[s] != t)
        {
            e.Above(Shortfall.Say($"its school pair {roster.SchoolArray[s].Id}–{roster.SchoolArray[t].Id} is not made this year"));
            return;
        }

        if (v.Target(t, v.ClassGrade[a]) != v.ClassGrade[b])
        {
            e.Rule(PairingRule.P5, null, null, null, Shortfall.Say(
                $"{what} is in grade {v.ClassGrade[a] + 7}, {other} in grade {v.ClassGrade[b] + 7}"));
            return;
        }

        e.Otherwise(planGiven: false);
    }

    /// <summary>Makes the rows, one per previous pair, in the order given (the result sorts them).</summary>
    private sealed class Entry(List<ContinuityEntry> rows)
    {
        public Row For(PairingLevel level, string x, string n) => new(rows, level, x, n);

        public readonly struct Row(List<ContinuityEntry> rows, PairingLevel level, string x, string n)
        {
            public void Kept() => Add(ContinuityStatus.Kept, null, ContinuityCodes.Kept, null, null, null, "kept");

            public void Left(string who) =>
                Add(ContinuityStatus.Dropped, null, ContinuityCodes.MemberLeft, null, null, null, $"{who} is no longer in the roster");

            public void Rule(PairingRule rule, string? counted, long? available, long? needed, string reason) =>
                Add(ContinuityStatus.Dropped, rule, ContinuityCodes.RuleBroken, counted, available, needed, $"{rule} no longer holds: {reason}");

            public void Above(string reason) =>
                Add(ContinuityStatus.Dropped, null, ContinuityCodes.PairAboveDropped, null, null, null, reason);

            public void Optimised(DropCost drop)
            {
                if (drop.CoveredIfKept < drop.Covered)
                {
                    Add(ContinuityStatus.Dropped, null, ContinuityCodes.MoreCovered, "students", drop.CoveredIfKept, drop.Covered, Shortfall.Say(
                        $"dropped so that {drop.Covered - drop.CoveredIfKept} more students could be covered: {drop.CoveredIfKept} with it kept, {drop.Covered} without"));
                }
                else
                {
                    Add(ContinuityStatus.Dropped, null, ContinuityCodes.OtherAims, null, null, null, Shortfall.Say(
                        $"keeping it covers no more students ({drop.CoveredIfKept} against {drop.Covered}); it was dropped so that more of last year's pairs could be kept or more schools paired"));
                }
            }

            public void Otherwise(bool planGiven)
            {
                if (planGiven)
                {
                    Add(ContinuityStatus.Dropped, null, ContinuityCodes.Plan, null, null, null, "the plan given pairs a member of it otherwise");
                }
                else
                {
                    Add(ContinuityStatus.Dropped, null, ContinuityCodes.OtherAims, null, null, null,
                        "its inland member has no place left beside the pairs made this year");
                }
            }

            private void Add(ContinuityStatus status, PairingRule? rule, string code, string? counted, long? available, long? needed, string reason) =>
                rows.Add(new ContinuityEntry(level, x, n, status, rule, code, counted, available, needed, reason));
        }
    }
}
