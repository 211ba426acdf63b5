using Pairing.Core.Files;

namespace Pairing.Core.Files.Activities;

/// <summary>The problems of activity and holiday files, 100 of a code per file and the rest counted (ACF047).</summary>
internal sealed class ActivityProblems() : CappedFindings(ActivityFileFindings.MoreProblems);
