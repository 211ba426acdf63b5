using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Pairing.Core.Files;

/// <summary>
/// Writes a set of files all or nothing, in one of two ways.
/// <list type="bullet">
/// <item><see cref="Folder"/>: the whole folder is replaced. Every file is written into a new sibling folder with an
/// unguessable name, then swapped in: on Linux with one <c>renameat2(RENAME_EXCHANGE)</c>, elsewhere with two renames
/// (the old folder kept aside under a marked name until the new one is in place, and put back by the next write if a
/// kill fell between the two). A reader sees the old complete folder or the new complete one, never a mix. Files in
/// the folder that the writer does not own are refused before anything is written, so nobody's notes are lost.</item>
/// <item><see cref="InPlace"/>: files are written beside the others (a roster folder may hold anything else); each
/// goes to an unguessable temporary name created new (never through a planted symlink) and is renamed into place.</item>
/// </list>
/// Disposing without committing removes what was written; stale temporaries of a killed run are removed by the next.
/// </summary>
internal sealed partial class AtomicFiles : IDisposable
{
    private const string StagingTag = ".pairing-new-";
    private const string AsideTag = ".pairing-old-";

    private readonly string _directory;
    private readonly string? _staging;
    private readonly List<(string Temp, string Final)> _files = [];
    private readonly List<string> _deletes = [];
    private bool _committed;

    private AtomicFiles(string directory, string? staging)
    {
        _directory = directory;
        _staging = staging;
    }

    /// <summary>
    /// Test hook: called before every file-system operation with its name; an exception it throws stands for the
    /// operation failing (a full disk, a kill). Per async flow, so tests running in parallel do not see each other's.
    /// </summary>
    internal static AsyncLocal<Action<string>?> FaultInjection { get; } = new();

