using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

/// <summary>How far a pairing run has got: one report per finished sub-problem of a level.</summary>
/// <param name="Level">The level being solved.</param>
/// <param name="Completed">Sub-problems of that level finished so far.</param>
/// <param name="Total">Sub-problems of that level in all.</param>
/// <remarks>
/// Sub-problems of one level run in parallel, so reports may arrive on several threads and
/// <paramref name="Completed"/> may be reported out of order; the last report of a level has
/// <paramref name="Completed"/> equal to <paramref name="Total"/>.
/// </remarks>
public readonly record struct PairingProgress(PairingLevel Level, int Completed, int Total);
