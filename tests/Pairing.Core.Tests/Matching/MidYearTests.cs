using FsCheck.Xunit;
using Pairing.Core.Files.Results;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// Mid-year changes keep the friendships (issue 24): worked cases from the issue, and the property that the balanced
/// objective never does worse than coverage first on what it counts (students covered plus last term's pairs kept).
/// </summary>
public sealed class MidYearTests
{
    private static readonly PairingMatcher Matcher = new();

    /// <summary>Last term XS (30 students) was with NS1 (30); one inland student has left, so NS1 is one short of P4.</summary>
    internal static (Roster Roster, PairingResult Previous) OneStudentShort()
    {
        var september = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XS7", "XS", 7, 30)
            .School("NS1", "N1").Class("NS1a", "NS1", 7, 30)
            .Build();
        var previous = Matcher.Match(september);
        var left = previous.StudentPairs[0].Inland;
        var builder = new RosterBuilder();
        september.Counties.ToList().ForEach(c => builder.AddCounty(c));
        september.Schools.ToList().ForEach(s => builder.AddSchool(s));
        september.Classes.ToList().ForEach(c => builder.AddClass(c.Id, c.SchoolId, c.Grade));
        september.Students.Where(s => s.Id != left).ToList().ForEach(s => builder.AddStudent(s));
        return (builder.Build().GetValueOrThrow(), previous);
    }

    [Fact]
    public void A_kept_school_pair_one_student_short_of_P4_is_kept_with_its_finding()
    {
        var (roster, previous) = OneStudentShort();

        var result = Matcher.Match(roster, previous: previous);

        Assert.Equal([new SchoolPair(new("XS"), new("NS1"))], result.SchoolPairs);
        Assert.Equal(29, result.Summary.CoveredStudents);
        Assert.Equal(29, result.Summary.Students?.Kept);
        var row = Assert.Single(result.Continuity, e => e.Level == PairingLevel.School);
        Assert.Equal(
            new ContinuityEntry(PairingLevel.School, "XS", "NS1", ContinuityStatus.Kept, PairingRule.P4, "CON013", "students", 29, 30, string.Empty),
            row with { Reason = string.Empty });
        Assert.EndsWith(
            " / kept, though P4 no longer holds: inland school NS1 has 1 class and 29 students; needed: 1 and 30 (last term's pair survives attrition; --strict-p4 drops it)",
            row.Reason, StringComparison.Ordinal);
        Assert.StartsWith("保留，但 P4 已不成立：内地学校 NS1 有 1 个班级、29 名学生，需要 1 个班级、30 名学生", row.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.Summary.ContinuityCounts!["CON013"]);
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);

