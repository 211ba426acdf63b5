using FsCheck.Xunit;
using Pairing.Core.Files.Results;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// Last year's pairs as an aim after coverage (issue 9, item 1): worked cases from the issue, and the invariant that
/// a previous result never costs a student.
/// </summary>
public sealed class ContinuityTests
{
    private static readonly PairingMatcher Matcher = new();

    [Fact]
    public void A_county_pair_whose_schools_can_no_longer_be_paired_is_not_kept()
    {
        // Last year X1 was paired with N1 and XS with NS1. NS1 has shrunk below XS (20 students, 30 are needed), so
        // no school pair under X1-N1 can be made; N2's school takes XS whole.
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1").InlandCounty("N2")
            .School("XS", "X1").Class("XS7", "XS", 7, 30)
            .School("NS1", "N1").Class("NS1a", "NS1", 7, 20)
            .School("NS2", "N2").Class("NS2a", "NS2", 7, 35)
            .Build();
        var previous = Previous(roster, [("X1", "N1")], [("XS", "NS1")]);

        // With P4 strict (issue 24: by default last term's school pair would be tolerated, and dropped only for coverage).
        var result = Matcher.Match(roster, previous: previous, options: new PairingOptions { StrictP4 = true });

        Assert.Equal([new CountyPair(new("X1"), new("N2"))], result.CountyPairs);
        Assert.Equal([new SchoolPair(new("XS"), new("NS2"))], result.SchoolPairs);
        Assert.Equal(30, result.Summary.CoveredStudents);
        Assert.Equal(0, result.Summary.Counties.Kept);
        Assert.Empty(result.Unpaired);
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);

        Assert.Equal(
            [
                new ContinuityEntry(PairingLevel.County, "X1", "N1", ContinuityStatus.Dropped, PairingRule.P4, "CON004", "schools", 0, 1, string.Empty),
                new ContinuityEntry(PairingLevel.School, "XS", "NS1", ContinuityStatus.Dropped, null, "CON008", null, null, null, string.Empty),
            ],
            result.Continuity.Where(e => e.Status != ContinuityStatus.New).Select(e => e with { Reason = string.Empty }));
        Assert.EndsWith(
            " / P4 no longer holds: no school pair under it can be made: inland county N1 has 0 schools with as many classes and students as any of the 1 school of X1; needed: 1",
            result.Continuity.Where(e => e.Status != ContinuityStatus.New).ElementAt(0).Reason, StringComparison.Ordinal);
        Assert.EndsWith(" / its county pair X1–N1 is not made this year", result.Continuity.Where(e => e.Status != ContinuityStatus.New).ElementAt(1).Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.Summary.ContinuityCounts!["CON004"]);
        Assert.Equal(1, result.Summary.ContinuityCounts["CON008"]);
        Assert.Equal(0, result.Summary.ContinuityCounts["CON001"]);
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public void Keeping_is_decided_jointly_not_in_file_order()
    {
        // Three Xinjiang schools per inland school. Last year A, B and C were all with P. This year P has 8 classes:
        // A (6 classes) with B or C (3 each) no longer fits (P4 on the sums), B and C together do. Keeping A-P first,
        // as the file order would, leaves B and C to Q, whose grade 8 has 126 students for their 216: 216 + 126 = 342
        // of 432 covered. Keeping B-P and C-P and moving A to Q covers all 432 and keeps two of the three pairs.
        var roster = FileOrderRoster();
        var previous = Previous(roster, [("X", "N")], [("A", "P"), ("B", "P"), ("C", "P")]);
        var options = new PairingOptions { XinjiangSchoolsPerInlandSchool = 3 };

        var plan = Matcher.Plan(roster, previous: previous, options: options);

        Assert.Equal(432, plan.Summary.XinjiangStudents);
        Assert.Equal(432, plan.Summary.CoveredStudents);
        Assert.Equal(
            [new SchoolPair(new("A"), new("Q")), new SchoolPair(new("B"), new("P")), new SchoolPair(new("C"), new("P"))],
            plan.SchoolPairs);
        Assert.Equal(2, plan.Summary.Schools.Kept);
        Assert.Equal(1, plan.Summary.Counties.Kept);
        Assert.True(PairingResultChecker.Check(roster, plan, plan.Summary.Options.ToOptions()).IsValid);
        var dropped = Assert.Single(plan.Continuity, e => e.Status == ContinuityStatus.Dropped);
        Assert.Equal(
            new ContinuityEntry(PairingLevel.School, "A", "P", ContinuityStatus.Dropped, null, "CON009", "students", 342, 432, string.Empty),
            dropped with { Reason = string.Empty });
        Assert.Equal(
            "为多覆盖 90 名学生而未保留：保留则覆盖 342 名，不保留覆盖 432 名 / dropped to cover more students (+90): 342 covered with it kept, 432 without",
            dropped.Reason);
        Assert.Equal(3, plan.Summary.ContinuityCounts!["CON001"]);
        var report = PairingResultChecker.Check(roster, plan, plan.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());

        var result = Matcher.Match(roster, previous: previous, options: options);
        Assert.Equal(432, result.Summary.CoveredStudents);
        Assert.Equal(plan.SchoolPairs, result.SchoolPairs);
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
    }

