using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching.Internals;
using Pairing.Core.Rosters;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching;

/// <summary>
/// The default <see cref="IPairingMatcher"/>: solves level by level on Google OR-Tools (CP-SAT where levels couple,
/// linear sum assignment where a level is a pure assignment), each level's independent sub-problems in parallel,
/// each single-threaded, merged in a fixed order, so that the same roster and options give the same result on one
/// core or many.
/// </summary>
/// <remarks>Stateless and safe to share between threads.</remarks>
public sealed class PairingMatcher : IPairingMatcher
{
    private readonly TimeProvider _time;
    private readonly PairingOptions? _defaults;
    private readonly ILogger _logger;

    /// <summary>Creates a matcher that times its stages with the system clock and does not log.</summary>
    public PairingMatcher()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a matcher that times its stages with the given time provider (the timings go to the summary only) and does not log.</summary>
    /// <param name="timeProvider">The time provider.</param>
    public PairingMatcher(TimeProvider timeProvider)
    {
        Guard.NotNull(timeProvider);
        _time = timeProvider;
        _logger = NullLogger.Instance;
    }

    /// <summary>
    /// Creates a matcher with the options it uses whenever a call passes none, a logger and a time provider: the
    /// constructor <c>AddPairing</c> registers.
    /// </summary>
    /// <param name="defaultOptions">
    /// The options used when a call passes none; a copy is validated and kept, so later changes do not affect the matcher.
    /// </param>
    /// <param name="logger">
    /// Receives the time of each level and the run's summary at <see cref="LogLevel.Information"/> (counts only) and
    /// the details, with ids, at <see cref="LogLevel.Debug"/> and below.
    /// </param>
    /// <param name="timeProvider">Times the stages.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid (every failure is listed).</exception>
    public PairingMatcher(PairingOptions defaultOptions, ILogger<PairingMatcher> logger, TimeProvider timeProvider)
    {
        Guard.NotNull(defaultOptions);
        Guard.NotNull(logger);
        Guard.NotNull(timeProvider);
        _defaults = Prepare(defaultOptions, null);
        _logger = logger;
        _time = timeProvider;
    }

    /// <summary>The options used when a call passes none: a copy of those given to the constructor, or the defaults.</summary>
    public PairingOptions DefaultOptions => (_defaults ?? new PairingOptions()).Clone();

    /// <inheritdoc/>
    public PairingResult Plan(
        Roster roster,
        PairingResult? previous = null,
        PairingOptions? options = null,
        IProgress<PairingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(roster);
        using var scope = Pairing.Core.Internals.Ambient.Use(cancellationToken); // reaches CP-SAT's stop-search wherever it runs
        var unproven = new Pairing.Core.Internals.Ambient.ProofCount();
        using var proof = Pairing.Core.Internals.Ambient.CountUnproven(unproven);
        var opts = Prepare(options, _defaults);
        MatcherLog.RunStarting(_logger, PairingPhase.Planning, roster.Counties.Count, roster.Schools.Count, roster.Classes.Count, roster.Students.Count);
        var run = new Run(roster, opts, _logger);
        var continuity = Continuity.Of(run.View, previous, opts.StrictP4);
        var state = PlanningStage.Run(run.View, opts, [], continuity, run.Unpaired, progress, cancellationToken, run.Timed, _time);
        var uncovered = ContinuityFirstUncovered(run.View, opts, [], continuity, state, cancellationToken);
        var rows = previous is null ? null : ContinuityReport.Build(run.View, state, null, previous, planGiven: false, continuity);
        var result = run.Result(state, null, uncovered, rows, Proven(opts, previous, unproven));
        MatcherLog.Finished(_logger, result);
        return result;
    }

