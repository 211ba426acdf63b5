using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// P3 on a school pair (CHK022–CHK025): a Xinjiang school and an inland school of the county its county is paired
/// with, one inland school per Xinjiang school, and no inland school taking more Xinjiang schools than the options
/// allow. Records each Xinjiang school's first inland school in <see cref="CheckContext.SchoolOf"/>.
/// </summary>
internal sealed class P3Check(CheckContext context) : ResultCheck(context)
{
    private readonly Dictionary<SchoolId, int> _load = [];

    protected override PairingLevel? Level => PairingLevel.School;

    /// <summary>Checks one school pair of roster schools; false when its sides are wrong and nothing more can be said of it.</summary>
    public bool Check(School s, School t, string subject, FindingSubject about)
    {
        var xc = CountyOfSchool(s);
        var nc = CountyOfSchool(t);
        if (!IsXinjiang(xc) || IsXinjiang(nc))
        {
            Add(CheckFindings.SchoolSides, subject, about, A("xinjiang", s.Id.Value), A("inland", t.Id.Value));
            return false;
        }

        if (!Context.CountyOf.TryGetValue(xc.Id, out var paired) || paired != nc.Id)
        {
            Add(CheckFindings.SchoolOutsidePairedCounty, subject, about, A("inland", t.Id.Value), A("inlandCounty", nc.Id.Value), A("xinjiangCounty", xc.Id.Value));
        }

        if (!Context.SchoolOf.TryAdd(s.Id, t.Id))
        {
            Add(CheckFindings.XinjiangSchoolTwice, subject, about, A("xinjiang", s.Id.Value), A("allowed", 1));
        }

        _load[t.Id] = _load.GetValueOrDefault(t.Id) + 1;
        if (_load[t.Id] == Options.XinjiangSchoolsPerInlandSchool + 1)
        {
            Add(CheckFindings.InlandSchoolOverloaded, t.Id.Value, Unit(PairingLevel.School, t.Id.Value),
                A("inland", t.Id.Value), A("allowed", Options.XinjiangSchoolsPerInlandSchool));
        }

        return true;
    }
}
