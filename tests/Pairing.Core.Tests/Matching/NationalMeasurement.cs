using System.Diagnostics;
using System.Globalization;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;
using Xunit.Abstractions;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// A measurement, not a timed test: builds a national-scale roster (the 84 Xinjiang counties of the support map,
/// about 1,000,000 Xinjiang and 1,200,000 inland students), writes it as files, then times files in to files out
/// for both phases and prints the figures. Runs only when PAIRING_MEASURE is set (to the number of Xinjiang
/// schools per county, 12 for national scale), so the suite stays fast:
/// <c>PAIRING_MEASURE=12 dotnet test -c Release --filter NationalMeasurement --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class NationalMeasurement(ITestOutputHelper output)
{
    private static readonly string[] Languages = ["ug", "zh", "kk", "mn"];
    private static readonly string[] Interests = ["art", "ball", "chess", "music", "reading", "science"];

    [Fact]
    public void Measure_files_in_to_files_out()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("PAIRING_MEASURE"), CultureInfo.InvariantCulture, out var schoolsPerCounty))
        {
            return;
        }

        var root = Path.Combine(Path.GetTempPath(), "pairing-national-" + Guid.NewGuid().ToString("N"));
        var rosterDir = Path.Combine(root, "roster");
        var planDir = Path.Combine(root, "plan");
        var matchDir = Path.Combine(root, "match");
        try
        {
            var generated = Stopwatch.StartNew();
            var built = Build(schoolsPerCounty);
            RosterFiles.Write(built, rosterDir);
            output.WriteLine($"generated and wrote the roster in {generated.Elapsed.TotalSeconds:F1} s (not counted)");
            var x = built.CountsOf(Side.Xinjiang);
            var n = built.CountsOf(Side.Inland);
            output.WriteLine($"Xinjiang: {x}; inland: {n}");
            built = null;
            GC.Collect();

            // PAIRING_MEASURE_PREFERENCES=1 turns on all four preferences (the student level then runs
            // LinearSumAssignment per class pair instead of the closed-form gender pairing).
            var options = Environment.GetEnvironmentVariable("PAIRING_MEASURE_PREFERENCES") == "1"
                ? new PairingOptions { SameGenderWeight = 4, SharedInterestWeight = 2, SameLanguageWeight = 2, CloseBirthYearWeight = 1 }
                : new PairingOptions();
            // PAIRING_MEASURE_SHARED=2 lets every inland county and school take two Xinjiang ones (CP-SAT at both levels).
            if (int.TryParse(Environment.GetEnvironmentVariable("PAIRING_MEASURE_SHARED"), CultureInfo.InvariantCulture, out var shared))
            {
                options.XinjiangCountiesPerInlandCounty = shared;
                options.XinjiangSchoolsPerInlandSchool = shared;
            }

            var matcher = new PairingMatcher();
            var total = Stopwatch.StartNew();
            var watch = Stopwatch.StartNew();
            var roster = RosterFiles.Read(rosterDir).GetValueOrThrow();
            output.WriteLine($"read roster: {watch.Elapsed.TotalSeconds:F2} s");
            watch.Restart();
            var plan = matcher.Plan(roster, options: options);
            output.WriteLine($"plan: {watch.Elapsed.TotalSeconds:F2} s ({plan.CountyPairs.Count} county pairs, {plan.SchoolPairs.Count} school pairs)");
            watch.Restart();
            PairingResultFiles.Write(plan, planDir);
            output.WriteLine($"write plan: {watch.Elapsed.TotalSeconds:F2} s");
            watch.Restart();
            var result = matcher.Match(roster, PairingResultFiles.Read(planDir).GetValueOrThrow(), options: options);
            output.WriteLine($"read plan + match: {watch.Elapsed.TotalSeconds:F2} s ({result.StudentPairs.Count} student pairs, {result.Summary.CrossClassPairs} cross-class, {result.Unpaired.Count} unpaired rows)");
            foreach (var (level, seconds) in result.Summary.SecondsPerLevel)
            {
                output.WriteLine($"  {level}: {seconds:F2} s");
            }

            watch.Restart();
            PairingResultFiles.Write(result, matchDir);
            output.WriteLine($"write result: {watch.Elapsed.TotalSeconds:F2} s");
            output.WriteLine(File.ReadAllText(Path.Combine(matchDir, PairingResultFiles.SummaryFile)));
            output.WriteLine($"TOTAL files in to files out, both phases: {total.Elapsed.TotalSeconds:F2} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB");
            if (Environment.GetEnvironmentVariable("PAIRING_MEASURE_THREADS") == "1")
            {
                // The same run on one thread must give the same files (timings left out).
                var single = options.Clone();
                single.MaxDegreeOfParallelism = 1;
                watch.Restart();
                var one = matcher.Match(roster, options: single);
                output.WriteLine($"one thread, plan and match: {watch.Elapsed.TotalSeconds:F2} s");
                var same = ResultBytes.Of(one).SequenceEqual(ResultBytes.Of(matcher.Match(roster, options: options)));
                output.WriteLine($"one thread and all cores give byte-identical files: {same}");
                Assert.True(same);
            }

            watch.Restart();
            var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions());
            output.WriteLine($"checker: {watch.Elapsed.TotalSeconds:F2} s, valid {report.IsValid} ({report.Violations.Count} violations)");
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>
    /// Each Xinjiang county of the support map with its schools; for each, an inland county of its supporting
    /// province that mirrors it a little larger (one school more; now and then a class more in a grade; classes a few
    /// students larger), as a province would pick a partner county that can take the whole county.
    /// </summary>
    private static Roster Build(int schoolsPerCounty)
    {
        var random = new Random(2014);
        var map = SupportMap.Default;
        var builder = new RosterBuilder();
        var studentNo = 0;
        void AddSchool(string county, string school, int[][] grades)
        {
            builder.AddSchool(new School(new SchoolId(school), new CountyId(county), school));
            for (var g = 0; g < 6; g++)
            {
                for (var c = 0; c < grades[g].Length; c++)
                {
                    var id = new ClassId($"{school}-{g + 7}-{c}");
                    builder.AddClass(id, new SchoolId(school), new Grade(g + 7));
                    for (var p = 0; p < grades[g][c]; p++)
                    {
                        builder.AddStudent(new Student(
                            new StudentId($"S{studentNo++:D8}"), id, random.Next(2) == 0 ? Gender.Female : Gender.Male, 2014 - g - 13 - random.Next(2),
                            Languages[random.Next(Languages.Length)], [Interests[random.Next(Interests.Length)]]));
                    }
                }
            }
        }

        int[][] XinjiangSchool() => [.. Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, random.Next(3, 6)).Select(_ => random.Next(36, 49)).ToArray())];
        // PAIRING_MEASURE_HARD=1: inland classes may also be smaller (cross-class pairs, and some grades too small
        // for P6, so unpaired schools), and each province gets two more inland counties to choose from.
        var hard = Environment.GetEnvironmentVariable("PAIRING_MEASURE_HARD") == "1";
        int[][] Larger(int[][] school) =>
            [.. school.Select(grade => grade.Select(size => size + random.Next(hard ? -3 : 0, 3)).Concat(random.Next(8) == 0 ? [random.Next(36, 49)] : []).ToArray())];

        var inlandCount = new Dictionary<ProvinceId, int>();
        foreach (var county in map.Counties)
        {
            builder.AddCounty(new County(county.Id, county.Name, Side.Xinjiang, county.AreaId.Value));
            var province = map.GetArea(county.AreaId).ProvinceId;
            var k = inlandCount[province] = inlandCount.GetValueOrDefault(province) + 1;
            var inland = $"{province.Value}-{k:D3}";
            builder.AddCounty(new County(new CountyId(inland), inland, Side.Inland, province.Value));
            for (var s = 0; s < schoolsPerCounty; s++)
            {
                var school = XinjiangSchool();
                AddSchool(county.Id.Value, $"{county.Id.Value}-{s:D2}", school);
                AddSchool(inland, $"{inland}-{s:D2}", Larger(school));
            }

            AddSchool(inland, $"{inland}-{schoolsPerCounty:D2}", XinjiangSchool());
        }

        foreach (var province in hard ? inlandCount.Keys.ToList() : [])
        {
            for (var extra = 0; extra < 2; extra++)
            {
                var k = inlandCount[province] = inlandCount[province] + 1;
                var inland = $"{province.Value}-{k:D3}";
                builder.AddCounty(new County(new CountyId(inland), inland, Side.Inland, province.Value));
                for (var s = 0; s < schoolsPerCounty; s++)
                {
                    AddSchool(inland, $"{inland}-{s:D2}", XinjiangSchool());
                }
            }
        }

        return builder.Build().GetValueOrThrow();
    }
}
