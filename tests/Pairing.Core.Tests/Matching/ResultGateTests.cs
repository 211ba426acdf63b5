using Pairing.Core.Files.Results;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Files;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// The checker is a gate: it takes the options from the caller, not from the result's claim; pair files in a planning
/// result are out of place; ids the roster lacks or with odd spacing are violations, never exceptions.
/// </summary>
public sealed class ResultGateTests
{
    private static readonly Pairing.Core.Rosters.Roster Roster = RandomRosters.Make(4, students: true, size: 2);

    private static readonly PairingResult Good = new PairingMatcher().Match(Roster);

    [Fact]
    public void A_result_claiming_other_options_is_rejected_with_both_shown()
    {
        var claimed = new PairingResult(Good.CountyPairs, Good.SchoolPairs, Good.ClassPairs, Good.StudentPairs, Good.Unpaired,
            Good.Summary with { Options = Good.Summary.Options with { XinjiangSchoolsPerInlandSchool = 50 } });

        var violations = PairingResultChecker.Check(Roster, claimed).Violations;

        var differs = Assert.Single(violations, v => v.Code == "CHK001");
        Assert.Equal("summary.options.xinjiang_schools_per_inland_school", differs.Subject);
        Assert.Equal(new FindingSubject("option", "xinjiang_schools_per_inland_school"), differs.Finding.Subject);
        Assert.Equal(("xinjiang_schools_per_inland_school", 50, 1), ((string)differs.Finding["option"], (int)differs.Finding["claimed"], (int)differs.Finding["expected"]));
        Assert.True(PairingResultChecker.Check(Roster, Good).IsValid);
    }

    [Fact]
    public void Sharing_allowed_by_the_claim_but_not_by_the_caller_breaks_P3()
    {
        // Made with 2 Xinjiang schools per inland school; checked as the caller expects (the defaults), the shared
        // inland schools break P3 whatever the summary says.
        var roster = RandomRosters.Make(11, students: true, size: 3);
        var shared = new PairingMatcher().Match(roster, options: new PairingOptions { XinjiangSchoolsPerInlandSchool = 2 });
        Assert.True(PairingResultChecker.Check(roster, shared, new PairingOptions { XinjiangSchoolsPerInlandSchool = 2 }).IsValid);
        if (shared.SchoolPairs.GroupBy(p => p.Inland).Any(g => g.Count() > 1))
        {
            Assert.Contains(PairingResultChecker.Check(roster, shared).Violations, v => v.Rule == PairingRule.P3);
        }
    }

    [Fact]
    public void Pair_files_in_a_planning_result_are_out_of_place_not_skipped()
    {
        var plan = new PairingMatcher().Plan(Roster);
        var forged = new PairingResult(plan.CountyPairs, plan.SchoolPairs, Good.ClassPairs, Good.StudentPairs, plan.Unpaired, plan.Summary);

        var violations = PairingResultChecker.Check(Roster, forged).Violations;

        Assert.Contains(violations, v => v.Subject == PairingResultFiles.StudentPairsFile && v.Code == "CHK002"
            && v.Finding.TryGetArgument<int>("count", out var count) && count == Good.StudentPairs.Count
            && v.Finding.TryGetArgument<PairingLevel>("level", out var level) && level == PairingLevel.Student);
        Assert.Contains(violations, v => v.Subject == PairingResultFiles.ClassPairsFile && v.Code == "CHK002");
    }

    [Fact]
    public void Ids_the_roster_lacks_are_violations_never_exceptions()
    {
        var forged = new PairingResult(
            [.. Good.CountyPairs, new CountyPair(new("nowhere"), new("N-nowhere"))],
            [.. Good.SchoolPairs, new SchoolPair(new("S-nowhere"), new("T-nowhere"))],
            [.. Good.ClassPairs, new ClassPair(new("C-nowhere"), new("D-nowhere"))],
            [.. Good.StudentPairs, new StudentPair(new("x-nowhere"), new("y-nowhere"), false)],
            [.. Good.Unpaired, UnpairedUnit.Of(PairingLevel.Student, " spaced ", UnpairedFindings.StudentSchoolUnpaired),
                UnpairedUnit.Of(PairingLevel.School, "S-ghost", UnpairedFindings.CountyUnpaired)],
            Good.Summary);

        var violations = PairingResultChecker.Check(Roster, forged).Violations;

        Assert.Contains(violations, v => v.Subject == "x-nowhere|y-nowhere" && v.Code == "CHK041" && (string)v.Finding["missing"] == "x-nowhere");
        Assert.Contains(violations, v => v.Subject == "nowhere|N-nowhere" && v.Code == "CHK011" && (string)v.Finding["missing"] == "nowhere");
        Assert.Contains(violations, v => v.Subject == " spaced " && v.Code == "CHK053" && (string)v.Finding["id"] == " spaced ");
        Assert.Contains(violations, v => v.Subject == "S-ghost" && v.Code == "CHK054" && (PairingLevel)v.Finding["level"] == PairingLevel.School);
    }

