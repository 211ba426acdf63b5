using Pairing.Core.Files.Results;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Files;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// The checker recomputes every unpaired row from the roster and the pairs: a false code, a false number, a wrong inland
/// unit or grade, or more units listed than the shortfall leaves, is rejected with the row named.
/// </summary>
public sealed class UnpairedReasonCheckTests : IDisposable
{
    // XA brings 3 grade-8 classes of 10; NS has 2 grade-8 classes of 10 and a grade-7 class (P4 holds on totals: 3 classes,
    // 30 students each). So one class (UNP021: 2 of 3) and ten students (UNP031: 20 of 30) are left.
    private static readonly Pairing.Core.Rosters.Roster Roster = new TestRoster()
        .XinjiangCounty("X1").InlandCounty("N1")
        .School("XA", "X1").Class("XA8a", "XA", 8, 10).Class("XA8b", "XA", 8, 10).Class("XA8c", "XA", 8, 10)
        .School("NS", "N1").Class("NS8a", "NS", 8, 10).Class("NS8b", "NS", 8, 10).Class("NS7", "NS", 7, 10)
        .Build();

    private static readonly PairingResult Good = new PairingMatcher().Match(Roster);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pairing-reasons-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void The_matchers_rows_are_true_and_carry_their_numbers()
    {
        Assert.True(PairingResultChecker.Check(Roster, Good).IsValid, PairingResultChecker.Check(Roster, Good).ToString());
        var unpairedClass = Assert.Single(Good.Unpaired, u => u.Level == PairingLevel.Class);
        Assert.Equal(("UNP021", "NS", 8, "classes", 2, 3), (unpairedClass.Code, unpairedClass.InlandId, unpairedClass.Grade?.Number, unpairedClass.Counted, unpairedClass.Available, unpairedClass.Needed));
        var students = Good.Unpaired.Where(u => u.Level == PairingLevel.Student).ToList();
        Assert.Equal(10, students.Count);
        Assert.All(students, u => Assert.Equal(("UNP031", 20, 30), (u.Code, u.Available, u.Needed)));
    }

    [Fact]
    public void A_student_listed_under_a_county_code_is_rejected()
    {
        var broken = Replace(Good, u => u.Level == PairingLevel.Student, u => UnpairedUnit.Of(u.Level, u.Id, UnpairedFindings.NoInlandCounty,
            FindingArgument.Of("inland", "110000"), FindingArgument.Of("available", 0), FindingArgument.Of("needed", 1)));

        var violations = PairingResultChecker.Check(Roster, broken).Violations;
        var id = broken.Unpaired.First(u => u.Code == "UNP001").Id;
        Assert.Contains(violations, v => v.Rule == PairingRule.P7 && v.Subject == id && v.Code == "CHK062"
            && (PairingLevel)v.Finding["codeLevel"] == PairingLevel.County && (PairingLevel)v.Finding["level"] == PairingLevel.Student);
    }

    [Theory]
    [InlineData("NS", 8, 1, 3, "CHK065", PairingRule.P5, "available", 2)]
    [InlineData("NS", 8, 2, 4, "CHK065", PairingRule.P5, "needed", 3)]
    [InlineData("NX", 8, 2, 3, "CHK064", PairingRule.P5, "inland", "NS")]
    [InlineData("NS", 9, 2, 3, "CHK082", PairingRule.P5, "grade", 8)]
    [InlineData("NS", 8, 3, 3, "CHK063", PairingRule.P7, "available", 3)]
    public void A_class_row_with_invented_numbers_is_rejected_with_the_row_named(
        string inland, int grade, int available, int needed, string code, PairingRule rule, string argument, object value)
    {
        var broken = Replace(Good, u => u.Level == PairingLevel.Class, u => UnpairedUnit.Of(u.Level, u.Id, UnpairedFindings.GradeClassesShort,
            FindingArgument.Of("inland", inland), FindingArgument.Of("grade", new Grade(grade)),
            FindingArgument.Of("available", available), FindingArgument.Of("needed", needed)));

        var violations = PairingResultChecker.Check(Roster, broken).Violations;
        var unpairedClass = Good.Unpaired.Single(u => u.Level == PairingLevel.Class).Id;
        var violation = Assert.Single(violations, v => v.Subject == unpairedClass);
        Assert.Equal((code, rule), (violation.Code, violation.Rule));
        var actual = violation.Finding[argument];
        Assert.Equal(value, actual is Grade g ? g.Number : actual);
        if (code != "CHK063")
        {
            Assert.Equal("UNP021", violation.Finding["code"]);
        }
    }

    [Fact]
    public void A_class_said_to_be_unpaired_because_its_school_is_not_paired_is_rejected()
    {
        var broken = Replace(Good, u => u.Level == PairingLevel.Class, u => UnpairedUnit.Of(u.Level, u.Id, UnpairedFindings.ClassSchoolUnpaired));

        Assert.Contains(PairingResultChecker.Check(Roster, broken).Violations, v => v.Rule == PairingRule.P5 && v.Code == "CHK075"
            && (PairingLevel)v.Finding["level"] == PairingLevel.School && (string)v.Finding["inland"] == "NS" && (string)v.Finding["code"] == "UNP022");
    }

