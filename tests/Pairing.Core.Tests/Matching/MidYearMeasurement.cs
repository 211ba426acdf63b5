using System.Globalization;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Xunit.Abstractions;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// A measurement, not a test (issue 24's "Done when"): a generated September roster is paired, a November roster is
/// made from it (3% leave each side, 2% join existing classes, one paired inland class dissolved), and November is
/// paired fresh, with <c>--previous</c> under each objective, and as before issue 24 (coverage first, P4 strict).
/// Runs only when PAIRING_MEASURE_MIDYEAR lists Xinjiang student counts (e.g. <c>2500,20000</c>):
/// <c>PAIRING_MEASURE_MIDYEAR=2500,20000 dotnet test --filter MidYearMeasurement --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class MidYearMeasurement(ITestOutputHelper output)
{
    [Fact]
    public void Measure_a_november_roster()
    {
        var sizes = Environment.GetEnvironmentVariable("PAIRING_MEASURE_MIDYEAR");
        if (string.IsNullOrEmpty(sizes))
        {
            return;
        }

        var seeds = int.TryParse(Environment.GetEnvironmentVariable("PAIRING_MEASURE_MIDYEAR_SEEDS"), CultureInfo.InvariantCulture, out var n) ? n : 1;
        var matcher = new PairingMatcher();
        foreach (var size in sizes.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            for (var seed = 0; seed < seeds; seed++)
            {
                var september = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = size, Seed = 2014 + seed });
                var sepResult = matcher.Match(september);
                var november = MidYearRosters.November(september, sepResult, seed);
                var surviving = MidYearRosters.Surviving(november, sepResult);
                var fresh = matcher.Match(november);
                output.WriteLine($"{size} Xinjiang students, seed {2014 + seed}: September covers {sepResult.Summary.CoveredStudents}; November: {surviving} surviving student pairs; fresh run covers {fresh.Summary.CoveredStudents}");
                foreach (var (name, options) in new (string, PairingOptions)[]
                {
                    ("before issue 24 (coverage first, strict P4)", new PairingOptions { Continuity = ContinuityObjective.CoverageFirst, StrictP4 = true }),
                    ("coverage-first", new PairingOptions { Continuity = ContinuityObjective.CoverageFirst }),
                    ("balanced (default)", new PairingOptions()),
                })
                {
                    var r = matcher.Match(november, previous: sepResult, options: options);
                    var kept = r.Summary.Students?.Kept ?? 0;
                    var valid = PairingResultChecker.Check(november, r, r.Summary.Options.ToOptions(), sepResult).IsValid;
                    var tolerated = r.Continuity.Count(e => e.Code == "CON013");
                    var introduced = r.Continuity.Count(e => e is { Status: ContinuityStatus.New, Level: PairingLevel.Student });
                    var newListed = r.StudentPairs.Count - kept == introduced;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {name}: kept {kept} of {surviving} ({100.0 * kept / Math.Max(1, surviving):F1}%), covered {r.Summary.CoveredStudents} ({r.Summary.CoveredStudents - fresh.Summary.CoveredStudents:+0;-0;0} vs fresh), covered+kept {r.Summary.CoveredStudents + kept}, school pairs kept under P4's tolerance {tolerated}, new student pairs listed {introduced}{(newListed ? string.Empty : " (NOT ALL)")}, checker {(valid ? "valid" : "INVALID")}"));
                }
            }
        }
    }
}
