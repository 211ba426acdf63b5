using Pairing.Core.Rosters;

namespace Pairing.Core.Matching;

/// <summary>Which of the programme's two pairing phases produced a result.</summary>
public enum PairingPhase
{
    /// <summary>
    /// The planning phase on counts (S3, due 31 July): county pairs and school pairs only.
    /// </summary>
    Planning = 1,

    /// <summary>
    /// The roster phase on named students (S4, after the term starts): all four levels, keeping the plan's pairs.
    /// </summary>
    Roster = 2,
}