    [Fact]
    public void A_folder_with_every_kind_of_problem_lists_each_located_in_both_languages()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pairing-gate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var noneRead = PairingResultFiles.Read(dir);
            var none = noneRead.Findings;
            Assert.False(noneRead.IsValid);
            Assert.Equal(ResultFileFindings.NoFolder, Assert.Single(none).Descriptor);

            PairingResultFiles.Write(Good, dir);
            File.Delete(Path.Combine(dir, PairingResultFiles.CountyPairsFile));
            File.WriteAllText(Path.Combine(dir, PairingResultFiles.SchoolPairsFile), "xinjiang_school_id\nX\n");
            File.WriteAllText(Path.Combine(dir, PairingResultFiles.SummaryFile), "{ not json");
            var problemsRead = PairingResultFiles.Read(dir);
            var problems = problemsRead.Findings;
            Assert.False(problemsRead.IsValid);
            var result = problemsRead.Value;

            Assert.Null(result);
            Assert.Equal(["RES001", "RES011", "RES023"], problems.Select(p => p.Code).Order(StringComparer.Ordinal));
            Assert.Contains(problems, p => p.Code == "RES023" && (string)p["column"] == "inland_school_id" && p.Location == new FindingLocation(PairingResultFiles.SchoolPairsFile, Line: 1));
            var chinese = problems.Select(p => FindingRenderer.Default.RenderLine(p, FindingLanguage.Chinese)).ToList();
            Assert.Contains(chinese, line => line.Contains("错误 RES023: school_pairs.csv：表头中没有“inland_school_id”列", StringComparison.Ordinal));
            Assert.Contains(chinese, line => line.Contains("county_pairs.csv: 错误 RES001: 文件夹", StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void A_summary_claiming_invalid_options_does_not_read()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pairing-gate-" + Guid.NewGuid().ToString("N"));
        try
        {
            PairingResultFiles.Write(Good, dir);
            var path = Path.Combine(dir, PairingResultFiles.SummaryFile);
            var json = File.ReadAllText(path);
            Assert.Contains("\"xinjiang_schools_per_inland_school\": 1", json, StringComparison.Ordinal);
            File.WriteAllText(path, json.Replace("\"xinjiang_schools_per_inland_school\": 1", "\"xinjiang_schools_per_inland_school\": -1", StringComparison.Ordinal));
            var problemsRead = PairingResultFiles.Read(dir);
            var problems = problemsRead.Findings;
            Assert.False(problemsRead.IsValid);
            var problem = Assert.Single(problems);
            Assert.Equal("OPT001", problem.Code);
            Assert.Equal(PairingResultFiles.SummaryFile, problem.Location!.Value.File);
            Assert.Equal(("XinjiangSchoolsPerInlandSchool", -1), ((string)problem["option"], (int)problem["value"]));
            var e = Assert.Throws<InputRejectedException>(() => PairingResultFiles.Read(dir).GetValueOrThrow());
            Assert.Contains("summary.json: error OPT001: XinjiangSchoolsPerInlandSchool is -1", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_stated_coverage_bound_below_the_coverage_is_a_violation()
    {
        var roster = RandomRosters.Make(5);
        var result = new PairingMatcher().Match(roster);
        Assert.NotNull(result.Summary.CoverageUpperBound);
        var r = result;
        var forged = new PairingResult(r.CountyPairs, r.SchoolPairs, r.ClassPairs, r.StudentPairs, r.Unpaired,
            r.Summary with { CoverageUpperBound = r.Summary.CoveredStudents - 1 });

        var report = PairingResultChecker.Check(roster, forged);

        Assert.Contains(report.Violations, v => v.Code == "CHK093");
        Assert.True(PairingResultChecker.Check(roster, result).IsValid);
    }
}
