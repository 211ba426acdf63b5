using System.Globalization;
using System.Text;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Matching.Internals;

namespace Pairing.Core.Matching;

/// <summary>
/// The figures of a pairing run and its manifest: what went in (a hash of the roster, the options, the versions)
/// and what came out, per level. Written as <c>summary.json</c>.
/// </summary>
/// <remarks>
/// <para>
/// Everything here but <see cref="SecondsPerLevel"/> follows from the roster and the options alone, so it is the
/// same on every run; <see cref="PairingResultChecker"/> recomputes those figures from the pairs.
/// </para>
/// <para>
/// Immutable, with value equality: two summaries are equal when every member is, <see cref="SecondsPerLevel"/>
/// compared level by level. Two runs of the same roster and options therefore give equal
/// <see cref="WithoutTimings"/> summaries. Make a changed copy with a <c>with</c> expression.
/// </para>
/// </remarks>
public sealed record PairingSummary
{
    private readonly LevelSeconds _secondsPerLevel = LevelSeconds.Empty;

    /// <summary>Which phase produced the result.</summary>
    public required PairingPhase Phase { get; init; }

    /// <summary>County pairs, unpaired Xinjiang counties, inland counties left over.</summary>
    public required LevelFigures Counties { get; init; }

    /// <summary>School pairs, unpaired Xinjiang schools, inland schools left over.</summary>
    public required LevelFigures Schools { get; init; }

    /// <summary>Class pairs and the rest; <see langword="null"/> in the planning phase, which pairs no classes.</summary>
    public LevelFigures? Classes { get; init; }

    /// <summary>Student pairs and the rest; <see langword="null"/> in the planning phase, which pairs no students.</summary>
    public LevelFigures? Students { get; init; }

    /// <summary>Xinjiang students in the roster (the sum of Xinjiang class sizes).</summary>
    public required long XinjiangStudents { get; init; }

    /// <summary>
    /// Xinjiang students covered: in the planning phase those the school pairs can pair (per inland school and grade,
    /// the smaller of the Xinjiang students it takes and its own), in the roster phase those in a student pair. The
    /// first aim of the matcher.
    /// </summary>
    public required long CoveredStudents { get; init; }

    /// <summary>
    /// A number of Xinjiang students that no result under the same roster and options can exceed: equal to
    /// <see cref="CoveredStudents"/> when the result is proven optimal in coverage (one Xinjiang unit per inland unit,
    /// coverage first, every solve proven), otherwise the relaxation that keeps only P1 and the grades (per supporting
    /// province and grade, the smaller of the two sides' students; per province with relax-grade). Null for a
    /// summary read from a file written before the figure existed.
    /// </summary>
    public long? CoverageUpperBound { get; init; }

    /// <summary>Student pairs whose classes are not a class pair (the second aim: as few as possible); <see langword="null"/> in planning.</summary>
    public int? CrossClassPairs { get; init; }

    /// <summary>The sum over class pairs of the difference of the two class sizes (the third aim); <see langword="null"/> in planning.</summary>
    public long? ClassSizeDifference { get; init; }

    /// <summary>Student pairs of two students of the same known gender; <see langword="null"/> in planning.</summary>
    public int? SameGenderPairs { get; init; }

    /// <summary>
    /// The weighted sum of student preferences met over all student pairs (the fourth aim), with the weights of
    /// <see cref="Options"/>; <see langword="null"/> in planning.
    /// </summary>
    public long? PreferenceScore { get; init; }

    /// <summary>
    /// A hash of the roster (<c>sha256:</c> and 64 hex digits) that does not depend on the order of its rows, so that a
    /// result can be tied to its input.
    /// </summary>
    public required string InputHash { get; init; }

    /// <summary>The version of Pairing.Core that made the result.</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>The version of Google OR-Tools the matcher ran on.</summary>
    public required string OrToolsVersion { get; init; }

    /// <summary>
    /// The options used: every setting that decides the result (all but
    /// <see cref="PairingOptions.MaxDegreeOfParallelism"/>, which does not), frozen when the run started.
    /// </summary>
    public required PairingOptionsSnapshot Options { get; init; }

    private readonly CodeCounts? _continuityCounts;
    private readonly CodeCounts? _continuityByLevel;

