using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// P5 on the pairs made (CHK032–CHK036, CHK046): a class pair is a Xinjiang class and an inland class of the school its
/// school is paired with, in the grade it pairs into, each class in one pair; and a student pair's students are in
/// that grade too. Records each Xinjiang class's first inland class in <see cref="CheckContext.ClassOf"/>.
/// </summary>
internal sealed class P5Check(CheckContext context) : ResultCheck(context)
{
    private readonly HashSet<ClassId> _taken = [];

    protected override PairingLevel? Level => PairingLevel.Class;

    /// <summary>P5 on one class pair of roster classes.</summary>
    public void CheckClassPair(SchoolClass c, SchoolClass d, string subject, FindingSubject about)
    {
        var s = SchoolOfClass(c);
        var t = SchoolOfClass(d);
        if (!IsXinjiang(CountyOfSchool(s)) || IsXinjiang(CountyOfSchool(t)))
        {
            Add(CheckFindings.ClassSides, subject, about, A("xinjiang", c.Id.Value), A("inland", d.Id.Value));
            return;
        }

        if (!Context.SchoolOf.TryGetValue(s.Id, out var paired) || paired != t.Id)
        {
            Add(CheckFindings.ClassOutsidePairedSchool, subject, about, A("inland", d.Id.Value), A("inlandSchool", t.Id.Value), A("xinjiangSchool", s.Id.Value));
        }

        if (GradeIn(t, c.Grade) != d.Grade)
        {
            Add(CheckFindings.ClassGrades, subject, about, A("xinjiangGrade", c.Grade), A("inlandGrade", d.Grade));
        }

        if (!Context.ClassOf.TryAdd(c.Id, d.Id))
        {
            Add(CheckFindings.XinjiangClassTwice, subject, about, A("xinjiang", c.Id.Value), A("allowed", 1));
        }

        if (!_taken.Add(d.Id))
        {
            Add(CheckFindings.InlandClassTwice, subject, about, A("inland", d.Id.Value), A("allowed", 1));
        }
    }

    /// <summary>P5's grades on one student pair whose students are in classes <paramref name="c"/> (Xinjiang) and <paramref name="d"/> of inland school <paramref name="t"/>.</summary>
    public void CheckStudentGrade(SchoolClass c, SchoolClass d, School t, PairName pair)
    {
        if (GradeIn(t, c.Grade) != d.Grade)
        {
            Add(PairingLevel.Student, CheckFindings.StudentGrades, pair, A("xinjiangGrade", c.Grade), A("inlandGrade", d.Grade));
        }
    }
}
