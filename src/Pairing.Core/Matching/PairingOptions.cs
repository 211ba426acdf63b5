using Pairing.Core.Findings;

namespace Pairing.Core.Matching;

/// <summary>
/// What the programme's notice leaves open, and how hard the matcher may work. Every option has a documented
/// default; <see cref="Validate"/> checks them all together and lists every failure.
/// </summary>
/// <remarks>
/// Plain data: set the properties, then hand the options to <see cref="IPairingMatcher"/>, which validates them
/// once. The result's summary records the options used as a <see cref="PairingOptionsSnapshot"/>, so a run can
/// be repeated.
/// </remarks>
public sealed class PairingOptions
{
    /// <summary>The largest value <see cref="XinjiangCountiesPerInlandCounty"/> and <see cref="XinjiangSchoolsPerInlandSchool"/> accept.</summary>
    public const int MaxPerInlandUnit = 50;

    /// <summary>The largest weight one student preference accepts, and the largest sum of all four.</summary>
    public const int MaxPreferenceWeight = 1000;

    /// <summary>The largest <see cref="WorkLimitPerSubproblem"/> accepted, in deterministic seconds.</summary>
    public const double MaxWorkLimit = 3600;

    /// <summary>How many Xinjiang counties one inland county committee may take (P2 fixes one per Xinjiang county, not per inland one).</summary>
    /// <value>The default value is 1; from 1 to <see cref="MaxPerInlandUnit"/>.</value>
    public int XinjiangCountiesPerInlandCounty { get; set; } = 1;

    /// <summary>How many Xinjiang schools one inland school may take; P4 then holds for each pair, and each grade must hold all of them.</summary>
    /// <value>The default value is 1; from 1 to <see cref="MaxPerInlandUnit"/>.</value>
    public int XinjiangSchoolsPerInlandSchool { get; set; } = 1;

    /// <summary>
    /// Whether P5 may be relaxed: when a paired inland school has no class of a grade at all, the Xinjiang classes of
    /// that grade pair with classes of the nearest grade it has (the lower one on a tie), and their students with
    /// students of that grade. Without it, such classes and students are left unpaired with P5 and P6 and the numbers.
    /// </summary>
    /// <value>The default value is false (P5 is never relaxed).</value>
    public bool RelaxGradeToNearest { get; set; }

    /// <summary>
    /// With a previous result: how covering students and keeping last term's pairs are weighed. By default
    /// (<see cref="ContinuityObjective.Balanced"/>) the matcher maximises students covered plus last term's student pairs
    /// kept, one kept friendship worth one newly covered student, ties going to keeping; <see cref="ContinuityObjective.CoverageFirst"/>
    /// covers exactly the most students and keeps what it can after; <see cref="ContinuityObjective.ContinuityFirst"/>
    /// keeps first, and the summary reports how many students that leaves out
    /// (<see cref="PairingSummary.ContinuityFirstUncovered"/>). Without a previous result it changes nothing.
    /// </summary>
    /// <value>The default value is <see cref="ContinuityObjective.Balanced"/>.</value>
    public ContinuityObjective Continuity { get; set; }

    /// <summary>
    /// Whether keeping last year's pairs comes before covering students: <see cref="Continuity"/> is
    /// <see cref="ContinuityObjective.ContinuityFirst"/> (kept as a shorthand). Setting it false, when it was true, restores the default.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool ContinuityFirst
    {
        get => Continuity == ContinuityObjective.ContinuityFirst;
        set => Continuity = value ? ContinuityObjective.ContinuityFirst
            : Continuity == ContinuityObjective.ContinuityFirst ? ContinuityObjective.Balanced : Continuity;
    }

    /// <summary>
    /// Whether P4 holds strictly for last term's and the plan's school pairs too. By default a school pair of the
    /// previous result or of the plan given to <see cref="IPairingMatcher.Match"/> whose inland school has since fallen
    /// below its Xinjiang school in classes or students (students left during the year) may still be kept, so that the
    /// class and student pairs under it survive; <c>continuity.csv</c> then says so at level school with rule P4
    /// (<c>CON013</c> for last term's, <c>CON017</c> for the plan's) and the numbers. New pairs meet P4 as always. On,
    /// such a pair is dropped (<c>CON005</c>/<c>CON006</c> for last term's; the plan's is paired afresh), as before.
    /// Without a previous result or a plan it changes nothing.
    /// </summary>
    /// <value>The default value is false (kept pairs survive attrition).</value>
    public bool StrictP4 { get; set; }

    /// <summary>The weight of pairing students of the same gender (some offices paired students by sex); 0 turns it off.</summary>
    /// <value>The default value is 4 (on); from 0 to <see cref="MaxPreferenceWeight"/>.</value>
    public int SameGenderWeight { get; set; } = 4;

    /// <summary>The weight of pairing students who share at least one interest; 0 turns it off.</summary>
    /// <value>The default value is 0 (off); from 0 to <see cref="MaxPreferenceWeight"/>.</value>
    public int SharedInterestWeight { get; set; }

    /// <summary>The weight of pairing students who give the same language; 0 turns it off.</summary>
    /// <value>The default value is 0 (off); from 0 to <see cref="MaxPreferenceWeight"/>.</value>
    public int SameLanguageWeight { get; set; }

    /// <summary>The weight of pairing students born at most one year apart; 0 turns it off.</summary>
    /// <value>The default value is 0 (off); from 0 to <see cref="MaxPreferenceWeight"/>.</value>
    public int CloseBirthYearWeight { get; set; }

