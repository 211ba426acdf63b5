using System.Diagnostics;
using System.Globalization;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>One stopwatch run of a job with the process's peak working set: `measure read N`.</summary>
internal static class Measure
{
    public static int Run(string[] args)
    {
        if (args.Length != 2 || args[0] != "read" || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            Console.Error.WriteLine("usage: measure read XINJIANG_STUDENTS");
            return 2;
        }

        var folder = RosterData.Folder(n);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var roster = RosterFiles.Read(folder).GetRosterOrThrow();
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {roster.Students.Count:N0} students ({roster.Classes.Count:N0} classes) in {watch.Elapsed.TotalSeconds:F2} s; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }
}
