using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Integration;

/// <summary>
/// The integrator's path end to end: pack the library, reference the package (and nothing else of this repository)
/// from a fresh console app, and run the getting-started sample (samples/ProvincialSystem), which keeps its roster and
/// its pairs in SQLite, and files an activity compliance report; then build the web sample (samples/ProvincialApi) against
/// the same package. One run, since pack, restore and build take most of a minute.
/// </summary>
public sealed partial class IntegratorPathTests
{
    private const int XinjiangStudents = 2_000;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(8);

    [DotnetFact]
    public void A_fresh_app_packs_references_registers_reads_sqlite_plans_matches_writes_and_checks()
    {
        using var temp = new TempDirectory();
        var packages = Directory.CreateDirectory(Path.Combine(temp.Path, "packages")).FullName;
        string? version = null;
        try
        {
            // 1. Pack from a copy of the sources (no bin/obj), as a clean clone would, under a version of its own so
            //    that no package restored earlier stands in for this one.
            var source = CopySources(temp.Path);
            var suffix = "integrator." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            var pack = Dotnet.Run(source, StepTimeout, "pack", "src/Pairing.Core/Pairing.Core.csproj", "-c", "Release", "-o", packages, "-p:VersionSuffix=" + suffix);
            Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
            var nupkg = Assert.Single(Directory.GetFiles(packages, "Pairing.Core.*.nupkg"));
            version = Path.GetFileNameWithoutExtension(nupkg)["Pairing.Core.".Length..];
            CheckPackage(nupkg, Path.ChangeExtension(nupkg, ".snupkg"));

            // 2. A fresh console app: the sample's own files, its Pairing.Core version set to the one just packed, and a
            //    nuget.config that takes Pairing.Core from the folder and everything else from the machine's source.
            var app = Directory.CreateDirectory(Path.Combine(temp.Path, "app")).FullName;
            var sample = RepositoryFiles.PathOf(Path.Combine("samples", "ProvincialSystem"));
            File.Copy(Path.Combine(sample, "Program.cs"), Path.Combine(app, "Program.cs"));
            var project = File.ReadAllText(Path.Combine(sample, "ProvincialSystem.csproj"));
            var pinned = PairingCoreReference().Replace(project, "${1}" + version + "${2}");
            Assert.NotEqual(project, pinned);
            File.WriteAllText(Path.Combine(app, "ProvincialSystem.csproj"), pinned);
            File.WriteAllText(Path.Combine(app, "nuget.config"), NugetConfig(packages));

            // 3. Run it: it fills the database, reads it back, plans, matches, writes the pairs and checks them.
            var database = Path.Combine(temp.Path, "province.db");
            var run = Dotnet.Run(app, StepTimeout, "run", "--", database, XinjiangStudents.ToString(CultureInfo.InvariantCulture));
            Assert.True(run.ExitCode == 0, "the sample failed:\n" + run.Output);
            Assert.Contains("check: valid", run.Output, StringComparison.Ordinal);

            // 4. The rows it wrote back are the pairs the same roster gives here, in-process.
            var expected = Expected();
            var rows = RowsLine().Match(run.Output);
            Assert.True(rows.Success, "no rows line in:\n" + run.Output);
            Assert.Equal(expected, rows.Value);
            Assert.Contains("activities: ", run.Output, StringComparison.Ordinal);
            foreach (var file in new[] { "compliance.csv", "rollup.csv", "rollup.json" })
            {
                Assert.True(File.Exists(Path.Combine(temp.Path, "report", file)), file + " was not filed");
            }

            // 5. The web sample (samples/ProvincialApi) builds against the package alone too: its project reference,
            //    there for its in-process test, swapped for the package reference an integrator's project has.
            var web = Directory.CreateDirectory(Path.Combine(temp.Path, "web")).FullName;
            var webSample = RepositoryFiles.PathOf(Path.Combine("samples", "ProvincialApi"));
            foreach (var file in new[] { "Program.cs", "appsettings.json" })
            {
                File.Copy(Path.Combine(webSample, file), Path.Combine(web, file));
            }

            var webProject = File.ReadAllText(Path.Combine(webSample, "ProvincialApi.csproj"));
            var webPinned = PairingCoreProjectReference().Replace(webProject, $"<PackageReference Include=\"Pairing.Core\" Version=\"{version}\" />");
            Assert.NotEqual(webProject, webPinned);
            File.WriteAllText(Path.Combine(web, "ProvincialApi.csproj"), webPinned);
            File.WriteAllText(Path.Combine(web, "nuget.config"), NugetConfig(packages));
            var build = Dotnet.Run(web, StepTimeout, "build");
            Assert.True(build.ExitCode == 0, "the web sample did not build against the package:\n" + build.Output);
        }
        finally
        {
            ForgetRestoredPackage(version);
        }
    }