    [Fact]
    public void More_students_listed_than_the_grade_lacks_is_rejected()
    {
        // Drop one student pair and list its Xinjiang student with the grade's true numbers: each row is true alone,
        // but the grade lacks 10 places and 11 are listed.
        var dropped = Good.StudentPairs[0];
        var students = Good.StudentPairs.Skip(1).ToList();
        var extra = UnpairedUnit.Of(PairingLevel.Student, dropped.Xinjiang.Value, UnpairedFindings.GradeStudentsShort,
            FindingArgument.Of("inland", "NS"), FindingArgument.Of("grade", new Grade(8)), FindingArgument.Of("available", 20), FindingArgument.Of("needed", 30));
        var broken = new PairingResult(Good.CountyPairs, Good.SchoolPairs, Good.ClassPairs, students, [.. Good.Unpaired, extra], Good.Summary);

        Assert.Contains(PairingResultChecker.Check(Roster, broken).Violations, v => v.Rule == PairingRule.P6 && v.Subject == "NS" && v.Code == "CHK058"
            && (int)v.Finding["left"] == 10 && (int)v.Finding["listed"] == 11 && (Grade)v.Finding["grade"] == new Grade(8));
    }

    [Fact]
    public void A_row_whose_reason_is_only_text_does_not_read()
    {
        PairingResultFiles.Write(Good, _directory);
        var path = Path.Combine(_directory, PairingResultFiles.UnpairedFile);
        var lines = File.ReadAllLines(path).ToList();
        var fields = lines[1].Split(',');
        lines[1] = string.Join(',', fields[0], fields[1], fields[2], string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "0");
        File.WriteAllLines(path, lines);
        var problemsRead = PairingResultFiles.Read(_directory);
        var problems = problemsRead.Findings;
        Assert.False(problemsRead.IsValid);
        var read = problemsRead.Value;
        Assert.Null(read);
        var problem = Assert.Single(problems);
        Assert.Equal(ResultFileFindings.BadRow, problem.Descriptor);
        Assert.Equal(new FindingLocation(PairingResultFiles.UnpairedFile, Line: 2), problem.Location);
        Assert.StartsWith("code is ''", (string)problem["error"], StringComparison.Ordinal);
        var e = Assert.Throws<InputRejectedException>(() => PairingResultFiles.Read(_directory).GetValueOrThrow());
        Assert.Contains("unpaired.csv:2: error RES025: unpaired.csv: code is ''", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_read_back_is_the_same_finding_and_its_reason_follows_the_language_asked()
    {
        PairingResultFiles.Write(Good, _directory, includeTimings: false, FindingLanguage.Chinese);
        var text = File.ReadAllText(Path.Combine(_directory, PairingResultFiles.UnpairedFile));
        Assert.Contains("class,XA8c,P5,UNP021,NS,8,classes,2,3,内地学校 NS 初二只有 2 个班，需要 3 个\n", text, StringComparison.Ordinal);

        var read = PairingResultFiles.Read(_directory).GetValueOrThrow();
        Assert.Equal(Good.Unpaired, read.Unpaired);
        Assert.True(PairingResultChecker.Check(Roster, read).IsValid);

        PairingResultFiles.Write(Good, _directory);
        Assert.Contains("内地学校 NS 初二只有 2 个班，需要 3 个 / inland school NS has 2 classes in grade 8; needed: 3", File.ReadAllText(Path.Combine(_directory, PairingResultFiles.UnpairedFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_shared_inland_school_the_reason_is_P4_on_the_sums_not_all_taken()
    {
        // NS (4 classes, 80 students) may take 2 Xinjiang schools. XA (3 classes, 60) takes it first, leaving 1 class and
        // 20 students: XB (2 classes, 40) meets P4 against NS alone, and NS has a place, but not the classes left.
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1")
            .School("XA", "X1").Class("XA7", "XA", 7, 20).Class("XA8", "XA", 8, 20).Class("XA9", "XA", 9, 20)
            .School("XB", "X1").Class("XB7", "XB", 7, 20).Class("XB8", "XB", 8, 20)
            .School("NS", "N1").Class("NS7", "NS", 7, 20).Class("NS8", "NS", 8, 20).Class("NS9", "NS", 9, 20).Class("NS9b", "NS", 9, 20)
            .Build();
        var options = new PairingOptions { XinjiangSchoolsPerInlandSchool = 2 };

        var plan = new PairingMatcher().Plan(roster, options: options);

        var xb = Assert.Single(plan.Unpaired, u => u.Level == PairingLevel.School);
        Assert.Equal(("XB", "UNP016", PairingRule.P4, "NS", "classes", 1, 2), (xb.Id, xb.Code, xb.Rule, xb.InlandId, xb.Counted, xb.Available, xb.Needed));
        Assert.True(PairingResultChecker.Check(roster, plan, options).IsValid, PairingResultChecker.Check(roster, plan, options).ToString());

        // "Every able school is taken" would be false here: the checker says NS still has a place.
        var taken = Replace(plan, u => u.Id == "XB", u => UnpairedUnit.Of(u.Level, u.Id, UnpairedFindings.SchoolsTaken,
            FindingArgument.Of("inland", "N1"), FindingArgument.Of("available", 0), FindingArgument.Of("needed", 1)));
        Assert.Contains(PairingResultChecker.Check(roster, taken, options).Violations, v => v.Subject == "XB" && v.Code == "CHK078" && v.Rule == PairingRule.P3
            && (string)v.Finding["inland"] == "NS" && (int)v.Finding["taken"] == 1 && (int)v.Finding["allowed"] == 2);
    }

    private static PairingResult Replace(PairingResult r, Func<UnpairedUnit, bool> which, Func<UnpairedUnit, UnpairedUnit> with)
    {
        var done = false;
        var unpaired = r.Unpaired.Select(u =>
        {
            if (!done && which(u))
            {
                done = true;
                return with(u);
            }

            return u;
        }).ToList();
        return new PairingResult(r.CountyPairs, r.SchoolPairs, r.ClassPairs, r.StudentPairs, unpaired, r.Summary);
    }
}
