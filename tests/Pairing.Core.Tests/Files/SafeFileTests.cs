using Pairing.Core.Files.Rosters;
using Pairing.Core.Activities;
using Pairing.Core.Files;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Files.Results;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Reports;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Files;

public sealed class SafeFileTests
{
    [Fact]
    public void A_regular_file_is_read_whole()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.csv"), "a,b\n1,2\n");
        Assert.True(SafeFile.TryReadAllBytes(dir.File("a.csv"), out var bytes, out _));
        Assert.Equal("a,b\n1,2\n"u8.ToArray(), bytes);
    }

    [Fact]
    public void An_empty_file_is_read_as_empty()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.csv"), string.Empty);
        Assert.True(SafeFile.TryReadAllBytes(dir.File("a.csv"), out var bytes, out _));
        Assert.Empty(bytes);
    }

    [Fact]
    public void A_missing_file_and_a_folder_are_told_apart()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("folder.csv"));
        Assert.False(SafeFile.TryReadAllBytes(dir.File("none.csv"), out _, out var missing));
        Assert.False(SafeFile.TryReadAllBytes(dir.File("folder.csv"), out _, out var folder));
        Assert.Equal((InputFileIssue.Missing, InputFileIssue.Folder), (missing.Issue, folder.Issue));
        Assert.Equal(dir.File("folder.csv"), folder.Path);
    }

    [Fact]
    public void A_file_over_the_cap_is_not_read()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("big.csv"), new byte[100]);
        Assert.False(SafeFile.TryReadAllBytes(dir.File("big.csv"), max: 99, out var bytes, out var error));
        Assert.Empty(bytes);
        Assert.Equal((InputFileIssue.TooLarge, 100L, 99L), (error.Issue, error.Size, error.Max));
        Assert.True(SafeFile.TryReadAllBytes(dir.File("big.csv"), max: 100, out bytes, out _));
        Assert.Equal(100, bytes.Length);
    }

    [UnixFact]
    public void A_sparse_file_past_the_default_cap_is_refused_before_any_byte_is_read()
    {
        using var dir = new TempDirectory();
        SpecialFiles.Sparse(dir.File("huge.csv"), InputFileLimits.DefaultMaxFileBytes + 1);
        var ok = SpecialFiles.WithinSeconds(5, () => SafeFile.TryReadAllBytes(dir.File("huge.csv"), out _, out var error) ? default : error);
        Assert.Equal((InputFileIssue.TooLarge, InputFileLimits.DefaultMaxFileBytes + 1), (ok.Issue, ok.Size));
    }

    [UnixFact]
    public void A_fifo_is_refused_without_blocking()
    {
        using var dir = new TempDirectory();
        SpecialFiles.Fifo(dir.File("pipe.csv"));
        var error = SpecialFiles.WithinSeconds(5, () => SafeFile.TryReadAllBytes(dir.File("pipe.csv"), out _, out var e) ? default : e);
        Assert.Equal(InputFileIssue.Special, error.Issue);
    }

    [UnixFact]
    public void A_link_to_dev_zero_is_refused_without_reading_it()
    {
        using var dir = new TempDirectory();
        SpecialFiles.LinkToDevZero(dir.File("zero.csv"));
        var error = SpecialFiles.WithinSeconds(5, () => SafeFile.TryReadAllBytes(dir.File("zero.csv"), out _, out var e) ? default : e);
        Assert.Equal(InputFileIssue.Special, error.Issue);
    }

    [UnixFact]
    public void A_link_to_nothing_is_missing()
    {
        using var dir = new TempDirectory();
        File.CreateSymbolicLink(dir.File("dangling.csv"), dir.File("gone.csv"));
        Assert.False(SafeFile.TryReadAllBytes(dir.File("dangling.csv"), out _, out var error));
        Assert.Equal(InputFileIssue.Missing, error.Issue);
    }

    [UnreadableFileFact]
    public void An_unreadable_file_is_a_problem_with_the_system_message()
    {
        using var dir = new TempDirectory();
        SpecialFiles.Unreadable(dir.File("locked.csv"), "a\n");
        Assert.False(SafeFile.TryReadAllBytes(dir.File("locked.csv"), out _, out var error));
        Assert.Equal(InputFileIssue.Unreadable, error.Issue);
        Assert.NotEmpty(error.Error);
    }

    [UnixFact]
    public void The_result_reader_lists_a_special_summary_as_it_lists_its_other_problems()
    {
        using var dir = new TempDirectory();
        SpecialFiles.LinkToDevZero(dir.File(PairingResultFiles.SummaryFile));
        SpecialFiles.Fifo(dir.File(PairingResultFiles.CountyPairsFile));
        Directory.CreateDirectory(dir.File(PairingResultFiles.SchoolPairsFile));
        var e = SpecialFiles.WithinSeconds(10, () => Assert.Throws<InputRejectedException>(() => PairingResultFiles.Read(dir.Path).GetValueOrThrow()));
        Assert.Contains("summary.json is not a regular file", e.Message, StringComparison.Ordinal);
        Assert.Contains("county_pairs.csv is not a regular file", e.Message, StringComparison.Ordinal);
        Assert.Contains("school_pairs.csv is a folder", e.Message, StringComparison.Ordinal);
    }

    [UnixFact]
    public void The_compliance_readers_refuse_special_files_as_they_refuse_bad_ones()
    {
        using var dir = new TempDirectory();
        SpecialFiles.Fifo(dir.File(ComplianceReportFiles.ComplianceFile));
        Directory.CreateDirectory(dir.File(ComplianceReportFiles.RollupJsonFile));
        var entries = SpecialFiles.WithinSeconds(10, () => Assert.Throws<InputRejectedException>(() => ComplianceReportFiles.ReadEntries(dir.Path).GetValueOrThrow()));
        Assert.Contains("compliance.csv is not a regular file", entries.Message, StringComparison.Ordinal);
        var snapshot = Assert.Throws<InputRejectedException>(() => ComplianceReportFiles.ReadSnapshot(dir.Path).GetValueOrThrow());
        Assert.Contains("rollup.json is a folder", snapshot.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    public void The_cap_must_be_a_size_an_array_can_hold(long value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InputFileLimits { MaxFileBytes = value });
        Assert.Equal(InputFileLimits.DefaultMaxFileBytes, InputFileLimits.Default.MaxFileBytes);
    }

    [Fact]
    public async Task Limits_are_an_option_of_each_read_not_a_setting_of_the_process()
    {
        using var dir = new TempDirectory();
        RosterFiles.Write(Pairing.Core.Generation.RosterGenerator.Generate(new Pairing.Core.Generation.RosterGeneratorOptions { XinjiangStudents = 600, Seed = 1 }), dir.Path);
        // Three reads at once, two held to tight limits: each gets its own, and the defaults are untouched.
        var reads = await Task.WhenAll(
            Task.Run(() => RosterFiles.Read(dir.Path, limits: new InputFileLimits { MaxFileBytes = 1_000 })),
            Task.Run(() => RosterFiles.Read(dir.Path)),
            Task.Run(() => RosterFiles.Read(dir.Path, limits: new InputFileLimits { MaxFieldChars = 3 })));
        Assert.True(reads[1].IsValid, string.Join("; ", reads[1].Findings));
        Assert.False(reads[0].IsValid);
        var tooLarge = reads[0].Findings.Where(f => f.Code == "ROS055").ToList();
        Assert.NotEmpty(tooLarge);
        Assert.All(tooLarge, f => Assert.Equal(1_000L, Convert.ToInt64(f["max"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(reads[2].IsValid);
        Assert.Contains(reads[2].Findings, f => f.Code == "ROS062" && Convert.ToInt64(f["max"], System.Globalization.CultureInfo.InvariantCulture) == 3);
        Assert.Same(InputFileLimits.Default, InputFileLimits.Current);
        Assert.Equal(InputFileLimits.DefaultMaxFieldChars, InputFileLimits.Default.MaxFieldChars);
    }
}