    /// <summary>
    /// Starts replacing the folder <paramref name="directory"/> whole. It may not exist yet, or be a folder holding only
    /// files named in <paramref name="owned"/> (and this writer's own temporaries).
    /// </summary>
    /// <exception cref="IOException">The path is a file or a symlink, or the folder holds files this writer does not own.</exception>
    public static AtomicFiles Folder(string directory, IReadOnlyCollection<string> owned)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"'{directory}' has no parent folder to write beside.");
        var name = Path.GetFileName(target);
        Step("create parent");
        Directory.CreateDirectory(parent);
        Recover(parent, name, target);
        if (File.Exists(target) || (Directory.Exists(target) && new DirectoryInfo(target).LinkTarget is not null))
        {
            throw new IOException($"'{target}' is a file or a symbolic link, not a folder; nothing was written.");
        }

        if (Directory.Exists(target))
        {
            var foreign = Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName)
                .Where(n => n is not null && !owned.Contains(n, StringComparer.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
            if (foreign.Count > 0)
            {
                throw new IOException(
                    $"'{target}' holds {string.Join(", ", foreign.Take(5))}{(foreign.Count > 5 ? ", …" : string.Empty)}, which a write would remove; move them away or write elsewhere. Nothing was written.");
            }
        }

        var staging = Path.Combine(parent, "." + name + StagingTag + Environment.ProcessId + "-" + Random());
        Step("create staging folder");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(staging);
        }
        else
        {
            Directory.CreateDirectory(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new AtomicFiles(target, staging);
    }

    /// <summary>Starts writing files into <paramref name="directory"/> (created if needed), beside whatever else it holds.</summary>
    public static AtomicFiles InPlace(string directory)
    {
        Step("create folder");
        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.EnumerateFiles(directory, ".*" + StagingTag + "*"))
        {
            if (!IsLive(stale))
            {
                TryDelete(stale);
            }
        }

        return new AtomicFiles(directory, null);
    }

    public Stream Create(string fileName)
    {
        var final = Path.Combine(_directory, fileName);
        var temp = _staging is not null ? Path.Combine(_staging, fileName) : Path.Combine(_directory, "." + fileName + StagingTag + Environment.ProcessId + "-" + Random());
        _files.Add((temp, final));
        Step("create " + fileName);
        // CreateNew: fails rather than open what is already there (a planted file or symlink).
        return new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>A file to remove from the folder on commit (in-place writes; a whole-folder write holds only what it wrote).</summary>
    public void Delete(string fileName) => _deletes.Add(Path.Combine(_directory, fileName));

    public void Commit()
    {
        if (_staging is not null)
        {
            Swap();
        }
        else
        {
            foreach (var (temp, final) in _files)
            {
                Step("rename " + Path.GetFileName(final));
                File.Move(temp, final, overwrite: true);
            }

            foreach (var path in _deletes)
            {
                Step("delete " + Path.GetFileName(path));
                File.Delete(path);
            }
        }

        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        if (_staging is not null)
        {
            TryDeleteFolder(_staging);
            return;
        }

        foreach (var (temp, _) in _files)
        {
            TryDelete(temp);
        }
    }

    /// <summary>Puts the new folder in place of the old: one exchange where the system has it, else two renames.</summary>
    private void Swap()
    {
        var staging = _staging!;
        if (!Directory.Exists(_directory))
        {
            Step("rename staging folder");
            Directory.Move(staging, _directory);
            return;
        }

        if (OperatingSystem.IsLinux() && Exchange(staging, _directory))
        {
            // The old folder now has the staging name: remove it (a kill here leaves only a stale temporary).
            TryDeleteFolder(staging);
            return;
        }

        var parent = Path.GetDirectoryName(_directory)!;
        var aside = Path.Combine(parent, "." + Path.GetFileName(_directory) + AsideTag + Environment.ProcessId + "-" + Random());
        Step("rename old folder aside");
        Directory.Move(_directory, aside);
        try
        {
            Step("rename staging folder");
            Directory.Move(staging, _directory);
        }
        catch
        {
            Directory.Move(aside, _directory); // the old folder back, as it was
            throw;
        }

        TryDeleteFolder(aside);
    }

    /// <summary>
    /// Before a write: an old folder set aside by a run killed between its two renames is put back when the folder is
    /// missing, and every other stale temporary of a run no longer alive is removed.
    /// </summary>
    private static void Recover(string parent, string name, string target)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        var prefix = "." + name;
        var candidates = Directory.EnumerateDirectories(parent, prefix + ".pairing-*").Where(d => !IsLive(d)).Order(StringComparer.Ordinal).ToList();
        foreach (var aside in candidates.Where(d => Path.GetFileName(d).StartsWith(prefix + AsideTag, StringComparison.Ordinal)))
        {
            if (!Directory.Exists(target) && !File.Exists(target))
            {
                Step("restore old folder");
                Directory.Move(aside, target);
            }
            else
            {
                TryDeleteFolder(aside);
            }
        }

        foreach (var staging in candidates.Where(d => Path.GetFileName(d).StartsWith(prefix + StagingTag, StringComparison.Ordinal)))
        {
            TryDeleteFolder(staging);
        }
    }

    /// <summary>Whether the process that made a temporary (its id is in the name) is still running.</summary>
    private static bool IsLive(string path)
    {
        var name = Path.GetFileName(path);
        var at = name.IndexOf(".pairing-", StringComparison.Ordinal);
        var rest = at < 0 ? string.Empty : name[(at + ".pairing-new-".Length)..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(rest[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) || pid <= 0)
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return true; // this process's own (another writer in it); a later run cleans it if this one dies
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Random() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    private static void Step(string operation) => FaultInjection.Value?.Invoke(operation);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stale temporary is removed by the next write.
        }
    }

    private static void TryDeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            // Best effort: a stale temporary is removed by the next write.
        }
    }

    private static bool Exchange(string a, string b)
    {
        Step("exchange folders");
        try
        {
            return Native.renameat2(Native.AtFdCwd, a, Native.AtFdCwd, b, Native.RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // an old C library: fall back to two renames
        }
    }

    private static partial class Native
    {
        public const int AtFdCwd = -100;
        public const uint RenameExchange = 2;

        [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial int renameat2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);
    }
}
