using System.Text.RegularExpressions;

namespace Pairing.Core.Tests.Cli;

/// <summary>
/// What a Chinese reader sees has no English in it (issue 22, item 11): every command's help and the whole demo under
/// <c>--language zh</c> (what <c>LANG=zh_CN.UTF-8</c> gives; CliLanguageTests checks the variables themselves) fail on
/// any run of three or more ASCII letters outside ids, file names and paths, codes, option names, the commands a
/// user is told to type, and the short allow-list below. The demo takes about 10 s (100,000 students; it has no size option).
/// </summary>
public sealed partial class CliChineseTextTests : CliTestBase
{
    private static readonly string[] Commands = ["generate", "check", "plan", "match", "advise", "verify", "activities", "report", "explain", "demo"];

    /// <summary>Words a Chinese text may carry as they are: the tool's and the commands' names, argument placeholders, file
    /// kinds, encodings, spreadsheet programs, the locale variables and values a user types.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "pairing", "generate", "check", "plan", "match", "verify", "activities", "report", "explain", "demo", "advise",
        "DIR", "ROSTER", "RESULT", "UNIT_ID", "RATE", "ACTIVITIES", "SECONDS", "FROM", "YEAR", "FILE",
        "CSV", "HTML", "README", "UTF", "BOM", "utf", "gb", "Excel", "WPS",
        "LANG", "LC_ALL", "LC_MESSAGES", "zh_CN", "yyyy",

        // The values of --continuity (coverage-first, balanced, continuity-first), typed as they are.
        "coverage", "balanced", "continuity", "first",

        // The folders the demo writes (roster, result, year2/…), named where it says where its files are.
        "roster", "result", "year",
    };

    [Fact]
    public void Help_of_every_command_in_chinese_has_no_english_words()
    {
        foreach (var command in Commands.Prepend(null))
        {
            string[] args = command is null ? ["--help"] : [command, "--help"];
            var run = Run([.. args, "--language", "zh"]);

            Assert.Equal(0, run.Code);
            AssertNoEnglish(run.Out, "pairing " + command + " --help");
        }
    }

    [Fact]
    public void The_demo_in_chinese_has_no_english_words_no_solver_words_and_one_word_for_roster()
    {
        var run = Run("demo", "--out", In("demo"), "--language", "zh");

        Assert.Equal(0, run.Code);
        AssertNoEnglish(run.Out, "pairing demo");
        AssertNoEnglish(run.Err, "pairing demo (errors)");
        foreach (var jargon in (string[])["子问题", "求解", "退出码", "名单", "花名册", "（种子 2014"])
        {
            Assert.DoesNotContain(jargon, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("名册", run.Out, StringComparison.Ordinal);
        Assert.Contains("县：已完成（分 ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_help_says_return_values_not_exit_codes_and_explains_the_seed()
    {
        var check = Run("check", "--help", "--language", "zh").Out;
        var generate = Run("generate", "--help", "--language", "zh").Out;

        Assert.Contains("有效时返回 0", check, StringComparison.Ordinal);
        Assert.DoesNotContain("退出码", check, StringComparison.Ordinal);
        Assert.Contains("随机数种子，决定生成哪一份模拟名册", generate, StringComparison.Ordinal);
        Assert.Contains("[默认：utf8]", Run("match", "--help", "--language", "zh").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_figure_in_a_chinese_message_is_named_in_chinese_with_its_column_name()
    {
        var finding = Pairing.Core.Matching.CheckFindings.FigureDiffers.Create(
            null, null, Pairing.Core.Findings.FindingArgument.Of("figure", "xinjiang_students"), Pairing.Core.Findings.FindingArgument.Of("stated", 5L), Pairing.Core.Findings.FindingArgument.Of("counted", 6L));

        var zh = Pairing.Core.Findings.FindingRenderer.Default.Render(finding, Pairing.Cli.Text.CliLanguage.Chinese);
        var en = Pairing.Core.Findings.FindingRenderer.Default.Render(finding, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("汇总中新疆学生总数（xinjiang_students）为 5，按结对重新统计为 6", zh);
        Assert.Equal("xinjiang_students: the summary says 5, the pairs give 6", en);
    }

    private static void AssertNoEnglish(string text, string what)
    {
        var offenders = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            // A command the user is told to type is shown as typed.
            if (CommandLine().IsMatch(line))
            {
                continue;
            }

            foreach (Match word in Word().Matches(line))
            {
                var w = word.Value.TrimStart('\'', '"', '[', '<', '(').TrimEnd('\'', '"', ']', '>', ')', ',', ';', ':', '.', '|');
                if (w.StartsWith('-') || w.Contains('/') || w.Contains('\\') || FileName().IsMatch(w) || Code().IsMatch(w) || Id().IsMatch(w))
                {
                    continue;
                }

                offenders.AddRange(Letters().Matches(w).Select(m => m.Value).Where(l => l.Count(char.IsAsciiLetter) >= 3 && !Allowed.Contains(l)).Select(l => $"{l} in “{line.Trim()}”"));
            }
        }

        Assert.True(offenders.Count == 0, what + ": " + string.Join(Environment.NewLine, offenders.Distinct()));
    }

    [GeneratedRegex(@"[\x21-\x7e]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[A-Za-z_]+")]
    private static partial Regex Letters();

    [GeneratedRegex(@"^\s*(pairing|cd|dotnet) ")]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"^[\w.-]*\.(csv|json|html|xlsx|xls|md)$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^[A-Z]{3}\d{3}$")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[A-Z0-9]*\d[\w-]*$")]
    private static partial Regex Id();
}
