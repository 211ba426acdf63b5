using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pairing.Core.Tests.Integration;

namespace Pairing.Core.Tests.Docs;

/// <summary>
/// What ships stands on its own: a package README is read on a package page, where a relative link leads nowhere,
/// and XML docs are read in an editor, where the repository's docs and specifications are not at hand.
/// </summary>
public sealed partial class PackageDocsTests
{
    public static TheoryData<string> PackageReadmes() => ["src/Pairing.Core/README.md", "src/Pairing.Cli/README.md"];

    [Theory]
    [MemberData(nameof(PackageReadmes))]
    public void A_package_readme_has_no_relative_links(string file)
    {
        var text = File.ReadAllText(RepositoryFiles.PathOf(file));

        var relative = MarkdownLink().Matches(text).Select(m => m.Groups["target"].Value)
            .Where(target => !target.StartsWith("https://", StringComparison.Ordinal)).ToList();

        Assert.True(relative.Count == 0, $"{file} links to {string.Join(", ", relative)}, which break on a package page");
    }

    [Theory]
    [MemberData(nameof(PackageReadmes))]
    public void Each_packable_project_packs_its_own_readme(string file)
    {
        var project = XDocument.Load(RepositoryFiles.PathOf(Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileName(Path.GetDirectoryName(file)!) + ".csproj")));

        Assert.Equal("README.md", project.Descendants("PackageReadmeFile").Single().Value);
        Assert.Contains(project.Descendants("None"), n => ((string?)n.Attribute("Include") ?? (string?)n.Attribute("Update")) == "README.md" && (string?)n.Attribute("Pack") == "true");
    }

    [Fact]
    public void The_xml_docs_cite_nothing_that_does_not_ship()
    {
        var offending = new List<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryFiles.PathOf("src"), "*.cs", SearchOption.AllDirectories))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal) && NotShipped().IsMatch(lines[i]))
                {
                    offending.Add($"{Path.GetRelativePath(RepositoryFiles.PathOf("src"), path)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offending.Count == 0, "XML docs cite files that ship in no package:\n" + string.Join("\n", offending));
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    // The programme's specifications and the repository's own documents: neither is in a package.
    [GeneratedRegex(@"PROGRAMME\.md|FORMATS\.md|DESIGN\.md|STYLE\.md|shared/|docs/|README\.md|\.\./")]
    private static partial Regex NotShipped();
}