    private static string Expected()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = XinjiangStudents });
        var matcher = new PairingMatcher();
        var options = new PairingOptions { SameGenderWeight = 4, CloseBirthYearWeight = 1 };
        var result = matcher.Match(roster, matcher.Plan(roster, options: options), options: options);
        Assert.True(PairingResultChecker.Check(roster, result, options).IsValid);
        Assert.NotEmpty(result.StudentPairs);
        return string.Create(CultureInfo.InvariantCulture,
            $"rows: county_pairs={result.CountyPairs.Count} school_pairs={result.SchoolPairs.Count} class_pairs={result.ClassPairs.Count} student_pairs={result.StudentPairs.Count} unpaired={result.Unpaired.Count}");
    }

    /// <summary>What an integrator relies on in the package: docs, licence, readme, symbols, and no container dependency.</summary>
    private static void CheckPackage(string nupkg, string snupkg)
    {
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("README.md", entries);
            foreach (var tfm in new[] { "net8.0", "net10.0" })
            {
                Assert.Contains($"lib/{tfm}/Pairing.Core.dll", entries);
                Assert.Contains($"lib/{tfm}/Pairing.Core.xml", entries);
            }

            using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var nuspec = XDocument.Load(nuspecStream);
            XNamespace ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            var dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("Microsoft.Extensions.DependencyInjection.Abstractions", dependencies);
            Assert.Contains("Microsoft.Extensions.Options", dependencies);
            Assert.Contains("Microsoft.Extensions.Logging.Abstractions", dependencies);
            Assert.DoesNotContain("Microsoft.Extensions.DependencyInjection", dependencies);
        }

        using var symbols = ZipFile.OpenRead(snupkg);
        Assert.Contains(symbols.Entries, e => e.FullName == "lib/net10.0/Pairing.Core.pdb");
        Assert.Contains(symbols.Entries, e => e.FullName == "lib/net8.0/Pairing.Core.pdb");
    }

    /// <summary>Copies what packing the library (and the given other projects) needs, without any build output, into a folder of its own.</summary>
    private static string CopySources(string temp, params string[] otherProjects)
    {
        var root = Directory.CreateDirectory(Path.Combine(temp, "source")).FullName;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config", "global.json", "README.md", ".editorconfig" })
        {
            File.Copy(RepositoryFiles.PathOf(file), Path.Combine(root, file));
        }

        foreach (var project in (string[])["Pairing.Core", .. otherProjects])
        {
            CopyProject(root, project);
        }

        return root;
    }

    private static void CopyProject(string root, string project)
    {
        var from = RepositoryFiles.PathOf(Path.Combine("src", project));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj")
            {
                continue;
            }

            var to = Path.Combine(root, "src", project, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    // No URL: the machine's own source is inherited from the user's configuration under its key "nuget.org".
    private static string NugetConfig(string packages) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="pairing-local" value="{packages}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="pairing-local">
              <package pattern="Pairing.Core" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    /// <summary>Removes the one-off version from the global packages folder, so that runs do not pile up there.</summary>
    private static void ForgetRestoredPackage(string? version)
    {
        if (version is null)
        {
            return;
        }

        var folder = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var restored = Path.Combine(folder, "pairing.core", version.ToLowerInvariant());
        try
        {
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
            }

            var parent = Path.GetDirectoryName(restored)!;
            if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
            // A leftover package folder is harmless.
        }
    }

    [GeneratedRegex("""(<PackageReference Include="Pairing.Core" Version=")[^"]*(")""")]
    private static partial Regex PairingCoreReference();

    [GeneratedRegex("""<ProjectReference Include="[./]*src/Pairing.Core/Pairing.Core.csproj" />""")]
    private static partial Regex PairingCoreProjectReference();

    [GeneratedRegex("^rows: .*$", RegexOptions.Multiline)]
    private static partial Regex RowsLine();
}
