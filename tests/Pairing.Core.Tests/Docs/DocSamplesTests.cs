using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pairing.Core.Tests.Integration;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md, the library package's README and docs/*.md compiles as a console
/// program against this build of the library (with a console app's implicit usings and nothing else), so no sample
/// can rot. A block after
/// <c>&lt;!-- sample: run --&gt;</c> also runs, in a temporary working folder. A block after
/// <c>&lt;!-- sample: PATH --&gt;</c> must equal that repository file, which another test builds and runs.
/// </summary>
[Collection(nameof(DocSamplesTests))]
public sealed partial class DocSamplesTests
{
    /// <summary>
    /// Blocks known not to compile yet, by file and first line, with the compiler errors they give: each must still
    /// fail with exactly those, so fixing one turns this test red until its entry here is removed.
    /// </summary>
    private static readonly Dictionary<(string File, string FirstLine), string[]> KnownFragments = new()
    {
    };

    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p))]);

    public static TheoryData<string, int> Samples()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in DocumentFiles())
        {
            var count = Blocks(file).Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(file, i);
            }
        }

        return data;
    }

    [Fact]
    public void Every_document_with_samples_is_found()
    {
        var files = Samples().Select(row => (string)row[0]).Distinct().ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("src/Pairing.Core/README.md", files);
        Assert.Contains("docs/getting-started.md", files);
        Assert.Contains(Blocks("docs/getting-started.md"), b => b.Marker == "samples/ProvincialSystem/Program.cs");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_compiles_and_runs_where_marked(string file, int index)
    {
        var block = Blocks(file)[index];
        var where = $"{file}, C# block {index + 1} (line {block.Line})";
        if (block.Marker is { } marker && marker != "run")
        {
            var source = File.ReadAllText(RepositoryFiles.PathOf(marker)).ReplaceLineEndings("\n");
            Assert.True(source == block.Code, $"{where} differs from {marker}: copy the file into the document again");
            return;
        }

        var compilation = Compile(block.Code, where);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var firstLine = block.Code.Split('\n')[0];
        if (KnownFragments.TryGetValue((file, firstLine), out var expected))
        {
            Assert.False(emitted.Success, $"{where} compiles now: remove it from {nameof(KnownFragments)}");
            Assert.Equal(expected, problems.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
            return;
        }

        Assert.True(problems.Count == 0, $"{where} does not compile cleanly:\n{string.Join("\n", problems)}");
        if (block.Marker == "run")
        {
            Run(image.ToArray(), where);
        }
    }

    private static CSharpCompilation Compile(string code, string where)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var usings = string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n"));
        return CSharpCompilation.Create(
            "DocSample",
            [CSharpSyntaxTree.ParseText(code, parse, path: where), CSharpSyntaxTree.ParseText(usings, parse, path: "ImplicitUsings.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Runs a compiled sample in a temporary working folder, its output captured; it must end without an exception and exit 0.</summary>
    private static void Run(byte[] image, string where)
    {
        var assembly = Assembly.Load(image);
        var entry = assembly.EntryPoint!;
        using var folder = new TempDirectory();
        var console = Console.Out;
        var directory = Environment.CurrentDirectory;
        using var output = new StringWriter();
        try
        {
            Console.SetOut(output);
            Environment.CurrentDirectory = folder.Path;
            var returned = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (returned is Task task)
            {
                task.GetAwaiter().GetResult();
                returned = task.GetType().GetProperty("Result")?.GetValue(task);
            }

            Assert.True(returned is null or 0, $"{where} exited with {returned}:\n{output}");
        }
        catch (TargetInvocationException e)
        {
            Assert.Fail($"{where} threw {e.InnerException}\n{output}");
        }
        finally
        {
            Environment.CurrentDirectory = directory;
            Console.SetOut(console);
        }
    }

    private static IEnumerable<string> DocumentFiles()
    {
        yield return "README.md";
        yield return "src/Pairing.Core/README.md";
        foreach (var path in Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return "docs/" + Path.GetFileName(path);
        }
    }

    private static List<Block> Blocks(string file)
    {
        var text = File.ReadAllText(RepositoryFiles.PathOf(file)).ReplaceLineEndings("\n");
        var blocks = new List<Block>();
        foreach (Match m in CsharpBlock().Matches(text))
        {
            var line = text.AsSpan(0, m.Index).Count('\n') + 1;
            var marker = m.Groups["marker"].Success ? m.Groups["marker"].Value : null;
            blocks.Add(new Block(m.Groups["code"].Value, line, marker));
        }

        return blocks;
    }

    private sealed record Block(string Code, int Line, string? Marker);

    [GeneratedRegex(@"(?:<!-- sample: (?<marker>[^ ]+) -->\n)?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}

/// <summary>Samples change the working folder and the console's output, which are the process's: run them alone.</summary>
[CollectionDefinition(nameof(DocSamplesTests), DisableParallelization = true)]
public sealed class DocSamplesCollection;
