using System.Text;
using Pairing.Core.Files.Results;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Files;

/// <summary>
/// Issue 28 for result folders (a last year's result is given with <c>--previous</c>, a report or a checker reads
/// one): read a chunk at a time, at most 100 problems of a code per file with the rest counted (RES026), a field or a
/// line past the limits one problem that stops the file, and no value of the input echoed past 80 characters.
/// </summary>
public sealed class ResultReadLimitsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string WriteResult()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000, Seed = 12 });
        PairingResultFiles.Write(new PairingMatcher().Match(roster), _temp.Path, includeTimings: false);
        return _temp.Path;
    }

    [Fact]
    public void Thousands_of_bad_rows_give_a_hundred_findings_and_the_exact_count_of_the_rest()
    {
        var dir = WriteResult();
        var path = Path.Combine(dir, PairingResultFiles.StudentPairsFile);
        var text = new StringBuilder("xinjiang_student_id,inland_student_id,cross_class\n");
        for (var i = 0; i < 50_000; i++)
        {
            text.Append("X-").Append(i).Append(",N-").Append(i).Append(",perhaps").Append(new string('z', 100)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        var read = PairingResultFiles.Read(dir);

        Assert.Null(read.Value);
        Assert.Equal(100, read.Findings.Count(f => f.Code == "RES025"));
        var more = Assert.Single(read.Findings, f => f.Code == "RES026");
        Assert.Equal(49_900L, Convert.ToInt64(more.Arguments.Single(a => a.Name == "count").Value, System.Globalization.CultureInfo.InvariantCulture));

        // The value is cut where a message shows it.
        var first = read.Findings.First(f => f.Code == "RES025");
        Assert.Contains("…", first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(new string('z', 80), first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_of_more_than_16_mebibytes_is_refused_with_its_size()
    {
        var dir = WriteResult();
        var path = Path.Combine(dir, PairingResultFiles.SummaryFile);
        var size = (16L << 20) + 12_345;
        File.WriteAllBytes(path, [.. File.ReadAllBytes(path), .. Enumerable.Repeat((byte)' ', (int)(size - new FileInfo(path).Length))]);

        var read = PairingResultFiles.Read(dir);

        var tooLarge = Assert.Single(read.Findings, f => f.Location?.File == PairingResultFiles.SummaryFile);
        Assert.Equal("RES005", tooLarge.Code);
        Assert.Equal(size, Convert.ToInt64(tooLarge.Arguments.Single(a => a.Name == "size").Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_line_past_the_limit_is_one_finding_and_the_rest_of_the_file_is_not_read()
    {
        var dir = WriteResult();
        var path = Path.Combine(dir, PairingResultFiles.SchoolPairsFile);
        File.AppendAllText(path, new string('q', 100_000) + "\n" + "bad,row,with,fields\n");

        var read = PairingResultFiles.Read(dir);

        var tooLong = Assert.Single(read.Findings, f => f.Location?.File == PairingResultFiles.SchoolPairsFile);
        Assert.Equal("RES024", tooLong.Code);
        Assert.True(tooLong.ToString().Length < 400, tooLong.ToString());
    }

    [Fact]
    public async Task A_result_reads_the_same_from_a_folder_from_streams_and_asynchronously()
    {
        var dir = WriteResult();
        File.AppendAllText(Path.Combine(dir, PairingResultFiles.CountyPairsFile), "\"unclosed\n");
        var folder = PairingResultFiles.Read(dir);
        var streams = Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), f => (Stream)new MemoryStream(File.ReadAllBytes(f)));
        var fromStreams = await PairingResultFiles.ParseAsync(streams);
        var asynchronous = await PairingResultFiles.ReadAsync(dir);

        Assert.NotEmpty(folder.Findings);
        Assert.Equal(folder.Findings.Select(f => f.ToString()), asynchronous.Findings.Select(f => f.ToString()));
        Assert.Equal(folder.Findings.Select(f => f.Code), fromStreams.Findings.Select(f => f.Code));
    }
}

/// <summary>The same bounds for a compliance report's <c>compliance.csv</c> read back.</summary>
public sealed class ComplianceReadLimitsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Thousands_of_bad_compliance_rows_give_a_hundred_findings_and_the_exact_count_of_the_rest()
    {
        var text = new StringBuilder("rule,level,subject_id,status,code,unit_id,count,required\n");
        for (var i = 0; i < 5_000; i++)
        {
            // Four things wrong in each row: the rule, the level, the status and the code.
            text.Append("S9,nowhere,x").Append(i).Append(",fine,CMP").Append(new string('9', 120)).Append(",,,\n");
        }

        File.WriteAllText(Path.Combine(_temp.Path, Pairing.Core.Files.Compliance.ComplianceReportFiles.ComplianceFile), text.ToString());
        var read = Pairing.Core.Files.Compliance.ComplianceReportFiles.ReadEntries(_temp.Path);

        Assert.Null(read.Value);
        Assert.Equal(100, read.Findings.Count(f => f.Code == "RES025"));
        var more = Assert.Single(read.Findings, f => f.Code == "RES026");
        Assert.Equal(19_900L, Convert.ToInt64(more.Arguments.Single(a => a.Name == "count").Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(read.Findings, f => f.ToString().Contains(new string('9', 80), StringComparison.Ordinal));
    }
}
