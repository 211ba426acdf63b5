using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// P6 on a student pair (CHK042–CHK045): a Xinjiang student and an inland student of the school the Xinjiang student's
/// school is paired with, each student in one pair. Records each Xinjiang student's first pair in <see cref="CheckContext.StudentOf"/>.
/// </summary>
internal sealed class P6Check(CheckContext context) : ResultCheck(context)
{
    private readonly HashSet<StudentId> _taken = [];

    protected override PairingLevel? Level => PairingLevel.Student;

    /// <summary>Makes room for <paramref name="pairs"/> pairs at once, rather than growing a set of a million by doubling.</summary>
    public void Expect(int pairs)
    {
        _taken.EnsureCapacity(pairs);
        Context.StudentOf.EnsureCapacity(pairs);
    }

    /// <summary>Checks one student pair of roster students in schools <paramref name="s"/> and <paramref name="t"/>; false when its sides are wrong and nothing more can be said of it.</summary>
    public bool Check(StudentPair p, Student x, Student y, School s, School t, PairName pair)
    {
        if (!IsXinjiang(CountyOfSchool(s)) || IsXinjiang(CountyOfSchool(t)))
        {
            Add(PairingLevel.Student, CheckFindings.StudentSides, pair, A("xinjiang", x.Id.Value), A("inland", y.Id.Value));
            return false;
        }

        if (!Context.StudentOf.TryAdd(x.Id, p))
        {
            Add(PairingLevel.Student, CheckFindings.XinjiangStudentTwice, pair, A("xinjiang", x.Id.Value), A("allowed", 1));
        }

        if (!_taken.Add(y.Id))
        {
            Add(PairingLevel.Student, CheckFindings.InlandStudentTwice, pair, A("inland", y.Id.Value), A("allowed", 1));
        }

        if (!Context.SchoolOf.TryGetValue(s.Id, out var paired) || paired != t.Id)
        {
            Add(PairingLevel.Student, CheckFindings.StudentOutsidePairedSchool, pair, A("inland", y.Id.Value), A("inlandSchool", t.Id.Value), A("xinjiangSchool", s.Id.Value));
        }

        return true;
    }
}
