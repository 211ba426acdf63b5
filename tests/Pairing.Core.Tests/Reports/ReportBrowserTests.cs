using System.Diagnostics;
using Pairing.Core.Reports;
using Pairing.Core.Activities;

namespace Pairing.Core.Tests.Reports;

/// <summary>
/// A fact that needs headless Chromium: skipped on a developer's machine without it, but never in CI (CI=true), where
/// a missing browser is a failure (.ci/run installs Debian's chromium package first).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.InCi)
        {
            Skip = "Chromium is not installed (apt-get install chromium); the test runs, and must pass, in CI.";
        }
    }
}

internal static class Chromium
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Path { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
}

/// <summary>Opens the report in a real browser (headless Chromium): it renders its charts, and nothing goes wrong.</summary>
public sealed class ReportBrowserTests(ReportSamples samples) : IClassFixture<ReportSamples>, IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pairing-report-browser-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private (int Code, string Out, string Err) RunChromium(string profile, params string[] args)
    {
        Assert.True(Chromium.Path is not null, "Chromium is not installed; CI must install it (.ci/run does: apt-get install chromium).");
        var start = new ProcessStartInfo(Chromium.Path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", $"--user-data-dir={System.IO.Path.Combine(_folder, profile)}", .. args])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 120 s.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    [ChromiumFact]
    public void Report_renders_its_charts_in_headless_chromium_without_errors()
    {
        Directory.CreateDirectory(_folder);
        var report = System.IO.Path.Combine(_folder, "report.html");
        PairingReport.Write(samples.Roster, samples.Result,
            [ComplianceSnapshot.From(samples.EarlyCompliance), ComplianceSnapshot.From(samples.Compliance)], report);
        var url = new Uri(report).AbsoluteUri;

        // The DOM as the browser built it: the charts are there as SVG, with their bars.
        var dom = RunChromium("dom", "--dump-dom", url);
        Assert.True(dom.Code == 0, $"chromium --dump-dom exited {dom.Code}: {dom.Err}");
        // The serialised DOM is HTML, not XML (<br>, <meta …>): the charts are found by their markup.
        var charts = System.Text.RegularExpressions.Regex.Matches(dom.Out, "<svg[^>]*data-chart=\"([a-z-]+)\"[^>]*>(.*?)</svg>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(
            ["camps", "coverage", "shares", "size-difference", "three-ones", "three-ones-over-time"],
            charts.Select(c => c.Groups[1].Value).Order(StringComparer.Ordinal));
        Assert.All(charts, c => Assert.Contains("<rect", c.Groups[2].Value, StringComparison.Ordinal));
        Assert.Contains("各民族中学生结对子报告", dom.Out, StringComparison.Ordinal);

        // No error page, no parse error: Chromium shows a <parsererror> or its own error page when a page breaks.
        foreach (var marker in new[] { "parsererror", "ERR_FILE_NOT_FOUND", "ERR_ACCESS_DENIED", "This page isn", "neterror" })
        {
            Assert.DoesNotContain(marker, dom.Out, StringComparison.Ordinal);
        }

        // A screenshot: a real PNG, and not a blank page.
        var png = System.IO.Path.Combine(_folder, "report.png");
        var shot = RunChromium("shot", $"--screenshot={png}", "--window-size=1200,2000", url);
        Assert.True(shot.Code == 0, $"chromium --screenshot exited {shot.Code}: {shot.Err}");
        Assert.True(File.Exists(png), $"no screenshot written: {shot.Err}");
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.Equal(1200, width);
        Assert.Equal(2000, height);

        // A blank 1200×2000 page compresses to a few kilobytes; text and coloured bars take far more.
        Assert.True(bytes.Length > 40_000, $"the screenshot is {bytes.Length} bytes: the page looks blank");
        var keep = Environment.GetEnvironmentVariable("PAIRING_REPORT_SCREENSHOT");
        if (!string.IsNullOrEmpty(keep))
        {
            File.Copy(png, keep, overwrite: true);
        }
    }
}
