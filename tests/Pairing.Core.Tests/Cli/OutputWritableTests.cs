using Pairing.Cli.Text;

namespace Pairing.Core.Tests.Cli;

/// <summary>An output that cannot be written is found before any work (issue 22, item 7).</summary>
public sealed class OutputWritableTests : CliTestBase
{
    [Theory]
    [InlineData("en", "error CLI030: Option '--out' is '/proc/x', which cannot be written: the file system does not accept new files in '/proc'")]
    [InlineData("zh", "错误 CLI030: 选项 '--out' 为“/proc/x”，无法写入：“/proc”所在的文件系统不接受新文件")]
    public void Match_into_a_folder_that_cannot_be_written_stops_before_solving_with_a_code(string language, string expected)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc is Linux's.
        }

        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--out", In("roster")).Code);

        var run = Run("match", In("roster"), "--out", "/proc/x", "--language", language);

        Assert.Equal(2, run.Code);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("pairing-new", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("pairing-probe", run.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out); // nothing was solved: no progress, no figures
    }

    [Fact]
    public void Every_writing_command_checks_its_output_first()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--activities", "--out", In("roster")).Code);
        string[][] commands =
        [
            ["generate", "--xinjiang-students", "600", "--out", "/proc/x"],
            ["plan", In("roster"), "--out", "/proc/x"],
            ["activities", In("roster"), In("roster", "pairing"), In("roster", "activities.csv"), "--out", "/proc/x"],
            ["report", In("roster"), In("roster", "pairing"), "--out", "/proc/x/report.html"],
            ["demo", "--out", "/proc/x"],
        ];
        foreach (var args in commands)
        {
            var run = Run([.. args, "--language", "en"]);
            Assert.True(run.Code == 2, $"{args[0]}: exit {run.Code}: {run.Err}");
            Assert.Contains("CLI030", run.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_on_the_output_path_is_named()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(In("file"), "x");

        var run = Run("generate", "--xinjiang-students", "600", "--out", In("file", "roster"), "--language", "en");

        Assert.Equal(2, run.Code);
        Assert.Contains($"'{In("file")}' on the path is a file, not a folder", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_write_never_shows_the_temporary_sibling()
    {
        var e = new IOException("No space left on device : '/data/out/.result.pairing-new-1a2b3c/student_pairs.csv'");
        Assert.Equal("No space left on device : '/data/out/result'", CliFindings.WriteReason(e, "/data/out/result"));
    }
}
