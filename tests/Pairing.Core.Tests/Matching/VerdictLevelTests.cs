using System.Reflection;
using Pairing.Cli.Commands;
using Pairing.Core.Findings;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// A verdict carries the level of the pairs it judges, set by the check that found it (issue 23, item 4): callers pick
/// a level's verdicts by it, never by the code's number.
/// </summary>
public sealed class VerdictLevelTests
{
    /// <summary>What each check says of the pairs its codes judge; every CHK code is here, so a new one must be placed.</summary>
    private static readonly Dictionary<FindingDescriptor, PairingLevel?> LevelOf = Table();

    private static Dictionary<FindingDescriptor, PairingLevel?> Table()
    {
        var table = typeof(CheckFindings).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Select(p => (FindingDescriptor)p.GetValue(null)!)
            .ToDictionary(d => d, _ => (PairingLevel?)null);
        FindingDescriptor[] counties =
        [
            CheckFindings.NoSuchCounty, CheckFindings.CountySides, CheckFindings.CountyProvinces, CheckFindings.XinjiangCountyTwice,
            CheckFindings.InlandCountyOverloaded,
        ];
        FindingDescriptor[] schools =
        [
            CheckFindings.NoSuchSchool, CheckFindings.SchoolSides, CheckFindings.SchoolOutsidePairedCounty, CheckFindings.XinjiangSchoolTwice,
            CheckFindings.InlandSchoolOverloaded, CheckFindings.SchoolClassesShort, CheckFindings.SchoolStudentsShort,
            CheckFindings.SumClassesShort, CheckFindings.SumStudentsShort,
        ];
        FindingDescriptor[] classes =
        [
            CheckFindings.NoSuchClass, CheckFindings.ClassSides, CheckFindings.ClassOutsidePairedSchool, CheckFindings.ClassGrades,
            CheckFindings.XinjiangClassTwice, CheckFindings.InlandClassTwice,
        ];
        FindingDescriptor[] students =
        [
            CheckFindings.NoSuchStudent, CheckFindings.StudentSides, CheckFindings.XinjiangStudentTwice, CheckFindings.InlandStudentTwice,
            CheckFindings.StudentOutsidePairedSchool, CheckFindings.StudentGrades, CheckFindings.MarkedCrossClass, CheckFindings.NotMarkedCrossClass,
        ];
        foreach (var (level, codes) in new[] { (PairingLevel.County, counties), (PairingLevel.School, schools), (PairingLevel.Class, classes), (PairingLevel.Student, students) })
        {
            foreach (var code in codes)
            {
                table[code] = level;
            }
        }

        return table;
    }

    [Fact]
    public void Every_verdict_carries_the_level_its_check_says()
    {
        var seen = new HashSet<PairingLevel?>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (roster, result, previous) in BrokenResults())
        {
            var report = previous is null ? PairingResultChecker.Check(roster, result) : PairingResultChecker.Check(roster, result, new PairingOptions(), previous);
            foreach (var v in report.Violations)
            {
                Assert.True(LevelOf.TryGetValue(v.Finding.Descriptor, out var expected), v.Code + " is not a CHK code");
                Assert.True(expected == v.Level, $"{v.Code} on {v.Subject}: level {v.Level?.ToString() ?? "none"}, its check says {expected?.ToString() ?? "none"}");
                seen.Add(v.Level);
                codes.Add(v.Code);
            }
        }

