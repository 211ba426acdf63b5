using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Pairing.Cli;
using Pairing.Cli.Text;
using Pairing.Core.Tests.Findings;

namespace Pairing.Core.Tests.Cli;

/// <summary>The tool speaks the user's language: chosen by --language, the locale variables or the UI culture; every text in both.</summary>
public sealed partial class CliLanguageTests : CliTestBase
{
    private static readonly string[] Commands = ["generate", "check", "plan", "match", "advise", "verify", "explain", "activities", "report", "demo"];

    [Theory]
    [InlineData(new[] { "--language", "zh" }, null, null, null, "en", "zh-Hans")]
    [InlineData(new[] { "--language=en" }, null, null, "zh_CN.UTF-8", "zh-CN", "")]
    [InlineData(new string[0], null, null, "zh_CN.UTF-8", "en", "zh-Hans")]
    [InlineData(new string[0], "C", null, "zh_CN.UTF-8", "zh-CN", "")]
    [InlineData(new string[0], null, "zh_CN.UTF-8", "en_US.UTF-8", "en", "zh-Hans")]
    [InlineData(new string[0], "", "", "", "zh-CN", "zh-Hans")]
    [InlineData(new string[0], null, null, null, "en-US", "")]
    [InlineData(new[] { "--language", "fr" }, null, null, "zh_CN.UTF-8", "en", "zh-Hans")]
    [InlineData(new[] { "match", "--language-weight", "3" }, null, null, null, "en", "")]
    public void The_flag_then_LC_ALL_LC_MESSAGES_LANG_then_the_UI_culture_decide(string[] args, string? lcAll, string? lcMessages, string? lang, string ui, string expected)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = lcAll, ["LC_MESSAGES"] = lcMessages, ["LANG"] = lang };

        var culture = CliLanguage.Resolve(args, name => environment.GetValueOrDefault(name), CultureInfo.GetCultureInfo(ui));

        Assert.Equal(expected, culture.Name);
    }

    [Fact]
    public void Every_text_has_a_chinese_translation_with_the_same_placeholders()
    {
        var manager = new ResourceManager("Pairing.Cli.Resources.Strings", typeof(Program).Assembly);
        var english = manager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var chinese = manager.GetResourceSet(CliLanguage.Chinese, true, false)!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

        Assert.True(english.Count > 100, $"{english.Count} texts");
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), chinese.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(chinese[key])), key);
            Assert.NotEqual(text, chinese[key]);
            // Both are valid format strings (a stray brace would throw when the line is printed).
            var args = Enumerable.Range(0, 12).Select(i => (object)i).ToArray();
            Assert.NotEmpty(string.Format(CultureInfo.InvariantCulture, text, args));
            Assert.NotEmpty(string.Format(CultureInfo.InvariantCulture, chinese[key], args));
        }
    }

    [Fact]
    public void Every_tool_code_is_defined_once_translated_with_exactly_its_arguments_and_documented()
    {
        FindingCatalogueAssert.WellFormed(CliFindings.All);
        var declared = typeof(CliFindings).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(Pairing.Core.Findings.FindingDescriptor))
            .Select(p => (Pairing.Core.Findings.FindingDescriptor)p.GetValue(null)!);
        Assert.Equal(declared.Select(d => d.Code).Order(StringComparer.Ordinal), CliFindings.All.Select(d => d.Code));
        Assert.DoesNotContain(CliFindings.All, d => Pairing.Core.Findings.FindingCatalog.TryGet(d.Code, out _));
        var rules = File.ReadAllText(Path.Combine(FindingCatalogTests.RepositoryRoot(), "docs", "rules.md"));
        Assert.All(CliFindings.All, d => Assert.Contains($"| `{d.Code}` |", rules, StringComparison.Ordinal));
    }

    [Fact]
    public void Help_is_in_chinese_or_english_for_every_command_and_fits_80_columns()
    {
        foreach (var command in Commands.Prepend(null))
        {
            string[] args = command is null ? ["--help"] : [command, "--help"];
            var zh = Run([.. args, "--language", "zh"]);
            var en = Run([.. args, "--language", "en"]);

            Assert.Equal(0, zh.Code);
            Assert.Equal(0, en.Code);
            Assert.Contains("用法：", zh.Out, StringComparison.Ordinal);
            Assert.Contains("选项：", zh.Out, StringComparison.Ordinal);
            Assert.Contains("显示帮助和用法。", zh.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("Usage:", zh.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("Show help", zh.Out, StringComparison.Ordinal);
            Assert.Contains("Usage:", en.Out, StringComparison.Ordinal);
            Assert.Contains("Show help and usage information.", en.Out, StringComparison.Ordinal);
            foreach (var output in (string[])[zh.Out, en.Out])
            {
                Assert.All(output.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal) && !l.TrimStart().StartsWith("activities <", StringComparison.Ordinal)),
                    line => Assert.True(TextLayout.Width(line) <= 80, $"{command}: {line}"));
            }
        }

        Assert.Contains("--language <zh|en>", Run("match", "--help").Out, StringComparison.Ordinal);
        Assert.Contains("[默认：1]", Run("match", "--help", "--language", "zh").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_problems_are_listed_in_the_chosen_language()
    {
        var zh = Run("match", "roster", "--threads", "x", "--seed", "-1", "--language", "zh");
        var en = Run("match", "roster", "--threads", "x", "--seed", "-1", "--language", "en");

        Assert.Equal(2, zh.Code);
        Assert.Equal(2, en.Code);
        Assert.Contains("pairing：命令行有 3 处问题：", zh.Err, StringComparison.Ordinal);
        Assert.Contains("缺少必需的选项 '--out'。", zh.Err, StringComparison.Ordinal);
        Assert.Contains("选项 '--threads' 为“x”，应为整数。", zh.Err, StringComparison.Ordinal);
        Assert.Contains("--seed 为 -1，应不小于 0", zh.Err, StringComparison.Ordinal);
        Assert.Contains("用法见 'pairing --help'", zh.Err, StringComparison.Ordinal);
        Assert.Contains("pairing: 3 problem(s) with the command line:", en.Err, StringComparison.Ordinal);
        Assert.Contains("Option '--out' is required.", en.Err, StringComparison.Ordinal);
        Assert.Contains("--seed is -1; it must be 0 or more", en.Err, StringComparison.Ordinal);

        var bad = Run("check", "x", "--language", "fr");
        Assert.Equal(2, bad.Code);
        Assert.Contains("Option '--language' is 'fr'; expected zh (Chinese) or en (English).", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_speaks_chinese_with_the_flag_and_with_the_ui_culture()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--seed", "3", "--out", Folder, "--language", "zh").Code);

        var flag = Run("check", Folder, "--language", "zh");
        (int Code, string Out, string Err) culture;
        using (UiCulture.Chinese())
        {
            culture = Run("check", Folder);
        }

        var english = Run("check", Folder, "--language", "en");
        Assert.Equal(0, flag.Code);
        Assert.Contains("是有效名册", flag.Out, StringComparison.Ordinal);
        Assert.Contains("新疆", flag.Out, StringComparison.Ordinal);
        Assert.Equal(flag.Out, culture.Out);
        Assert.Contains("is a valid roster", english.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("是有效名册", english.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_reads_LANG_and_LC_ALL_as_a_process()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "pairing.dll");
        Assert.True(File.Exists(dll), dll);

        string Help(string variable, string value)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--help");
            foreach (var name in CliLanguage.Variables)
            {
                start.Environment.Remove(name);
            }

            start.Environment["LANG"] = "zh_CN.UTF-8";
            start.Environment[variable] = value;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return output;
        }

        Assert.Contains("用法：", Help("LANG", "zh_CN.UTF-8"), StringComparison.Ordinal);
        Assert.Contains("Usage:", Help("LC_ALL", "C"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("覆盖 100,000 名新疆学生中的 85,013 名，重新结对覆盖 85,013 名：保留结对没有少覆盖任何学生。", 20)]
    [InlineData("Year 2 covers 85,013 of 100,683 Xinjiang students with last year's result and 1,374,440 afresh.", 17)]
    [InlineData("（LANG=zh_CN.UTF-8 即为中文），再由系统语言决定。", 12)]
    public void Wrapping_never_splits_a_number_and_keeps_to_the_width(string text, int width)
    {
        var lines = TextLayout.Wrap(text, width).ToList();

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(TextLayout.Width(line) <= width || !line.Contains(' ', StringComparison.Ordinal), line));
        foreach (Match number in NumberPattern().Matches(text))
        {
            Assert.Contains(lines, line => line.Contains(number.Value, StringComparison.Ordinal));
        }

        Assert.Equal(Squeeze(text), Squeeze(string.Concat(lines)));
        Assert.DoesNotContain(lines, line => line.StartsWith('，') || line.StartsWith('。') || line.EndsWith('（'));
    }

    private static string Squeeze(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal);

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\d[\d,.]*\d")]
    private static partial Regex NumberPattern();
}
