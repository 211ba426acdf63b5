using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// One row per pair of last year's result: kept, or dropped with its code and numbers (<c>continuity.csv</c>). The
/// planning phase writes rows for county and school pairs only (it pairs no classes or students yet). A school pair
/// of the plan kept though P4 no longer holds says so (<c>CON017</c>), with a previous result or without.
/// </summary>
internal static class ContinuityReport
{
    public static List<ContinuityEntry> Build(
        RosterView v, PlanState state, RosterStage.Output? output, PairingResult previous, bool planGiven, Continuity continuity)
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
                e.Left(roster.TryGetCounty(p.Xinjiang, out _) ? n : x);
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
                e.Dropped(ContinuityFindings.ProvinceChanged, null, null, null,
                    ("xinjiang", x), ("xinjiangProvince", roster.CountyProvince[xi].Value), ("inland", n), ("inlandProvince", roster.CountyProvince[ni].Value));
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
                var able = nSchools.Count(t => xSchools.Any(s => v.MeetsP4(t, s) || continuity.Tolerates(s, t)));
                if (able == 0)
                {
                    e.Dropped(ContinuityFindings.NoSchoolPair, "schools", 0, 1,
                        ("inland", n), ("xinjiang", x), ("schools", xSchools.Length), ("available", 0L), ("needed", 1L));
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
                e.Left(roster.TryGetSchool(p.Xinjiang, out _) ? n : x);
                continue;
            }

            var s = roster.SchoolIndexOf(p.Xinjiang);
            var t = roster.SchoolIndexOf(p.Inland);
            if (state.SchoolPartner[s] == t)
            {
                if (v.MeetsP4(t, s))
                {
                    e.Kept();
                }
                else
                {
                    // Kept though P4 no longer holds (PairingOptions.StrictP4 off).
                    Short(v, e, ContinuityFindings.KeptShort, s, t);
                }

                continue;
            }

            var (cs, ct) = (roster.SchoolCounty[s], roster.SchoolCounty[t]);
            if (state.CountyPartner[cs] != ct)
            {
                e.Above(PairingLevel.County, roster.CountyArray[cs].Id.Value, roster.CountyArray[ct].Id.Value);
                continue;
            }

            // Under P4's tolerance (PairingOptions.StrictP4 off) a previous pair's shortfall breaks no rule.
            if (!continuity.Tolerates(s, t) && v.SchoolClassCount[t] < v.SchoolClassCount[s])
            {
                e.Dropped(ContinuityFindings.ClassesShort, "classes", v.SchoolClassCount[t], v.SchoolClassCount[s],
                    ("inland", n), ("available", (long)v.SchoolClassCount[t]), ("needed", (long)v.SchoolClassCount[s]));
                continue;
            }

            if (!continuity.Tolerates(s, t) && v.SchoolStudentCount[t] < v.SchoolStudentCount[s])
            {
                e.Dropped(ContinuityFindings.StudentsShort, "students", v.SchoolStudentCount[t], v.SchoolStudentCount[s],
                    ("inland", n), ("available", (long)v.SchoolStudentCount[t]), ("needed", (long)v.SchoolStudentCount[s]));
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
            NewPairs(v, state, null, previous, kept);
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
                e.Left(roster.TryGetClass(p.Xinjiang, out _) ? n : x);
                continue;
            }

            var a = roster.ClassIndexOf(p.Xinjiang);
            var b = roster.ClassIndexOf(p.Inland);
            if (classPairs.Contains((a, b)))
            {
                e.Kept();
                continue;
            }

