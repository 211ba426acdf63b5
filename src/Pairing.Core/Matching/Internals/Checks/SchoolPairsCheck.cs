using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// The school pairs, one by one: CHK021 when the roster lacks a member, else P3 (<see cref="P3Check"/>, which records
/// <see cref="CheckContext.SchoolOf"/>) and, when its sides are right, P4 (<see cref="P4Check"/>); then P4 on the sums
/// of the inland schools that take several Xinjiang schools.
/// </summary>
internal sealed class SchoolPairsCheck(CheckContext context) : ResultCheck(context)
{
    private readonly P3Check _p3 = new(context);
    private readonly P4Check _p4 = new(context);

    protected override PairingLevel? Level => PairingLevel.School;

    public void Check()
    {
        foreach (var p in Result.SchoolPairs)
        {
            Context.Poll();
            var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
            var about = PairSubject(PairingLevel.School, p.Xinjiang.Value, p.Inland.Value);
            if (!Roster.TryGetSchool(p.Xinjiang, out var s) || !Roster.TryGetSchool(p.Inland, out var t))
            {
                Add(CheckFindings.NoSuchSchool, subject, about, A("missing", s is null ? p.Xinjiang.Value : p.Inland.Value));
                continue;
            }

            if (_p3.Check(s, t, subject, about))
            {
                _p4.Check(p, s, t, subject, about);
            }
        }

        _p4.CheckSums();
    }
}
