using System.IO.Compression;
using System.Xml.Linq;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Integration;

/// <summary>The tool's package for one platform: what 'dotnet tool install' puts on a linux-x64 machine.</summary>
public sealed partial class IntegratorPathTests
{
    // OR-Tools' Windows natives by name (the managed wrapper is Google.OrTools.dll, which every platform has).
    private static readonly string[] WindowsNatives = ["ortools.dll", "google-ortools-native.dll", "abseil_dll.dll", "libscip.dll"];

    [DotnetFact]
    public void The_linux_x64_tool_package_carries_only_linux_x64_natives_and_its_own_readme()
    {
        using var temp = new TempDirectory();
        var packages = Directory.CreateDirectory(Path.Combine(temp.Path, "packages")).FullName;
        var source = CopySources(temp.Path, "Pairing.Core.Excel", "Pairing.Cli");

        // One platform's package only (-r): packing all five takes five times as long and proves nothing more here.
        var pack = Dotnet.Run(source, StepTimeout, "pack", "src/Pairing.Cli/Pairing.Cli.csproj", "-c", "Release", "-r", "linux-x64", "-o", packages);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);

        var nupkg = Assert.Single(Directory.GetFiles(packages, "Pairing.Cli.linux-x64.*.nupkg"));
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("README.md", entries);
        Assert.Contains(entries, e => e.EndsWith("/linux-x64/libortools.so.9", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EndsWith("/linux-x64/pairing.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("runtimes/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith(".dylib", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => WindowsNatives.Contains(Path.GetFileName(e), StringComparer.Ordinal));

        // 117 MB when one package carried all five platforms; about 29 MB now (docs/performance.md).
        Assert.InRange(new FileInfo(nupkg).Length, 1, 45L * 1024 * 1024);

        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = XDocument.Load(nuspecStream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        Assert.Equal("README.md", nuspec.Root.Element(ns + "metadata")?.Element(ns + "readme")?.Value);
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        Assert.StartsWith("# pairing", readme.ReadToEnd(), StringComparison.Ordinal);
    }
}
