namespace Pairing.Core.Matching;

/// <summary>
/// The figures of a pairing run and its manifest: what went in (a hash of the roster, the options, the versions)
/// and what came out, per level. Written as <c>summary.json</c>.
/// </summary>
/// <remarks>
/// Everything here but <see cref="SecondsPerLevel"/> follows from the roster and the options alone, so it is the
/// same on every run; <see cref="PairingResultChecker"/> recomputes those figures from the pairs.
/// </remarks>
public sealed class PairingSummary
{
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
    /// The options used. <c>summary.json</c> records all but <see cref="PairingOptions.MaxDegreeOfParallelism"/>,
    /// which does not change the result (a result read back has the default there).
    /// </summary>
    public required PairingOptions Options { get; init; }

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
    public IReadOnlyDictionary<string, int>? ContinuityCounts { get; init; }

    /// <summary>
    /// Wall-clock seconds spent per level. The only figure that changes from run to run: it is kept under its own
    /// key in <c>summary.json</c> so that a comparison of two runs can leave it out.
    /// </summary>
    public IReadOnlyDictionary<PairingLevel, double> SecondsPerLevel { get; init; } = new Dictionary<PairingLevel, double>();

    /// <summary>The share of student pairs that are same-gender, 0 to 1; <see langword="null"/> in planning or with no pairs.</summary>
    public double? SameGenderShare =>
        SameGenderPairs is { } same && Students is { Paired: > 0 } students ? (double)same / students.Paired : null;
}