        // The battery reaches every level and verdicts of none, some of them on county and school units (rows of unpaired.csv).
        Assert.Equal([PairingLevel.County, PairingLevel.School, PairingLevel.Class, PairingLevel.Student, null], seen.OrderBy(l => l ?? (PairingLevel)99));
        Assert.Contains("CHK054", codes);
        Assert.Contains("CHK090", codes);
    }

    [Fact]
    public void A_plan_of_another_roster_keeps_back_its_county_and_school_pair_verdicts_by_level_not_by_code()
    {
        // Synthetic verdicts where level and number disagree: the level decides. A filter on CHK011–CHK029 would pick
        // the first and drop the second.
        var finding = CheckFindings.SchoolClassesShort.Create(new FindingSubject("school_pair", "XS|NS"), null,
            FindingArgument.Of("inland", "NS"), FindingArgument.Of("available", 1), FindingArgument.Of("needed", 2));
        var unlevelled = new PairingViolation(PairingRule.P4, "XS|NS", finding);
        var row = CheckFindings.OtherContinuityNumbers.Create(new FindingSubject("school_pair", "XS|NS"), null,
            FindingArgument.Of("rowAvailable", 1), FindingArgument.Of("rowNeeded", 2), FindingArgument.Of("rowCounted", "classes"),
            FindingArgument.Of("available", 1), FindingArgument.Of("needed", 3), FindingArgument.Of("counted", "classes"));
        var levelled = new PairingViolation(PairingRule.P7, "XS|NS", row) { Level = PairingLevel.School };

        Assert.Equal([levelled], RosterInput.PlanPairVerdicts([unlevelled, levelled]));

        // A real plan of last term's roster, its pairs shuffled: PlanFits keeps back exactly the county and school pair
        // verdicts, none of those on its unpaired rows though these name counties and schools too.
        var september = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1500, Seed = 7 });
        var november = RosterGenerator.NextYear(september, NextYearOptions.LargeChanges());
        var plan = Shuffled(new PairingMatcher().Plan(september));
        var all = PairingResultChecker.CheckBelongsTo(november, plan).Violations;

        Assert.True(RosterInput.PlanFits(november, plan, new PairingOptions(), "november", "september", TextWriter.Null, out var broken));

        Assert.Equal(all.Where(v => v.Level is PairingLevel.County or PairingLevel.School), broken);
        Assert.Contains(broken, v => v.Level == PairingLevel.County);
        Assert.Contains(broken, v => v.Level == PairingLevel.School);
        Assert.Contains(all, v => v.Level is null && v.Finding.Subject?.Level is "county" or "school");
        Assert.DoesNotContain(broken, v => v.Level is null);
    }

    /// <summary>The plan with a second inland county for its first Xinjiang county, and the inland members of two school pairs swapped.</summary>
    private static PairingResult Shuffled(PairingResult plan)
    {
        var counties = plan.CountyPairs.ToList();
        var schools = plan.SchoolPairs.ToList();
        counties.Add(new(counties[0].Xinjiang, counties[1].Inland));
        (schools[0], schools[^1]) = (new(schools[0].Xinjiang, schools[^1].Inland), new(schools[^1].Xinjiang, schools[0].Inland));
        return new PairingResult(counties, schools, plan.ClassPairs, plan.StudentPairs, plan.Unpaired, plan.Continuity, plan.Summary);
    }

    /// <summary>Results broken at every level, against their roster or another, with and without a previous result.</summary>
    private static IEnumerable<(Roster Roster, PairingResult Result, PairingResult? Previous)> BrokenResults()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1500, Seed = 3 });
        var next = RosterGenerator.NextYear(roster, NextYearOptions.LargeChanges());
        var matcher = new PairingMatcher();
        var good = matcher.Match(roster);
        var withPrevious = matcher.Match(next, previous: good);
        foreach (var (r, result, previous) in new (Roster, PairingResult, PairingResult?)[] { (roster, good, null), (next, withPrevious, good), (next, good, null) })
        {
            var counties = result.CountyPairs.ToList();
            var schools = result.SchoolPairs.ToList();
            var classes = result.ClassPairs.ToList();
            var students = result.StudentPairs.ToList();
            (counties[0], counties[1]) = (new(counties[0].Xinjiang, counties[1].Inland), new(counties[1].Xinjiang, counties[0].Inland));
            counties.Add(new CountyPair(new("NO-SUCH"), counties[2].Inland));
            (schools[0], schools[^1]) = (new(schools[0].Xinjiang, schools[^1].Inland), new(schools[^1].Xinjiang, schools[0].Inland));
            schools.Add(schools[3]);
            (classes[0], classes[^1]) = (new(classes[0].Xinjiang, classes[^1].Inland), new(classes[^1].Xinjiang, classes[0].Inland));
            students[0] = new StudentPair(students[0].Xinjiang, students[^1].Inland, !students[0].CrossClass);
            students.RemoveAt(5);
            var unpaired = result.Unpaired.Skip(1).Append(UnpairedUnit.Of(PairingLevel.School, "NO-SUCH", UnpairedFindings.CountyUnpaired));
            var continuity = result.Continuity.Skip(1).Select((e, i) => i % 7 == 0 ? e with { Code = "CON099" } : e);
            var summary = result.Summary with { CrossClassPairs = -1, CoverageUpperBound = 0 };
            yield return (r, new PairingResult(counties, schools, classes, students, unpaired, continuity, summary), previous);
        }
    }
}
