using System.Text.RegularExpressions;
using Pairing.Core.Files.Results;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Cli;

/// <summary>Nothing uses a result blindly: report, activities and match --plan check that the result belongs to the roster; an unreadable result lists every problem.</summary>
public sealed class ResultGateCommandTests : CliTestBase
{
    [Fact]
    public void Report_and_activities_refuse_a_result_of_another_roster_or_an_edited_one()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--seed", "1", "--out", In("a")).Code);
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--seed", "2", "--out", In("b")).Code);
        Assert.Equal(0, Run("match", In("a"), "--out", In("result")).Code);
        Assert.Equal(0, Run("report", In("a"), In("result"), "--out", In("ok.html")).Code);

        var other = Run("report", In("b"), In("result"), "--out", In("other.html"));
        Assert.Equal(2, other.Code);
        Assert.Contains("does not hold for the roster in", other.Err, StringComparison.Ordinal);
        Assert.Contains("summary.input_hash", other.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(In("other.html")));

        File.WriteAllText(In("records.csv"), "activity_id,kind,date,xinjiang_student_id,inland_student_id\n");
        var activities = Run("activities", In("b"), In("result"), In("records.csv"), "--as-of", "2015-06-30", "--out", In("compliance"));
        Assert.Equal(2, activities.Code);
        Assert.Contains("does not hold for the roster in", activities.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(In("compliance")));

        // An edited summary: 100% coverage claimed.
        var summary = Path.Combine(In("result"), PairingResultFiles.SummaryFile);
        var json = File.ReadAllText(summary);
        File.WriteAllText(summary, Regex.Replace(json, "\"covered_students\": \\d+", "\"covered_students\": 999999"));
        var edited = Run("report", In("a"), In("result"), "--out", In("edited.html"), "--language", "zh");
        Assert.Equal(2, edited.Code);
        Assert.Contains("summary.covered_students", edited.Err, StringComparison.Ordinal);
        Assert.Contains("与", edited.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(In("edited.html")));
    }

    [Fact]
    public void Match_rechecks_a_plan_of_another_roster_drops_its_broken_pairs_and_refuses_one_made_with_other_options()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--seed", "1", "--out", In("a")).Code);
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--seed", "2", "--out", In("b")).Code);
        Assert.Equal(0, Run("plan", In("a"), "--out", In("plan")).Code);

        Assert.Equal(0, Run("match", In("a"), "--plan", In("plan"), "--out", In("result")).Code);

        // Issue 24, item 3: the plan's pairs that break a rule here are dropped with a warning each (both ids, the rule,
        // the numbers) and their units paired afresh; the run goes on.
        var other = Run("match", In("b"), "--plan", In("plan"), "--out", In("other"));
        Assert.True(other.Code == 0, other.Err);
        Assert.Contains("was made from another roster", other.Err, StringComparison.Ordinal);
        Assert.Matches(@"warning CLI03[12]: the plan's ", other.Err);
        Assert.DoesNotContain("summary.", other.Err, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(In("other"), "summary.json")));

        var options = Run("match", In("a"), "--plan", In("plan"), "--schools-per-inland-school", "2", "--out", In("k2"));
        Assert.Equal(2, options.Code);
        Assert.Contains("this run has 1 and 2", options.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_folder_holding_other_files_and_a_bad_date_are_refused_before_any_work()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--out", In("roster")).Code);

        var match = Run("match", In("roster"), "--out", In("roster"));
        var activities = Run("activities", In("roster"), In("roster"), In("x.csv"), "--as-of", "0001-01-01", "--out", In("roster"));

        Assert.Equal(2, match.Code);
        Assert.Contains("error CLI016: Option '--out' is '" + In("roster") + "', which holds classes.csv, counties.csv, schools.csv, students.csv", match.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("sub-problem", match.Out, StringComparison.Ordinal);
        Assert.Equal(2, activities.Code);
        Assert.Contains("error CLI010: Option '--as-of' is '0001-01-01'", activities.Err, StringComparison.Ordinal);
        Assert.Contains("error CLI016", activities.Err, StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(In("roster")).Length);
    }

    [Fact]
    public void A_broken_result_folder_lists_every_problem_located_in_the_users_language()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--out", In("roster")).Code);
        Assert.Equal(0, Run("match", In("roster"), "--out", In("result")).Code);
        File.Delete(Path.Combine(In("result"), PairingResultFiles.CountyPairsFile));
        File.AppendAllText(Path.Combine(In("result"), PairingResultFiles.UnpairedFile), "galaxy,X,P9,UNP999,,,,,,\n");

        var zh = Run("verify", In("roster"), In("result"), "--language", "zh");
        var en = Run("verify", In("roster"), In("result"));

        Assert.Equal(2, zh.Code);
        Assert.Contains("county_pairs.csv: 错误 RES001: 文件夹", zh.Err, StringComparison.Ordinal);
        Assert.Matches(@"unpaired\.csv:\d+: 错误 RES025: ", zh.Err);
        Assert.Contains("2 处问题；未做任何处理。", zh.Err, StringComparison.Ordinal);
        Assert.Contains("county_pairs.csv: error RES001: county_pairs.csv is not in the folder", en.Err, StringComparison.Ordinal);
        Assert.Contains("cannot be read: 2 problem(s); nothing was done.", en.Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("verify", In("roster"), In("nowhere")).Code);
    }
}

