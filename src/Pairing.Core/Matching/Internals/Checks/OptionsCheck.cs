using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>CHK001: the options the result claims are the ones expected; each that differs is named with both values.</summary>
internal sealed class OptionsCheck(CheckContext context) : ResultCheck(context)
{
    protected override PairingLevel? Level => null;

    public void Check()
    {
        var claimed = Result.Summary.Options;
        var expected = Options;
        Same("xinjiang_counties_per_inland_county", claimed.XinjiangCountiesPerInlandCounty, expected.XinjiangCountiesPerInlandCounty);
        Same("xinjiang_schools_per_inland_school", claimed.XinjiangSchoolsPerInlandSchool, expected.XinjiangSchoolsPerInlandSchool);
        Same("relax_grade_to_nearest", claimed.RelaxGradeToNearest, expected.RelaxGradeToNearest);
        Same("continuity_first", claimed.ContinuityFirst, expected.ContinuityFirst);
        Same("strict_p4", claimed.StrictP4, expected.StrictP4);
        Same("continuity", claimed.ContinuityFirst ? ContinuityObjective.ContinuityFirst : claimed.Continuity,
            expected.ContinuityFirst ? ContinuityObjective.ContinuityFirst : expected.Continuity);
        Same("same_gender_weight", claimed.SameGenderWeight, expected.SameGenderWeight);
        Same("shared_interest_weight", claimed.SharedInterestWeight, expected.SharedInterestWeight);
        Same("same_language_weight", claimed.SameLanguageWeight, expected.SameLanguageWeight);
        Same("close_birth_year_weight", claimed.CloseBirthYearWeight, expected.CloseBirthYearWeight);
        Same("seed", claimed.Seed, expected.Seed);
        Same("work_limit_per_subproblem", claimed.WorkLimitPerSubproblem, expected.WorkLimitPerSubproblem);
    }

    private void Same<T>(string name, T claim, T want)
    {
        if (!EqualityComparer<T>.Default.Equals(claim, want))
        {
            Add(CheckFindings.OptionDiffers, "summary.options." + name, new("option", name),
                A("option", name), A("claimed", OptionValue(claim!)), A("expected", OptionValue(want!)));
        }
    }

    /// <summary>An option's value as a finding argument: numbers as they are, a flag as summary.json writes it.</summary>
    private static object OptionValue(object value) => value switch
    {
        bool b => b ? "true" : "false",
        _ => value,
    };
}
