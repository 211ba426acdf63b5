using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Pairing.Core.Tests.Cli;

/// <summary>
/// Fuzzing the tool with broken roster, result and activity folders: whatever is done to one file (cut, garbled,
/// a range repeated, a huge field, NUL bytes, GB18030 or a BOM in odd places, the file gone or a folder in its place),
/// <c>check</c>, <c>verify</c> and <c>activities</c> exit 0 or 2 with their problems, never 1, never a stack trace.
/// </summary>
public sealed class CliFuzzTests
{
    private static readonly Lazy<string> Material = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "pairing-fuzz-material-" + Guid.NewGuid().ToString("N"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Pairing.Cli.Program.Run(["generate", "--xinjiang-students", "600", "--seed", "9", "--activities", "--out", dir], output, error);
        Assert.True(code == 0, error.ToString());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        return dir;
    });

    /// <summary>What is done to which file.</summary>
    public enum Damage
    {
        Cut,
        Garble,
        Repeat,
        HugeField,
        NulBytes,
        Gb18030,
        Bom,
        Gone,
        FolderInstead,
    }

    /// <summary>One damaged file: which (an index into the material's files), what, where (a share of its length), how much, and the bytes.</summary>
    public sealed record Case(int File, Damage Damage, double At, int Length, byte[] Bytes);

    public static class Generators
    {
        public static Arbitrary<Case> Cases() =>
            (from file in Gen.Choose(0, 63)
             from damage in Gen.Elements(Enum.GetValues<Damage>())
             from at in Gen.Choose(0, 1000).Select(n => n / 1000.0)
             from length in Gen.Choose(1, 400)
             from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
             select new Case(file, damage, at, length, bytes)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public void A_damaged_file_gives_exit_0_or_2_with_problems_never_a_crash(Case sample)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pairing-fuzz-" + Guid.NewGuid().ToString("N"));
        try
        {
            Copy(Material.Value, dir);
            var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            Apply(files[sample.File % files.Length], sample);

            var pairing = Path.Combine(dir, "pairing");
            foreach (var args in new[]
            {
                new[] { "check", dir },
                ["verify", dir, pairing],
                ["activities", dir, pairing, Path.Combine(dir, "activities.csv"), "--as-of", "2015-06-30", "--out", Path.Combine(dir, "..", Path.GetFileName(dir) + "-compliance")],
            })
            {
                using var output = new StringWriter();
                using var error = new StringWriter();
                var code = Pairing.Cli.Program.Run(args, output, error);
                Assert.True(code is 0 or 2, $"{args[0]} exited {code} after {sample.Damage} of {files[sample.File % files.Length]}:\n{error}");
                Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("unexpected error", error.ToString(), StringComparison.Ordinal);
                if (code == 2)
                {
                    Assert.NotEmpty(error.ToString());
                }
            }
        }
        finally
        {
            foreach (var path in (string[])[dir, dir + "-compliance"])
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
        }
    }

    private static void Apply(string path, Case sample)
    {
        var bytes = File.ReadAllBytes(path);
        var at = (int)(sample.At * bytes.Length);
        var length = Math.Min(sample.Length, bytes.Length - at);
        byte[] damaged = sample.Damage switch
        {
            Damage.Cut => bytes[..at],
            Damage.Garble => [.. bytes[..at], .. sample.Bytes, .. bytes[Math.Min(bytes.Length, at + sample.Bytes.Length)..]],
            Damage.Repeat => [.. bytes[..(at + length)], .. bytes[at..(at + length)], .. bytes[(at + length)..]],
            Damage.HugeField => [.. bytes[..at], .. Encoding.UTF8.GetBytes(new string('9', 200_000)), .. bytes[at..]],
            Damage.NulBytes => [.. bytes[..at], .. new byte[length], .. bytes[at..]],
            Damage.Gb18030 => [.. bytes[..at], 0xD1, 0xA7, 0xC9, 0xFA, 0x81, 0x30, .. bytes[at..]],
            Damage.Bom => [.. bytes[..at], 0xEF, 0xBB, 0xBF, .. bytes[at..]],
            _ => bytes,
        };
        switch (sample.Damage)
        {
            case Damage.Gone:
                File.Delete(path);
                break;
            case Damage.FolderInstead:
                File.Delete(path);
                Directory.CreateDirectory(path);
                break;
            default:
                File.WriteAllBytes(path, damaged);
                break;
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
