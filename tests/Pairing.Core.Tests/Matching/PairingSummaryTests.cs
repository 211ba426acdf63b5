using Pairing.Core.Files.Results;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Matching.Internals;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

public sealed class PairingSummaryTests
{
    // The bytes summary.json had before PairingSummary became a record: the format (FORMATS.md) is a contract, and
    // determinism tests compare files, so the record must write exactly these.
    private const string PinnedJson =
        "{\n" +
        "  \"format\": \"pairing-result/1\",\n" +
        "  \"phase\": \"roster\",\n" +
        "  \"input_hash\": \"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\",\n" +
        "  \"library_version\": \"0.1.0\",\n" +
        "  \"or_tools_version\": \"9.15.6755\",\n" +
        "  \"options\": {\n" +
        "    \"xinjiang_counties_per_inland_county\": 2,\n" +
        "    \"xinjiang_schools_per_inland_school\": 1,\n" +
        "    \"relax_grade_to_nearest\": true,\n" +
        "    \"continuity_first\": false,\n" +
        "    \"continuity\": \"balanced\",\n" +
        "    \"same_gender_weight\": 4,\n" +
        "    \"shared_interest_weight\": 3,\n" +
        "    \"same_language_weight\": 0,\n" +
        "    \"close_birth_year_weight\": 1,\n" +
        "    \"seed\": 9,\n" +
        "    \"work_limit_per_subproblem\": 2.5\n" +
        "  },\n" +
        "  \"levels\": {\n" +
        "    \"county\": { \"paired\": 3, \"unpaired\": 1, \"inland_surplus\": 2, \"kept\": 0 },\n" +
        "    \"school\": { \"paired\": 7, \"unpaired\": 0, \"inland_surplus\": 1, \"kept\": 0 },\n" +
        "    \"class\": { \"paired\": 20, \"unpaired\": 2, \"inland_surplus\": 0, \"kept\": 0 },\n" +
        "    \"student\": { \"paired\": 800, \"unpaired\": 40, \"inland_surplus\": 15, \"kept\": 0 }\n" +
        "  },\n" +
        "  \"xinjiang_students\": 840,\n" +
        "  \"covered_students\": 800,\n" +
        "  \"cross_class_pairs\": 12,\n" +
        "  \"class_size_difference\": 31,\n" +
        "  \"same_gender_pairs\": 600,\n" +
        "  \"same_gender_share\": 0.75,\n" +
        "  \"preference_score\": 2790,\n" +
        "  \"seconds_per_stage\": {\n" +
        "    \"county\": 0.125,\n" +
        "    \"student\": 1.5\n" +
        "  }\n" +
        "}\n";

    private static PairingSummary Roster() => new()
    {
        Phase = PairingPhase.Roster,
        Counties = new LevelFigures(3, 1, 2, 0),
        Schools = new LevelFigures(7, 0, 1, 0),
        Classes = new LevelFigures(20, 2, 0, 0),
        Students = new LevelFigures(800, 40, 15, 0),
        XinjiangStudents = 840,
        CoveredStudents = 800,
        CrossClassPairs = 12,
        ClassSizeDifference = 31,
        SameGenderPairs = 600,
        PreferenceScore = 2790,
        InputHash = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        LibraryVersion = "0.1.0",
        OrToolsVersion = "9.15.6755",
        Options = new PairingOptionsSnapshot
        {
            XinjiangCountiesPerInlandCounty = 2, RelaxGradeToNearest = true, SharedInterestWeight = 3, CloseBirthYearWeight = 1, Seed = 9,
            WorkLimitPerSubproblem = 2.5,
        },
        SecondsPerLevel = new Dictionary<PairingLevel, double> { [PairingLevel.Student] = 1.5, [PairingLevel.County] = 0.125 },
    };

    private static PairingSummary Planning() => new()
    {
        Phase = PairingPhase.Planning,
        Counties = new LevelFigures(84, 0, 30, 0),
        Schools = new LevelFigures(1400, 63, 120, 0),
        XinjiangStudents = 1_374_440,
        CoveredStudents = 1_374_439,
        InputHash = "sha256:" + new string('f', 64),
        LibraryVersion = "0.1.0",
        OrToolsVersion = "9.15.6755",
        Options = new PairingOptionsSnapshot(),
    };

