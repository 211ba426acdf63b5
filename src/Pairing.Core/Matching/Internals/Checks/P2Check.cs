using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// P2 on the county pairs (CHK014–CHK015): one inland county per Xinjiang county, and no inland county taking more
/// Xinjiang counties than the options allow. Records each Xinjiang county's first inland county in <see cref="CheckContext.CountyOf"/>.
/// </summary>
internal sealed class P2Check(CheckContext context) : ResultCheck(context)
{
    private readonly Dictionary<CountyId, int> _load = [];

    protected override PairingLevel? Level => PairingLevel.County;

    public void Check(County x, County n, string subject, FindingSubject about)
    {
        if (!Context.CountyOf.TryAdd(x.Id, n.Id))
        {
            Add(CheckFindings.XinjiangCountyTwice, subject, about, A("xinjiang", x.Id.Value), A("allowed", 1));
        }

        _load[n.Id] = _load.GetValueOrDefault(n.Id) + 1;
        if (_load[n.Id] == Options.XinjiangCountiesPerInlandCounty + 1)
        {
            Add(CheckFindings.InlandCountyOverloaded, n.Id.Value, Unit(PairingLevel.County, n.Id.Value),
                A("inland", n.Id.Value), A("allowed", Options.XinjiangCountiesPerInlandCounty));
        }
    }
}
