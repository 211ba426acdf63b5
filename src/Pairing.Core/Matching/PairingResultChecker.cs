using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Matching.Internals;
using Pairing.Core.Matching.Internals.Checks;
using Pairing.Core.Rosters;

namespace Pairing.Core.Matching;

/// <summary>
/// Re-checks a pairing result against its roster, independently of the matcher: every hard rule (P1–P6), nothing
/// lost (P7: every Xinjiang unit paired or listed once with a reason in numbers), and the summary's figures.
/// </summary>
/// <remarks>
/// Shares no code with the solvers: it reads the roster only through its public API and recounts everything
/// itself, so a bug in the matcher cannot hide behind the same bug here. Use it on a result read back from files
/// as well as on one fresh from the matcher.
/// </remarks>
public static class PairingResultChecker
{
    /// <summary>
    /// Checks a result against the roster it was made from, under the library's default options (one Xinjiang county
    /// per inland county, one Xinjiang school per inland school, P5 strict, default weights): the same as
    /// <see cref="Check(Roster, PairingResult, PairingOptions)"/> with <c>new PairingOptions()</c>.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result) => Check(roster, result, new PairingOptions());

    /// <summary>
    /// Checks a result against the roster it was made from and the options it should have been made with: every hard
    /// rule (P1–P6) under those options, nothing lost (P7), every unpaired reason recomputed, and every figure of the
    /// summary, the input hash among them. The options are the caller's, never the result's own claim: a result whose
    /// summary claims other options is rejected with both shown. A planning result that carries class or student pairs,
    /// and ids the roster lacks or that are malformed, are violations, never exceptions.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="options">The options the result must have been made with.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options) =>
        Check(roster, result, options, CancellationToken.None);

    /// <summary>Checks a result as <see cref="Check(Roster, PairingResult, PairingOptions)"/> does, stopping when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="options">The options the result must have been made with.</param>
    /// <param name="cancellationToken">Stops the check within milliseconds, between pairs and units.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options, CancellationToken cancellationToken)
    {
        Guard.NotNull(roster);
        Guard.NotNull(result);
        Guard.NotNull(options);
        options.ThrowIfInvalid();
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = Ambient.Use(cancellationToken);
        return Run(roster, result, null, options.ToSnapshot());
    }

    /// <summary>
    /// Checks that a result someone else made belongs to this roster before it is used (a report, an activity check, a
    /// plan to keep): made from it (the summary's input hash is this roster's) and keeping every rule, every reason and
    /// every figure under the options it claims (validated when it was read). Unlike
    /// <see cref="Check(Roster, PairingResult, PairingOptions)"/> it does not say those options were the right ones;
    /// that needs the caller's own.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="cancellationToken">Stops the check within milliseconds, between pairs and units.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="PairingOptionsException">The options the result claims are not valid (a result read by <see cref="Pairing.Core.Files.Results.PairingResultFiles.Read"/> never claims such).</exception>
    public static PairingCheckReport CheckBelongsTo(Roster roster, PairingResult result, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(roster);
        Guard.NotNull(result);
        return Check(roster, result, result.Summary.Options.ToOptions(), cancellationToken);
    }

    /// <summary>
    /// Checks a result made with a previous year's result under the library's default options: the same as
    /// <see cref="Check(Roster, PairingResult, PairingOptions, PairingResult)"/> with <c>new PairingOptions()</c>.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="previous">The previous year's result the run was given.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingResult previous) =>
        Check(roster, result, new PairingOptions(), previous);

    /// <summary>
    /// Checks a result made with a previous year's result: everything <see cref="Check(Roster, PairingResult, PairingOptions)"/>
    /// checks, and <c>continuity.csv</c> against the previous result: every previous pair of the levels the phase
    /// pairs has exactly one row; a kept pair is in the result and a dropped one is not; each reason is true,
    /// recomputed from the roster (a member left, a rule that no longer holds with its numbers, the pair above not
    /// made); a pair dropped for coverage or for later aims could still stand (its members are there, its rules
    /// hold, the pair above is made) and names a coverage loss in numbers; the summary's counts per code.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="options">The options the result must have been made with.</param>
    /// <param name="previous">The previous year's result the run was given.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <remarks>
    /// How many more students dropping a pair let the run cover is the matcher's own counterfactual; the checker,
    /// which has no solver, checks that it is a loss (fewer covered with the pair kept) in whole numbers, not that it
    /// is optimal.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options, PairingResult previous) =>
        Check(roster, result, options, previous, CancellationToken.None);

    /// <summary>Checks a result made with a previous year's result as <see cref="Check(Roster, PairingResult, PairingOptions, PairingResult)"/> does, stopping when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="options">The options the result must have been made with.</param>
    /// <param name="previous">The previous year's result the run was given.</param>
    /// <param name="cancellationToken">Stops the check within milliseconds, between pairs and units.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options, PairingResult previous, CancellationToken cancellationToken)
    {
        Guard.NotNull(roster);
        Guard.NotNull(result);
        Guard.NotNull(options);
        Guard.NotNull(previous);
        options.ThrowIfInvalid();
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = Ambient.Use(cancellationToken);
        return Run(roster, result, previous, options.ToSnapshot());
    }

    /// <summary>
    /// Runs the checks in their order, each one rule (one file under <c>Matching/Internals/Checks</c>): the options and
    /// the phase; the pairs level by level (P1–P2, P3–P4, then in a roster-phase result P5 and P6), which build the
    /// indexes the later checks read; nothing lost and every reason (P7); the summary's bound, the roster's hash and
    /// the figures; continuity against the previous result when one is given.
    /// </summary>
    private static PairingCheckReport Run(Roster roster, PairingResult result, PairingResult? previous, PairingOptionsSnapshot options)
    {
        // The roster's hash depends on the roster alone: worked out on a thread of its own while the pairs are checked.
        var hashing = roster.StudentArray.Length + roster.ClassArray.Length < 50_000
            ? Task.FromResult(RosterHash.Of(roster))
            : Task.Factory.StartNew(() => RosterHash.Of(roster), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var context = new CheckContext(roster, result, previous, options);
        new OptionsCheck(context).Check();
        new PhaseCheck(context).Check();
        new CountyPairsCheck(context).Check();
        new SchoolPairsCheck(context).Check();
        if (result.Phase == PairingPhase.Roster)
        {
            var p5 = new P5Check(context);
            new ClassPairsCheck(context, p5).Check();
            new StudentPairsCheck(context, p5).Check();
        }

        new UnpairedCheck(context).Check();
        var figures = new FigureCheck(context);
        figures.CheckBound();
        new RosterIdentityCheck(context).Check(hashing.GetAwaiter().GetResult());
        figures.CheckCounts();
        if (previous is not null)
        {
            new ContinuityCheck(context).Check(previous);
        }

        return new PairingCheckReport(context.Found);
    }
}