    [Fact]
    public void Continuity_first_keeps_a_pair_at_the_cost_of_students_and_says_how_many()
    {
        // Last year XS was with NS1. NS1 still meets P4 (2 classes, 90 students for XS's 2 and 60) but has no grade 8,
        // so it covers 30 of XS's 60; NS2 covers all 60.
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XS", "X1").Class("XS7", "XS", 7, 30).Class("XS8", "XS", 8, 30)
            .School("NS1", "N1").Class("NS1a", "NS1", 7, 60).Class("NS1b", "NS1", 9, 30)
            .School("NS2", "N1").Class("NS2a", "NS2", 7, 30).Class("NS2b", "NS2", 8, 30)
            .Build();
        var previous = Previous(roster, [("X1", "N1")], [("XS", "NS1")]);

        var coverageFirst = Matcher.Match(roster, previous: previous);
        Assert.Equal([new SchoolPair(new("XS"), new("NS2"))], coverageFirst.SchoolPairs);
        Assert.Equal(60, coverageFirst.Summary.CoveredStudents);
        Assert.Null(coverageFirst.Summary.ContinuityFirstUncovered);
        var dropped = Assert.Single(coverageFirst.Continuity, e => e.Level == PairingLevel.School && e.Status != ContinuityStatus.New);
        Assert.Equal(("CON009", 30L, 60L), (dropped.Code, dropped.Available!.Value, dropped.Needed!.Value));

        var continuityFirst = Matcher.Match(roster, previous: previous, options: new PairingOptions { ContinuityFirst = true });
        Assert.Equal([new SchoolPair(new("XS"), new("NS1"))], continuityFirst.SchoolPairs);
        Assert.Equal(30, continuityFirst.Summary.CoveredStudents);
        Assert.Equal(1, continuityFirst.Summary.Schools.Kept);
        Assert.Equal(30, continuityFirst.Summary.ContinuityFirstUncovered);
        Assert.True(PairingResultChecker.Check(roster, continuityFirst, continuityFirst.Summary.Options.ToOptions()).IsValid);

        // Without a previous result the option changes nothing.
        var fresh = Matcher.Match(roster, options: new PairingOptions { ContinuityFirst = true });
        Assert.Equal(coverageFirst.SchoolPairs, fresh.SchoolPairs);
        Assert.Null(fresh.Summary.ContinuityFirstUncovered);
    }

