using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// What every rule checker of one validation run reads: the pairing indexed for look-ups (student pairs by slot,
/// school pairs, inland counties of county pairs, supporting provinces), the programme year, the options and plan
/// dates, and the record findings gathered so far. Built once per run; the checkers only add to it.
/// </summary>
internal sealed class ActivityIndex
{
    /// <summary>S1: the programme runs from July 2014; nothing can be dated before it.</summary>
    public static readonly DateOnly ProgrammeBegan = new(2014, 7, 1);

    private readonly List<(int Record, ActivityRule Rule, Finding Finding, string Unit)> _violations = [];

    public ActivityIndex(
        Roster roster,
        PairingResult result,
        IReadOnlyList<ActivityRecord> records,
        DateOnly asOf,
        HolidayCalendar calendar,
        ActivityValidationOptions options,
        List<PlanDates> plans)
    {
        Roster = roster;
        Result = result;
        Records = records;
        AsOf = asOf;
        Calendar = calendar;
        Options = options;
        foreach (var plan in plans)
        {
            Guard.NotNull(plan);
            if (!Plans.TryAdd(plan.Province, plan))
            {
                Throw.Argument(nameof(plans), $"give one plan for province {plan.Province}, not two");
            }
        }

        YearStart = options.ProgrammeYearStartOf(asOf);
        YearEnd = options.ProgrammeYearStart.In(YearStart.Year + 1).AddDays(-1);

        // Provinces and inland counties of the county pairs.
        var provinceSet = new SortedSet<string>(StringComparer.Ordinal);
        var inlandSet = new SortedSet<string>(StringComparer.Ordinal);
        var inlandProvince = new Dictionary<string, ProvinceId?>(StringComparer.Ordinal);
        foreach (var pair in result.CountyPairs)
        {
            var xinjiang = ProvinceOfCounty(pair.Xinjiang);
            var inland = ProvinceOfCounty(pair.Inland) ?? xinjiang;
            if (xinjiang is { } p)
            {
                provinceSet.Add(p.Value);
            }

            if (inland is { } q)
            {
                provinceSet.Add(q.Value);
            }

            inlandSet.Add(pair.Inland.Value);
            inlandProvince.TryAdd(pair.Inland.Value, inland);
        }

        Provinces = [.. provinceSet.Select(p => new ProvinceId(p))];
        ProvinceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Provinces.Count; i++)
        {
            ProvinceIndex.Add(Provinces[i].Value, i);
        }

        InlandCounties = [.. inlandSet];
        InlandCountyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        InlandCountyProvince = new int[InlandCounties.Count];
        for (var i = 0; i < InlandCounties.Count; i++)
        {
            InlandCountyIndex.Add(InlandCounties[i], i);
            InlandCountyProvince[i] = inlandProvince[InlandCounties[i]] is { } p ? ProvinceIndex[p.Value] : -1;
        }

