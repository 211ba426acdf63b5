using System.Globalization;
using Pairing.Cli.Commands;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Xunit.Abstractions;

namespace Pairing.Core.Tests.Generation;

/// <summary>
/// Year-over-year runs (issue 9): generate year 1 and pair it, make year 2 with <see cref="RosterGenerator.NextYear"/>,
/// pair year 2 with year 1's result as previous and without, and check both with the independent checker. The
/// coverage of each run and what each kept of last year's pairs is printed (run with
/// <c>--logger "console;verbosity=detailed"</c> to see it); only invariants are asserted.
/// </summary>
public sealed class YearOverYearTests(ITestOutputHelper output)
{
    /// <summary>Both year-2 runs of one year-over-year run, with the figures that compare them.</summary>
    internal sealed record Years(PairingResult Year1, PairingResult WithPrevious, PairingResult Fresh, IReadOnlyList<ContinuityComparison.Level> Kept);

    public static TheoryData<int, bool> Scenarios() => new()
    {
        { 10_000, false },
        { 10_000, true },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_next_year_of_10_000_students_pairs_with_and_without_the_previous_result_breaking_no_rule(int students, bool largeChanges)
    {
        var years = Run(students, largeChanges, output);

        Assert.Equal(years.Year1.CountyPairs.Count, years.Kept[0].Previous);
        Assert.All(years.Kept, level => Assert.InRange(level.KeptWithPrevious, 0, level.Standing));
    }

    /// <summary>One year-over-year run; fails if a roster is not valid or a result breaks a rule.</summary>
    internal static Years Run(int students, bool largeChanges, ITestOutputHelper output)
    {
        var year1Roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = students });
        var matcher = new PairingMatcher();
        var year1 = matcher.Match(year1Roster);
        Check(year1Roster, year1);

        var year2Roster = RosterGenerator.NextYear(year1Roster, largeChanges ? NextYearOptions.LargeChanges() : new NextYearOptions());
        var withPrevious = matcher.Match(year2Roster, previous: year1);
        var fresh = matcher.Match(year2Roster);
        Check(year2Roster, withPrevious);
        Check(year2Roster, fresh);

        var kept = ContinuityComparison.Compare(year2Roster, year1, withPrevious, fresh);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{students:N0} students, {(largeChanges ? "large changes" : "an ordinary year")}: year 1 covers {year1.Summary.CoveredStudents:N0} of {year1.Summary.XinjiangStudents:N0}; year 2 covers {withPrevious.Summary.CoveredStudents:N0} of {withPrevious.Summary.XinjiangStudents:N0} with the previous result, {fresh.Summary.CoveredStudents:N0} fresh"));
        foreach (var level in kept)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {level.Of}: {level.Previous:N0} last year, {level.Standing:N0} with both members still there, kept {level.KeptWithPrevious:N0} with previous, {level.KeptFresh:N0} fresh"));
        }

        return new Years(year1, withPrevious, fresh, kept);
    }

    private static void Check(Roster roster, PairingResult result)
    {
        var report = PairingResultChecker.Check(roster, result, result.Summary.Options.ToOptions());
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(result.Summary.XinjiangStudents, roster.CountsOf(Pairing.Core.Hierarchy.Side.Xinjiang).Students);
    }
}
