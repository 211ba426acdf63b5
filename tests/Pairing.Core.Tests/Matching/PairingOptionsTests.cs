using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Matching;

public sealed class PairingOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_documented_values()
    {
        var options = new PairingOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((1, 1, 4, 0, 0, 0, -1, 0, 10.0), (options.XinjiangCountiesPerInlandCounty, options.XinjiangSchoolsPerInlandSchool,
            options.SameGenderWeight, options.SharedInterestWeight, options.SameLanguageWeight, options.CloseBirthYearWeight,
            options.MaxDegreeOfParallelism, options.Seed, options.WorkLimitPerSubproblem));
    }

    [Fact]
    public void Validate_lists_every_failure_at_once()
    {
        var options = new PairingOptions { XinjiangCountiesPerInlandCounty = 0, MaxDegreeOfParallelism = 0, WorkLimitPerSubproblem = double.NaN, Seed = -1 };

        var failures = options.Validate();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("XinjiangCountiesPerInlandCounty", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("WorkLimitPerSubproblem", StringComparison.Ordinal));
    }

    [Fact]
    public void The_preference_weights_are_validated_together()
    {
        var options = new PairingOptions { SameGenderWeight = 600, SharedInterestWeight = 600 };

        var failure = Assert.Single(options.Validate());

        Assert.Contains("add up to 1200", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_matcher_refuses_invalid_options_with_the_list()
    {
        var roster = RandomRosters.Make(1);

        var error = Assert.Throws<PairingOptionsException>(() => new PairingMatcher().Plan(roster, options: new PairingOptions { Seed = -5, XinjiangSchoolsPerInlandSchool = 99 }));

        Assert.Equal(2, error.Failures.Count);
    }

    [Fact]
    public void The_matcher_works_on_a_copy_of_the_options()
    {
        var options = new PairingOptions();
        var result = new PairingMatcher().Plan(RandomRosters.Make(2), options: options);
        options.Seed = 7;

        Assert.Equal(0, result.Summary.Options.Seed);
    }
}
