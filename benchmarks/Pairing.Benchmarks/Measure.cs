using System.Diagnostics;
using System.Globalization;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// One stopwatch run of a job with the process's peak working set: `measure read N` reads a roster; `measure match N`
/// goes from files to files through both phases and says where the time goes, stage by stage.
/// </summary>
internal static class Measure
{
    public static int Run(string[] args)
    {
        if (args.Length != 2 || args[0] is not ("read" or "match") || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            Console.Error.WriteLine("usage: measure read|match XINJIANG_STUDENTS");
            return 2;
        }

        var folder = RosterData.Folder(n);
        if (args[0] == "match")
        {
            return Match(folder);
        }

        GC.Collect();
        var watch = Stopwatch.StartNew();
        var roster = RosterFiles.Read(folder).GetRosterOrThrow();
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {roster.Students.Count:N0} students ({roster.Classes.Count:N0} classes) in {watch.Elapsed.TotalSeconds:F2} s; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }

    private static int Match(string folder)
    {
        var output = folder + "-result";
        GC.Collect();
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var roster = RosterFiles.Read(folder).GetRosterOrThrow();
        var read = watch.Elapsed;
        watch.Restart();
        var matcher = new PairingMatcher();
        var plan = matcher.Plan(roster);
        var planned = watch.Elapsed;
        watch.Restart();
        var result = matcher.Match(roster, plan);
        var matched = watch.Elapsed;
        watch.Restart();
        PairingResultFiles.Write(result, output);
        var written = watch.Elapsed;
        total.Stop();
        using var process = Process.GetCurrentProcess();
        var s = result.Summary;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.XinjiangStudents:N0} Xinjiang students: covered {s.CoveredStudents:N0}, {result.StudentPairs.Count:N0} student pairs, {s.CrossClassPairs:N0} cross-class, {result.Unpaired.Count:N0} unpaired rows"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read roster {read.TotalSeconds:F2} s; plan {planned.TotalSeconds:F2} s; match {matched.TotalSeconds:F2} s; write result {written.TotalSeconds:F2} s; total {total.Elapsed.TotalSeconds:F2} s; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        foreach (var (level, seconds) in plan.Summary.SecondsPerLevel.Concat(result.Summary.SecondsPerLevel).OrderBy(kv => kv.Key))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {level}: {seconds:F2} s"));
        }

        return 0;
    }
}
