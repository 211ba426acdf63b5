using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// P7, nothing lost (CHK051–CHK056): every row of <c>unpaired.csv</c> is a Xinjiang unit of the roster, listed once, for
/// a rule P1–P6, with a reason that holds (<see cref="ReasonCheck"/>, then per inland school and grade
/// <see cref="GradeShortfallCheck"/>); and every Xinjiang unit is paired or listed, never both. Its verdicts judge
/// rows of the list, not pairs: they carry no level.
/// </summary>
internal sealed class UnpairedCheck(CheckContext context) : ResultCheck(context)
{
    private readonly ReasonCheck _reasons = new(context);
    private readonly GradeShortfallCheck _shortfalls = new(context);

    protected override PairingLevel? Level => null;

    public void Check()
    {
        var listed = new Dictionary<(PairingLevel, string), UnpairedUnit>();
        foreach (var u in Result.Unpaired)
        {
            Context.Poll();
            var about = Unit(u.Level, u.Id);
            if (!listed.TryAdd((u.Level, u.Id), u))
            {
                Add(CheckFindings.ListedTwice, u.Id, about, A("level", u.Level));
            }

            if (u.Rule is < PairingRule.P1 or > PairingRule.P6)
            {
                Add(CheckFindings.RuleNotP1ToP6, u.Id, about, A("rule", u.Rule.ToString()));
            }

            if (!IsWellFormedId(u.Id))
            {
                Add(CheckFindings.MalformedUnpairedId, u.Id, about, A("level", u.Level), A("id", u.Id));
                continue;
            }

            var exists = u.Level switch
            {
                PairingLevel.County => Roster.TryGetCounty(new CountyId(u.Id), out var county) && IsXinjiang(county),
                PairingLevel.School => Roster.TryGetSchool(new SchoolId(u.Id), out var school) && IsXinjiang(CountyOfSchool(school)),
                PairingLevel.Class => Roster.TryGetClass(new ClassId(u.Id), out var c) && IsXinjiang(CountyOfSchool(SchoolOfClass(c))),
                _ => Roster.TryGetStudent(new StudentId(u.Id), out var st) && IsXinjiang(CountyOfSchool(SchoolOfClass(Roster.GetClass(st.ClassId)))),
            };
            if (!exists)
            {
                Add(CheckFindings.ListedNotInRoster, u.Id, about, A("level", u.Level));
            }
            else
            {
                _reasons.Check(u);
            }
        }

        _shortfalls.Check(listed);
        foreach (var county in Roster.Counties.Where(IsXinjiang))
        {
            Account(listed, PairingLevel.County, county.Id.Value, Context.CountyOf.ContainsKey(county.Id));
            foreach (var school in Roster.SchoolsIn(county.Id))
            {
                Account(listed, PairingLevel.School, school.Id.Value, Context.SchoolOf.ContainsKey(school.Id));
                if (Result.Phase != PairingPhase.Roster)
                {
                    continue;
                }

                foreach (var c in Roster.ClassesIn(school.Id))
                {
                    Account(listed, PairingLevel.Class, c.Id.Value, Context.ClassOf.ContainsKey(c.Id));
                    foreach (var st in Roster.StudentsIn(c.Id))
                    {
                        Account(listed, PairingLevel.Student, st.Id.Value, Context.StudentOf.ContainsKey(st.Id));
                    }
                }
            }
        }
    }

    private void Account(Dictionary<(PairingLevel, string), UnpairedUnit> listed, PairingLevel level, string id, bool paired)
    {
        Context.Poll();
        var isListed = listed.ContainsKey((level, id));
        if (paired && isListed)
        {
            Add(CheckFindings.PairedAndListed, id, Unit(level, id), A("level", level));
        }
        else if (!paired && !isListed)
        {
            Add(CheckFindings.Lost, id, Unit(level, id), A("level", level));
        }
    }

    private static bool IsWellFormedId(string? id) =>
        !string.IsNullOrEmpty(id) && !char.IsWhiteSpace(id[0]) && !char.IsWhiteSpace(id[^1]) && !id.Any(char.IsControl);
}
