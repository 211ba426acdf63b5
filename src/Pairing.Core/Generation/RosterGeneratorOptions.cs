using Pairing.Core.Findings;

namespace Pairing.Core.Generation;

/// <summary>
/// What <see cref="RosterGenerator"/> generates: how many Xinjiang students (新疆中学生), how much inland capacity,
/// whether students are listed, and the seed that makes the roster reproducible.
/// </summary>
/// <remarks>
/// A plain options class: set the properties, then <see cref="Validate"/> (or let
/// <see cref="RosterGenerator.Generate"/> do it) to get every bad value at once. The same values always give the
/// same roster.
/// </remarks>
public sealed class RosterGeneratorOptions
{
    /// <summary>
    /// The fewest Xinjiang students a roster can have: <see cref="MinStudentsPerCounty"/> for each of the 84
    /// counties, so that every county has at least one school.
    /// </summary>
    public const int MinXinjiangStudents = 84 * MinStudentsPerCounty;

    /// <summary>The most Xinjiang students a roster can have (several times the programme's million).</summary>
    public const int MaxXinjiangStudents = 5_000_000;

    /// <summary>The fewest students any Xinjiang county gets, however small its population.</summary>
    public const int MinStudentsPerCounty = 6;

    /// <summary>The lowest accepted <see cref="InlandRatio"/>.</summary>
    public const double MinInlandRatio = 0.5;

    /// <summary>The highest accepted <see cref="InlandRatio"/>.</summary>
    public const double MaxInlandRatio = 3.0;

    /// <summary>The seed of the generator's own pseudo-random sequence.</summary>
    /// <value>The default value is 2014. Any value is valid; the same seed and options give the same roster.</value>
    public long Seed { get; set; } = 2014;

    /// <summary>
    /// How many Xinjiang middle-school students the roster has in total, spread over the 84 counties in proportion
    /// to their population. The total is exact: the Xinjiang class sizes add up to it.
    /// </summary>
    /// <value>
    /// The default value is 100,000. It must be from <see cref="MinXinjiangStudents"/> (504) to
    /// <see cref="MaxXinjiangStudents"/> (5,000,000); Xinjiang's real 2014 figure is 1,374,440.
    /// </value>
    public int XinjiangStudents { get; set; } = 100_000;

    /// <summary>
    /// Inland students per Xinjiang student, nationally and within each supporting province (对口支援省市).
    /// </summary>
    /// <value>
    /// The default value is 1.1. It must be from <see cref="MinInlandRatio"/> (0.5) to
    /// <see cref="MaxInlandRatio"/> (3.0). The result is close to it, not exact: each province also gets a couple of
    /// small spare counties.
    /// </value>
    public double InlandRatio { get; set; } = 1.1;

    /// <summary>
    /// Whether to give class sizes only (a planning-phase roster, <see cref="Rosters.Roster.HasStudents"/> false)
    /// rather than listing every student.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: students are listed.</value>
    public bool CountsOnly { get; set; }

    /// <summary>Checks every option and returns every failure; empty when all are valid.</summary>
    /// <returns>One finding per bad option (code <c>OPT001</c>, the option as subject and <c>option</c>, its value and range as arguments), in the order of the properties.</returns>
    public IReadOnlyList<Finding> Validate()
    {
        var failures = new List<Finding>();
        if (XinjiangStudents is < MinXinjiangStudents or > MaxXinjiangStudents)
        {
            failures.Add(OptionsFindings.Range(nameof(XinjiangStudents), XinjiangStudents, MinXinjiangStudents, MaxXinjiangStudents));
        }

        if (!double.IsFinite(InlandRatio) || InlandRatio < MinInlandRatio || InlandRatio > MaxInlandRatio)
        {
            failures.Add(OptionsFindings.Range(nameof(InlandRatio), InlandRatio, MinInlandRatio, MaxInlandRatio));
        }

        return failures;
    }

    /// <summary>A copy of these options, so that a generation run is not affected by later changes.</summary>
    internal RosterGeneratorOptions Clone() => (RosterGeneratorOptions)MemberwiseClone();
}
