using Pairing.Core.Findings;

namespace Pairing.Core.Generation;

/// <summary>
/// How <see cref="RosterGenerator.NextYear"/> turns a roster into the next school year's (下一学年): how many
/// students transfer out and in, how many schools close and open, which school year it is, and the seed.
/// </summary>
/// <remarks>
/// A plain options class: set the properties, then <see cref="Validate"/> (or let
/// <see cref="RosterGenerator.NextYear"/> do it) to get every bad value at once. The defaults describe an ordinary
/// year; <see cref="LargeChanges"/> gives a year of large changes. The same roster and options always give the same
/// next year. Rates are probabilities, drawn independently per student or per school, so the counts that come out
/// are close to them, not exact.
/// </remarks>
public sealed class NextYearOptions
{
    /// <summary>The highest accepted <see cref="TransferOutRate"/>.</summary>
    public const double MaxTransferOutRate = 0.9;

    /// <summary>The highest accepted <see cref="TransferInRate"/>.</summary>
    public const double MaxTransferInRate = 1.0;

    /// <summary>The highest accepted <see cref="SchoolCloseRate"/> and <see cref="SchoolOpenRate"/>.</summary>
    public const double MaxSchoolRate = 0.5;

    /// <summary>The earliest accepted <see cref="SchoolYear"/>.</summary>
    public const int MinSchoolYear = 2000;

    /// <summary>The latest accepted <see cref="SchoolYear"/>.</summary>
    public const int MaxSchoolYear = 2099;

    /// <summary>The seed of the generator's own pseudo-random sequence.</summary>
    /// <value>The default value is 2015. Any value is valid; the same roster, seed and options give the same next year.</value>
    public long Seed { get; set; } = 2015;

    /// <summary>
    /// The school year of the new roster, as the calendar year its autumn term starts in (2015 for 2015–16). New
    /// students' birth years fit it, and new schools, classes and students carry it in their ids, so that an id is
    /// never given to a different unit in a later year.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: the year after the roster's own, read from the ids of classes an
    /// earlier <see cref="RosterGenerator.NextYear"/> made (<c>653125-C001-2015-07-01</c> is of 2015), or 2015 when
    /// there are none (the generator's first year is 2014). When given, it must be from
    /// <see cref="MinSchoolYear"/> (2000) to <see cref="MaxSchoolYear"/> (2099).
    /// </value>
    public int? SchoolYear { get; set; }

    /// <summary>
    /// The share of continuing students (every student who neither graduates nor is in a school that closes) who
    /// transfer out: each leaves the roster with this probability, on both sides.
    /// </summary>
    /// <value>The default value is 0.03. It must be from 0 to <see cref="MaxTransferOutRate"/> (0.9).</value>
    public double TransferOutRate { get; set; } = 0.03;

    /// <summary>
    /// New students who transfer in, as a share of each continuing class's students: a class of 40 gets 1.2 new
    /// students on average at the default. They join continuing classes (grades 8, 9, 11 and 12), never beyond
    /// <see cref="Hierarchy.SchoolClass.MaxSize"/>. Equal to <see cref="TransferOutRate"/>, as many arrive as leave.
    /// </summary>
    /// <value>The default value is 0.03. It must be from 0 to <see cref="MaxTransferInRate"/> (1.0).</value>
    public double TransferInRate { get; set; } = 0.03;

    /// <summary>
    /// The probability that a school closes (its classes and students leave the roster). A county's last school
    /// never closes, so that every county keeps one.
    /// </summary>
    /// <value>The default value is 0.01. It must be from 0 to <see cref="MaxSchoolRate"/> (0.5).</value>
    public double SchoolCloseRate { get; set; } = 0.01;

    /// <summary>
    /// New schools per school of a county: each school of the old roster brings a new one to its county with this
    /// probability. A new school opens with the intake grades it teaches (grade 7, grade 10 or both), taking an
    /// average school's share of its county's intake.
    /// </summary>
    /// <value>The default value is 0.01. It must be from 0 to <see cref="MaxSchoolRate"/> (0.5).</value>
    public double SchoolOpenRate { get; set; } = 0.01;

    /// <summary>
    /// A year of large changes, as in issue 9's second scenario: 30% of continuing students leave on each side and
    /// as many arrive (<see cref="TransferOutRate"/> and <see cref="TransferInRate"/> 0.3), and about one school in
    /// twenty closes and as many open (<see cref="SchoolCloseRate"/> and <see cref="SchoolOpenRate"/> 0.05).
    /// </summary>
    /// <returns>New options with those rates and the default seed and school year.</returns>
    public static NextYearOptions LargeChanges() => new()
    {
        TransferOutRate = 0.3,
        TransferInRate = 0.3,
        SchoolCloseRate = 0.05,
        SchoolOpenRate = 0.05,
    };

    /// <summary>Checks every option and returns every failure; empty when all are valid.</summary>
    /// <returns>One finding per bad option (code <c>OPT001</c>, the option as subject and <c>option</c>, its value and range as arguments), in the order of the properties.</returns>
    public IReadOnlyList<Finding> Validate()
    {
        var failures = new List<Finding>();
        if (SchoolYear is { } year && year is < MinSchoolYear or > MaxSchoolYear)
        {
            failures.Add(OptionsFindings.Range(nameof(SchoolYear), year, MinSchoolYear, MaxSchoolYear));
        }

        Rate(failures, nameof(TransferOutRate), TransferOutRate, MaxTransferOutRate);
        Rate(failures, nameof(TransferInRate), TransferInRate, MaxTransferInRate);
        Rate(failures, nameof(SchoolCloseRate), SchoolCloseRate, MaxSchoolRate);
        Rate(failures, nameof(SchoolOpenRate), SchoolOpenRate, MaxSchoolRate);
        return failures;
    }

    /// <summary>A copy of these options, so that a run is not affected by later changes.</summary>
    internal NextYearOptions Clone() => (NextYearOptions)MemberwiseClone();

    private static void Rate(List<Finding> failures, string name, double value, double max)
    {
        if (!double.IsFinite(value) || value < 0 || value > max)
        {
            failures.Add(OptionsFindings.Range(name, value, 0.0, max));
        }
    }
}
