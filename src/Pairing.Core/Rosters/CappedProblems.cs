using Pairing.Core.Files;

namespace Pairing.Core.Rosters;

/// <summary>A roster's problems, 100 of a code per file and the rest counted (ROS065).</summary>
internal sealed class CappedProblems() : CappedFindings(RosterFindings.MoreProblems);