        // Read back, the tolerated pair is still accepted; under strict P4 the checker finds it.
        using var dir = new TempDirectory();
        PairingResultFiles.Write(result, dir.Path, includeTimings: false);
        var read = PairingResultFiles.Read(dir.Path).GetValueOrThrow();
        Assert.True(PairingResultChecker.Check(roster, read, read.Summary.Options.ToOptions(), previous).IsValid);
        var strictReport = PairingResultChecker.Check(roster, result, new PairingOptions { StrictP4 = true }, previous);
        Assert.Contains(strictReport.Violations, v => v.Code == CheckFindings.SchoolStudentsShort.Code);
    }

    [Fact]
    public void The_report_shows_a_kept_school_pair_short_of_P4_as_a_warning()
    {
        // Issue 24, item 2: "the report shows it as a warning".
        var (roster, previous) = OneStudentShort();
        var result = Matcher.Match(roster, previous: previous);

        var doc = Pairing.Core.Tests.Reports.PairingReportTests.Parse(Pairing.Core.Reports.PairingReport.Render(roster, result));

        var table = doc.Descendants("table").Single(t => (string?)t.Attribute("id") == "kept-short");
        var row = Assert.Single(table.Descendants("tbody").Single().Elements("tr"));
        Assert.Equal(["XS", "NS1"], row.Elements("td").Take(2).Select(td => td.Value));
        Assert.Contains("30", row.Elements("td").Last().Value, StringComparison.Ordinal);
        Assert.Contains(doc.Descendants(), e => (string?)e.Attribute("data-figure") == "kept-short-pairs" && (string?)e.Attribute("data-value") == "1");

        var fresh = Pairing.Core.Reports.PairingReport.Render(roster, Matcher.Match(roster));
        Assert.DoesNotContain("kept-short", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_strict_P4_the_short_pair_is_dropped()
    {
        var (roster, previous) = OneStudentShort();
        var options = new PairingOptions { StrictP4 = true };

        var result = Matcher.Match(roster, previous: previous, options: options);

        Assert.Empty(result.SchoolPairs);
        Assert.Equal(0, result.Summary.CoveredStudents);
        // No school under the county pair fits P4 any more, so the county pair goes (CON004) and the school pair with it.
        Assert.Equal(
            [("CON004", ContinuityStatus.Dropped), ("CON008", ContinuityStatus.Dropped)],
            result.Continuity.Where(e => e.Level is PairingLevel.County or PairingLevel.School).Select(e => (e.Code, e.Status)));
        Assert.True(result.Summary.Options.StrictP4);
        var report = PairingResultChecker.Check(roster, result, options, previous);
        Assert.True(report.IsValid, report.ToString());

        // A claim of toleration the run did not make is found: the options differ.
        Assert.Contains(PairingResultChecker.Check(roster, result, new PairingOptions(), previous).Violations, v => v.Subject == "summary.options.strict_p4");
    }

    [Fact]
    public void A_plan_school_pair_one_student_short_of_P4_is_kept_with_its_finding()
    {
        // September's result given as the plan only (no --previous): NS1 is one student short of XS, yet the plan's pair
        // survives attrition as last term's does, with a CON017 row (the plan's, not last term's).
        var (roster, september) = OneStudentShort();

        var result = Matcher.Match(roster, plan: september);

        Assert.Equal([new SchoolPair(new("XS"), new("NS1"))], result.SchoolPairs);
        Assert.Equal(29, result.Summary.CoveredStudents);
        var row = Assert.Single(result.Continuity);
        Assert.Equal(
            new ContinuityEntry(PairingLevel.School, "XS", "NS1", ContinuityStatus.Kept, PairingRule.P4, "CON017", "students", 29, 30, string.Empty),
            row with { Reason = string.Empty });
        Assert.EndsWith(
            " / kept from the plan, though P4 no longer holds: inland school NS1 has 1 class and 29 students; needed: 1 and 30 (the plan's pair survives attrition; --strict-p4 drops it)",
            row.Reason, StringComparison.Ordinal);
        Assert.StartsWith("按计划保留，但 P4 已不成立：内地学校 NS1 有 1 个班级、29 名学生，需要 1 个班级、30 名学生", row.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.Summary.ContinuityCounts!["CON017"]);
        Assert.Equal(0, result.Summary.ContinuityCounts["CON013"]);
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions());
        Assert.True(report.IsValid, report.ToString());

        // Written and read back, the row and its count are there and the checker still accepts the pair; under strict
        // P4 it finds it short.
        using var dir = new TempDirectory();
        PairingResultFiles.Write(result, dir.Path, includeTimings: false);
        var read = PairingResultFiles.Read(dir.Path).GetValueOrThrow();
        Assert.Equal(result.Continuity, read.Continuity);
        Assert.True(PairingResultChecker.Check(roster, read, read.Summary.Options.ToOptions()).IsValid);
        Assert.Contains(PairingResultChecker.Check(roster, result, new PairingOptions { StrictP4 = true }).Violations,
            v => v.Code == CheckFindings.SchoolStudentsShort.Code);

        // The report lists it among the pairs kept short, as a warning.
        var doc = Pairing.Core.Tests.Reports.PairingReportTests.Parse(Pairing.Core.Reports.PairingReport.Render(roster, result));
        var table = doc.Descendants("table").Single(t => (string?)t.Attribute("id") == "kept-short");
        Assert.Equal("CON017", (string?)Assert.Single(table.Descendants("tbody").Single().Elements("tr")).Attribute("data-code"));
    }

    [Fact]
    public void Under_strict_P4_the_short_plan_pair_is_dropped()
    {
        var (roster, september) = OneStudentShort();
        var options = new PairingOptions { StrictP4 = true };

        var result = Matcher.Match(roster, plan: september, options: options);

        Assert.Empty(result.SchoolPairs);
        Assert.Equal(0, result.Summary.CoveredStudents);
        Assert.Empty(result.Continuity);
        Assert.Null(result.Summary.ContinuityCounts);
        Assert.Contains(result.Unpaired, u => u.Rule == PairingRule.P4);
        var report = PairingResultChecker.Check(roster, result, options);
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public void A_short_plan_pair_that_is_not_last_terms_is_kept_in_place_of_its_new_row()
    {
        // --plan September and --previous a result without that pair: the pair is the plan's, not last term's, so its row
        // is CON017 (kept) rather than CON015 (new), and the checker with the previous result accepts both.
        var (roster, september) = OneStudentShort();
        var previous = Matcher.Match(roster);
        Assert.Empty(previous.SchoolPairs);

        var result = Matcher.Match(roster, plan: september, previous: previous);

        Assert.Equal([new SchoolPair(new("XS"), new("NS1"))], result.SchoolPairs);
        var row = Assert.Single(result.Continuity, e => e.Level == PairingLevel.School);
        Assert.Equal((ContinuityStatus.Kept, "CON017", "students", 29L, 30L), (row.Status, row.Code, row.Counted, row.Available, row.Needed));
        Assert.Equal(1, result.Summary.ContinuityByLevel!["school.kept"]);
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());

        // A CON017 row claimed for a pair that is not made is found.
        var forged = new PairingResult(result.CountyPairs, [], [], [], result.Unpaired, result.Continuity, result.Summary);
        Assert.False(PairingResultChecker.Check(roster, forged, result.Summary.Options.ToOptions(), previous).IsValid);
    }

    [Fact]
    public void A_new_pair_short_of_P4_is_never_made()
    {
        // The same roster without last term's result: NS1 is one student short, so XS stays unpaired (P4).
        var (roster, _) = OneStudentShort();
        var result = Matcher.Match(roster);
        Assert.Empty(result.SchoolPairs);
        Assert.Contains(result.Unpaired, u => u.Rule == PairingRule.P4);
    }

    [Fact]
    public void A_forged_toleration_row_is_found()
    {
        // A result that claims CON013 for a pair that meets P4, and one whose numbers are wrong.
        var (roster, previous) = OneStudentShort();
        var result = Matcher.Match(roster, previous: previous);
        var row = result.Continuity.Single(e => e.Level == PairingLevel.School);
        var wrongNumbers = new PairingResult(result.CountyPairs, result.SchoolPairs, result.ClassPairs, result.StudentPairs, result.Unpaired,
            [.. result.Continuity.Select(e => e == row ? e with { Available = 28 } : e)], result.Summary);
        Assert.Contains(PairingResultChecker.Check(roster, wrongNumbers, new PairingOptions(), previous).Violations, v => v.Code == CheckFindings.OtherContinuityNumbers.Code);
    }

    [Fact]
    public void A_dissolved_class_whose_partner_is_paired_again()
    {
        // September: XA and XB with NA and NB. November: NB is dissolved (its students leave); NC is free.
        var september = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XA", "XS", 7, 3).Class("XB", "XS", 7, 3)
            .School("NS", "N1").Class("NA", "NS", 7, 3).Class("NB", "NS", 7, 3).Class("NC", "NS", 7, 4)
            .Build();
        var previous = Matcher.Match(september);
        Assert.Contains(new ClassPair(new("XA"), new("NA")), previous.ClassPairs);
        Assert.Contains(new ClassPair(new("XB"), new("NB")), previous.ClassPairs);

        var builder = new RosterBuilder();
        september.Counties.ToList().ForEach(c => builder.AddCounty(c));
        september.Schools.ToList().ForEach(s => builder.AddSchool(s));
        september.Classes.Where(c => c.Id.Value != "NB").ToList().ForEach(c => builder.AddClass(c.Id, c.SchoolId, c.Grade));
        september.Students.Where(s => s.ClassId.Value != "NB").ToList().ForEach(s => builder.AddStudent(s));
        var roster = builder.Build().GetValueOrThrow();

        var result = Matcher.Match(roster, previous: previous);

        Assert.Contains(new ClassPair(new("XA"), new("NA")), result.ClassPairs);
        Assert.Contains(new ClassPair(new("XB"), new("NC")), result.ClassPairs);
        Assert.Equal(6, result.Summary.CoveredStudents);
        Assert.All(result.StudentPairs, p => Assert.False(p.CrossClass));
        var dropped = Assert.Single(result.Continuity, e => e is { Level: PairingLevel.Class, XinjiangId: "XB", Status: ContinuityStatus.Dropped });
        Assert.Equal(("NB", "CON002"), (dropped.InlandId, dropped.Code));

        // The new class pair and XB's three new student pairs are listed, so that they can be introduced.
        Assert.Contains(result.Continuity, e => e is { Level: PairingLevel.Class, XinjiangId: "XB", InlandId: "NC", Status: ContinuityStatus.New, Code: "CON015" });
        Assert.Equal(3, result.Continuity.Count(e => e is { Level: PairingLevel.Student, Status: ContinuityStatus.New }));
        Assert.Equal(
            result.StudentPairs.Where(p => p.Xinjiang.Value.StartsWith("XB", StringComparison.Ordinal)).Select(p => (p.Xinjiang.Value, p.Inland.Value)),
            result.Continuity.Where(e => e is { Level: PairingLevel.Student, Status: ContinuityStatus.New }).Select(e => (e.XinjiangId, e.InlandId)));
        Assert.Equal(1, result.Summary.ContinuityByLevel!["class.new"]);
        Assert.Equal(1, result.Summary.ContinuityByLevel["class.kept"]);
        Assert.Equal(1, result.Summary.ContinuityByLevel["class.dropped"]);
        Assert.Equal(3, result.Summary.ContinuityByLevel["student.new"]);
        Assert.Equal(0, result.Summary.ContinuityByLevel["county.new"]);
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public void A_newcomer_is_paired_into_an_existing_class_pair()
    {
        // September: XA (2) with NA (3). November: a newcomer joins XA; NA's third student is free for them.
        var september = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XA", "XS", 7, 2)
            .School("NS", "N1").Class("NA", "NS", 7, 3)
            .Build();
        var previous = Matcher.Match(september);
        Assert.Equal(2, previous.StudentPairs.Count);

        var builder = new RosterBuilder();
        september.Counties.ToList().ForEach(c => builder.AddCounty(c));
        september.Schools.ToList().ForEach(s => builder.AddSchool(s));
        september.Classes.ToList().ForEach(c => builder.AddClass(c.Id, c.SchoolId, c.Grade));
        september.Students.ToList().ForEach(s => builder.AddStudent(s));
        builder.AddStudent(new Student(new StudentId("XA.new"), new ClassId("XA"), Gender.Female, null, null, []));
        var roster = builder.Build().GetValueOrThrow();

        var result = Matcher.Match(roster, previous: previous);

        Assert.Equal([new ClassPair(new("XA"), new("NA"))], result.ClassPairs);
        Assert.Equal(3, result.StudentPairs.Count);
        Assert.All(previous.StudentPairs, p => Assert.Contains(result.StudentPairs, q => q.Xinjiang == p.Xinjiang && q.Inland == p.Inland));
        var newcomer = Assert.Single(result.StudentPairs, p => p.Xinjiang.Value == "XA.new");
        Assert.False(newcomer.CrossClass);
        Assert.Equal(2, result.Summary.Students?.Kept);
        var introduced = Assert.Single(result.Continuity, e => e.Status == ContinuityStatus.New);
        Assert.Equal((PairingLevel.Student, "XA.new", "CON015"), (introduced.Level, introduced.XinjiangId, introduced.Code));
        Assert.EndsWith(" / new this term", introduced.Reason, StringComparison.Ordinal);
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
    }

    [Property(MaxTest = 30)]
    public void The_balanced_optimum_is_at_least_the_coverage_first_optimum_in_covered_plus_kept(int seed)
    {
        // September on a generated roster, November made from it (10% leave and join on each side, a class dissolved).
        var september = RandomRosters.Make(seed);
        var previous = Matcher.Match(september);
        var november = MidYearRosters.November(september, previous, seed, leave: 0.1, join: 0.1);

        var balanced = Matcher.Match(november, previous: previous);
        var coverageFirst = Matcher.Match(november, previous: previous, options: new PairingOptions { Continuity = ContinuityObjective.CoverageFirst });
        var fresh = Matcher.Match(november);

        static long Score(PairingResult r) => r.Summary.CoveredStudents + (r.Summary.Students?.Kept ?? 0);
        Assert.True(Score(balanced) >= Score(coverageFirst), $"balanced {Score(balanced)} < coverage-first {Score(coverageFirst)}");
        Assert.True(coverageFirst.Summary.CoveredStudents >= balanced.Summary.CoveredStudents);
        Assert.True(coverageFirst.Summary.CoveredStudents >= fresh.Summary.CoveredStudents);
        Assert.Equal(ContinuityObjective.Balanced, balanced.Summary.Options.Continuity);
        foreach (var r in new[] { balanced, coverageFirst })
        {
            var report = PairingResultChecker.Check(november, r, r.Summary.Options.ToOptions(), previous);
            Assert.True(report.IsValid, report.ToString());
        }
    }

    [Property(MaxTest = 40)]
    public void The_balanced_result_reaches_the_brute_force_optimum_of_covered_plus_kept(int seed)
    {
        // Independent of the matcher: every county matching per province, every school assignment per county pair, a
        // school pair admissible when P4 holds or it is last term's (P4's tolerance), worth per grade the smaller side's
        // students plus last term's student pairs whose two students are in its two schools in that grade.
        var september = RandomRosters.Make(seed);
        var previous = Matcher.Match(september);
        var november = MidYearRosters.November(september, previous, seed, leave: 0.15, join: 0.1);
        var result = Matcher.Match(november, previous: previous);

        Assert.Equal(BruteForceBalanced(november, previous), result.Summary.CoveredStudents + (result.Summary.Students?.Kept ?? 0));

        // Coverage first covers exactly the most students (with the same tolerance), never one less.
        var coverageFirst = Matcher.Match(november, previous: previous, options: new PairingOptions { Continuity = ContinuityObjective.CoverageFirst });
        Assert.Equal(BruteForceBalanced(november, previous, withKept: false), coverageFirst.Summary.CoveredStudents);
    }

    private static long BruteForceBalanced(Roster roster, PairingResult previous, bool withKept = true)
    {
        bool Xinjiang(County c) => c.Side == Side.Xinjiang;
        var lastSchools = previous.SchoolPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        var keptBy = new Dictionary<(string, string, int), long>();
        foreach (var p in previous.StudentPairs)
        {
            if (roster.TryGetStudent(p.Xinjiang, out var a) && roster.TryGetStudent(p.Inland, out var b))
            {
                var (ca, cb) = (roster.GetClass(a.ClassId), roster.GetClass(b.ClassId));
                if (ca.Grade == cb.Grade)
                {
                    var key = (ca.SchoolId.Value, cb.SchoolId.Value, ca.Grade.Number);
                    keptBy[key] = keptBy.GetValueOrDefault(key) + 1;
                }
            }
        }

        long Value(School s, School t)
        {
            var xs = roster.ClassesIn(s.Id);
            var ts = roster.ClassesIn(t.Id);
            var meets = ts.Count >= xs.Count && ts.Sum(c => c.Size) >= xs.Sum(c => c.Size);
            if (!meets && !lastSchools.Contains((s.Id.Value, t.Id.Value)))
            {
                return -1;
            }

            long v = 0;
            foreach (var g in xs.Select(c => c.Grade).Distinct())
            {
                v += Math.Min(xs.Where(c => c.Grade == g).Sum(c => c.Size), ts.Where(c => c.Grade == g).Sum(c => c.Size));
                v += withKept ? keptBy.GetValueOrDefault((s.Id.Value, t.Id.Value, g.Number)) : 0;
            }

            return v;
        }

        // The best partial one-to-one assignment of xs into ts.
        long Best(IReadOnlyList<School> xs, IReadOnlyList<School> ts, int i, bool[] used)
        {
            if (i == xs.Count)
            {
                return 0;
            }

            var best = Best(xs, ts, i + 1, used);
            for (var j = 0; j < ts.Count; j++)
            {
                if (!used[j] && Value(xs[i], ts[j]) is var v and >= 0)
                {
                    used[j] = true;
                    best = Math.Max(best, v + Best(xs, ts, i + 1, used));
                    used[j] = false;
                }
            }

            return best;
        }

        long total = 0;
        foreach (var province in roster.Counties.GroupBy(c => roster.ProvinceOf(c)))
        {
            var xc = province.Where(Xinjiang).ToList();
            var nc = province.Where(c => !Xinjiang(c)).ToList();
            var worth = xc.Select(x => nc.Select(n => Best(roster.SchoolsIn(x.Id), roster.SchoolsIn(n.Id), 0, new bool[roster.SchoolsIn(n.Id).Count])).ToArray()).ToArray();
            long Counties(int i, bool[] used)
            {
                if (i == xc.Count)
                {
                    return 0;
                }

                var best = Counties(i + 1, used);
                for (var j = 0; j < nc.Count; j++)
                {
                    if (!used[j])
                    {
                        used[j] = true;
                        best = Math.Max(best, worth[i][j] + Counties(i + 1, used));
                        used[j] = false;
                    }
                }

                return best;
            }

            total += Counties(0, new bool[nc.Count]);
        }

        return total;
    }

    [Fact]
    public void Balanced_keeps_a_school_pair_that_coverage_first_drops_for_one_student()
    {
        // Last term XS (3 students) was with NS1; NS1 still meets P4 but has room for 2 of grade 8's 3 now, where NS2
        // takes all 3. Coverage first moves XS to NS2 (3 covered, 0 kept); balanced keeps NS1 (2 covered + 2 kept).
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XS8", "XS", 8, 3)
            .School("NS1", "N1").Class("NS1a", "NS1", 8, 2).Class("NS1b", "NS1", 9, 5)
            .School("NS2", "N1").Class("NS2a", "NS2", 8, 3)
            .Build();
        var previous = ContinuityTests.Previous(roster, [("X1", "N1")], [("XS", "NS1")], [("XS8", "NS1a")],
            [("XS8.0", "NS1a.3"), ("XS8.1", "NS1a.4")]);

        var balanced = Matcher.Match(roster, previous: previous);
        var coverageFirst = Matcher.Match(roster, previous: previous, options: new PairingOptions { Continuity = ContinuityObjective.CoverageFirst });

        Assert.Equal([new SchoolPair(new("XS"), new("NS1"))], balanced.SchoolPairs);
        Assert.Equal((2L, 2), (balanced.Summary.CoveredStudents, balanced.Summary.Students!.Value.Kept));
        Assert.Equal([new SchoolPair(new("XS"), new("NS2"))], coverageFirst.SchoolPairs);
        Assert.Equal(3, coverageFirst.Summary.CoveredStudents);
        var dropped = Assert.Single(coverageFirst.Continuity, e => e.Level == PairingLevel.School && e.Status == ContinuityStatus.Dropped);
        Assert.Equal("CON009", dropped.Code);
        foreach (var r in new[] { balanced, coverageFirst })
        {
            var report = PairingResultChecker.Check(roster, r, r.Summary.Options.ToOptions(), previous);
            Assert.True(report.IsValid, report.ToString());
        }

        // The shorthand still works, and the option is checked like the others.
        Assert.Equal(ContinuityObjective.ContinuityFirst, new PairingOptions { ContinuityFirst = true }.Continuity);
        Assert.Contains(PairingResultChecker.Check(roster, balanced, new PairingOptions { Continuity = ContinuityObjective.CoverageFirst }, previous).Violations,
            v => v.Subject == "summary.options.continuity");
    }

    [Fact]
    public void A_kept_student_pair_whose_class_pair_changed_says_so()
    {
        // September: XA with NA, XA.0 with NA's first student. November: that student has moved to NB (same grade).
        var september = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XA", "XS", 7, 1)
            .School("NS", "N1").Class("NA", "NS", 7, 2).Class("NB", "NS", 7, 3)
            .Build();
        var previous = Matcher.Match(september);
        var pair = Assert.Single(previous.StudentPairs);
        Assert.False(pair.CrossClass);
        Assert.Equal(new ClassPair(new("XA"), new("NA")), Assert.Single(previous.ClassPairs));

        var builder = new RosterBuilder();
        september.Counties.ToList().ForEach(c => builder.AddCounty(c));
        september.Schools.ToList().ForEach(s => builder.AddSchool(s));
        september.Classes.ToList().ForEach(c => builder.AddClass(c.Id, c.SchoolId, c.Grade));
        foreach (var s in september.Students)
        {
            builder.AddStudent(s.Id == pair.Inland ? new Student(s.Id, new ClassId("NB"), s.Gender, s.BirthYear, s.Language, [.. s.Interests]) : s);
        }

        var roster = builder.Build().GetValueOrThrow();
        var result = Matcher.Match(roster, previous: previous);

        Assert.Contains(new ClassPair(new("XA"), new("NA")), result.ClassPairs);
        var row = Assert.Single(result.Continuity, e => e.Level == PairingLevel.Student && e.XinjiangId == pair.Xinjiang.Value);
        Assert.Equal((ContinuityStatus.Kept, pair.Inland.Value), (row.Status, row.InlandId));
        Assert.Equal("CON016", row.Code);
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
    }

    [Property(MaxTest = 15)]
    public void A_november_run_gives_the_same_files_on_one_thread_or_two(int seed)
    {
        var september = RandomRosters.Make(seed);
        var previous = Matcher.Match(september);
        var november = MidYearRosters.November(september, previous, seed, leave: 0.1, join: 0.1);
        var one = ResultBytes.Of(Matcher.Match(november, previous: previous, options: new PairingOptions { MaxDegreeOfParallelism = 1 }));
        var two = ResultBytes.Of(Matcher.Match(november, previous: previous, options: new PairingOptions { MaxDegreeOfParallelism = 2 }));
        Assert.Equal(one, two);
        Assert.Contains("continuity.csv", one.Keys);
    }

    [Property(MaxTest = 25)]
    public void A_november_roster_is_valid_and_keeps_its_ids(int seed)
    {
        var september = RandomRosters.Make(seed);
        var previous = Matcher.Match(september);
        var november = MidYearRosters.November(september, previous, seed, leave: 0.1, join: 0.1);
        Assert.All(november.Students.Where(s => !s.Id.Value.Contains("-nov", StringComparison.Ordinal)),
            s => Assert.True(september.TryGetStudent(s.Id, out _)));
        var result = Matcher.Match(november, previous: previous);
        var report = PairingResultChecker.Check(november, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
    }
}
