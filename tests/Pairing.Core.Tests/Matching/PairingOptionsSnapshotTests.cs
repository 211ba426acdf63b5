using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Matching;

public sealed class PairingOptionsSnapshotTests
{
    [Fact]
    public void The_defaults_are_those_of_the_options()
    {
        Assert.Equal(new PairingOptions().ToSnapshot(), new PairingOptionsSnapshot());
    }

    [Fact]
    public void A_snapshot_keeps_every_setting_that_decides_the_result_and_gives_it_back()
    {
        var options = new PairingOptions
        {
            XinjiangCountiesPerInlandCounty = 3, XinjiangSchoolsPerInlandSchool = 2, RelaxGradeToNearest = true, SameGenderWeight = 0,
            SharedInterestWeight = 5, SameLanguageWeight = 6, CloseBirthYearWeight = 7, Seed = 8, WorkLimitPerSubproblem = 0.5,
            MaxDegreeOfParallelism = 1,
        };

        var back = options.ToSnapshot().ToOptions();

        Assert.Equal(
            (3, 2, true, 0, 5, 6, 7, 8, 0.5),
            (back.XinjiangCountiesPerInlandCounty, back.XinjiangSchoolsPerInlandSchool, back.RelaxGradeToNearest, back.SameGenderWeight,
                back.SharedInterestWeight, back.SameLanguageWeight, back.CloseBirthYearWeight, back.Seed, back.WorkLimitPerSubproblem));
        Assert.Equal(-1, back.MaxDegreeOfParallelism);
    }

    [Fact]
    public void The_degree_of_parallelism_is_not_part_of_the_snapshot()
    {
        Assert.Equal(new PairingOptions { MaxDegreeOfParallelism = 1 }.ToSnapshot(), new PairingOptions { MaxDegreeOfParallelism = 16 }.ToSnapshot());
        Assert.NotEqual(new PairingOptions { Seed = 1 }.ToSnapshot(), new PairingOptions { Seed = 2 }.ToSnapshot());
    }

    [Fact]
    public void Changing_the_options_after_a_run_does_not_change_what_the_result_says_it_was_made_with()
    {
        var options = new PairingOptions { SharedInterestWeight = 2 };
        var result = new PairingMatcher().Match(RandomRosters.Make(6), options: options);

        options.SharedInterestWeight = 9;
        options.Seed = 4;

        Assert.Equal(new PairingOptionsSnapshot { SharedInterestWeight = 2 }, result.Summary.Options);
    }

    [Fact]
    public void A_run_repeated_from_its_snapshot_gives_the_same_files()
    {
        var roster = RandomRosters.Make(7);
        var first = new PairingMatcher().Match(roster, options: new PairingOptions { SameLanguageWeight = 3, Seed = 2 });

        var again = new PairingMatcher().Match(roster, options: first.Summary.Options.ToOptions());

        Assert.Equal(ResultBytes.Of(first), ResultBytes.Of(again));
    }
}
