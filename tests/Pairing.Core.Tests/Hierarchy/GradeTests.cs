using Pairing.Core.Hierarchy;

namespace Pairing.Core.Tests.Hierarchy;

public sealed class GradeTests
{
    [Theory]
    [InlineData(7, "初一", SchoolStage.Junior)]
    [InlineData(8, "初二", SchoolStage.Junior)]
    [InlineData(9, "初三", SchoolStage.Junior)]
    [InlineData(10, "高一", SchoolStage.Senior)]
    [InlineData(11, "高二", SchoolStage.Senior)]
    [InlineData(12, "高三", SchoolStage.Senior)]
    public void Each_grade_has_its_chinese_name_and_stage(int number, string chinese, SchoolStage stage)
    {
        var grade = new Grade(number);
        Assert.Equal(number, grade.Number);
        Assert.Equal(chinese, grade.ChineseName);
        Assert.Equal(stage, grade.Stage);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(13)]
    [InlineData(0)]
    public void Grades_outside_7_to_12_are_refused(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Grade(number));

    [Theory]
    [InlineData("7", true)]
    [InlineData("12", true)]
    [InlineData("13", false)]
    [InlineData(" 8", false)]
    [InlineData("8.0", false)]
    [InlineData("", false)]
    [InlineData("-7", false)]
    public void Parses_only_whole_numbers_7_to_12(string text, bool ok) => Assert.Equal(ok, Grade.TryParse(text, out _));

    [Fact]
    public void Default_is_grade_7_and_order_follows_numbers()
    {
        Assert.Equal(7, default(Grade).Number);
        Assert.True(new Grade(8) < new Grade(11));
        Assert.Equal(new Grade(9), new Grade(9));
        Assert.Equal(6, Grade.All.Count);
    }
}