            UnderSchoolPair(v, state, e, a, b);
        }

        var studentPairs = output.StudentPairs.Select(q => (q.X, q.N)).ToHashSet();
        var previousClasses = previous.ClassPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        var crossNow = output.StudentPairs.Where(q => q.Cross).Select(q => (q.X, q.N)).ToHashSet();
        foreach (var p in previous.StudentPairs)
        {
            var (x, n) = (p.Xinjiang.Value, p.Inland.Value);
            var e = kept.For(PairingLevel.Student, x, n);
            if (!roster.TryGetStudentIndex(p.Xinjiang, out var xs) || !roster.TryGetStudentIndex(p.Inland, out var ns)
                || !v.IsXinjiangClass(roster.StudentClass[xs]) || v.IsXinjiangClass(roster.StudentClass[ns]))
            {
                e.Left(roster.TryGetStudentIndex(p.Xinjiang, out _) ? n : x);
                continue;
            }

            if (studentPairs.Contains((xs, ns)))
            {
                // Kept; say so when the students' class pair changed: their classes are paired this term and were not last
                // term (or the other way round), or the pair is cross-class this term and was not last term (or the other way round).
                var (a, b) = (roster.StudentClass[xs], roster.StudentClass[ns]);
                var (ca, cb) = (roster.ClassArray[a].Id.Value, roster.ClassArray[b].Id.Value);
                if (previousClasses.Contains((ca, cb)) != classPairs.Contains((a, b)) || p.CrossClass != crossNow.Contains((xs, ns)))
                {
                    e.KeptClassChanged(("xinjiangClass", ca), ("inlandClass", cb));
                }
                else
                {
                    e.Kept();
                }

                continue;
            }

            UnderSchoolPair(v, state, e, roster.StudentClass[xs], roster.StudentClass[ns]);
        }

        NewPairs(v, state, output, previous, kept);
        return rows;
    }

    /// <summary>
    /// Without a previous result: a row (<c>CON017</c>, status kept, rule P4) for every school pair of the plan kept though
    /// P4 no longer holds (P4's tolerance, <see cref="PairingOptions.StrictP4"/> off); null when there is none, so that
    /// a run whose plan still holds writes no <c>continuity.csv</c>.
    /// </summary>
    public static List<ContinuityEntry>? PlanKeptShort(RosterView v, PlanState state, Continuity continuity)
    {
        var roster = v.Roster;
        var rows = new List<ContinuityEntry>();
        var kept = new Entry(rows);
        for (var s = 0; s < state.SchoolPartner.Length; s++)
        {
            if (state.SchoolPartner[s] is var t and >= 0 && !v.MeetsP4(t, s) && continuity.Tolerates(s, t))
            {
                Short(v, kept.For(PairingLevel.School, roster.SchoolArray[s].Id.Value, roster.SchoolArray[t].Id.Value), ContinuityFindings.PlanKeptShort, s, t);
            }
        }

        return rows.Count == 0 ? null : rows;
    }

    /// <summary>A school pair kept though P4 no longer holds: the first shortfall in the columns, both in the text.</summary>
    private static void Short(RosterView v, Entry.Row e, FindingDescriptor code, int s, int t)
    {
        var (classes, students) = (v.SchoolClassCount[t], v.SchoolStudentCount[t]);
        var (neededClasses, neededStudents) = (v.SchoolClassCount[s], v.SchoolStudentCount[s]);
        var (counted, available, needed) = classes < neededClasses
            ? ("classes", (long)classes, (long)neededClasses)
            : ("students", (long)students, (long)neededStudents);
        e.KeptShort(code, counted, available, needed,
            ("inland", v.Roster.SchoolArray[t].Id.Value), ("classes", classes), ("neededClasses", neededClasses), ("students", students), ("neededStudents", neededStudents));
    }

    /// <summary>A row with status new for every pair made this term that the previous result lacks, level by level.</summary>
    private static void NewPairs(RosterView v, PlanState state, RosterStage.Output? output, PairingResult previous, Entry kept)
    {
        var roster = v.Roster;
        var counties = previous.CountyPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        for (var x = 0; x < state.CountyPartner.Length; x++)
        {
            if (state.CountyPartner[x] is var n and >= 0)
            {
                var pair = (roster.CountyArray[x].Id.Value, roster.CountyArray[n].Id.Value);
                if (!counties.Contains(pair))
                {
                    kept.For(PairingLevel.County, pair.Item1, pair.Item2).New();
                }
            }
        }

        var schools = previous.SchoolPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        for (var s = 0; s < state.SchoolPartner.Length; s++)
        {
            if (state.SchoolPartner[s] is var t and >= 0)
            {
                var pair = (roster.SchoolArray[s].Id.Value, roster.SchoolArray[t].Id.Value);
                if (!schools.Contains(pair) && !v.MeetsP4(t, s))
                {
                    // Not last term's, so the plan's, kept under P4's tolerance: said so instead of new.
                    Short(v, kept.For(PairingLevel.School, pair.Item1, pair.Item2), ContinuityFindings.PlanKeptShort, s, t);
                }
                else if (!schools.Contains(pair))
                {
                    kept.For(PairingLevel.School, pair.Item1, pair.Item2).New();
                }
            }
        }

        if (output is null)
        {
            return;
        }

        var classes = previous.ClassPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        foreach (var (a, b, _) in output.ClassPairs)
        {
            var pair = (roster.ClassArray[a].Id.Value, roster.ClassArray[b].Id.Value);
            if (!classes.Contains(pair))
            {
                kept.For(PairingLevel.Class, pair.Item1, pair.Item2).New();
            }
        }

        var students = previous.StudentPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        foreach (var (x, n, _, _) in output.StudentPairs)
        {
            var pair = (roster.StudentArray[x].Id.Value, roster.StudentArray[n].Id.Value);
            if (!students.Contains(pair))
            {
                kept.For(PairingLevel.Student, pair.Item1, pair.Item2).New();
            }
        }
    }

    /// <summary>A class or student pair stands when its schools are paired and its grades pair (P5).</summary>
    private static void UnderSchoolPair(RosterView v, PlanState state, Entry.Row e, int a, int b)
    {
        var roster = v.Roster;
        var (s, t) = (roster.ClassSchool[a], roster.ClassSchool[b]);
        if (state.SchoolPartner[s] != t)
        {
            e.Above(PairingLevel.School, roster.SchoolArray[s].Id.Value, roster.SchoolArray[t].Id.Value);
            return;
        }

        if (v.Target(t, v.ClassGrade[a]) != v.ClassGrade[b])
        {
            e.Dropped(ContinuityFindings.GradesApart, null, null, null, ("xinjiangGrade", v.ClassGrade[a] + 7), ("inlandGrade", v.ClassGrade[b] + 7));
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
            public void Kept() => Add(ContinuityStatus.Kept, ContinuityFindings.Kept, null, null, null);

            public void KeptShort(FindingDescriptor code, string counted, long available, long needed, params (string Name, object Value)[] arguments) =>
                Add(ContinuityStatus.Kept, code, counted, available, needed, arguments);

            public void New() => Add(ContinuityStatus.New, ContinuityFindings.New, null, null, null);

            public void KeptClassChanged(params (string Name, object Value)[] arguments) =>
                Add(ContinuityStatus.Kept, ContinuityFindings.KeptClassChanged, null, null, null, arguments);

            public void Left(string member) => Dropped(ContinuityFindings.MemberLeft, null, null, null, ("member", member));

            public void Above(PairingLevel above, string aboveX, string aboveN) => Dropped(
                ContinuityFindings.PairAboveDropped, null, null, null, ("above", above), ("xinjiang", aboveX), ("inland", aboveN));

            public void Optimised(DropCost drop)
            {
                if (drop.CoveredIfKept > drop.Covered)
                {
                    // Balanced: the choice made covers fewer but keeps more of last term's student pairs.
                    Dropped(ContinuityFindings.MoreKept, "students", drop.CoveredIfKept, drop.Covered,
                        ("available", drop.CoveredIfKept), ("needed", drop.Covered));
                }
                else if (drop.CoveredIfKept < drop.Covered)
                {
                    Dropped(ContinuityFindings.MoreCovered, "students", drop.CoveredIfKept, drop.Covered,
                        ("more", drop.Covered - drop.CoveredIfKept), ("available", drop.CoveredIfKept), ("needed", drop.Covered));
                }
                else
                {
                    Dropped(ContinuityFindings.OtherAims, null, null, null, ("available", drop.CoveredIfKept), ("needed", drop.Covered));
                }
            }

            public void Otherwise(bool planGiven) => Dropped(planGiven ? ContinuityFindings.Plan : ContinuityFindings.NoPlace, null, null, null);

            public void Dropped(FindingDescriptor code, string? counted, long? available, long? needed, params (string Name, object Value)[] arguments) =>
                Add(ContinuityStatus.Dropped, code, counted, available, needed, arguments);

            private void Add(ContinuityStatus status, FindingDescriptor code, string? counted, long? available, long? needed, params (string Name, object Value)[] arguments)
            {
                var finding = code.Create(
                    new FindingSubject(PairingResult.LevelName(level), x + "|" + n), null,
                    [.. arguments.Select(a => FindingArgument.Of(a.Name, a.Value))]);
                var rule = code.Rule is { } r ? Enum.Parse<PairingRule>(r) : (PairingRule?)null;
                rows.Add(new ContinuityEntry(level, x, n, status, rule, code.Code, counted, available, needed,
                    FindingRenderer.Default.Render(finding, FindingLanguage.ChineseAndEnglish)));
            }
        }
    }
}
