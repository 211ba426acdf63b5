using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Tests.Findings;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>The checker's verdicts as CHK findings: golden renderings in both languages, the subject, and the rule kept with the code.</summary>
public sealed class CheckFindingsTests
{
    private static readonly Pairing.Core.Rosters.Roster Roster = new TestRoster()
        .XinjiangCounty("X1").InlandCounty("N1").InlandCounty("T1", TestRoster.Tianjin)
        .School("XS", "X1").Class("XC", "XS", 8, 4)
        .School("NS", "N1").Class("NC", "NS", 8, 4).Class("NC2", "NS", 9, 4)
        .School("TS", "T1").Class("TC", "TS", 8, 5)
        .Build();

    private static readonly PairingResult Good = new PairingMatcher().Match(Roster);

    public static TheoryData<Finding, string, string> Golden => new()
    {
        {
            CheckFindings.SchoolClassesShort.Create(new FindingSubject("school_pair", "XS|NS2"), null,
                FindingArgument.Of("inland", "NS2"), FindingArgument.Of("available", 3), FindingArgument.Of("needed", 5)),
            "学校结对 XS|NS2: 错误 CHK026: 内地学校 NS2 只有 3 个班，需要 5 个",
            "school pair XS|NS2: error CHK026: inland school NS2 has 3 classes; needed: 5"
        },
        {
            CheckFindings.ClassGrades.Create(new FindingSubject("class_pair", "XC|NC2"), null,
                FindingArgument.Of("xinjiangGrade", new Grade(8)), FindingArgument.Of("inlandGrade", new Grade(9))),
            "班级结对 XC|NC2: 错误 CHK034: 初二的新疆班级与初三的内地班级结对，年级不对应",
            "class pair XC|NC2: error CHK034: a Xinjiang class in grade 8 is paired with an inland class in grade 9"
        },
        {
            CheckFindings.InlandSchoolHasPlace.Create(new FindingSubject("school", "XB"), null,
                FindingArgument.Of("code", "UNP013"), FindingArgument.Of("inland", "NS"), FindingArgument.Of("taken", 1), FindingArgument.Of("allowed", 2)),
            "学校 XB: 错误 CHK078: 代码 UNP013 不成立：内地学校 NS 可以接收它，目前结对 1 所新疆学校，最多可结对 2 所",
            "school XB: error CHK078: code UNP013 does not hold: inland school NS could take it and takes 1 of at most 2 Xinjiang schools"
        },
        {
            CheckFindings.ContinuityStatusButNotMade.Create(new FindingSubject("school_pair", "A|P"), null,
                FindingArgument.Of("status", ContinuityStatus.Kept), FindingArgument.Of("code", "CON001")),
            "学校结对 A|P: 错误 CHK105: continuity.csv 记为保留（CON001），但该结对今年未结成",
            "school pair A|P: error CHK105: continuity.csv says kept (CON001), but the pair is not made this year"
        },
        {
            CheckFindings.GradeStudentsListed.Create(new FindingSubject("school", "NS"), null,
                FindingArgument.Of("inland", "NS"), FindingArgument.Of("grade", new Grade(8)), FindingArgument.Of("available", 20),
                FindingArgument.Of("needed", 30), FindingArgument.Of("left", 10), FindingArgument.Of("listed", 11)),
            "学校 NS: 错误 CHK058: 内地学校 NS 初二只有 20 名学生，新疆方面需要 30 名，应有 10 名新疆学生未结对，但列出了 11 名",
            "school NS: error CHK058: inland school NS has 20 students for 30 Xinjiang students in grade 8, so left over: 10, but listed: 11"
        },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Verdicts_render_in_chinese_and_english(Finding finding, string chinese, string english)
    {
        Assert.Equal(chinese, FindingRenderer.Default.RenderLine(finding, FindingLanguage.Chinese));
        Assert.Equal(english, FindingRenderer.Default.RenderLine(finding, FindingLanguage.English));
    }

    [Fact]
    public void A_violation_carries_its_finding_and_its_message_follows_the_ui_culture()
    {
        var broken = new PairingResult(Good.CountyPairs, Good.SchoolPairs, [new ClassPair(new("XC"), new("NC2"))], Good.StudentPairs, Good.Unpaired, Good.Summary);

        var violation = Assert.Single(PairingResultChecker.Check(Roster, broken).Violations, v => v.Code == "CHK034");

        Assert.Equal((PairingRule.P5, "XC|NC2"), (violation.Rule, violation.Subject));
        Assert.Equal(new FindingSubject("class_pair", "XC|NC2"), violation.Finding.Subject);
        Assert.Equal(FindingSeverity.Error, violation.Finding.Severity);
        using (UiCulture.Chinese())
        {
            Assert.Equal("初二的新疆班级与初三的内地班级结对，年级不对应", violation.Message);
        }

        using (UiCulture.English())
        {
            Assert.Equal("a Xinjiang class in grade 8 is paired with an inland class in grade 9", violation.Message);
        }
    }

    [Fact]
    public void The_report_reads_one_english_line_per_violation_with_rule_subject_and_code()
    {
        var broken = new PairingResult([new CountyPair(new("X1"), new("T1"))], [], [], [], Good.Unpaired, Good.Summary);

        var lines = PairingResultChecker.Check(Roster, broken).ToString().Split(Environment.NewLine);

        Assert.StartsWith("P1 county pair X1|T1: error CHK013: Xinjiang county X1 is aided by province ", lines[0], StringComparison.Ordinal);
        Assert.Equal("valid", PairingResultChecker.Check(Roster, Good).ToString());
    }

    [Fact]
    public void A_code_with_a_rule_is_reported_under_that_rule_only()
    {
        var finding = CheckFindings.SchoolClassesShort.Create(null, null,
            FindingArgument.Of("inland", "NS"), FindingArgument.Of("available", 1), FindingArgument.Of("needed", 2));

        Assert.Equal(PairingRule.P4, PairingViolation.Of(PairingRule.P4, PairingLevel.School, "XS|NS", finding).Rule);
        Assert.Throws<ArgumentException>(() => PairingViolation.Of(PairingRule.P3, PairingLevel.School, "XS|NS", finding));
        Assert.Throws<ArgumentException>(() => PairingViolation.Of(null, PairingLevel.School, "XS|NS", finding));

        // A reason that does not hold has no rule of its own: it is reported under the row's.
        var reason = CheckFindings.NoShortfall.Create(null, null, FindingArgument.Of("code", "UNP021"), FindingArgument.Of("available", 3), FindingArgument.Of("needed", 3));
        Assert.Equal(PairingRule.P5, PairingViolation.Of(PairingRule.P5, null, "XA8c", reason).Rule);
    }

    [Fact]
    public void Every_check_code_is_an_error_of_the_check_category_and_in_the_catalogue()
    {
        var codes = FindingCatalog.DeclaredIn(typeof(CheckFindings));

        Assert.Equal(84, codes.Count);
        Assert.All(codes, d => Assert.Equal(("check", FindingSeverity.Error), (d.Category, d.DefaultSeverity)));
        Assert.All(codes, d => Assert.True(FindingCatalog.TryGet(d.Code, out var found) && ReferenceEquals(d, found), d.Code));
        Assert.All(codes, d => Assert.StartsWith("CHK", d.Code, StringComparison.Ordinal));
    }
}