    /// <summary>How many sub-problems of one level are solved at once; -1 means one per processor core.</summary>
    /// <value>The default value is -1 (all cores); otherwise from 1 up. The result does not depend on it.</value>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>The random seed handed to CP-SAT; a run is repeatable for a given seed.</summary>
    /// <value>The default value is 0; 0 or more.</value>
    public int Seed { get; set; }

    /// <summary>
    /// The deterministic work limit of one CP-SAT sub-problem, in CP-SAT's deterministic seconds (a measure of work,
    /// not of wall-clock time, so that a limit hit gives the same answer on every machine).
    /// </summary>
    /// <value>The default value is 10; more than 0, at most <see cref="MaxWorkLimit"/>.</value>
    public double WorkLimitPerSubproblem { get; set; } = 10;

    /// <summary>Checks every option, and the options together.</summary>
    /// <returns>One finding per failure (codes <c>OPT…</c>, the option as subject, its value and range as arguments); empty when the options are valid.</returns>
    public IReadOnlyList<Finding> Validate()
    {
        var failures = new List<Finding>();
        void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                failures.Add(OptionsFindings.OutOfRange.Create(Option(name), null,
                    FindingArgument.Of("option", name), FindingArgument.Of("value", value), FindingArgument.Of("min", min), FindingArgument.Of("max", max)));
            }
        }

        Range(nameof(XinjiangCountiesPerInlandCounty), XinjiangCountiesPerInlandCounty, 1, MaxPerInlandUnit);
        Range(nameof(XinjiangSchoolsPerInlandSchool), XinjiangSchoolsPerInlandSchool, 1, MaxPerInlandUnit);
        Range(nameof(SameGenderWeight), SameGenderWeight, 0, MaxPreferenceWeight);
        Range(nameof(SharedInterestWeight), SharedInterestWeight, 0, MaxPreferenceWeight);
        Range(nameof(SameLanguageWeight), SameLanguageWeight, 0, MaxPreferenceWeight);
        Range(nameof(CloseBirthYearWeight), CloseBirthYearWeight, 0, MaxPreferenceWeight);
        if (!Enum.IsDefined(Continuity))
        {
            failures.Add(OptionsFindings.OutOfRange.Create(Option(nameof(Continuity)), null,
                FindingArgument.Of("option", nameof(Continuity)), FindingArgument.Of("value", (int)Continuity), FindingArgument.Of("min", 0), FindingArgument.Of("max", 2)));
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            failures.Add(OptionsFindings.BadParallelism.Create(Option(nameof(MaxDegreeOfParallelism)), null,
                FindingArgument.Of("option", nameof(MaxDegreeOfParallelism)), FindingArgument.Of("value", MaxDegreeOfParallelism)));
        }

        if (Seed < 0)
        {
            failures.Add(OptionsFindings.Negative.Create(Option(nameof(Seed)), null, FindingArgument.Of("option", nameof(Seed)), FindingArgument.Of("value", Seed)));
        }

        if (!(WorkLimitPerSubproblem > 0 && WorkLimitPerSubproblem <= MaxWorkLimit))
        {
            failures.Add(OptionsFindings.BadWorkLimit.Create(Option(nameof(WorkLimitPerSubproblem)), null,
                FindingArgument.Of("option", nameof(WorkLimitPerSubproblem)), FindingArgument.Of("value", WorkLimitPerSubproblem), FindingArgument.Of("max", MaxWorkLimit)));
        }

        // Together: the preference weights add up in the student-level cost, which must stay well inside what the
        // assignment solver scales without overflow.
        var total = (long)SameGenderWeight + SharedInterestWeight + SameLanguageWeight + CloseBirthYearWeight;
        if (total > MaxPreferenceWeight)
        {
            failures.Add(OptionsFindings.WeightsTooLarge.Create(Option("preference weights"), null,
                FindingArgument.Of("total", total), FindingArgument.Of("max", MaxPreferenceWeight)));
        }

        return failures;
    }

    /// <summary>Throws when <see cref="Validate"/> finds any failure.</summary>
    /// <exception cref="PairingOptionsException">Some option is out of range, or the options do not fit together.</exception>
    public void ThrowIfInvalid()
    {
        var failures = Validate();
        if (failures.Count > 0)
        {
            throw new PairingOptionsException(failures);
        }
    }

    private static FindingSubject Option(string name) => new("option", name);

    /// <summary>A copy of these options, so that a run is not affected by later changes.</summary>
    public PairingOptions Clone() => (PairingOptions)MemberwiseClone();

    /// <summary>
    /// The settings that decide a result, frozen (all but <see cref="MaxDegreeOfParallelism"/>): what a result's
    /// summary records, so that later changes to these options do not change what the result says it was made with.
    /// </summary>
    /// <returns>An immutable snapshot of the current values.</returns>
    public PairingOptionsSnapshot ToSnapshot() => new()
    {
        XinjiangCountiesPerInlandCounty = XinjiangCountiesPerInlandCounty,
        XinjiangSchoolsPerInlandSchool = XinjiangSchoolsPerInlandSchool,
        RelaxGradeToNearest = RelaxGradeToNearest,
        ContinuityFirst = ContinuityFirst,
        Continuity = Continuity,
        StrictP4 = StrictP4,
        SameGenderWeight = SameGenderWeight,
        SharedInterestWeight = SharedInterestWeight,
        SameLanguageWeight = SameLanguageWeight,
        CloseBirthYearWeight = CloseBirthYearWeight,
        Seed = Seed,
        WorkLimitPerSubproblem = WorkLimitPerSubproblem,
    };
}
