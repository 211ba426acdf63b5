using System.Diagnostics;

namespace Pairing.Core.Tests.Files;

/// <summary>Makes the files a reader must refuse without hanging: pipes, links to devices, unreadable and huge files.</summary>
internal static class SpecialFiles
{
    /// <summary>Makes a FIFO at <paramref name="path"/> with mkfifo.</summary>
    public static void Fifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A link to /dev/zero, a device that reads as zero bytes without end.</summary>
    public static void LinkToDevZero(string path) => File.CreateSymbolicLink(path, "/dev/zero");

    /// <summary>A sparse file of <paramref name="length"/> bytes: no disk used, and no reader should read it.</summary>
    public static void Sparse(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.SetLength(length);
    }

    /// <summary>A file with its permissions taken away.</summary>
    public static void Unreadable(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
    }

    /// <summary>Runs a read that must end quickly, failing the test (not hanging it) when it does not.</summary>
    public static T WithinSeconds<T>(int seconds, Func<T> read)
    {
        var task = Task.Run(read);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"the read did not end within {seconds} s");
        return task.Result;
    }

    public static bool HasMkfifo { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();
}

/// <summary>A fact that needs a Unix system (FIFOs, /dev/zero, file modes), skipped elsewhere with the reason.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (!SpecialFiles.HasMkfifo)
        {
            Skip = "needs a Unix system with mkfifo and /dev/zero (Linux CI has them)";
        }
    }
}

/// <summary>A fact about file permissions: skipped when running as root, who may read any file whatever its mode.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UnreadableFileFactAttribute : FactAttribute
{
    public UnreadableFileFactAttribute()
    {
        if (!SpecialFiles.HasMkfifo)
        {
            Skip = "needs a Unix system, where a file's mode can forbid reading it";
        }
        else if (Environment.IsPrivilegedProcess)
        {
            Skip = "running as root, who may read a file of mode 000; the test runs in CI as an ordinary user";
        }
    }
}
