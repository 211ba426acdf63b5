using System.Text;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Cli;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>advice.csv and summary.json as FORMATS.md has them, the advice applied from the file, and <c>pairing advise</c>.</summary>
public sealed class AdviceFilesTests : CliTestBase
{
    private const string Header = "action,province_id,inland_county_id,inland_school_id,grade,classes,students,xinjiang_id,rule,code,reason";

    /// <summary>advice.csv's rows, read with a CSV reader of its own (quoted fields, doubled quotes).</summary>
    internal static List<Dictionary<string, string>> ReadAdvice(string file)
    {
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        var names = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line =>
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            Assert.Equal(names.Length, fields.Count);
            return names.Zip(fields).ToDictionary(p => p.First, p => p.Second);
        })];
    }

    internal static IEnumerable<AdviceApplier.Row> RowsOf(List<Dictionary<string, string>> rows) => rows.Select(r => new AdviceApplier.Row(
        r["action"], r["province_id"], r["inland_county_id"], r["inland_school_id"], r["grade"] == "" ? null : int.Parse(r["grade"]),
        r["classes"] == "" ? 0 : int.Parse(r["classes"]), r["students"] == "" ? 0 : int.Parse(r["students"])));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Advice_csv_applied_covers_everyone(bool students)
    {
        var roster = AdviceYardstickTests.NoInlandCounty(students);
        AdviceFiles.Write(PairingAdvisor.Advise(roster), In("advice"));

        var rows = ReadAdvice(In("advice", "advice.csv"));
        Assert.Equal(["add-county", "add-school", "add-classes"], rows.Select(r => r["action"]));
        Assert.Equal(("P2", "ADV001", "X"), (rows[0]["rule"], rows[0]["code"], rows[0]["xinjiang_id"]));
        Assert.Contains(" / ", rows[0]["reason"]);
        Assert.Contains("北京", rows[0]["reason"]);
        Assert.Equal(("7", "2", "65"), (rows[2]["grade"], rows[2]["classes"], rows[2]["students"]));
        PairingAdvisorTests.AssertCoversEveryone(roster, RowsOf(rows));
    }

    [Fact]
    public void The_files_are_byte_identical_whatever_the_thread_count()
    {
        var roster = RandomRosters.Make(3, students: false, size: 3);
        AdviceFiles.Write(PairingAdvisor.Advise(roster, new PairingOptions { MaxDegreeOfParallelism = 1 }), In("one"));
        AdviceFiles.Write(PairingAdvisor.Advise(roster, new PairingOptions { MaxDegreeOfParallelism = 4 }), In("four"));
        foreach (var name in AdviceFiles.FileNames)
        {
            Assert.Equal(File.ReadAllBytes(In("one", name)), File.ReadAllBytes(In("four", name)));
        }

        var summary = File.ReadAllText(In("one", "summary.json"));
        Assert.StartsWith("{\n  \"format\": \"pairing-advice/1\"", summary);
        using var json = System.Text.Json.JsonDocument.Parse(summary);
        Assert.Equal(json.RootElement.GetProperty("total").GetProperty("xinjiang_students").GetInt64(),
            json.RootElement.GetProperty("total").GetProperty("covered_after").GetInt64());
    }

    [Fact]
    public void Reasons_come_in_the_language_asked_for()
    {
        var advice = PairingAdvisor.Advise(AdviceYardstickTests.OneGradeShort(false));
        AdviceFiles.Write(advice, In("en"), Pairing.Core.Findings.FindingLanguage.English);
        AdviceFiles.Write(advice, In("zh"), Pairing.Core.Findings.FindingLanguage.Chinese);
        Assert.Equal("inland school NS has 15 students in grade 8, Xinjiang school XS brings 20: add 1 class with 5 students", ReadAdvice(In("en", "advice.csv"))[0]["reason"]);
        Assert.Equal("内地学校 NS 初二有 15 名学生，新疆学校 XS 有 20 名：增设 1 个班，共 5 名学生", ReadAdvice(In("zh", "advice.csv"))[0]["reason"]);
    }

    [Fact]
    public void Pairing_advise_writes_the_folder_and_says_per_province_what_to_add()
    {
        var roster = AdviceYardstickTests.NoInlandCounty(false);
        RosterFiles.Write(roster, In("roster"));

        var (code, output, error) = Run("advise", In("roster"), "--out", In("advice"), "--language", "en");

        Assert.True(code == 0, error);
        Assert.Contains("Wrote the advice to", output);
        Assert.Contains("Beijing (110000): add 1 county, 1 school, 2 classes with 65 students", output.ReplaceLineEndings(" ").Replace("  ", " "));
        Assert.Contains("to cover the other 65 students", output);
        Assert.Equal(3, ReadAdvice(In("advice", "advice.csv")).Count);

        var (zhCode, zh, _) = Run("advise", In("roster"), "--out", In("advice"), "--language", "zh");
        Assert.Equal(0, zhCode);
        Assert.Contains("要覆盖其余 65 名学生", zh.ReplaceLineEndings(""));
    }

    [Fact]
    public void Pairing_advise_on_a_covered_roster_says_nothing_is_needed()
    {
        RosterFiles.Write(AdviceYardstickTests.Covered(true), In("roster"));
        var (code, output, _) = Run("advise", In("roster"), "--out", In("advice"), "--language", "en");
        Assert.Equal(0, code);
        Assert.Contains("nothing to add", output);
        Assert.Empty(ReadAdvice(In("advice", "advice.csv")));
    }
}