    /// <inheritdoc/>
    public PairingResult Match(
        Roster roster,
        PairingResult? plan = null,
        PairingResult? previous = null,
        PairingOptions? options = null,
        IProgress<PairingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(roster);
        if (!roster.HasStudents)
        {
            Throw.Argument(nameof(roster), "gives class sizes only (no students.csv): the roster phase pairs named students; plan on it instead");
        }

        using var scope = Pairing.Core.Internals.Ambient.Use(cancellationToken); // reaches CP-SAT's stop-search wherever it runs
        var unproven = new Pairing.Core.Internals.Ambient.ProofCount();
        using var proof = Pairing.Core.Internals.Ambient.CountUnproven(unproven);
        var opts = Prepare(options, _defaults);
        MatcherLog.RunStarting(_logger, PairingPhase.Roster, roster.Counties.Count, roster.Schools.Count, roster.Classes.Count, roster.Students.Count);
        var run = new Run(roster, opts, _logger);
        var keep = new List<PlanningStage.KeepSet>();
        if (plan is not null)
        {
            keep.Add(new PlanningStage.KeepSet(plan.CountyPairs, plan.SchoolPairs));
        }

        var continuity = Continuity.Of(run.View, previous, opts.StrictP4, plan?.SchoolPairs);
        var state = PlanningStage.Run(run.View, opts, keep, continuity, run.Unpaired, progress, cancellationToken, run.Timed, _time);
        var uncovered = ContinuityFirstUncovered(run.View, opts, keep, continuity, state, cancellationToken);
        var output = RosterStage.Run(
            run.View, state, opts, previous?.ClassPairs ?? [], previous?.StudentPairs ?? [], run.Unpaired,
            progress, cancellationToken, run.Timed, _time);
        var rows = previous is not null ? ContinuityReport.Build(run.View, state, output, previous, planGiven: plan is not null, continuity)
            : ContinuityReport.PlanKeptShort(run.View, state, continuity);
        var result = run.Result(state, output, uncovered, rows, Proven(opts, previous, unproven));
        MatcherLog.Finished(_logger, result);
        return result;
    }

    /// <summary>
    /// Whether the coverage found is proven the most possible: no other aim put before coverage, and every CP-SAT solve
    /// that decides it proven optimal (with one Xinjiang unit per inland unit the levels are priced exactly,
    /// ExactOptimumTests; with shared inland units the exact model per province decides, SharedOptimumTests).
    /// </summary>
    private static Proof Proven(PairingOptions options, PairingResult? previous, Pairing.Core.Internals.Ambient.ProofCount unproven)
    {
        var coverageFirst = previous is null || (!options.ContinuityFirst && options.Continuity == ContinuityObjective.CoverageFirst);
        var count = Volatile.Read(ref unproven.Unproven);
        var bounded = Volatile.Read(ref unproven.Bounded);
        return new Proof(coverageFirst && count == 0, coverageFirst && count == bounded ? Volatile.Read(ref unproven.Slack) : null);
    }

    /// <summary>
    /// Whether the coverage is proven the most possible; if not, and every solve that stopped short states its bound (the
    /// shared province models', <see cref="SharedPlan"/>), the students those bounds leave open in all.
    /// </summary>
    private readonly record struct Proof(bool Proven, long? Slack);

    /// <summary>
    /// With <see cref="PairingOptions.ContinuityFirst"/> and last year's pairs in play: how many more students a
    /// coverage-first plan of the same roster covers, found by planning once more with the aims in today's order.
    /// Null otherwise.
    /// </summary>
    private static long? ContinuityFirstUncovered(
        RosterView v, PairingOptions options, IReadOnlyList<PlanningStage.KeepSet> keep, Continuity continuity, PlanState state, CancellationToken cancellationToken)
    {
        if (!options.ContinuityFirst || !continuity.Active)
        {
            return null;
        }

        var coverageFirst = options.Clone();
        coverageFirst.Continuity = ContinuityObjective.CoverageFirst;
        var other = PlanningStage.Run(v, coverageFirst, keep, continuity, [], null, cancellationToken, static (_, _) => { }, TimeProvider.System);
        return Math.Max(0, PlanCoverage(v, other) - PlanCoverage(v, state));
    }

    /// <summary>What a plan covers: per inland school and grade, the smaller of what its Xinjiang schools bring and what it has.</summary>
    private static long PlanCoverage(RosterView v, PlanState state)
    {
        const int G = RosterView.Grades;
        var brought = new long[v.Roster.SchoolArray.Length * G];
        Span<int> gradeClasses = stackalloc int[G];
        Span<int> gradeStudents = stackalloc int[G];
        for (var s = 0; s < state.SchoolPartner.Length; s++)
        {
            if (state.SchoolPartner[s] is var t and >= 0)
            {
                v.DemandOn(t, s, gradeClasses, gradeStudents);
                for (var g = 0; g < G; g++)
                {
                    brought[(t * G) + g] += gradeStudents[g];
                }
            }
        }

        long covered = 0;
        for (var i = 0; i < brought.Length; i++)
        {
            covered += Math.Min(brought[i], v.GradeStudents[i]);
        }

        return covered;
    }

