using System.Text;
using Pairing.Core.Files;
using Pairing.Core.Files.Results;
using Pairing.Core.Generation;
using Pairing.Core.Internals;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Files;

/// <summary>
/// All-or-nothing writes: a whole-folder write that fails at any one of its file operations leaves the old folder
/// exactly as it was, or (once swapped in) the new one whole; the next write leaves no temporary behind.
/// </summary>
public sealed class AtomicFilesTests : IDisposable
{
    private static readonly string[] Owned = ["a.csv", "b.csv", "c.json", "gone.csv"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "pairing-atomic-" + Guid.NewGuid().ToString("N"));

    private string Target => Path.Combine(_root, "result");

    public void Dispose()
    {
        AtomicFiles.FaultInjection.Value = null;
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_failure_at_every_single_operation_leaves_the_old_folder_or_the_new_one_whole()
    {
        var old = new Dictionary<string, string> { ["a.csv"] = "old a", ["b.csv"] = "old b", ["gone.csv"] = "old only" };
        var next = new Dictionary<string, string> { ["a.csv"] = "new a", ["b.csv"] = "new b", ["c.json"] = "new c" };
        var operations = Count(() => Write(next));
        Assert.True(operations >= 5, $"{operations} operations");

        for (var k = 1; k <= operations; k++)
        {
            Reset();
            Write(old);
            var seen = 0;
            var failAt = k;
            AtomicFiles.FaultInjection.Value = op =>
            {
                if (++seen == failAt)
                {
                    throw new IOException($"injected failure at operation {failAt} ({op})");
                }
            };

            Assert.Throws<IOException>(() => Write(next));
            AtomicFiles.FaultInjection.Value = null;

            var now = Contents();
            Assert.True(Same(now, old) || Same(now, next), $"failing operation {k}: the folder holds {string.Join(", ", now.Select(kv => kv.Key + "=" + kv.Value))}");
            Assert.Empty(Temporaries()); // a failed write removes what it made

            Write(next);
            Assert.True(Same(Contents(), next));
            Assert.Empty(Temporaries());
        }
    }

    [Fact]
    public void A_result_write_failing_at_any_operation_reads_back_as_the_old_result_or_the_new_one()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 600, Seed = 1 });
        var old = new PairingMatcher().Plan(roster);
        var next = new PairingMatcher().Match(roster);
        var operations = 0;
        AtomicFiles.FaultInjection.Value = _ => operations++;
        PairingResultFiles.Write(next, Target, includeTimings: false);
        AtomicFiles.FaultInjection.Value = null;

        for (var k = 1; k <= operations; k++)
        {
            Reset();
            PairingResultFiles.Write(old, Target, includeTimings: false);
            var seen = 0;
            var failAt = k;
            AtomicFiles.FaultInjection.Value = _ =>
            {
                if (++seen == failAt)
                {
                    throw new IOException($"injected failure at operation {failAt}");
                }
            };
            Assert.Throws<IOException>(() => PairingResultFiles.Write(next, Target, includeTimings: false));
            AtomicFiles.FaultInjection.Value = null;
            var problemsRead = PairingResultFiles.Read(Target);
            var problems = problemsRead.Findings;
            Assert.True(problemsRead.IsValid, $"operation {k}: " + string.Join("; ", problems));
            var read = problemsRead.Value;
            Assert.True(read.Phase == old.Phase ? read.SchoolPairs.SequenceEqual(old.SchoolPairs) && read.StudentPairs.Count == 0 : read.StudentPairs.SequenceEqual(next.StudentPairs),
                $"operation {k}: a mix of the two results");
            Assert.Empty(Temporaries());
        }
    }

    [Fact]
    public void A_folder_holding_files_the_writer_does_not_own_is_refused_before_anything_is_written()
    {
        Write(new Dictionary<string, string> { ["a.csv"] = "old a" });
        File.WriteAllText(Path.Combine(Target, "notes.txt"), "mine");

        var e = Assert.Throws<IOException>(() => Write(new Dictionary<string, string> { ["a.csv"] = "new a" }));

        Assert.Contains("notes.txt", e.Message, StringComparison.Ordinal);
        Assert.Equal("old a", File.ReadAllText(Path.Combine(Target, "a.csv")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Target, "notes.txt")));
        Assert.Empty(Temporaries());
    }

    [Fact]
    public void A_symbolic_link_in_place_of_the_folder_is_refused_and_not_followed()
    {
        var elsewhere = Path.Combine(_root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "a.csv"), "not yours");
        Directory.CreateSymbolicLink(Target, elsewhere);

        Assert.Throws<IOException>(() => Write(new Dictionary<string, string> { ["a.csv"] = "new a" }));

        Assert.Equal("not yours", File.ReadAllText(Path.Combine(elsewhere, "a.csv")));
    }

    [Fact]
    public void An_old_folder_left_aside_by_a_killed_run_is_put_back_and_stale_new_folders_removed()
    {
        // What a run killed between its two renames leaves (on systems without an atomic exchange): no folder, the old
        // one aside under a marked name; and a half-written new one of a run killed earlier. Pid 0 is never alive.
        Directory.CreateDirectory(_root);
        var aside = Path.Combine(_root, ".result.pairing-old-0-abc");
        Directory.CreateDirectory(aside);
        File.WriteAllText(Path.Combine(aside, "a.csv"), "old a");
        Directory.CreateDirectory(Path.Combine(_root, ".result.pairing-new-0-def"));

        AtomicFiles.Folder(Target, Owned).Dispose();

        Assert.Equal("old a", File.ReadAllText(Path.Combine(Target, "a.csv")));
        Assert.Empty(Temporaries());
    }

    [Fact]
    public void In_place_writes_keep_the_other_files_and_remove_stale_temporaries()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(Target, ".a.csv.pairing-new-0-abc"), "stale");

        using (var files = AtomicFiles.InPlace(Target))
        {
            using (var stream = files.Create("a.csv"))
            {
                stream.Write("new a"u8);
            }

            Assert.Single(Directory.GetFiles(Target, ".a.csv.pairing-new-*")); // the write's own, unguessable
            files.Commit();
        }

        Assert.Equal("mine", File.ReadAllText(Path.Combine(Target, "notes.txt")));
        Assert.Equal("new a", File.ReadAllText(Path.Combine(Target, "a.csv")));
        Assert.Empty(Directory.GetFiles(Target, ".*"));
    }

    private void Write(IReadOnlyDictionary<string, string> files)
    {
        using var write = AtomicFiles.Folder(Target, Owned);
        foreach (var (name, text) in files)
        {
            using var stream = write.Create(name);
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        write.Commit();
    }

    private int Count(Action write)
    {
        Reset();
        var operations = 0;
        AtomicFiles.FaultInjection.Value = _ => operations++;
        write();
        AtomicFiles.FaultInjection.Value = null;
        return operations;
    }

    private void Reset()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Dictionary<string, string> Contents() =>
        Directory.Exists(Target)
            ? Directory.GetFiles(Target).ToDictionary(f => Path.GetFileName(f), File.ReadAllText)
            : [];

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private string[] Temporaries() =>
        Directory.Exists(_root) ? Directory.GetFileSystemEntries(_root, ".result.pairing-*") : [];
}