        // School pairs.
        var schoolPairs = result.SchoolPairs;
        SchoolPairExists = new int[schoolPairs.Count];
        var schoolPairByXinjiang = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < schoolPairs.Count; i++)
        {
            var pair = schoolPairs[i];
            SchoolPairIndex.TryAdd((pair.Xinjiang.Value, pair.Inland.Value), i);
            SchoolPairIndex.TryAdd((pair.Inland.Value, pair.Xinjiang.Value), i);
            schoolPairByXinjiang.TryAdd(pair.Xinjiang.Value, i);
            var province = roster.TryGetSchool(pair.Xinjiang, out var school) ? ProvinceOfCounty(school.CountyId) : null;
            SchoolPairExists[i] = (province is { } p && Plans.TryGetValue(p, out var plan) ? plan.CountyAndSchoolPairsFixed : null)?.DayNumber
                ?? YearStart.DayNumber;
        }

        var countyPairByXinjiang = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.CountyPairs.Count; i++)
        {
            countyPairByXinjiang.TryAdd(result.CountyPairs[i].Xinjiang.Value, i);
        }

        CountyPairInlandCounty = new int[result.CountyPairs.Count];
        for (var i = 0; i < result.CountyPairs.Count; i++)
        {
            CountyPairInlandCounty[i] = InlandCountyIndex[result.CountyPairs[i].Inland.Value];
        }

        // Student pairs: slot = pair × 2 + side (0 Xinjiang, 1 inland).
        var studentPairs = result.StudentPairs;
        var n = studentPairs.Count;
        Slots = new Dictionary<string, int>(n * 2, StringComparer.Ordinal);
        Table = new PairTable(n);
        SlotIds = new string[n * 2];
        PairExists = new int[n];
        PairSchoolPair = new int[n];
        PairCountyPair = new int[n];
        PairProvince = new int[n];
        for (var i = 0; i < n; i++)
        {
            var pair = studentPairs[i];
            Slots.TryAdd(pair.Xinjiang.Value, i * 2);
            Slots.TryAdd(pair.Inland.Value, (i * 2) + 1);
            SlotIds[i * 2] = pair.Xinjiang.Value;
            SlotIds[(i * 2) + 1] = pair.Inland.Value;
            PairSchoolPair[i] = -1;
            PairCountyPair[i] = -1;
            PairProvince[i] = -1;
            PairExists[i] = YearStart.DayNumber;
            if (roster.TryGetStudentIndex(pair.Xinjiang, out var student))
            {
                var school = roster.ClassSchool[roster.StudentClass[student]];
                var county = roster.SchoolCounty[school];
                PairSchoolPair[i] = schoolPairByXinjiang.GetValueOrDefault(roster.SchoolArray[school].Id.Value, -1);
                PairCountyPair[i] = countyPairByXinjiang.GetValueOrDefault(roster.CountyArray[county].Id.Value, -1);
                var province = roster.CountyProvince[county];
                PairProvince[i] = ProvinceIndex.GetValueOrDefault(province.Value, -1);
                if (Plans.TryGetValue(province, out var plan) && plan.ClassAndStudentPairsMade is { } made)
                {
                    PairExists[i] = made.DayNumber;
                }
            }
        }
    }

    public Roster Roster { get; }

    public PairingResult Result { get; }

    public IReadOnlyList<ActivityRecord> Records { get; }

    public DateOnly AsOf { get; }

    public HolidayCalendar Calendar { get; }

    public ActivityValidationOptions Options { get; }

    public Dictionary<ProvinceId, PlanDates> Plans { get; } = [];

    /// <summary>The first day of the programme year checked (the one holding <see cref="AsOf"/>).</summary>
    public DateOnly YearStart { get; }

    /// <summary>The last day of that programme year.</summary>
    public DateOnly YearEnd { get; }

    /// <summary>Student slots by id: pair × 2 + side (0 Xinjiang, 1 inland).</summary>
    public Dictionary<string, int> Slots { get; }

    public string[] SlotIds { get; }

    /// <summary>The dates and counts per student pair that A1–A3 decide on.</summary>
    public PairTable Table { get; }

    /// <summary>Per student pair: the day number from which it exists (the plan's date, else the programme year's start).</summary>
    public int[] PairExists { get; }

    public int[] PairSchoolPair { get; }

    public int[] PairCountyPair { get; }

    public int[] PairProvince { get; }

    /// <summary>School pairs by (Xinjiang id, inland id), both ways round.</summary>
    public Dictionary<(string, string), int> SchoolPairIndex { get; } = [];

    public int[] SchoolPairExists { get; }

    public List<string> InlandCounties { get; }

    public Dictionary<string, int> InlandCountyIndex { get; }

    /// <summary>Per inland county of a county pair: its province's index, or -1.</summary>
    public int[] InlandCountyProvince { get; }

    /// <summary>Per county pair: the index of its inland county in <see cref="InlandCounties"/>.</summary>
    public int[] CountyPairInlandCounty { get; }

    public List<ProvinceId> Provinces { get; }

    public Dictionary<string, int> ProvinceIndex { get; }

    /// <summary>The record findings, in the order they were found (the report sorts them).</summary>
    public IReadOnlyList<(int Record, ActivityRule Rule, Finding Finding, string Unit)> Violations => _violations;

    /// <summary>Records that a record breaks a rule, with the finding saying how and the unit the record names.</summary>
    public void Violate(int record, FindingDescriptor code, string unit, params FindingArgument[] arguments)
    {
        // A record can name the same student twice (from and to): one row says it.
        if (_violations.Count > 0 && _violations[^1] is var last && last.Record == record && last.Finding.Descriptor == code && last.Unit == unit)
        {
            return;
        }

        var r = Records[record];
        var rule = code.Rule is { } id ? Enum.Parse<ActivityRule>(id) : ActivityShape.RuleOf(r.Kind);
        _violations.Add((record, rule, code.Create(new FindingSubject("record", r.Id.Value), null, arguments), unit));
    }

    /// <summary>The student partnering <paramref name="slot"/>'s student.</summary>
    public string PartnerOf(int slot) => SlotIds[slot ^ 1];

    private ProvinceId? ProvinceOfCounty(CountyId id) => Roster.TryGetCounty(id, out var county) ? Roster.ProvinceOf(county) : null;
}
