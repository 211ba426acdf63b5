using System.Globalization;
using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Findings;

namespace Pairing.Core.Tests.Rosters;

public sealed class RosterProblemTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    private static Finding BadGrade() => RosterFindings.BadGrade.Create(
        null, new FindingLocation("classes.csv", Line: 12, Column: 3, ColumnName: "grade"), FindingArgument.Of("value", "13"));

    [Fact]
    public void A_grade_problem_renders_one_line_in_english_and_in_chinese()
    {
        var problem = BadGrade();

        Assert.Equal(
            "classes.csv:12:3 (grade): error ROS014: grade '13' is not a middle-school grade; expected a grade from 7 to 12, 初一 to 高三, or 七年级 to 十二年级",
            FindingRenderer.Default.RenderLine(problem, FindingLanguage.English));
        Assert.Equal(
            "classes.csv:12:3 (grade): 错误 ROS014: 年级“13”不是中学年级；应为 7 到 12 的年级，或初一至高三、七年级至十二年级",
            FindingRenderer.Default.RenderLine(problem, FindingLanguage.Chinese));
    }

    [Fact]
    public void A_rejected_class_and_a_duplicate_render_with_their_numbers_in_both_languages()
    {
        var rejected = RosterFindings.ClassRejected.Create(
            new FindingSubject("class", "X"), new FindingLocation("students.csv", Line: 5, Column: 2, ColumnName: "class_id"),
            FindingArgument.Of("class", "X"), FindingArgument.Of("file", "classes.csv"), FindingArgument.Of("line", 2), FindingArgument.Of("count", 37));
        var duplicate = RosterFindings.DuplicateId.Create(
            null, new FindingLocation("schools.csv", Line: 3, Column: 1, ColumnName: "school_id"),
            FindingArgument.Of("level", PairingLevel.School), FindingArgument.Of("id", "XS1"), FindingArgument.Of("first", 2));

        Assert.Equal(
            "class 'X' was rejected at classes.csv:2, so the students in it are not checked further (students: 37); expected a valid row for class 'X' in classes.csv",
            FindingRenderer.Default.Render(rejected, FindingLanguage.English));
        Assert.Equal(
            "班级“X”在 classes.csv 第 2 行被拒，所以不再检查它的学生（共 37 名）；应为 classes.csv 中班级“X”的一行有效数据",
            FindingRenderer.Default.Render(rejected, FindingLanguage.Chinese));
        Assert.Equal("school id 'XS1' appears twice (first at line 2); expected each id once in its file", FindingRenderer.Default.Render(duplicate, FindingLanguage.English));
        Assert.Equal("学校编号“XS1”出现两次（第一次在第 2 行）；应为每个编号在文件中只出现一次", FindingRenderer.Default.Render(duplicate, FindingLanguage.Chinese));
    }

    [Fact]
    public void Message_expected_and_the_line_follow_the_current_ui_culture()
    {
        var problem = BadGrade();
        using (UiCulture.English())
        {
            Assert.Equal("grade '13' is not a middle-school grade; expected a grade from 7 to 12, 初一 to 高三, or 七年级 to 十二年级", FindingRenderer.Default.Render(problem));
            Assert.Equal("a grade from 7 to 12, 初一 to 高三, or 七年级 to 十二年级", FindingRenderer.Default.RenderPart(problem, "Expected"));
            Assert.StartsWith("classes.csv:12:3 (grade): error ROS014: grade '13'", FindingRenderer.Default.RenderLine(problem), StringComparison.Ordinal);
        }

        using (UiCulture.Chinese())
        {
            Assert.Equal("年级“13”不是中学年级；应为 7 到 12 的年级，或初一至高三、七年级至十二年级", FindingRenderer.Default.Render(problem));
            Assert.Equal("7 到 12 的年级，或初一至高三、七年级至十二年级", FindingRenderer.Default.RenderPart(problem, "Expected"));
            Assert.StartsWith("classes.csv:12:3 (grade): 错误 ROS014: 年级", FindingRenderer.Default.RenderLine(problem), StringComparison.Ordinal);
            Assert.StartsWith("classes.csv:12:3 (grade): error ROS014", problem.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal((FindingSeverity.Error, "ROS014", "classes.csv", 12, 3, "grade"),
            (problem.Severity, problem.Code, problem.Location?.File, problem.Location?.Line, problem.Location?.Column, problem.Location?.ColumnName));
    }

    [Fact]
    public void Every_input_code_says_what_was_expected_inside_its_message_in_both_languages()
    {
        var codes = FindingCatalog.All.Where(d => d.Code.StartsWith("ROS", StringComparison.Ordinal) || d.Code.StartsWith("ACF", StringComparison.Ordinal)).ToList();
        Assert.True(codes.Count >= 70);
        foreach (var d in codes)
        {
            var finding = d.Create(null, null, [.. d.ArgumentNames.Select(n => FindingArgument.Of(n, "⟨" + n + "⟩"))]);
            foreach (var culture in (CultureInfo[])[CultureInfo.InvariantCulture, Chinese])
            {
                var expected = FindingRenderer.Default.RenderPart(finding, "Expected", culture);
                Assert.False(string.IsNullOrWhiteSpace(expected), $"{d.Code} has no Expected part in '{culture.Name}'");
                Assert.EndsWith(expected, FindingRenderer.Default.Render(finding, culture), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Findings_are_equal_by_value()
    {
        Assert.Equal(BadGrade(), BadGrade());
        Assert.Equal(BadGrade().GetHashCode(), BadGrade().GetHashCode());
        Assert.NotEqual(BadGrade(), RosterFindings.BadGrade.Create(null, new FindingLocation("classes.csv", Line: 13), FindingArgument.Of("value", "13")));
    }
}