/// <summary>--encoding writes the files people open in GB18030 when asked, and the pair files unchanged.</summary>
public sealed class EncodingCommandTests : CliTestBase
{
    [Fact]
    public void Match_writes_unpaired_csv_in_gb18030_when_asked_and_the_pair_files_unchanged()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--out", In("roster")).Code);
        Assert.Equal(0, Run("match", In("roster"), "--out", In("utf8")).Code);
        Assert.Equal(0, Run("match", In("roster"), "--out", In("gb"), "--encoding", "gb18030").Code);
        var bad = Run("match", In("roster"), "--out", In("x"), "--encoding", "latin1");

        var gb = File.ReadAllBytes(Path.Combine(In("gb"), Pairing.Core.Files.Results.PairingResultFiles.UnpairedFile));
        var utf8 = File.ReadAllBytes(Path.Combine(In("utf8"), Pairing.Core.Files.Results.PairingResultFiles.UnpairedFile));
        Assert.NotEqual(utf8, gb);
        Assert.False(gb.AsSpan().StartsWith("\uFEFF"u8));
        var gb18030 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        Assert.Equal(System.Text.Encoding.UTF8.GetString(utf8, 3, utf8.Length - 3), gb18030.GetString(gb));
        Assert.Equal(File.ReadAllBytes(Path.Combine(In("utf8"), Pairing.Core.Files.Results.PairingResultFiles.StudentPairsFile)),
            File.ReadAllBytes(Path.Combine(In("gb"), Pairing.Core.Files.Results.PairingResultFiles.StudentPairsFile)));
        Assert.Equal(0, Run("verify", In("roster"), In("gb")).Code);
        Assert.Equal(2, bad.Code);
        Assert.Contains("error CLI017: Option '--encoding' is 'latin1'", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_says_first_and_once_that_a_result_is_of_another_roster_and_summarises_the_rest_by_code()
    {
        // Issue 22, item 2: 115,570 lines, the cause last and worded as a recomputation.
        Assert.Equal(0, Run("generate", "--xinjiang-students", "2000", "--seed", "1", "--out", In("a")).Code);
        Assert.Equal(0, Run("generate", "--xinjiang-students", "2000", "--seed", "2", "--out", In("b")).Code);
        Assert.Equal(0, Run("match", In("a"), "--out", In("result")).Code);
        var hashOfA = PairingResultFiles.Read(In("result")).GetValueOrThrow().Summary.InputHash;

        var en = Run("verify", In("b"), In("result"), "--language", "en");
        var zh = Run("verify", In("b"), In("result"), "--language", "zh");
        var all = Run("verify", In("b"), In("result"), "--all", "--language", "en");

        Assert.Equal(2, en.Code);
        var lines = en.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("summary: summary.input_hash: CHK090: the result was made from another roster, or edited since: its input hash is " + hashOfA, lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains("CHK090", StringComparison.Ordinal));
        Assert.True(lines.Length <= 40, $"{lines.Length} lines");
        Assert.Contains("--all lists every one", lines[^1], StringComparison.Ordinal);
        var listed = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(listed.Length > 100, $"{listed.Length} lines with --all");
        Assert.Contains("CHK090", listed[0], StringComparison.Ordinal);
        Assert.Contains("该结果由另一份名册生成，或生成后被改动过：其名册哈希值为 " + hashOfA, zh.Out.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("已按代码汇总", zh.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Verify_refuses_an_unpaired_csv_whose_reasons_were_overwritten(string language)
    {
        // Issue 22, item 3: the reason is what a person reads in Excel; "0" in every row was accepted.
        Assert.Equal(0, Run("generate", "--xinjiang-students", "2000", "--seed", "1", "--out", In("a")).Code);
        Assert.Equal(0, Run("match", In("a"), "--out", In("result")).Code);
        var file = Path.Combine(In("result"), PairingResultFiles.UnpairedFile);
        var lines = File.ReadAllLines(file);
        Assert.True(lines.Length > 2);
        File.WriteAllLines(file, [lines[0], .. lines.Skip(1).Select(l => l[..(l.LastIndexOf(',') + 1)] + "0")], new System.Text.UTF8Encoding(true));

        var run = Run("verify", In("a"), In("result"), "--language", language);

        Assert.Equal(2, run.Code);
        Assert.Contains("unpaired.csv:2", run.Err, StringComparison.Ordinal);
        Assert.Contains("reason is '0'", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("holds", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Pairing.Core.Findings.FindingLanguage.Chinese)]
    [InlineData(Pairing.Core.Findings.FindingLanguage.English)]
    [InlineData(Pairing.Core.Findings.FindingLanguage.ChineseAndEnglish)]
    public void A_result_written_in_any_language_reads_back_and_verifies(Pairing.Core.Findings.FindingLanguage language)
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--seed", "3", "--out", In("a")).Code);
        Assert.Equal(0, Run("match", In("a"), "--out", In("result")).Code);
        var result = PairingResultFiles.Read(In("result")).GetValueOrThrow();
        PairingResultFiles.Write(result, In("again"), language: language);
        var problemsRead = PairingResultFiles.Read(In("again"));
        var problems = problemsRead.Findings;
        Assert.True(problemsRead.IsValid, string.Join("; ", problems));
        var back = problemsRead.Value;
        Assert.Equal(result.Unpaired, back!.Unpaired);
        Assert.Equal(0, Run("verify", In("a"), In("again")).Code);
    }
}
