using Pairing.Cli.Text;

namespace Pairing.Core.Tests.Cli;

/// <summary>
/// <c>pairing explain</c> (issue 22, item 14): "why is this unit unpaired?" answered in the user's language, with the
/// chain of causes, last year's pairs, and the nearest ids for an unknown one.
/// </summary>
public sealed class ExplainCommandTests : CliTestBase
{
    /// <summary>A roster with deliberate gaps, paired: 3,000 students of seed 5 leave some counties unpaired.</summary>
    private void Pair()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "3000", "--seed", "5", "--out", In("roster")).Code);
        Assert.Equal(0, Run("match", In("roster"), "--out", In("result")).Code);
    }

    private string[] Unpaired(string level, string code) =>
        [.. File.ReadLines(In("result", "unpaired.csv")).Skip(1).Select(l => l.Split(',')).Where(r => r[0] == level && r[3] == code).Select(r => r[1])];

    private static void FitsEighty(string text) =>
        Assert.All(text.Split('\n'), line => Assert.True(TextLayout.Width(line.TrimEnd('\r')) <= 80, line));

    [Fact]
    public void Explain_says_why_a_student_is_unpaired_up_to_the_county_in_chinese_and_english()
    {
        Pair();
        var student = Unpaired("student", "UNP032")[0];

        var zh = Run("explain", In("result"), student, "--roster", In("roster"), "--language", "zh");
        var en = Run("explain", In("result"), student, "--roster", In("roster"), "--language", "en");

        Assert.Equal(0, zh.Code);
        Assert.Equal(0, en.Code);
        Assert.StartsWith($"新疆学生 {student}：未结对。", zh.Out, StringComparison.Ordinal);
        Assert.Contains("原因（从它自下而上，直至根本原因）：", zh.Out, StringComparison.Ordinal);
        Assert.Contains("所在学校未结对，无法为其选择内地学生（P6，UNP032）", zh.Out, StringComparison.Ordinal);
        Assert.StartsWith($"student {student} (Xinjiang): not paired.", en.Out, StringComparison.Ordinal);
        Assert.Contains("Why, from it up to the root cause:", en.Out, StringComparison.Ordinal);
        Assert.Contains("(P6, UNP032)", en.Out, StringComparison.Ordinal);
        // The chain goes on through the class (UNP022) and the school (UNP011) to the county's own reason.
        foreach (var output in (string[])[zh.Out, en.Out])
        {
            var codes = System.Text.RegularExpressions.Regex.Matches(output, "UNP0[0-9]{2}").Select(m => m.Value).ToList();
            Assert.Equal(["UNP032", "UNP022", "UNP011"], codes.Take(3));
            Assert.True(string.CompareOrdinal(codes[3], "UNP010") < 0, codes[3]);
            FitsEighty(output);
        }

        Assert.Empty(zh.Err);
    }

    [Fact]
    public void Explain_without_the_roster_says_what_the_result_alone_cannot()
    {
        Pair();
        var student = Unpaired("student", "UNP032")[0];

        var zh = Run("explain", In("result"), student, "--language", "zh");
        var en = Run("explain", In("result"), student, "--language", "en");

        Assert.Equal(0, zh.Code);
        Assert.Contains("仅凭结对结果无法得知其所在学校；提供名册后可继续向上追溯原因", zh.Out.Replace("\n    ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("the result alone does not say which school it is in", en.Out.Replace("\n    ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_names_the_partner_of_a_paired_unit_in_chinese_and_english()
    {
        Pair();
        var pair = File.ReadLines(In("result", "county_pairs.csv")).Skip(1).First().Split(',');

        var zh = Run("explain", In("result"), pair[0], "--language", "zh");
        var en = Run("explain", In("result"), pair[0], "--language", "en");

        Assert.Equal(0, zh.Code);
        Assert.Equal($"新疆县 {pair[0]}：已结对。\n  县 {pair[0]}：已与内地县 {pair[1]} 结对（EXP001）\n", zh.Out.ReplaceLineEndings("\n"));
        Assert.Equal($"county {pair[0]} (Xinjiang): paired.\n  county {pair[0]}: paired with inland county {pair[1]} (EXP001)\n", en.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Explain_of_an_unknown_id_gives_the_nearest_ids_and_exit_code_2()
    {
        Pair();
        var county = File.ReadLines(In("result", "county_pairs.csv")).Skip(1).First().Split(',')[0];
        var typo = county[..^1];

        var zh = Run("explain", In("result"), typo, "--language", "zh");
        var en = Run("explain", In("result"), typo, "--language", "en");

        Assert.Equal(2, zh.Code);
        Assert.Equal(2, en.Code);
        Assert.Empty(en.Out);
        Assert.Contains($"错误 EXP011: 没有编号为“{typo}”的县、学校、班级或学生；最接近的编号：", zh.Err, StringComparison.Ordinal);
        Assert.Contains($"error EXP011: no county, school, class or student has the id '{typo}'; the", en.Err, StringComparison.Ordinal);
        Assert.Contains(county, en.Err, StringComparison.Ordinal);
        Assert.Contains("EXP013", en.Err, StringComparison.Ordinal);
        FitsEighty(en.Err);
    }

    [Fact]
    public void Explain_of_an_unreadable_result_lists_its_problems_and_exits_2()
    {
        Directory.CreateDirectory(In("empty"));

        var run = Run("explain", In("empty"), "653125", "--language", "en");

        Assert.Equal(2, run.Code);
        Assert.Contains("RES", run.Err, StringComparison.Ordinal);
        Assert.Contains("pairing explain: the result in", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_says_what_became_of_last_year_s_pair_in_the_user_s_language_only()
    {
        Pair();
        Assert.Equal(0, Run("generate", "--next-year", In("roster"), "--out", In("roster2")).Code);
        // P4 strict and coverage first, so that some school pair of last year is dropped (issue 24 keeps them by default).
        Assert.Equal(0, Run("match", In("roster2"), "--out", In("result2"), "--previous", In("result"), "--strict-p4", "--continuity", "coverage-first").Code);
        var row = File.ReadLines(In("result2", "continuity.csv")).Skip(1).Select(l => l.Split(',')).First(r => r[0] == "school" && r[3] == "dropped");

        var zh = Run("explain", In("result2"), row[1], "--language", "zh");
        var en = Run("explain", In("result2"), row[1], "--language", "en");

        Assert.Equal(0, zh.Code);
        Assert.Contains("去年的结对（continuity.csv）：", zh.Out, StringComparison.Ordinal);
        Assert.Contains($"去年的学校结对 {row[1]}–{row[2]} 今年未保留（{row[5]}）", zh.Out.Replace("\n    ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(" / ", zh.Out, StringComparison.Ordinal);
        Assert.Contains("Last year's pairs (continuity.csv):", en.Out, StringComparison.Ordinal);
        Assert.Contains($"last year's school pair {row[1]}–{row[2]} is not made this year", en.Out.Replace("\n    ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(" / ", en.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_reads_a_result_workbook_as_it_reads_a_result_folder()
    {
        Pair();
        Assert.Equal(0, Run("match", In("roster"), "--out", In("result.xlsx")).Code);
        var student = Unpaired("student", "UNP032")[0];

        var folder = Run("explain", In("result"), student, "--roster", In("roster"), "--language", "zh");
        var workbook = Run("explain", In("result.xlsx"), student, "--roster", In("roster"), "--language", "zh");

        Assert.Equal(0, workbook.Code);
        Assert.Equal(folder.Out, workbook.Out);
    }

    [Fact]
    public void Explain_with_a_roster_that_cannot_be_read_exits_2_and_says_why()
    {
        Pair();

        var run = Run("explain", In("result"), "653125", "--roster", In("nowhere"), "--language", "en");

        Assert.Equal(2, run.Code);
        Assert.Empty(run.Out);
        Assert.Contains("ROS001", run.Err, StringComparison.Ordinal);
        Assert.Contains("pairing explain: the roster in", run.Err, StringComparison.Ordinal);
    }
}
