using System.Text;
using Pairing.Core.Files.Results;
using Pairing.Core.Matching;
using Pairing.Core.Files;

namespace Pairing.Core.Tests.Matching;

public sealed class PairingResultFilesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pairing-files-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_roster_result_writes_the_six_files_of_the_format_with_their_headers()
    {
        var roster = RandomRosters.Make(3);
        PairingResultFiles.Write(new PairingMatcher().Match(roster), _directory);

        string[] expected = ["class_pairs.csv", "county_pairs.csv", "school_pairs.csv", "student_pairs.csv", "summary.json", "unpaired.csv"];
        Assert.Equal(expected, Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("xinjiang_county_id,inland_county_id", FirstLine("county_pairs.csv"));
        Assert.Equal("xinjiang_school_id,inland_school_id", FirstLine("school_pairs.csv"));
        Assert.Equal("xinjiang_class_id,inland_class_id", FirstLine("class_pairs.csv"));
        Assert.Equal("xinjiang_student_id,inland_student_id,cross_class", FirstLine("student_pairs.csv"));
        Assert.Equal("level,id,rule,code,inland_id,grade,counted,available,needed,reason", FirstLine("unpaired.csv"));
    }

    [Fact]
    public void Rows_are_sorted_by_their_first_column_with_newline_ends_and_a_bom_only_on_the_file_people_open()
    {
        var roster = RandomRosters.Make(5, size: 2);
        PairingResultFiles.Write(new PairingMatcher().Match(roster), _directory);

        foreach (var path in Directory.GetFiles(_directory, "*.csv"))
        {
            var bytes = File.ReadAllBytes(path);
            // unpaired.csv is opened in spreadsheets, which need the BOM to read its Chinese; the pair files are for machines.
            Assert.Equal(Path.GetFileName(path) == PairingResultFiles.UnpairedFile, bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF);
            Assert.DoesNotContain((byte)'\r', bytes);
            var firsts = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
            Assert.Equal(firsts.Order(StringComparer.Ordinal), firsts);
        }
    }

    [Fact]
    public void A_planning_result_writes_no_class_or_student_files_and_removes_stale_ones()
    {
        var roster = RandomRosters.Make(8);
        PairingResultFiles.Write(new PairingMatcher().Match(roster), _directory);
        PairingResultFiles.Write(new PairingMatcher().Plan(roster), _directory);

        Assert.False(File.Exists(Path.Combine(_directory, PairingResultFiles.ClassPairsFile)));
        Assert.False(File.Exists(Path.Combine(_directory, PairingResultFiles.StudentPairsFile)));
        Assert.Equal(PairingPhase.Planning, PairingResultFiles.Read(_directory).GetValueOrThrow().Phase);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(9, false)]
    public void A_result_read_back_is_the_same_result_and_still_checks(int seed, bool roster)
    {
        var r = RandomRosters.Make(seed, students: roster, size: 2);
        var options = new PairingOptions { SharedInterestWeight = 3, XinjiangSchoolsPerInlandSchool = 2 };
        var result = roster ? new PairingMatcher().Match(r, options: options) : new PairingMatcher().Plan(r, options: options);

        PairingResultFiles.Write(result, _directory);
        var read = PairingResultFiles.Read(_directory).GetValueOrThrow();

        Assert.Equal(result.CountyPairs, read.CountyPairs);
        Assert.Equal(result.SchoolPairs, read.SchoolPairs);
        Assert.Equal(result.ClassPairs, read.ClassPairs);
        Assert.Equal(result.StudentPairs, read.StudentPairs);
        Assert.Equal(result.Unpaired, read.Unpaired);
        Assert.Equal(ResultBytes.Of(result), ResultBytes.Of(read));
        Assert.True(PairingResultChecker.Check(r, read, read.Summary.Options.ToOptions()).IsValid);
    }

    [Fact]
    public void The_summary_is_a_manifest_without_timestamps_and_timings_sit_under_their_own_key()
    {
        var roster = RandomRosters.Make(4);
        PairingResultFiles.Write(new PairingMatcher().Match(roster), _directory);
        var json = File.ReadAllText(Path.Combine(_directory, PairingResultFiles.SummaryFile));

        foreach (var key in new[] { "\"input_hash\": \"sha256:", "\"library_version\"", "\"or_tools_version\": \"9.15", "\"options\"", "\"levels\"", "\"cross_class_pairs\"", "\"seconds_per_stage\"" })
        {
            Assert.Contains(key, json, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"seconds_per_stage\"", Encoding.UTF8.GetString(File.ReadAllBytes(WriteWithoutTimings(roster))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_folder_is_refused_with_every_problem_listed()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, PairingResultFiles.CountyPairsFile), "xinjiang_county_id\nX1\n");

        var error = Assert.Throws<InputRejectedException>(() => PairingResultFiles.Read(_directory).GetValueOrThrow());

        Assert.Contains("summary.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("inland_county_id", error.Message, StringComparison.Ordinal);
        Assert.Contains("unpaired.csv", error.Message, StringComparison.Ordinal);
    }

    private string WriteWithoutTimings(Pairing.Core.Rosters.Roster roster)
    {
        var other = _directory + "-plain";
        PairingResultFiles.Write(new PairingMatcher().Match(roster), other, includeTimings: false);
        var path = Path.Combine(other, PairingResultFiles.SummaryFile);
        var copy = Path.Combine(_directory, "plain-summary.json");
        File.Copy(path, copy);
        Directory.Delete(other, recursive: true);
        return copy;
    }

    private string FirstLine(string file) => File.ReadLines(Path.Combine(_directory, file)).First();
}