    private static PairingOptions Prepare(PairingOptions? options, PairingOptions? defaults)
    {
        var opts = (options ?? defaults ?? new PairingOptions()).Clone();
        opts.ThrowIfInvalid();
        return opts;
    }

    /// <summary>One run's inputs and what it gathers along the way.</summary>
    private sealed class Run(Roster roster, PairingOptions options, ILogger logger)
    {
        private readonly Dictionary<PairingLevel, double> _seconds = [];

        // The input hash reads the whole roster once; with more than one thread allowed it runs beside the solvers.
        private readonly Task<string> _hash = options.MaxDegreeOfParallelism == 1
            ? Task.FromResult(RosterHash.Of(roster))
            : Task.Run(() => RosterHash.Of(roster));

        public RosterView View { get; } = new(roster, options.RelaxGradeToNearest);

        public List<UnpairedUnit> Unpaired { get; } = [];

        public void Timed(PairingLevel level, TimeSpan elapsed)
        {
            _seconds[level] = elapsed.TotalSeconds;
            MatcherLog.LevelFinished(logger, level, elapsed.TotalSeconds);
        }

        /// <summary>
        /// The coverage when proven; otherwise the smaller of two bounds: the relaxation below, and the coverage plus what
        /// the unproven province models' own bounds leave open (each province's optimum is at most its bound, and the
        /// levels below the plan cover exactly what it counts, or more where the plan is filled after).
        /// </summary>
        private static long Bound(Proof proof, long covered, Roster roster, bool relaxGrade)
        {
            if (proof.Proven)
            {
                return covered;
            }

            var bound = Math.Max(covered, Relaxation(roster, relaxGrade));
            return proof.Slack is { } slack ? Math.Min(bound, covered + slack) : bound;
        }

        /// <summary>
        /// What no result can exceed, keeping only P1 and P5/P6: per supporting province, and per grade unless grades may
        /// be relaxed, the smaller of the Xinjiang and the inland students.
        /// </summary>
        private static long Relaxation(Roster roster, bool relaxGrade)
        {
            var sides = new Dictionary<(string Province, int Grade), (long Xinjiang, long Inland)>();
            foreach (var c in roster.Classes)
            {
                var school = roster.GetSchool(c.SchoolId);
                var county = roster.GetCounty(school.CountyId);
                var key = (roster.ProvinceOf(county).Value, relaxGrade ? 0 : c.Grade.Number);
                var (x, n) = sides.GetValueOrDefault(key);
                sides[key] = county.Side == Side.Xinjiang ? (x + c.Size, n) : (x, n + c.Size);
            }

            return sides.Values.Sum(s => Math.Min(s.Xinjiang, s.Inland));
        }

