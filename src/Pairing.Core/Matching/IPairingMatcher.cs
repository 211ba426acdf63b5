using Pairing.Core.Rosters;

namespace Pairing.Core.Matching;

/// <summary>
/// Pairs Xinjiang units with inland units at four levels (counties, schools, classes, students) in the programme's
/// two phases, keeping P1–P6 always and explaining every Xinjiang unit it leaves unpaired (P7).
/// </summary>
public interface IPairingMatcher
{
    /// <summary>
    /// The planning phase (S3, due 31 July): pairs counties and schools on counts. Works on a counts-only roster
    /// and on a full one (then only class sizes are read).
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <param name="previous">
    /// A previous year's result, or null: its county and school pairs are kept wherever both members are still in
    /// the roster and the rules still hold, and only the rest is paired anew.
    /// </param>
    /// <param name="progress">Receives a report per finished sub-problem, or null.</param>
    /// <param name="cancellationToken">Stops the run between sub-problems.</param>
    /// <returns>County and school pairs, every unpaired Xinjiang county and school with its reason, and the summary.</returns>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    PairingResult Plan(
        Roster roster,
        PairingOptions? options = null,
        PairingResult? previous = null,
        IProgress<PairingProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The roster phase (S4, after the term starts): pairs classes and students under a plan, planning first when
    /// none is given.
    /// </summary>
    /// <param name="roster">A roster that names its students (<see cref="Roster.HasStudents"/>).</param>
    /// <param name="plan">
    /// A planning result, or null to plan first: its county and school pairs are kept wherever both members are
    /// still in the roster and P1–P4 hold; Xinjiang units it did not pair are paired anew where they can be.
    /// </param>
    /// <param name="previous">
    /// A previous year's result, or null: its pairs at every level are kept wherever both members are still in the
    /// roster and the rules still hold (after a graduation, say), and only the rest is paired anew.
    /// </param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <param name="progress">Receives a report per finished sub-problem, or null.</param>
    /// <param name="cancellationToken">Stops the run between sub-problems.</param>
    /// <returns>Pairs at all four levels, every unpaired Xinjiang unit with its reason, and the summary.</returns>
    /// <exception cref="ArgumentException">The roster gives counts only: plan on it instead.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    PairingResult Match(
        Roster roster,
        PairingResult? plan = null,
        PairingResult? previous = null,
        PairingOptions? options = null,
        IProgress<PairingProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
