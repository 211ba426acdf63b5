using System.Text.RegularExpressions;
using Pairing.Core.Tests.Findings;
using Pairing.Core.Files;
using Pairing.Core.Files.Tables;

namespace Pairing.Core.Tests.Docs;

/// <summary>
/// The library's rooms depend only downwards, as docs/architecture.md draws them: each namespace of
/// <c>src/Pairing.Core</c> may use the rooms listed before it and no other, no room reaches into another room's
/// <c>Internals</c>, and nothing in <c>Files/</c> names the solver. Read from the source: every <c>using</c>
/// directive and every qualified <c>Pairing.Core.…</c> name in code (comments and XML docs are not dependencies).
/// </summary>
public sealed partial class NamespaceDependencyTests
{
    /// <summary>
    /// The rooms, lowest first (the order docs/architecture.md's table gives). A room may use the rooms before it.
    /// </summary>
    internal static readonly string[] Layers =
    [
        "Internals",
        "Hierarchy",
        "Findings",
        "Files",
        "Files.Tables",
        "Reference",
        "Rosters",
        "Matching",
        "Activities",
        "Files.Rosters",
        "Files.Results",
        "Files.Activities",
        "Files.Compliance",
        "Reports",
        "Generation",
        "",
    ];

    private static readonly string[] SolverTypes = ["PairingMatcher", "PairingAdvisor", "PairingExplainer", "PairingResultChecker", "IPairingMatcher"];