        public PairingResult Result(PlanState state, RosterStage.Output? output, long? continuityFirstUncovered, List<ContinuityEntry>? continuity, Proof proof)
        {
            var v = View;
            var counties = new List<CountyPair>();
            var schools = new List<SchoolPair>();
            int keptCounties = 0, keptSchools = 0;
            var inlandCountyUsed = new bool[roster.CountyArray.Length];
            var inlandSchoolUsed = new bool[roster.SchoolArray.Length];
            for (var x = 0; x < state.CountyPartner.Length; x++)
            {
                if (state.CountyPartner[x] is var n and >= 0)
                {
                    counties.Add(new CountyPair(roster.CountyArray[x].Id, roster.CountyArray[n].Id));
                    inlandCountyUsed[n] = true;
                    keptCounties += state.CountyKept[x] ? 1 : 0;
                }
            }

            for (var s = 0; s < state.SchoolPartner.Length; s++)
            {
                if (state.SchoolPartner[s] is var t and >= 0)
                {
                    schools.Add(new SchoolPair(roster.SchoolArray[s].Id, roster.SchoolArray[t].Id));
                    inlandSchoolUsed[t] = true;
                    keptSchools += state.SchoolKept[s] ? 1 : 0;
                }
            }

            var inlandCounties = v.IsXinjiangCounty.Count(b => !b);
            var inlandSchools = Enumerable.Range(0, roster.SchoolArray.Length).Count(s => !v.IsXinjiangSchool(s));
            int CountUnpaired(PairingLevel level) => Unpaired.Count(u => u.Level == level);
            var xinjiangStudents = Enumerable.Range(0, roster.ClassArray.Length).Where(v.IsXinjiangClass).Sum(c => (long)v.ClassSize[c]);
            var countyFigures = new LevelFigures(counties.Count, CountUnpaired(PairingLevel.County), inlandCounties - inlandCountyUsed.Count(b => b), keptCounties);
            var schoolFigures = new LevelFigures(schools.Count, CountUnpaired(PairingLevel.School), inlandSchools - inlandSchoolUsed.Count(b => b), keptSchools);

            var classes = new List<ClassPair>(output?.ClassPairs.Count ?? 0);
            var students = new StudentPair[output?.StudentPairs.Count ?? 0];
            LevelFigures? classFigures = null, studentFigures = null;
            long covered = 0;
            int? cross = null, sameGender = null;
            long? difference = null, score = null;
            if (output is null)
            {
                covered = PlanCoverage(v, state);
            }
            else
            {
                long diff = 0;
                foreach (var (x, n, _) in output.ClassPairs)
                {
                    classes.Add(new ClassPair(roster.ClassArray[x].Id, roster.ClassArray[n].Id));
                    diff += Math.Abs(v.ClassSize[x] - v.ClassSize[n]);
                }

                var prefs = new Preferences(options);
                int crossCount = 0, same = 0;
                long met = 0;
                var k = 0;
                foreach (var (x, n, isCross, _) in output.StudentPairs)
                {
                    var a = roster.StudentArray[x];
                    var b = roster.StudentArray[n];
                    students[k++] = new StudentPair(a.Id, b.Id, isCross);
                    crossCount += isCross ? 1 : 0;
                    same += Preferences.SameGender(a, b) ? 1 : 0;
                    met += prefs.Met(a, b);
                }

                var inlandClasses = Enumerable.Range(0, roster.ClassArray.Length).Count(c => !v.IsXinjiangClass(c));
                var inlandStudents = Enumerable.Range(0, roster.StudentArray.Length).Count(p => !v.IsXinjiangClass(roster.StudentClass[p]));
                classFigures = new LevelFigures(classes.Count, CountUnpaired(PairingLevel.Class), inlandClasses - classes.Count, output.ClassPairs.Count(p => p.Kept));
                studentFigures = new LevelFigures(students.Length, CountUnpaired(PairingLevel.Student), inlandStudents - students.Length, output.StudentPairs.Count(p => p.Kept));
                covered = students.Length;
                cross = crossCount;
                sameGender = same;
                difference = diff;
                score = met;
            }

            var seconds = new Dictionary<PairingLevel, double>(_seconds);
            var summary = new PairingSummary
            {
                Phase = output is null ? PairingPhase.Planning : PairingPhase.Roster,
                Counties = countyFigures,
                Schools = schoolFigures,
                Classes = classFigures,
                Students = studentFigures,
                XinjiangStudents = xinjiangStudents,
                CoveredStudents = covered,
                CoverageUpperBound = Bound(proof, covered, roster, options.RelaxGradeToNearest),
                CrossClassPairs = cross,
                ClassSizeDifference = difference,
                SameGenderPairs = sameGender,
                PreferenceScore = score,
                InputHash = _hash.GetAwaiter().GetResult(),
                LibraryVersion = Versions.Library,
                OrToolsVersion = Versions.OrTools,
                Options = options.ToSnapshot(),
                ContinuityFirstUncovered = continuityFirstUncovered,
                ContinuityCounts = continuity is null ? null : CountByCode(continuity),
                ContinuityByLevel = continuity is null ? null : CountByLevel(continuity),
                SecondsPerLevel = seconds,
            };
            return new PairingResult(counties, schools, classes, new PairingResult.OwnedPairs(students), Unpaired, continuity ?? [], summary);
        }

        /// <summary>The rows per level and status, keyed <c>level.status</c>, every key present.</summary>
        private static SortedDictionary<string, int> CountByLevel(List<ContinuityEntry> rows)
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var level in Enum.GetValues<PairingLevel>())
            {
                foreach (var status in Enum.GetValues<ContinuityStatus>())
                {
                    counts[PairingResult.LevelName(level) + "." + PairingResult.StatusName(status)] = 0;
                }
            }

            foreach (var row in rows)
            {
                counts[PairingResult.LevelName(row.Level) + "." + PairingResult.StatusName(row.Status)]++;
            }

            return counts;
        }

        private static SortedDictionary<string, int> CountByCode(List<ContinuityEntry> rows)
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var code in Findings.FindingCatalog.DeclaredIn(typeof(Findings.ContinuityFindings)))
            {
                counts[code.Code] = 0;
            }

            foreach (var row in rows)
            {
                counts[row.Code]++;
            }

            return counts;
        }
    }
}
