using Pairing.Cli.Text;

namespace Pairing.Core.Tests.Cli;

/// <summary>
/// The command-line parser's own problems are the tool's findings (issue 22, item 6): a CLI code, both languages, no
/// doubled quotes or stops (<c>未识别命令或参数“'chek'”.</c>), and the nearest command or option for a slip.
/// </summary>
public sealed class ParseProblemTests : CliTestBase
{
    [Fact]
    public void Unknown_command_gets_a_code_and_did_you_mean_in_both_languages()
    {
        var zh = Run("chek", "roster", "--language", "zh");
        var en = Run("chek", "roster", "--language", "en");

        Assert.Equal(2, zh.Code);
        Assert.Equal(2, en.Code);
        Assert.Contains("pairing：命令行有 1 处问题：", zh.Err, StringComparison.Ordinal);
        Assert.Contains("错误 CLI018: “chek”不是 pairing 的命令。是不是要输入 'check'？", zh.Err, StringComparison.Ordinal);
        Assert.Contains("error CLI018: 'chek' is not a command of pairing. Did you mean 'check'?", en.Err, StringComparison.Ordinal);
        // Neither the follow-on "no command" nor the unknown command's own argument is listed.
        Assert.DoesNotContain("CLI022", en.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("roster", en.Err, StringComparison.Ordinal);
        NoParserText(zh.Err);
        NoParserText(en.Err);
    }

    [Fact]
    public void A_command_that_is_not_near_any_gets_the_list_of_commands()
    {
        var zh = Run("frobnicate", "--language", "zh");

        Assert.Equal(2, zh.Code);
        Assert.Contains("错误 CLI018: “frobnicate”不是 pairing 的命令。可用的命令有 generate、check、plan、match、advise、verify、explain、activities、report、demo。", zh.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_gets_a_code_and_no_doubled_stop()
    {
        var zh = Run("--language", "zh");
        var en = Run("--language", "en");

        Assert.Equal(2, zh.Code);
        Assert.Contains("错误 CLI022: 没有给出命令；可用的命令有 generate、", zh.Err, StringComparison.Ordinal);
        Assert.Contains("error CLI022: No command given; the commands are generate, check,", en.Err, StringComparison.Ordinal);
        NoParserText(zh.Err);
    }

    [Fact]
    public void Unknown_option_gets_a_code_and_the_nearest_option_in_both_languages()
    {
        var zh = Run("match", "roster", "--ouy", "x", "--language", "zh");
        var en = Run("match", "roster", "--ouy", "x", "--language", "en");
        var far = Run("check", "roster", "--frobnicate", "--language", "en");

        Assert.Equal(2, zh.Code);
        Assert.Contains("错误 CLI019: “--ouy”不是 'pairing match' 的选项。是不是要输入 '--out'？", zh.Err, StringComparison.Ordinal);
        Assert.Contains("error CLI019: '--ouy' is not an option of 'pairing match'. Did you mean '--out'?", en.Err, StringComparison.Ordinal);
        Assert.Contains("error CLI019: '--frobnicate' is not an option of 'pairing check'. 'pairing check --help' lists its options.", far.Err, StringComparison.Ordinal);
        // Options of the root reach every command (--language).
        Assert.Contains("Did you mean '--language'?", Run("check", "roster", "--languag", "en").Err, StringComparison.Ordinal);
        NoParserText(zh.Err);
    }

    [Fact]
    public void Missing_and_extra_arguments_and_a_missing_value_get_codes_every_problem_at_once()
    {
        var zh = Run("verify", "a", "b", "c", "--language", "zh");
        var en = Run("check", "--language", "en");
        var demo = Run("demo", "foo", "--language", "zh");
        var value = Run("plan", "roster", "--out", "o", "--language", "en", "--threads");
        var all = Run("check", "a", "b", "--bogus", "--language", "en");

        Assert.Contains("错误 CLI020: 多余的参数“c”：'pairing verify' 只接受 <ROSTER> <RESULT>。", zh.Err, StringComparison.Ordinal);
        Assert.Contains("error CLI023: 'pairing check' needs the argument <DIR>.", en.Err, StringComparison.Ordinal);
        Assert.Contains("错误 CLI023: 'pairing check' 缺少参数 <DIR>。", Run("check", "--language", "zh").Err, StringComparison.Ordinal);
        Assert.Contains("错误 CLI021: 'pairing demo' 不接受参数，“foo”也不是它的选项。", demo.Err, StringComparison.Ordinal);
        Assert.Contains("error CLI003: Option '--threads' needs a value.", value.Err, StringComparison.Ordinal);
        Assert.Contains("pairing: 2 problem(s) with the command line:", all.Err, StringComparison.Ordinal);
        Assert.Contains("CLI020", all.Err, StringComparison.Ordinal);
        Assert.Contains("CLI019", all.Err, StringComparison.Ordinal);
        Assert.All((int[])[zh.Code, en.Code, demo.Code, value.Code, all.Code], code => Assert.Equal(2, code));
        foreach (var err in (string[])[zh.Err, en.Err, demo.Err, value.Err, all.Err])
        {
            NoParserText(err);
        }
    }

    [Fact]
    public void Library_option_failures_on_the_command_line_carry_their_code()
    {
        var zh = Run("match", "roster", "--out", "o", "--seed", "-1", "--language", "zh");

        Assert.Equal(2, zh.Code);
        Assert.Contains("错误 OPT", zh.Err, StringComparison.Ordinal);
        Assert.Contains("--seed 为 -1，应不小于 0", zh.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chek", "check")]
    [InlineData("chekc", "check")]
    [InlineData("mach", "match")]
    [InlineData("gen", "generate")]
    [InlineData("--ouy", "--out")]
    [InlineData("--thread", "--threads")]
    [InlineData("xyz", null)]
    [InlineData("--frobnicate", null)]
    public void The_nearest_name_is_a_slip_of_a_letter_or_two_or_a_unique_start(string typed, string? expected)
    {
        string[] names = ["generate", "check", "plan", "match", "verify", "activities", "report", "demo", "--out", "--threads", "--seed", "--plan"];

        Assert.Equal(expected, ParseProblems.Nearest(typed, names));
    }

    /// <summary>Every problem line has a code; nothing of the parser's own wording, no doubled quotes or stops.</summary>
    private static void NoParserText(string err)
    {
        var problems = err.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, l => Assert.Matches(@"^  (error|错误) [A-Z]{3}\d{3}: ", l));
        foreach (var bad in (string[])["。.", "“'", "'”", "Unrecognized", "未识别", "Required", "未提供", "必需的命令"])
        {
            Assert.DoesNotContain(bad, err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_option_that_took_the_next_option_as_its_value_is_said_before_what_it_left_over()
    {
        // "--threads --language en": --threads took "--language" as its value, which left "en" an argument too many.
        var run = Run("match", "roster", "--threads", "--language", "en");
        var cause = run.Err.IndexOf("CLI004", StringComparison.Ordinal);
        var consequence = run.Err.IndexOf("CLI020", StringComparison.Ordinal);

        Assert.True(cause >= 0 && consequence >= 0, run.Err);
        Assert.True(cause < consequence, run.Err);
    }
}
