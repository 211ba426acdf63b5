using Pairing.Core.Findings;

namespace Pairing.Core.Generation;

/// <summary>
/// What <see cref="ActivityLogGenerator"/> writes: the school year, how many pairs fall behind, whether to add a few
/// records that break the rules on purpose, and the seed that makes the log reproducible.
/// </summary>
/// <remarks>
/// A plain options class, like <see cref="RosterGeneratorOptions"/>: set the properties, then <see cref="Validate"/>
/// (or let <see cref="ActivityLogGenerator.Generate"/> do it) to get every bad value at once. The defaults give a
/// log that keeps the rules: nothing in it is wrong, only some pairs are behind schedule.
/// </remarks>
public sealed class ActivityLogGeneratorOptions
{
    /// <summary>The earliest <see cref="SchoolYear"/> accepted.</summary>
    public const int MinSchoolYear = 1900;

    /// <summary>The latest <see cref="SchoolYear"/> accepted.</summary>
    public const int MaxSchoolYear = 9000;

    /// <summary>The seed of the generator's own pseudo-random sequence.</summary>
    /// <value>The default value is 1. Any value is valid; the same seed, options, roster and pairing give the same log.</value>
    public long Seed { get; set; } = 1;

    /// <summary>
    /// The year the school year starts in (2014 for 2014–15): the log covers the programme year 1 July of this year to
    /// 30 June of the next.
    /// </summary>
    /// <value>The default value is 2014, the programme's first year; from <see cref="MinSchoolYear"/> to <see cref="MaxSchoolYear"/>.</value>
    public int SchoolYear { get; set; } = 2014;

    /// <summary>The share of student pairs that stop at a random step of the year's activities and let their letters lapse.</summary>
    /// <value>The default value is 0.2; from 0 to 1.</value>
    public double BehindShare { get; set; } = 0.2;

    /// <summary>
    /// Whether to add five records that break the activity rules on purpose, to see the validator flag them: a letter
    /// between students who are not partners, a camp of 30 students, a camp in term time, a family event with partial
    /// consent, and a letter dated before the programme year. They need two student pairs and one county pair.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: the log breaks no rule.</value>
    public bool DeliberateViolations { get; set; }

    /// <summary>Checks every option and returns every failure; empty when all are valid.</summary>
    /// <returns>One finding per bad option (code <c>OPT001</c>, the option as subject and <c>option</c>, its value and range as arguments), in the order of the properties.</returns>
    public IReadOnlyList<Finding> Validate()
    {
        var failures = new List<Finding>();
        if (SchoolYear is < MinSchoolYear or > MaxSchoolYear)
        {
            failures.Add(OptionsFindings.Range(nameof(SchoolYear), SchoolYear, MinSchoolYear, MaxSchoolYear));
        }

        if (!(BehindShare >= 0 && BehindShare <= 1))
        {
            failures.Add(OptionsFindings.Range(nameof(BehindShare), BehindShare, 0.0, 1.0));
        }

        return failures;
    }

    /// <summary>A copy of these options, so that a generation run is not affected by later changes.</summary>
    internal ActivityLogGeneratorOptions Clone() => (ActivityLogGeneratorOptions)MemberwiseClone();
}
