using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

/// <summary>
/// What <see cref="PairingExplainer.Explain"/> found about one unit, as data: its level and side, whether it is paired
/// and with whom, and the findings that say so, in order: the unit's own status; when it is unpaired, the chain of
/// causes from it up the hierarchy to the root cause (each an <see cref="UnpairedFindings"/> row of the unit it is
/// about); then what became of its previous year's pairs. Render each with <see cref="FindingRenderer"/>.
/// </summary>
public sealed class UnitExplanation
{
    internal UnitExplanation(
        string unitId, PairingLevel? level, Side? side, bool isPaired, IReadOnlyList<string> partners, IReadOnlyList<Finding> findings, IReadOnlyList<string> nearestIds)
    {
        UnitId = unitId;
        Level = level;
        Side = side;
        IsPaired = isPaired;
        Partners = partners;
        Findings = findings;
        NearestIds = nearestIds;
    }

    /// <summary>The id asked about, as given.</summary>
    public string UnitId { get; }

    /// <summary>Whether a county, school, class or student has the id (in the result, or in the roster when one was given).</summary>
    public bool IsFound => Level is not null;

    /// <summary>The unit's level, or null when no unit has the id.</summary>
    public PairingLevel? Level { get; }

    /// <summary>The unit's side, or null when no unit has the id.</summary>
    public Side? Side { get; }

    /// <summary>Whether the unit is paired this year.</summary>
    public bool IsPaired { get; }

    /// <summary>
    /// The ids of its partners this year: one inland unit for a Xinjiang unit; every Xinjiang unit an inland unit takes;
    /// empty when it is not paired.
    /// </summary>
    public IReadOnlyList<string> Partners { get; }

    /// <summary>
    /// What was found, in order: the unit's status (<see cref="ExplainFindings"/>), the chain of
    /// <see cref="UnpairedFindings"/> from the unit up to the root cause when it is unpaired, then its previous year's
    /// pairs; for an unknown id, <see cref="ExplainFindings.UnknownId"/> with the nearest ids.
    /// </summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>For an unknown id, the nearest known ids (up to <see cref="PairingExplainer.MaxNearestIds"/>, nearest first, then by ordinal order); otherwise empty.</summary>
    public IReadOnlyList<string> NearestIds { get; }
}