    [Fact]
    public void Summary_json_keeps_its_bytes()
    {
        Assert.Equal(PinnedJson, SummaryJson.Write(Roster()));
    }

    [Fact]
    public void A_summary_read_back_equals_the_one_written_timings_included()
    {
        var summary = Roster();

        var read = SummaryJson.Read(SummaryJson.Write(summary));

        Assert.Equal(summary, read);
        Assert.Equal(summary.GetHashCode(), read.GetHashCode());
        Assert.Equal(Planning(), SummaryJson.Read(SummaryJson.Write(Planning())));
    }

    [Fact]
    public void Summaries_differing_in_one_figure_or_one_timing_are_not_equal()
    {
        var summary = Roster();

        Assert.NotEqual(summary, summary with { CrossClassPairs = 13 });
        Assert.NotEqual(summary, summary with { Options = summary.Options with { Seed = 10 } });
        Assert.NotEqual(summary, summary with { SecondsPerLevel = new Dictionary<PairingLevel, double> { [PairingLevel.County] = 0.125 } });
    }

    [Fact]
    public void WithoutTimings_drops_only_the_timings()
    {
        var summary = Roster();

        var plain = summary.WithoutTimings();

        Assert.Empty(plain.SecondsPerLevel);
        Assert.Equal(2, summary.SecondsPerLevel.Count);
        Assert.Equal(summary with { SecondsPerLevel = new Dictionary<PairingLevel, double>() }, plain);
        Assert.DoesNotContain(SummaryJson.TimingKey, SummaryJson.Write(plain), StringComparison.Ordinal);
        Assert.Same(plain, plain.WithoutTimings());
    }

    [Fact]
    public void The_summary_keeps_its_own_copy_of_the_timings()
    {
        var seconds = new Dictionary<PairingLevel, double> { [PairingLevel.County] = 1 };
        var summary = Planning() with { SecondsPerLevel = seconds };

        seconds[PairingLevel.County] = 99;
        seconds[PairingLevel.School] = 2;

        Assert.Equal(1, Assert.Single(summary.SecondsPerLevel).Value);
        Assert.IsNotType<Dictionary<PairingLevel, double>>(summary.SecondsPerLevel);
    }

    [Fact]
    public void Two_runs_on_one_and_on_all_cores_give_equal_summaries_but_for_timings()
    {
        var roster = RandomRosters.Make(3);

        var one = new PairingMatcher().Match(roster, options: new PairingOptions { MaxDegreeOfParallelism = 1 });
        var all = new PairingMatcher().Match(roster, options: new PairingOptions { MaxDegreeOfParallelism = -1 });

        Assert.NotEmpty(one.Summary.SecondsPerLevel);
        Assert.Equal(one.Summary.WithoutTimings(), all.Summary.WithoutTimings());
    }

    [Fact]
    public void ToString_is_one_line_with_coverage_pairs_and_unpaired_by_level()
    {
        Assert.Equal(
            "roster phase: 800 of 840 Xinjiang students covered (95.2%); pairs: county 3, school 7, class 20, student 800; unpaired: county 1, school 0, class 2, student 40",
            Roster().ToString());
    }

    [Fact]
    public void ToString_in_planning_names_only_the_planned_levels_and_never_rounds_up_to_100_percent()
    {
        // 1,374,439 of 1,374,440 is 99.99993%: shown as 99.9%, since 100.0% would claim that nobody is missing.
        Assert.Equal(
            "planning phase: 1374439 of 1374440 Xinjiang students covered (99.9%); pairs: county 84, school 1400; unpaired: county 0, school 63",
            Planning().ToString());
        Assert.Contains("(100.0%)", (Planning() with { CoveredStudents = 1_374_440 }).ToString(), StringComparison.Ordinal);
        Assert.Contains("0 of 0 Xinjiang students covered; pairs", (Planning() with { XinjiangStudents = 0, CoveredStudents = 0 }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_prints_as_its_summary()
    {
        var result = new PairingMatcher().Match(RandomRosters.Make(5));

        Assert.Equal(result.Summary.ToString(), result.ToString());
        Assert.DoesNotContain('\n', result.ToString());
        Assert.StartsWith("roster phase: ", result.ToString(), StringComparison.Ordinal);
    }
}
