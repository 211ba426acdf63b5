using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// The student pairs of a roster-phase result, one by one: CHK041 when the roster lacks a member, else P6
/// (<see cref="P6Check"/>), P5's grades (<see cref="P5Check"/>), and the cross-class flag (CHK047–CHK048: set exactly
/// when the students' classes are not a class pair).
/// </summary>
internal sealed class StudentPairsCheck(CheckContext context, P5Check p5) : ResultCheck(context)
{
    private readonly P6Check _p6 = new(context);

    protected override PairingLevel? Level => PairingLevel.Student;

    public void Check()
    {
        _p6.Expect(Result.StudentPairs.Count);
        foreach (var p in Result.StudentPairs)
        {
            Context.Poll();
            var pair = new PairName(PairingLevel.Student, p.Xinjiang.Value, p.Inland.Value);
            if (!Roster.TryGetStudentIndex(p.Xinjiang, out var xi) || !Roster.TryGetStudentIndex(p.Inland, out var yi))
            {
                Add(PairingLevel.Student, CheckFindings.NoSuchStudent, pair, A("missing", xi < 0 ? p.Xinjiang.Value : p.Inland.Value));
                continue;
            }

            // The students' classes by the positions the roster resolved from their class ids, not looked up again.
            var x = Roster.StudentArray[xi];
            var y = Roster.StudentArray[yi];
            var c = Roster.ClassArray[Roster.StudentClass[xi]];
            var d = Roster.ClassArray[Roster.StudentClass[yi]];
            var t = SchoolOfClass(d);
            if (!_p6.Check(p, x, y, SchoolOfClass(c), t, pair))
            {
                continue;
            }

            p5.CheckStudentGrade(c, d, t, pair);
            var cross = !(Context.ClassOf.TryGetValue(c.Id, out var pc) && pc == d.Id);
            if (cross != p.CrossClass)
            {
                Add(PairingLevel.Student, p.CrossClass ? CheckFindings.MarkedCrossClass : CheckFindings.NotMarkedCrossClass, pair,
                    A("xinjiangClass", c.Id.Value), A("inlandClass", d.Id.Value));
            }
        }
    }
}
