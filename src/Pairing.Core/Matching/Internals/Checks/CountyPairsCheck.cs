using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// The county pairs, one by one: CHK011 when the roster lacks a member, else P1 (<see cref="P1Check"/>) and, when its
/// sides are right, P2 (<see cref="P2Check"/>), which records <see cref="CheckContext.CountyOf"/>.
/// </summary>
internal sealed class CountyPairsCheck(CheckContext context) : ResultCheck(context)
{
    private readonly P1Check _p1 = new(context);
    private readonly P2Check _p2 = new(context);

    protected override PairingLevel? Level => PairingLevel.County;

    public void Check()
    {
        foreach (var p in Result.CountyPairs)
        {
            Context.Poll();
            var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
            var about = PairSubject(PairingLevel.County, p.Xinjiang.Value, p.Inland.Value);
            if (!Roster.TryGetCounty(p.Xinjiang, out var x) || !Roster.TryGetCounty(p.Inland, out var n))
            {
                Add(CheckFindings.NoSuchCounty, subject, about, A("missing", x is null ? p.Xinjiang.Value : p.Inland.Value));
                continue;
            }

            if (_p1.Check(x, n, subject, about))
            {
                _p2.Check(x, n, subject, about);
            }
        }
    }
}
