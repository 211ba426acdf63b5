using System.Diagnostics;
using System.Globalization;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// One stopwatch run of a job with the process's peak working set: `measure read N` reads a roster; `measure match N`
/// goes from files to files through both phases and says where the time goes, stage by stage; `measure flat N
/// [SECONDS] [INLAND_RATIO]` compares the hierarchical matcher with the flat CP-SAT model (<see cref="FlatModel"/>) on a
/// generated roster held in memory; `measure pair CLASSES [preferences]` plans and matches one school pair of that
/// many classes a side (<see cref="HugeSchoolPair"/>), optionally with every student preference on, optionally in the
/// shape that sends a third of the Xinjiang students to one overflow.
/// </summary>
internal static class Measure
{
    public static int Run(string[] args)
    {
        if (args.Length is >= 2 and <= 4 && args[0] == "flat")
        {
            return Flat(args[1..]);
        }

        if (args.Length is 3 or 4 && args[0] == "cells" && int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var cellsOf)
            && (args.Length == 3 || WorkbookData.Kinds.Contains(args[3])))
        {
            return Cells(args[1], cellsOf, args.Length == 4 ? args[3] : "inline");
        }

        if (args.Length is 2 or 3 && args[0] == "read-xlsx" && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bookOf)
            && (args.Length == 2 || WorkbookData.Kinds.Contains(args[2])))
        {
            return ReadWorkbook(bookOf, args.Length == 3 ? args[2] : "inline");
        }

        if (args.Length == 4 && args[0] == "write-xlsx" && WorkbookData.Kinds.Contains(args[3]))
        {
            // `measure write-xlsx FOLDER WORKBOOK inline|shared`: any CSV roster as one workbook, for `pairing check` to read.
            WorkbookData.Write(args[1], args[2], args[3]);
            return 0;
        }

        if (args.Length == 2 && args[0] == "phases")
        {
            return Phases(args[1]);
        }

        if (args.Length == 2 && args[0] == "naive")
        {
            return Naive(args[1]);
        }

        if (args.Length == 2 && args[0] == "folder")
        {
            // The roster's folder, written first if need be: for scripts that run other programs on it (whole-run.sh).
            Console.WriteLine(FolderOf(args[1]));
            return 0;
        }

        if (args.Length is >= 2 and <= 4 && args[0] == "pair" && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var classes))
        {
            return Pair(classes, args.Contains("preferences"), args.Contains("overflow"));
        }

        if (args.Length != 2 || args[0] is not ("read" or "match") || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            Console.Error.WriteLine("usage: measure read|match XINJIANG_STUDENTS | measure read-xlsx XINJIANG_STUDENTS [inline|shared] | measure cells ExcelDataReader|MiniExcel|OpenXml|XmlReader|Pairing|PairingXmlReader|Inflate XINJIANG_STUDENTS [inline|shared] | measure flat XINJIANG_STUDENTS [SECONDS] [INLAND_RATIO] | measure pair CLASSES [preferences] [overflow] | measure phases|naive|folder XINJIANG_STUDENTS|other:XINJIANG_STUDENTS|FOLDER | measure write-xlsx FOLDER WORKBOOK inline|shared");
            return 2;
        }

        var folder = RosterData.Folder(n);
        if (args[0] == "match")
        {
            return Match(folder);
        }

        GC.Collect();
        var watch = Stopwatch.StartNew();
        var roster = RosterFiles.Read(folder).GetValueOrThrow();
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {roster.Students.Count:N0} students ({roster.Classes.Count:N0} classes) in {watch.Elapsed.TotalSeconds:F2} s; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB; {Collections()}"));
        return 0;
    }

    /// <summary>`measure cells READER N [KIND]`: one candidate workbook reader over the N roster's workbook, every cell as text.</summary>
    private static int Cells(string reader, int n, string kind)
    {
        var path = WorkbookData.Path(n, kind);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var total = WorkbookReaders.Read(reader, path);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{reader}: {total:N0} characters of cells in {watch.Elapsed.TotalSeconds:F2} s; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB; {Collections()}"));
        return 0;
    }

    /// <summary>`measure read-xlsx N [KIND]`: the N roster read and validated from its workbook (SpreadCheetah's inline strings, or Excel's shared strings) with Pairing.Core.Excel.</summary>
    private static int ReadWorkbook(int n, string kind)
    {
        var path = WorkbookData.Path(n, kind);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var roster = Pairing.Core.Excel.RosterWorkbooks.Read(path).GetValueOrThrow();
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read-xlsx ({kind}) {roster.Students.Count:N0} students ({roster.Classes.Count:N0} classes) in {watch.Elapsed.TotalSeconds:F2} s; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB; {Collections()}"));
        return 0;
    }

    /// <summary>What the run allocated and how many collections of each generation it took (the process's whole life).</summary>
    private static string Collections() => string.Create(CultureInfo.InvariantCulture,
        $"allocated {GC.GetTotalAllocatedBytes() / 1e6:N0} MB, collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s");

    private static int Match(string folder)
    {
        var output = folder + "-result";
        GC.Collect();
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var roster = RosterFiles.Read(folder).GetValueOrThrow();
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

    /// <summary>
    /// Where a files-to-files run spends its time and its allocations, phase by phase (issue 27, item 1): start-up (the
    /// process's start to here), each roster file's read, the checks across files and the indexes, each level's stage,
    /// the independent checker, the result formatted in memory and written to disk. `phases N` uses the generator's
    /// roster; `phases other:N` the test-side roster of another shape (<see cref="Pairing.Core.Testing.OtherShapeRoster"/>,
    /// about twice as many inland students), written once into the temporary folder.
    /// </summary>
    private static int Phases(string which)
    {
        var inv = CultureInfo.InvariantCulture;
        var startUp = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var folder = FolderOf(which);
        var rows = new List<(string Phase, double Seconds, double AllocatedMb, double HeapMb)>
        {
            ("start-up (process start to Main, JIT of the tool)", startUp.TotalSeconds, double.NaN, double.NaN),
        };
        var peaks = new List<double>();

        // What is still reachable after a phase (a full collection, outside the phase's time): the memory it keeps.
        double Heap()
        {
            using (var self = Process.GetCurrentProcess())
            {
                peaks.Add(self.PeakWorkingSet64 / 1e6);
            }

            GC.Collect();
            return GC.GetTotalMemory(forceFullCollection: true) / 1e6;
        }

        GC.Collect();
        var watch = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        void Mark(string phase)
        {
            var now = GC.GetTotalAllocatedBytes(precise: true);
            var seconds = watch.Elapsed.TotalSeconds;
            rows.Add((phase, seconds, (now - allocated) / 1e6, Heap()));
            allocated = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
        }

        // A file's read ends at its last progress report (one at its end); the checks across files start at the report
        // that says only they remain.
        var last = new List<(string File, TimeSpan At, long Allocated)>();
        var progress = new Reporter(p =>
        {
            var entry = (p.Done ? string.Empty : p.File, watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true));
            if (last.Count > 0 && last[^1].File == entry.Item1)
            {
                last[^1] = entry;
            }
            else
            {
                last.Add(entry);
            }
        });
        var roster = RosterFiles.Read(folder, progress: progress).GetValueOrThrow();
        var readEnd = (watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true));
        var (fromAt, fromAllocated) = (TimeSpan.Zero, allocated);
        foreach (var (file, at, bytesSoFar) in last.Where(l => l.File.Length > 0))
        {
            rows.Add(($"read {file}", (at - fromAt).TotalSeconds, (bytesSoFar - fromAllocated) / 1e6, double.NaN));
            (fromAt, fromAllocated) = (at, bytesSoFar);
        }

        rows.Add(("checks across files, indexes (RosterBuilder.Build)", (readEnd.Item1 - fromAt).TotalSeconds, (readEnd.Item2 - fromAllocated) / 1e6, Heap()));
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        var matcher = new PairingMatcher();
        var plan = matcher.Plan(roster);
        Mark("plan: county and school stages");
        var result = matcher.Match(roster, plan);
        Mark("match: class and student stages");
        var check = PairingResultChecker.Check(roster, result);
        Mark("checker (PairingResultChecker.Check)");
        var bytes = PairingResultFiles.ToBytes(result);
        Mark("result formatted in memory (ToBytes, every file)");
        PairingResultFiles.Write(result, folder + "-result");
        Mark("result written to disk (Write: formatted again and written)");
        using var process = Process.GetCurrentProcess();
        var s = result.Summary;
        Console.WriteLine(string.Create(inv,
            $"{folder}: {s.XinjiangStudents:N0} Xinjiang and {roster.CountsOf(Side.Inland).Students:N0} inland students; covered {s.CoveredStudents:N0}; checker {(check.IsValid ? "valid" : "INVALID")}; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        Console.WriteLine("| phase | seconds | allocated MB | reachable after, MB | peak working set so far, MB |");
        Console.WriteLine("|---|---|---|---|---|");
        var measured = 0;
        foreach (var (phase, seconds, mb, heap) in rows)
        {
            var peak = double.IsNaN(heap) ? "—" : peaks[measured++].ToString("N0", inv);
            Console.WriteLine(string.Create(inv, $"| {phase} | {seconds:F2} | {(double.IsNaN(mb) ? "—" : mb.ToString("N0", inv))} | {(double.IsNaN(heap) ? "—" : heap.ToString("N0", inv))} | {peak} |"));
        }

        foreach (var (level, seconds) in plan.Summary.SecondsPerLevel.Concat(result.Summary.SecondsPerLevel).OrderBy(kv => kv.Key))
        {
            Console.WriteLine(string.Create(inv, $"  stage {level}: {seconds:F2} s"));
        }

        foreach (var (file, content) in bytes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(inv, $"  {file}: {content.Length / 1e6:F1} MB"));
        }

        return 0;
    }

    /// <summary>
    /// `measure naive N|other:N|FOLDER`: the baseline of issue 27 (<see cref="NaiveRoster"/>), run as its own process so
    /// that its wall time, CPU time and peak memory compare with the `pairing` tool's (benchmarks/whole-run.sh).
    /// </summary>
    private static int Naive(string which)
    {
        var folder = FolderOf(which);
        var watch = Stopwatch.StartNew();
        var roster = NaiveRoster.Read(folder);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"naive: {roster.Students.Count:N0} students, {roster.Classes.Count:N0} classes in {watch.Elapsed.TotalSeconds:F2} s; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }

    /// <summary>A roster folder named as `N` (the generator's), `other:N` (another shape) or a path.</summary>
    internal static string FolderOf(string which)
    {
        if (Directory.Exists(which))
        {
            return which;
        }

        var other = which.StartsWith("other:", StringComparison.Ordinal);
        var n = int.Parse(other ? which[6..] : which, NumberStyles.None, CultureInfo.InvariantCulture);
        return other ? OtherFolder(n) : RosterData.Folder(n);
    }

    private static string OtherFolder(int xinjiangStudents)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pairing-bench", $"other-{xinjiangStudents}-{RosterData.Seed}");
        if (!File.Exists(Path.Combine(dir, RosterFiles.ClassesFile)))
        {
            RosterFiles.Write(Pairing.Core.Testing.OtherShapeRoster.Generate(xinjiangStudents, RosterData.Seed), dir);
        }

        return dir;
    }

    /// <summary>Told each progress report as it is made, on the reading thread (<see cref="Progress{T}"/> would post it elsewhere).</summary>
    private sealed class Reporter(Action<RosterReadProgress> report) : IProgress<RosterReadProgress>
    {
        public void Report(RosterReadProgress value) => report(value);
    }

    private static int Pair(int classes, bool preferences, bool overflow)
    {
        var inv = CultureInfo.InvariantCulture;
        var roster = HugeSchoolPair.Build(classes, overflow);
        var options = preferences
            ? new PairingOptions { SharedInterestWeight = 2, SameLanguageWeight = 2, CloseBirthYearWeight = 1 }
            : new PairingOptions();
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var result = new PairingMatcher().Match(roster, options: options);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        var s = result.Summary;
        Console.WriteLine(string.Create(inv,
            $"{classes:N0} Xinjiang classes, {s.XinjiangStudents:N0} Xinjiang students: {result.ClassPairs.Count:N0} class pairs, {s.CoveredStudents:N0} covered, {s.CrossClassPairs:N0} cross-class, size difference {s.ClassSizeDifference:N0}, preference score {s.PreferenceScore:N0}"));
        Console.WriteLine(string.Create(inv,
            $"plan and match {watch.Elapsed.TotalSeconds:F2} s; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB; allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB in all (roster included)"));
        foreach (var (level, seconds) in result.Summary.SecondsPerLevel.OrderBy(kv => kv.Key))
        {
            Console.WriteLine(string.Create(inv, $"  {level}: {seconds:F2} s"));
        }

        return 0;
    }

    private static int Flat(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        if (!int.TryParse(args[0], NumberStyles.None, inv, out var n)
            || !double.TryParse(args.Length > 1 ? args[1] : "60", NumberStyles.Float, inv, out var limit) || limit <= 0
            || !double.TryParse(args.Length > 2 ? args[2] : "1.1", NumberStyles.Float, inv, out var ratio))
        {
            Console.Error.WriteLine("usage: measure flat XINJIANG_STUDENTS [SECONDS=60] [INLAND_RATIO=1.1]");
            return 2;
        }

        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = n, InlandRatio = ratio, Seed = RosterData.Seed });
        var xinjiang = roster.CountsOf(Side.Xinjiang);
        var inland = roster.CountsOf(Side.Inland);
        Console.WriteLine(string.Create(inv,
            $"roster: seed {RosterData.Seed}, inland ratio {ratio}; Xinjiang {xinjiang.Counties} counties, {xinjiang.Schools} schools, {xinjiang.Classes} classes, {xinjiang.Students} students; inland {inland.Counties} counties, {inland.Schools} schools, {inland.Classes} classes, {inland.Students} students"));

        // The hierarchical matcher first (roster phase, planning included), with its default options; its first
        // call also loads OR-Tools' native library, so it is run twice and the second run is timed.
        var matcher = new PairingMatcher();
        _ = matcher.Match(roster);
        var watch = Stopwatch.StartNew();
        var result = matcher.Match(roster);
        var hierarchical = watch.Elapsed.TotalSeconds;
        var s = result.Summary;
        Console.WriteLine(string.Create(inv,
            $"hierarchical: {hierarchical:F3} s; covered {s.CoveredStudents}; school pairs {result.SchoolPairs.Count}; county pairs {result.CountyPairs.Count}; cross-class {s.CrossClassPairs}; class size difference {s.ClassSizeDifference}"));

        var flat = FlatModel.Solve(roster, limit);
        Console.WriteLine(string.Create(inv,
            $"flat: {flat.Seconds:F3} s (building {flat.BuildSeconds:F3} s, limit {limit} s); status {flat.Status} ({flat.StageStatuses}); {flat.Variables} variables, {flat.Constraints} constraints; covered {flat.CoveredStudents}; school pairs {flat.SchoolPairs}; county pairs {flat.CountyPairs}; cross-class {flat.CrossClassPairs}; class size difference {flat.ClassSizeDifference}"));
        Console.WriteLine(string.Create(inv,
            $"| {n} | {hierarchical:F3} | {s.CoveredStudents} | {s.CrossClassPairs} | {s.ClassSizeDifference} | {flat.Seconds:F1} | {flat.Status} | {flat.Variables} | {flat.CoveredStudents} | {flat.CrossClassPairs} | {flat.ClassSizeDifference} |"));
        return 0;
    }
}
