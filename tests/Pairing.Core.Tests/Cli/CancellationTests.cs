using System.Diagnostics;
using System.Globalization;
using Pairing.Cli;

namespace Pairing.Core.Tests.Cli;

/// <summary>Ctrl+C and SIGTERM stop a run with "已取消 / cancelled: nothing was written", exit 130 and no output; an unexpected error is one line.</summary>
public sealed class CancellationTests : CliTestBase
{
    [Theory]
    [InlineData("match")]
    [InlineData("plan")]
    [InlineData("check")]
    [InlineData("verify")]
    public void A_cancelled_run_exits_130_says_so_and_writes_nothing(string command)
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--out", In("roster")).Code);
        Assert.Equal(0, Run("match", In("roster"), "--out", In("result")).Code);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        string[] args = command switch
        {
            "check" => ["check", In("roster")],
            "verify" => ["verify", In("roster"), In("result")],
            _ => [command, In("roster"), "--out", In("new")],
        };

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error, CultureInfo.InvariantCulture, 80, cancelled.Token);

        Assert.Equal(130, code);
        Assert.Contains("已取消 / cancelled: nothing was written", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(In("new")));
    }

    [Fact]
    public void A_cancelled_demo_removes_its_folder()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = Program.Run(["demo", "--out", In("demo")], output, error, CultureInfo.InvariantCulture, 80, cancelled.Token);

        Assert.Equal(130, code);
        Assert.False(Directory.Exists(In("demo")));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_stops_the_process_within_seconds_with_exit_130_and_no_output(string signal)
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "500000", "--out", In("roster")).Code);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "pairing.dll"), "match", In("roster"), "--out", In("result"), "--threads", "1"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Reading or solving by now: the run takes about 2.5 s alone on the 2-core machine (stop 24; 300,000 students
        // and a 2 s wait let the run finish first once it got faster).
        await Task.Delay(TimeSpan.FromSeconds(1));
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stopped = true;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            stopped = false;
            process.Kill();
        }

        Assert.True(stopped, "the process did not stop");
        Assert.Equal(130, process.ExitCode);
        var errors = await stderr;
        Assert.Contains("已取消 / cancelled: nothing was written", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        _ = await stdout;
        Assert.False(Directory.Exists(In("result")));
        Assert.Empty(Directory.GetFileSystemEntries(Folder, ".result.*"));
    }
}

/// <summary>An unexpected exception inside a command is one line (and the details with --verbose), exit 1, never a bare stack trace.</summary>
public sealed class UnexpectedErrorTests : CliTestBase
{
    [Fact]
    public void An_unexpected_error_is_one_line_and_the_details_only_with_verbose()
    {
        Assert.Equal(0, Run("generate", "--xinjiang-students", "600", "--out", Folder).Code);

        var plain = RunBroken("check", Folder);
        var verbose = RunBroken("check", Folder, "--verbose");
        var chinese = RunBroken("check", Folder, "--language", "zh");

        Assert.Equal(1, plain.Code);
        Assert.Contains("pairing: unexpected error (a bug; please report it with the command line): InvalidOperationException: the console went away", plain.Err, StringComparison.Ordinal);
        Assert.Contains("--verbose", plain.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", plain.Err, StringComparison.Ordinal);
        Assert.Equal(2, plain.Err.Trim().Split('\n').Length);
        Assert.Equal(1, verbose.Code);
        Assert.Contains("   at ", verbose.Err, StringComparison.Ordinal);
        Assert.Contains("pairing：意外错误", chinese.Err, StringComparison.Ordinal);
    }

    private static (int Code, string Err) RunBroken(params string[] args)
    {
        using var error = new StringWriter();
        var code = Program.Run(args, new BrokenWriter(), error);
        return (code, error.ToString());
    }

    /// <summary>An output that fails on the first line written, as a closed console might.</summary>
    private sealed class BrokenWriter : StringWriter
    {
        public override void WriteLine(string? value) => throw new InvalidOperationException("the console went away");

        public override void Write(string? value) => throw new InvalidOperationException("the console went away");
    }
}
