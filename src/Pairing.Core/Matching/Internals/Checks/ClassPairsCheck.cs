using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>The class pairs of a roster-phase result, one by one: CHK031 when the roster lacks a member, else P5 (<see cref="P5Check"/>).</summary>
internal sealed class ClassPairsCheck(CheckContext context, P5Check p5) : ResultCheck(context)
{
    protected override PairingLevel? Level => PairingLevel.Class;

    public void Check()
    {
        foreach (var p in Result.ClassPairs)
        {
            Context.Poll();
            var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
            var about = PairSubject(PairingLevel.Class, p.Xinjiang.Value, p.Inland.Value);
            if (!Roster.TryGetClass(p.Xinjiang, out var c) || !Roster.TryGetClass(p.Inland, out var d))
            {
                Add(CheckFindings.NoSuchClass, subject, about, A("missing", c is null ? p.Xinjiang.Value : p.Inland.Value));
                continue;
            }

            p5.CheckClassPair(c, d, subject, about);
        }
    }
}
