using Pairing.Core.Findings;
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
        Assert.Equal(["OPT001", "OPT002", "OPT003", "OPT004"], failures.Select(f => f.Code).Order(StringComparer.Ordinal));
        var range = Assert.Single(failures, f => f.Code == "OPT001");
        Assert.Equal(("XinjiangCountiesPerInlandCounty", 0, 1, PairingOptions.MaxPerInlandUnit), ((string)range["option"], (int)range["value"], (int)range["min"], (int)range["max"]));
        Assert.Equal(new FindingSubject("option", "XinjiangCountiesPerInlandCounty"), range.Subject);
        Assert.Equal("XinjiangCountiesPerInlandCounty 为 0，应在 1 到 50 之间", FindingRenderer.Default.Render(range, FindingLanguage.Chinese));
        Assert.Equal("XinjiangCountiesPerInlandCounty is 0; it must be from 1 to 50", FindingRenderer.Default.Render(range, FindingLanguage.English));
        Assert.Contains(failures, f => f.Subject?.Id == "WorkLimitPerSubproblem");
    }

    [Fact]
    public void The_preference_weights_are_validated_together()
    {
        var options = new PairingOptions { SameGenderWeight = 600, SharedInterestWeight = 600 };

        var failure = Assert.Single(options.Validate());

        Assert.Equal(("OPT005", 1200L, PairingOptions.MaxPreferenceWeight), (failure.Code, (long)failure["total"], (int)failure["max"]));
    }

    [Fact]
    public void The_matcher_refuses_invalid_options_with_the_list()
    {
        var roster = RandomRosters.Make(1);

        var error = Assert.Throws<PairingOptionsException>(() => new PairingMatcher().Plan(roster, options: new PairingOptions { Seed = -5, XinjiangSchoolsPerInlandSchool = 99 }));

        Assert.Equal(2, error.Failures.Count);
        Assert.Equal(["OPT001", "OPT003"], error.Findings.Select(f => f.Code).Order(StringComparer.Ordinal));
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
