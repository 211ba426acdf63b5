using Pairing.Core.Findings;
using Pairing.Core.Matching;

namespace Pairing.Core.Files.Results;

/// <summary>A result folder read back asynchronously: the result when it could be read, and every problem found either way.</summary>
/// <param name="Result">The result, or null when a problem kept it from being read.</param>
/// <param name="Problems">Every problem found (located <c>RES…</c> findings, or the <c>OPT…</c> code of a claimed option); empty when the result was read.</param>
public sealed record PairingResultRead(PairingResult? Result, IReadOnlyList<Finding> Problems)
{
    /// <summary>Whether the result was read.</summary>
    public bool IsValid => Result is not null;
}
