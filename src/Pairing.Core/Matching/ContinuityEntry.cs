using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

/// <summary>
/// What became of one of last year's pairs: one row of <c>continuity.csv</c>. Kept, or dropped with a stable code
/// (<see cref="Findings.ContinuityFindings"/>) and the numbers the reason rests on.
/// </summary>
/// <param name="Level">The pair's level.</param>
/// <param name="XinjiangId">The Xinjiang member's id, as last year's result gives it.</param>
/// <param name="InlandId">The inland member's id, as last year's result gives it.</param>
/// <param name="Status">Kept or dropped.</param>
/// <param name="Rule">For a code of a rule that no longer holds (P1, P4, P5), the rule that no longer holds; otherwise null.</param>
/// <param name="Code">The stable code (<see cref="Findings.ContinuityFindings"/>).</param>
/// <param name="Counted">What <paramref name="Available"/> and <paramref name="Needed"/> count (<c>classes</c>, <c>students</c>, <c>schools</c>), or null when the reason has no numbers.</param>
/// <param name="Available">What there is: the inland unit's classes or students (P4), or the students covered with the pair kept.</param>
/// <param name="Needed">What is needed: the Xinjiang unit's classes or students (P4), or the students covered without the pair.</param>
/// <param name="Reason">The same in words.</param>
/// <remarks>Equality is by value; results sort rows by level name, then Xinjiang id, then inland id (ordinal).</remarks>
public sealed record ContinuityEntry(
    PairingLevel Level,
    string XinjiangId,
    string InlandId,
    ContinuityStatus Status,
    PairingRule? Rule,
    string Code,
    string? Counted,
    long? Available,
    long? Needed,
    string Reason);