    [Fact]
    public void Every_room_uses_only_the_rooms_below_it()
    {
        var wrong = new List<string>();
        foreach (var (file, ns, used) in Sources())
        {
            var room = RoomOf(ns);
            var rank = Array.IndexOf(Layers, room);
            Assert.True(rank >= 0, $"{file}: namespace {ns} is in no room of the layer list; add it there and to docs/architecture.md");
            foreach (var target in used)
            {
                var targetRoom = RoomOf(target);
                var targetRank = Array.IndexOf(Layers, targetRoom);
                if (targetRank < 0)
                {
                    wrong.Add($"{file}: uses {target}, which is in no room");
                }
                else if (targetRank > rank)
                {
                    wrong.Add($"{file}: {Show(room)} uses {Show(targetRoom)} ({target}), which is above it");
                }
                else if (targetRoom != room && target.Split('.').Contains("Internals") && targetRoom != "Internals")
                {
                    wrong.Add($"{file}: {Show(room)} reaches into {target}, another room's internals");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Nothing_in_Files_names_the_solver()
    {
        var wrong = new List<string>();
        foreach (var path in SourceFiles().Where(p => p.Replace('\\', '/').Contains("/Files/", StringComparison.Ordinal)))
        {
            var code = Code(File.ReadAllText(path));
            wrong.AddRange(SolverTypes.Where(t => Regex.IsMatch(code, $@"\b{t}\b")).Select(t => $"{Relative(path)}: names {t}"));
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_file_format_lives_in_Files()
    {
        // A reader or writer of files is named *Files, *Csv*, *Json; outside Files/ none may open or write one.
        var outside = SourceFiles()
            .Where(p => !p.Replace('\\', '/').Contains("/Files/", StringComparison.Ordinal))
            .Where(p => Regex.IsMatch(Code(File.ReadAllText(p)), @"\b(File\.(Open|Create|ReadAll\w*|WriteAll\w*)|new FileStream|SafeFile\.|CsvWriter|Utf8JsonWriter|JsonDocument)\b"))
            .Select(Relative)
            .ToList();

        Assert.True(outside.Count == 0, "Outside src/Pairing.Core/Files: " + string.Join(", ", outside));
    }

    [Fact]
    public void The_workbook_package_uses_only_the_core_public_api_and_no_temporary_folder()
    {
        var root = FindingCatalogTests.RepositoryRoot();
        var project = File.ReadAllText(Path.Combine(root, "src", "Pairing.Core", "Pairing.Core.csproj"));
        Assert.DoesNotContain("InternalsVisibleTo Include=\"Pairing.Core.Excel\"", project, StringComparison.Ordinal);
        var excel = Directory.EnumerateFiles(Path.Combine(root, "src", "Pairing.Core.Excel"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path: Relative(p), Code: Code(File.ReadAllText(p))))
            .Where(f => Regex.IsMatch(f.Code, @"\b(CreateTempSubdirectory|GetTempPath|GetTempFileName|SimpleCsv|TemporaryFolder)\b"))
            .Select(f => f.Path)
            .ToList();
        Assert.True(excel.Count == 0, "A temporary folder or a second CSV tokenizer in: " + string.Join(", ", excel));
    }

    [Fact]
    public void Arguments_are_guarded_one_way_through_Guard_and_Throw()
    {
        var other = SourceFiles()
            .Where(p => !p.EndsWith($"Internals{Path.DirectorySeparatorChar}Throw.cs", StringComparison.Ordinal)
                && !p.EndsWith($"Internals{Path.DirectorySeparatorChar}Guard.cs", StringComparison.Ordinal))
            .Where(p => Regex.IsMatch(Code(File.ReadAllText(p)), @"\bArgument(Null|OutOfRange)?Exception\.ThrowIf\w*|\bthrow new Argument(Null|OutOfRange)?Exception\b"))
            .Select(Relative)
            .ToList();
        Assert.True(other.Count == 0, "Guards other than Guard/Throw in: " + string.Join(", ", other));
    }

    [Fact]
    public void The_layer_list_is_the_one_in_docs_architecture()
    {
        var doc = File.ReadAllText(Path.Combine(FindingCatalogTests.RepositoryRoot(), "docs", "architecture.md"));
        foreach (var room in Layers.Where(r => r.Length > 0))
        {
            Assert.Contains($"`Pairing.Core.{room}`", doc, StringComparison.Ordinal);
        }
    }

    internal static string RoomOf(string ns)
    {
        var rest = ns == "Pairing.Core" ? string.Empty : ns["Pairing.Core.".Length..];
        var parts = rest.Split('.', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[0] == "Internals")
        {
            return "Internals";
        }

        var cut = parts.IndexOf("Internals");
        if (cut >= 0)
        {
            parts = parts[..cut];
        }

        if (parts.Count > 0 && parts[0] == "Files")
        {
            return string.Join('.', parts.Take(2));
        }

        return parts.Count == 0 ? string.Empty : parts[0];
    }

    private static string Show(string room) => room.Length == 0 ? "Pairing.Core" : room;

    private static IEnumerable<(string File, string Namespace, HashSet<string> Used)> Sources()
    {
        foreach (var path in SourceFiles())
        {
            var text = File.ReadAllText(path);
            var ns = NamespaceLine().Match(text);
            Assert.True(ns.Success, $"{Relative(path)} has no file-scoped namespace");
            var code = Code(text);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in UsingLine().Matches(code))
            {
                used.Add(NamespaceOf(m.Groups[1].Value));
            }

            foreach (Match m in QualifiedName().Matches(code))
            {
                used.Add(NamespaceOf(m.Value));
            }

            used.Remove(ns.Groups[1].Value);
            yield return (Relative(path), ns.Groups[1].Value, used);
        }
    }

    // Pairing.Core.Files.Rosters.RosterFiles → Pairing.Core.Files.Rosters: the namespace is the dotted prefix of lower-case-led
    // or known namespace words; a type starts with the first segment that names no namespace of the library.
    private static string NamespaceOf(string name)
    {
        var parts = name.Split('.');
        var kept = new List<string> { "Pairing", "Core" };
        foreach (var part in parts.Skip(2))
        {
            var candidate = string.Join('.', kept.Append(part));
            if (!KnownNamespaces.Value.Contains(candidate))
            {
                break;
            }

            kept.Add(part);
        }

        return string.Join('.', kept);
    }

    private static readonly Lazy<HashSet<string>> KnownNamespaces = new(() =>
        SourceFiles().Select(p => NamespaceLine().Match(File.ReadAllText(p)).Groups[1].Value)
            .SelectMany(ns => Enumerable.Range(2, ns.Split('.').Length - 1).Select(n => string.Join('.', ns.Split('.').Take(n))))
            .ToHashSet(StringComparer.Ordinal));

    private static IEnumerable<string> SourceFiles()
    {
        var root = Path.Combine(FindingCatalogTests.RepositoryRoot(), "src", "Pairing.Core");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static string Relative(string path) => Path.GetRelativePath(FindingCatalogTests.RepositoryRoot(), path).Replace('\\', '/');

    /// <summary>The code without comments or string literals, so that neither counts as a dependency.</summary>
    private static string Code(string text) => StringLiteral().Replace(Comment().Replace(text, string.Empty), "\"\"");

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (?:static )?(?:\w+ = )?(Pairing\.Core(?:\.\w+)*);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"(?<![\w.])Pairing\.Core(?:\.\w+)+")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"@?""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}
