using System.Globalization;
using Pairing.Core.Files.Results;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Xunit.Abstractions;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>
/// The advice on the generator's rosters, which have gaps of their own: written, applied from <c>advice.csv</c> by test
/// code, matched again with the same options: every Xinjiang student is covered. The small rosters run on every build;
/// the 20,000-student roster (seed 11, the issue's) runs when PAIRING_ADVICE_MEASURE=1:
/// <c>PAIRING_ADVICE_MEASURE=1 dotnet test --filter GeneratedRosterAdvice --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class GeneratedRosterAdviceTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pairing-advice-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(11, false, false, 1)]
    [InlineData(11, true, true, 1)]
    [InlineData(2014, false, true, 1)]
    [InlineData(7, true, false, 1)]
    [InlineData(11, false, false, 2)]
    [InlineData(2014, true, false, 3)]
    public void Applied_on_a_generated_roster_it_covers_everyone(int seed, bool countsOnly, bool relax, int k)
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000, Seed = seed, CountsOnly = countsOnly });
        var advice = Check(roster, new PairingOptions { RelaxGradeToNearest = relax, XinjiangCountiesPerInlandCounty = k, XinjiangSchoolsPerInlandSchool = k });
        Assert.Empty(advice.Notes);
    }

    [Fact]
    public void The_issue_roster_of_20000_students()
    {
        if (Environment.GetEnvironmentVariable("PAIRING_ADVICE_MEASURE") != "1")
        {
            return;
        }

        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 20_000, Seed = 11 });
        Check(roster, new PairingOptions());

        // With sharing (K = 2 at both levels): the exact shared model, proven.
        Assert.Empty(Check(roster, new PairingOptions { XinjiangCountiesPerInlandCounty = 2, XinjiangSchoolsPerInlandSchool = 2 }).Notes);
        Assert.Empty(Check(roster, new PairingOptions { XinjiangCountiesPerInlandCounty = 2, XinjiangSchoolsPerInlandSchool = 2, RelaxGradeToNearest = true }).Notes);
    }

    private CapacityAdvice Check(Roster roster, PairingOptions options)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var advice = PairingAdvisor.Advise(roster, options);
        var seconds = watch.Elapsed.TotalSeconds;
        AdviceFiles.Write(advice, _folder);
        var rows = AdviceFilesTests.ReadAdvice(Path.Combine(_folder, AdviceFiles.AdviceFile));
        Assert.Equal(advice.Additions.Count, rows.Count);
        PairingAdvisorTests.AssertCoversEveryone(roster, AdviceFilesTests.RowsOf(rows), options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"K = {options.XinjiangSchoolsPerInlandSchool}{(options.RelaxGradeToNearest ? ", relaxed" : "")}: {advice.CoveredBefore} of {advice.XinjiangStudents} covered before; advice: {advice.Counties} counties, {advice.Schools} schools, {advice.Classes} classes with {advice.Students} students ({rows.Count} rows, {seconds:F2} s); applied: all covered"));
        return advice;
    }
}