    [Fact]
    public void Of_two_previous_pairs_that_cannot_both_stand_the_one_with_more_student_pairs_is_kept()
    {
        // One inland school, two Xinjiang schools that each covered it last year in different grades; this year it
        // takes one (the defaults). Either covers 10 students; XB kept 3 student pairs last year, XA 1 (its other
        // students left), so XB-NS is kept.
        var t = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XA", "X1").Class("XA7", "XA", 7, 10)
            .School("XB", "X1").Class("XB8", "XB", 8, 10)
            .School("NS", "N1").Class("NS7", "NS", 7, 10).Class("NS8", "NS", 8, 10);
        var roster = t.Build();
        var xa = roster.StudentsIn(new ClassId("XA7"));
        var xb = roster.StudentsIn(new ClassId("XB8"));
        var n7 = roster.StudentsIn(new ClassId("NS7"));
        var n8 = roster.StudentsIn(new ClassId("NS8"));
        var previous = Previous(
            roster, [("X1", "N1")], [("XA", "NS"), ("XB", "NS")],
            students: [(xa[0].Id.Value, n7[0].Id.Value), (xb[0].Id.Value, n8[0].Id.Value), (xb[1].Id.Value, n8[1].Id.Value), (xb[2].Id.Value, n8[2].Id.Value)]);

        var result = Matcher.Match(roster, previous: previous);

        Assert.Equal([new SchoolPair(new("XB"), new("NS"))], result.SchoolPairs);
        Assert.Equal(3, result.Summary.Students?.Kept);
        Assert.True(PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions()).IsValid);
    }

    [Property(MaxTest = 40)]
    public void A_previous_result_never_costs_a_student(int seed)
    {
        // Last year's roster is another draw of the same shape, so many ids (and some pairs) recur.
        var roster = RandomRosters.Make(seed);
        var lastYear = RandomRosters.Make(seed ^ 0x5a5a);
        var options = ExactOptions(seed);
        options.Continuity = ContinuityObjective.CoverageFirst; // the balanced default may trade a student for a kept friendship (issue 24)
        var previous = Matcher.Match(lastYear, options: options);

        var fresh = Matcher.Match(roster, options: options);
        var again = Matcher.Match(roster, previous: previous, options: options);

        // Kept school pairs that P4 tolerates (issue 24) can only add to what is covered; with P4 strict, exactly the same.
        Assert.True(again.Summary.CoveredStudents >= fresh.Summary.CoveredStudents);
        var strict = options.Clone();
        strict.StrictP4 = true;
        Assert.Equal(fresh.Summary.CoveredStudents, Matcher.Match(roster, previous: previous, options: strict).Summary.CoveredStudents);
        var report = PairingResultChecker.Check(roster, again, again.Summary.Options.ToOptions(), previous);
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(
            previous.CountyPairs.Count + previous.SchoolPairs.Count + previous.ClassPairs.Count + previous.StudentPairs.Count,
            again.Continuity.Count(e => e.Status != ContinuityStatus.New));

        // Every pair made that last year's result lacks is listed as new (issue 24).
        Assert.Equal(
            again.CountyPairs.Count + again.SchoolPairs.Count + again.ClassPairs.Count + again.StudentPairs.Count,
            again.Continuity.Count(e => e.Status != ContinuityStatus.Dropped));
        Assert.Equal(again.Continuity.Count, again.Summary.ContinuityCounts!.Values.Sum());
    }

    [Property(MaxTest = 15)]
    public void Continuity_files_read_back_as_written_byte_for_byte(int seed)
    {
        var roster = RandomRosters.Make(seed);
        var previous = Matcher.Match(RandomRosters.Make(seed ^ 0x5a5a));
        var result = Matcher.Match(roster, previous: previous);
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        PairingResultFiles.Write(result, first.Path, includeTimings: false);
        var read = PairingResultFiles.Read(first.Path).GetValueOrThrow();
        PairingResultFiles.Write(read, second.Path, includeTimings: false);

        Assert.Equal(result.Continuity, read.Continuity);
        Assert.Equal(result.Summary.ContinuityCounts, read.Summary.ContinuityCounts);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(first.Path, PairingResultFiles.ContinuityFile)),
            File.ReadAllBytes(Path.Combine(second.Path, PairingResultFiles.ContinuityFile)));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(first.Path, PairingResultFiles.SummaryFile)),
            File.ReadAllBytes(Path.Combine(second.Path, PairingResultFiles.SummaryFile)));
        Assert.True(PairingResultChecker.Check(roster, read, read.Summary.Options.ToOptions(), previous).IsValid);
    }

    [Fact]
    public void The_checker_finds_a_continuity_row_that_is_not_true()
    {
        var roster = FileOrderRoster();
        var previous = Previous(roster, [("X", "N")], [("A", "P"), ("B", "P"), ("C", "P")]);
        var plan = Matcher.Plan(roster, previous: previous, options: new PairingOptions { XinjiangSchoolsPerInlandSchool = 3 });
        var forged = plan.Continuity
            .Select(e => e.XinjiangId == "A" ? e with { Code = "CON002", Counted = null, Available = null, Needed = null } : e)
            .Where(e => e.XinjiangId != "B");
        var bad = new PairingResult(plan.CountyPairs, plan.SchoolPairs, [], [], plan.Unpaired, forged, plan.Summary);

        var report = PairingResultChecker.Check(roster, bad, bad.Summary.Options.ToOptions(), previous);

        Assert.Contains(report.Violations, v => v.Subject == "A|P" && v.Code == "CHK106" && v.Rule == PairingRule.P7);
        Assert.Contains(report.Violations, v => v.Subject == "B|P" && v.Code == "CHK103" && (PairingLevel)v.Finding["level"] == PairingLevel.School
            && v.Finding.Subject == new FindingSubject("school_pair", "B|P"));
        Assert.Contains(report.Violations, v => v.Subject == "summary.continuity.CON001" && v.Code == "CHK117" && (string)v.Finding["code"] == "CON001");
    }

    [Property(MaxTest = 30)]
    public void A_previous_plan_never_costs_a_student_in_planning(int seed)
    {
        var roster = RandomRosters.Make(seed, students: false, size: 2);
        var lastYear = RandomRosters.Make(seed ^ 0x3c3c, students: false, size: 2);
        var options = ExactOptions(seed);
        var previous = Matcher.Plan(lastYear, options: options);

        var fresh = Matcher.Plan(roster, options: options);
        var again = Matcher.Plan(roster, previous: previous, options: options);

        Assert.True(again.Summary.CoveredStudents >= fresh.Summary.CoveredStudents);
        var strict = options.Clone();
        strict.StrictP4 = true;
        Assert.Equal(fresh.Summary.CoveredStudents, Matcher.Plan(roster, previous: previous, options: strict).Summary.CoveredStudents);
        Assert.True(PairingResultChecker.Check(roster, again, again.Summary.Options.ToOptions()).IsValid);
    }

    /// <summary>The option sets under which the matcher's coverage is exact (one Xinjiang unit per inland unit).</summary>
    private static PairingOptions ExactOptions(int seed) => (seed & 1) == 0
        ? new PairingOptions()
        : new PairingOptions { RelaxGradeToNearest = true, SharedInterestWeight = 1 };

    internal static Roster FileOrderRoster()
    {
        var t = new TestRoster().XinjiangCounty("X").InlandCounty("N")
            .School("A", "X").School("B", "X").School("C", "X").School("P", "N").School("Q", "N");
        for (var k = 0; k < 6; k++)
        {
            t.Class($"A7{k}", "A", 7, 36).Class($"Q7{k}", "Q", 7, 36);
        }

        for (var k = 0; k < 3; k++)
        {
            t.Class($"B8{k}", "B", 8, 42).Class($"C8{k}", "C", 8, 30).Class($"Q8{k}", "Q", 8, 42);
        }

        for (var k = 0; k < 4; k++)
        {
            t.Class($"P7{k}", "P", 7, 54).Class($"P8{k}", "P", 8, 54);
        }

        return t.Build();
    }

    /// <summary>A previous result with the given pairs (its summary is a stand-in: only the pairs are read).</summary>
    internal static PairingResult Previous(
        Roster roster,
        (string X, string N)[] counties,
        (string X, string N)[] schools,
        (string X, string N)[]? classes = null,
        (string X, string N)[]? students = null)
    {
        var summary = Matcher.Plan(roster).Summary;
        var phase = classes is null && students is null ? PairingPhase.Planning : PairingPhase.Roster;
        var stand = new PairingSummary
        {
            Phase = phase,
            Counties = summary.Counties,
            Schools = summary.Schools,
            Classes = phase == PairingPhase.Roster ? default(LevelFigures) : null,
            Students = phase == PairingPhase.Roster ? default(LevelFigures) : null,
            XinjiangStudents = summary.XinjiangStudents,
            CoveredStudents = summary.CoveredStudents,
            InputHash = summary.InputHash,
            LibraryVersion = summary.LibraryVersion,
            OrToolsVersion = summary.OrToolsVersion,
            Options = summary.Options,
        };
        return new PairingResult(
            counties.Select(p => new CountyPair(new(p.X), new(p.N))),
            schools.Select(p => new SchoolPair(new(p.X), new(p.N))),
            (classes ?? []).Select(p => new ClassPair(new(p.X), new(p.N))),
            (students ?? []).Select(p => new StudentPair(new(p.X), new(p.N), false)),
            [],
            stand);
    }
}
