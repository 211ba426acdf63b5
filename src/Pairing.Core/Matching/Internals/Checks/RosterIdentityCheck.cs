using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// CHK090: the result was made from this roster: the summary's input hash is the roster's. Another roster's result (or
/// an edited one) is said once, a plan's too, as the cause of everything else that differs.
/// </summary>
internal sealed class RosterIdentityCheck(CheckContext context) : ResultCheck(context)
{
    protected override PairingLevel? Level => null;

    /// <param name="hash">The roster's hash (<see cref="RosterHash.Of"/>), worked out beside the other checks.</param>
    public void Check(string hash)
    {
        if (!string.Equals(Result.Summary.InputHash, hash, StringComparison.Ordinal))
        {
            Add(CheckFindings.OtherRoster, "summary.input_hash", Figure("input_hash"), A("stated", Result.Summary.InputHash), A("counted", hash));
        }
    }
}
