namespace Pairing.Core.Matching;

/// <summary>
/// The options a result was made with, frozen: every <see cref="PairingOptions"/> setting that decides the result,
/// and nothing that does not (<see cref="PairingOptions.MaxDegreeOfParallelism"/> changes only how fast a run goes,
/// so a 1-thread and an N-thread run record the same snapshot). What <c>summary.json</c> records under
/// <c>options</c>.
/// </summary>
/// <remarks>
/// Immutable, with value equality: two snapshots are equal when every setting is. The defaults are those of
/// <see cref="PairingOptions"/>. Use <see cref="ToOptions"/> to repeat a run with the same settings. A snapshot
/// read back from files is taken as written, not validated: <see cref="PairingResultChecker"/> checks a result
/// against the settings it claims, and <see cref="ToOptions"/> followed by <see cref="PairingOptions.Validate"/>
/// tells whether they are in range.
/// </remarks>
public sealed record PairingOptionsSnapshot
{
    /// <summary>How many Xinjiang counties one inland county committee may take.</summary>
    /// <value>The default value is 1.</value>
    public int XinjiangCountiesPerInlandCounty { get; init; } = 1;

    /// <summary>How many Xinjiang schools one inland school may take.</summary>
    /// <value>The default value is 1.</value>
    public int XinjiangSchoolsPerInlandSchool { get; init; } = 1;

    /// <summary>Whether P5 was relaxed to the nearest grade (see <see cref="PairingOptions.RelaxGradeToNearest"/>).</summary>
    /// <value>The default value is false.</value>
    public bool RelaxGradeToNearest { get; init; }

    /// <summary><see cref="PairingOptions.ContinuityFirst"/>: whether last year's pairs were kept before coverage.</summary>
    public bool ContinuityFirst { get; init; }

    /// <summary><see cref="PairingOptions.Continuity"/>: how covering and keeping were weighed (<see cref="ContinuityFirst"/> true means <see cref="ContinuityObjective.ContinuityFirst"/> whatever this says).</summary>
    public ContinuityObjective Continuity { get; init; }

    /// <summary>Whether P4 held strictly for last term's school pairs (<see cref="PairingOptions.StrictP4"/>).</summary>
    public bool StrictP4 { get; init; }

    /// <summary>The weight of pairing students of the same gender.</summary>
    /// <value>The default value is 4.</value>
    public int SameGenderWeight { get; init; } = 4;

    /// <summary>The weight of pairing students who share at least one interest.</summary>
    /// <value>The default value is 0.</value>
    public int SharedInterestWeight { get; init; }

    /// <summary>The weight of pairing students who give the same language.</summary>
    /// <value>The default value is 0.</value>
    public int SameLanguageWeight { get; init; }

    /// <summary>The weight of pairing students born at most one year apart.</summary>
    /// <value>The default value is 0.</value>
    public int CloseBirthYearWeight { get; init; }

    /// <summary>The random seed handed to CP-SAT.</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; init; }

    /// <summary>The deterministic work limit of one CP-SAT sub-problem, in CP-SAT's deterministic seconds.</summary>
    /// <value>The default value is 10.</value>
    public double WorkLimitPerSubproblem { get; init; } = 10;

    /// <summary>
    /// New options with these settings, to repeat the run; <see cref="PairingOptions.MaxDegreeOfParallelism"/> is
    /// left at its default, as it does not change the result.
    /// </summary>
    /// <returns>A fresh <see cref="PairingOptions"/> the caller may change.</returns>
    public PairingOptions ToOptions() => new()
    {
        XinjiangCountiesPerInlandCounty = XinjiangCountiesPerInlandCounty,
        XinjiangSchoolsPerInlandSchool = XinjiangSchoolsPerInlandSchool,
        RelaxGradeToNearest = RelaxGradeToNearest,
        Continuity = ContinuityFirst ? ContinuityObjective.ContinuityFirst : Continuity,
        StrictP4 = StrictP4,
        SameGenderWeight = SameGenderWeight,
        SharedInterestWeight = SharedInterestWeight,
        SameLanguageWeight = SameLanguageWeight,
        CloseBirthYearWeight = CloseBirthYearWeight,
        Seed = Seed,
        WorkLimitPerSubproblem = WorkLimitPerSubproblem,
    };
}