    /// <summary>
    /// With <see cref="PairingOptions.ContinuityFirst"/> on and a previous result given: the Xinjiang students that
    /// choice leaves out, that is, how many more students a coverage-first run of the same roster covers (0 when
    /// continuity cost none). <see langword="null"/> otherwise.
    /// </summary>
    public long? ContinuityFirstUncovered { get; init; }

    /// <summary>
    /// With a previous result: how many of its pairs (all levels the phase pairs) were kept, and dropped, by code
    /// (<see cref="Findings.ContinuityFindings"/>; every code present, 0 where none), in code order. <see langword="null"/>
    /// without a previous result.
    /// </summary>
    /// <value>The summary keeps its own copy, compared by value.</value>
    public IReadOnlyDictionary<string, int>? ContinuityCounts
    {
        get => _continuityCounts;
        init => _continuityCounts = CodeCounts.From(value);
    }

    /// <summary>
    /// With a previous result: the rows of <c>continuity.csv</c> per level and status, keyed <c>level.status</c>
    /// (<c>county.kept</c>, <c>school.dropped</c>, <c>student.new</c>, …; every key present, 0 where none).
    /// <see langword="null"/> without a previous result.
    /// </summary>
    /// <value>The summary keeps its own copy, compared by value.</value>
    public IReadOnlyDictionary<string, int>? ContinuityByLevel
    {
        get => _continuityByLevel;
        init => _continuityByLevel = CodeCounts.From(value);
    }

    /// <summary>
    /// Wall-clock seconds spent per level. The only figure that changes from run to run: it is kept under its own
    /// key in <c>summary.json</c> so that a comparison of two runs can leave it out (see <see cref="WithoutTimings"/>).
    /// </summary>
    /// <value>Empty by default. The summary keeps its own copy of what it is given.</value>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public IReadOnlyDictionary<PairingLevel, double> SecondsPerLevel
    {
        get => _secondsPerLevel;
        init => _secondsPerLevel = LevelSeconds.From(Guard.NotNull(value));
    }

    /// <summary>The share of student pairs that are same-gender, 0 to 1; <see langword="null"/> in planning or with no pairs.</summary>
    public double? SameGenderShare =>
        SameGenderPairs is { } same && Students is { Paired: > 0 } students ? (double)same / students.Paired : null;

    /// <summary>This summary with no <see cref="SecondsPerLevel"/>: everything that is the same on every run.</summary>
    /// <returns>A copy without timings (this summary itself when it has none).</returns>
    public PairingSummary WithoutTimings() => SecondsPerLevel.Count == 0 ? this : this with { SecondsPerLevel = LevelSeconds.Empty };

    /// <summary>
    /// One line for logs and the debugger: the phase, the coverage, then pairs and unpaired Xinjiang units per level,
    /// in invariant culture. For example
    /// <c>roster phase: 9876 of 10000 Xinjiang students covered (98.7%); pairs: county 12, school 40, class 310,
    /// student 9876; unpaired: county 0, school 1, class 4, student 124</c>. The share is rounded down, so 100% means
    /// every Xinjiang student is covered.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var b = new StringBuilder(160);
        var inv = CultureInfo.InvariantCulture;
        b.Append(Phase == PairingPhase.Planning ? "planning" : "roster").Append(" phase: ")
            .Append(inv, $"{CoveredStudents} of {XinjiangStudents} Xinjiang students covered");
        if (XinjiangStudents > 0)
        {
            // Rounded down to a tenth of a percent: 100.0% only when nothing is missing.
            var tenths = Math.Floor(CoveredStudents * 1000.0 / XinjiangStudents) / 10;
            b.Append(inv, $" ({tenths:0.0}%)");
        }

        b.Append("; pairs: ");
        Levels(b, static f => f.Paired);
        b.Append("; unpaired: ");
        Levels(b, static f => f.Unpaired);
        return b.ToString();
    }

    private void Levels(StringBuilder b, Func<LevelFigures, int> figure)
    {
        var inv = CultureInfo.InvariantCulture;
        b.Append(inv, $"county {figure(Counties)}, school {figure(Schools)}");
        if (Classes is { } classes)
        {
            b.Append(inv, $", class {figure(classes)}");
        }

        if (Students is { } students)
        {
            b.Append(inv, $", student {figure(students)}");
        }
    }
}
