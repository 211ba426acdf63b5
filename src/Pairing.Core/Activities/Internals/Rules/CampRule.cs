using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// A5, the unity camp (各民族中学生同心营): each supporting province, itself or through its paired counties, holds at
/// least <see cref="ActivityValidationOptions.CampsPerYear"/> a year, in a winter or summer holiday of the hosting
/// province, inviting at least the province's camp minimum (50 by default) of aided-area students. A camp too small or
/// outside the holidays is a violation of its own, and is counted apart in the roll-ups.
/// </summary>
internal sealed class CampRule(ActivityIndex index) : RuleChecker(index)
{
    private readonly Tally _province = new(index.Provinces.Count);
    private readonly Tally _county = new(index.InlandCounties.Count);

    public override void Gather(int record, ActivityRecord r, int slot)
    {
        int province = -1, county = -1;
        ProvinceId host;
        if (Index.ProvinceIndex.TryGetValue(r.UnitId!, out province))
        {
            host = Index.Provinces[province];
        }
        else if (Index.InlandCountyIndex.TryGetValue(r.UnitId!, out county) && Index.InlandCountyProvince[county] >= 0)
        {
            province = -1;
            host = Index.Provinces[Index.InlandCountyProvince[county]];
        }
        else
        {
            Index.Violate(record, ComplianceFindings.CampHolderUnknown, r.UnitId!, FindingArgument.Of("unit", r.UnitId!));
            return;
        }

        var (tally, at) = province >= 0 ? (_province, province) : (_county, county);
        tally.Held[at]++;
        var valid = true;
        var min = Index.Options.CampMinimumFor(host);
        if (r.Count < min)
        {
            valid = false;
            tally.TooSmall[at]++;
            Index.Violate(record, ComplianceFindings.CampTooSmall, r.UnitId!,
                FindingArgument.Of("unit", r.UnitId!), FindingArgument.Of("count", r.Count!.Value), FindingArgument.Of("required", min));
        }

        if (Index.Calendar.HolidayHolding(host, r.Date, r.LastDate, Index.Options) is null)
        {
            valid = false;
            tally.Outside[at]++;
            Index.Violate(record, ComplianceFindings.CampOutsideHolidays, r.UnitId!, FindingArgument.Of("unit", r.UnitId!));
        }

        if (valid)
        {
            tally.Valid[at]++;
        }
    }

    public override void Emit(List<ReportRow> rows)
    {
        var need = Index.Options.CampsPerYear;
        for (var p = 0; p < Index.Provinces.Count; p++)
        {
            var valid = ProvinceTotal(p).Valid;
            var subject = Index.Provinces[p].Value;
            var met = valid >= need;
            rows.Add(ReportRow.Of(ActivityRule.A5, ComplianceLevel.Province, met ? ComplianceStatus.Met : ComplianceStatus.Missing, subject, subject,
                (met ? ComplianceFindings.CampsMet : ComplianceFindings.CampsMissing).Create(
                    new FindingSubject("province", subject), null, FindingArgument.Of("count", valid), FindingArgument.Of("required", need))));
        }
    }

    public override void Contribute(RollupTally tally)
    {
        for (var c = 0; c < Index.InlandCounties.Count; c++)
        {
            tally.CountyCamps[c] = _county.Of(c);
        }

        for (var p = 0; p < Index.Provinces.Count; p++)
        {
            tally.ProvinceCamps[p] = ProvinceTotal(p);
            tally.ProvinceCampMinimum[p] = Index.Options.CampMinimumFor(Index.Provinces[p]);
        }

        var all = default(CampCounts);
        for (var p = 0; p < Index.Provinces.Count; p++)
        {
            all += _province.Of(p);
        }

        for (var c = 0; c < Index.InlandCounties.Count; c++)
        {
            all += _county.Of(c);
        }

        tally.ProgrammeCamps = all;
    }

    /// <summary>A province's own camps and those of its paired inland counties.</summary>
    private CampCounts ProvinceTotal(int p)
    {
        var total = _province.Of(p);
        for (var c = 0; c < Index.InlandCounties.Count; c++)
        {
            if (Index.InlandCountyProvince[c] == p)
            {
                total += _county.Of(c);
            }
        }

        return total;
    }

    private sealed class Tally(int n)
    {
        public int[] Held { get; } = new int[n];

        public int[] Valid { get; } = new int[n];

        public int[] TooSmall { get; } = new int[n];

        public int[] Outside { get; } = new int[n];

        public CampCounts Of(int i) => new(Held[i], Valid[i], TooSmall[i], Outside[i]);
    }
}
