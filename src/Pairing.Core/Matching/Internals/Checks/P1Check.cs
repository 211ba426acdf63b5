using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>P1 on a county pair (CHK012–CHK013): a Xinjiang county and an inland county, of the province that aids it.</summary>
internal sealed class P1Check(CheckContext context) : ResultCheck(context)
{
    protected override PairingLevel? Level => PairingLevel.County;

    /// <summary>Checks one county pair of roster counties; false when its sides are wrong and nothing more can be said of it.</summary>
    public bool Check(County x, County n, string subject, FindingSubject about)
    {
        if (!IsXinjiang(x) || IsXinjiang(n))
        {
            Add(CheckFindings.CountySides, subject, about, A("xinjiang", x.Id.Value), A("inland", n.Id.Value));
            return false;
        }

        if (Roster.ProvinceOf(x) != Roster.ProvinceOf(n))
        {
            Add(CheckFindings.CountyProvinces, subject, about,
                A("xinjiang", x.Id.Value), A("xinjiangProvince", Roster.ProvinceOf(x).Value), A("inland", n.Id.Value), A("inlandProvince", Roster.ProvinceOf(n).Value));
        }

        return true;
    }
}
