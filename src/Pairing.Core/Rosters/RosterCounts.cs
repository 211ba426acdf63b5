namespace Pairing.Core.Rosters;

/// <summary>How many units one side of a roster has.</summary>
/// <param name="Counties">County-level units.</param>
/// <param name="Schools">Middle schools.</param>
/// <param name="Classes">Classes.</param>
/// <param name="Students">Students: the sum of class sizes (equal to the students listed, when there are any).</param>
public readonly record struct RosterCounts(int Counties, int Schools, int Classes, long Students);
