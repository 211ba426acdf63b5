using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Activities.Internals;

/// <summary>
/// One run of the activity validator: index the pairs, read the records twice (first to resolve each one and keep
/// the earliest and latest dates per pair, then to check the order of steps against those dates), and compose the
/// rows and roll-ups. Everything kept is a minimum, maximum or count, so the order of the records never matters.
/// </summary>
internal sealed class ValidationRun
{
    private readonly Roster _roster;
    private readonly PairingResult _result;
    private readonly IReadOnlyList<ActivityRecord> _records;
    private readonly DateOnly _asOf;
    private readonly HolidayCalendar _calendar;
    private readonly ActivityValidationOptions _options;
    private readonly Dictionary<ProvinceId, PlanDates> _plans = [];
    private readonly DateOnly _yearStart;
    private readonly DateOnly _yearEnd;

    // Student pairs: slot = pair × 2 + side (0 Xinjiang, 1 inland).
    private readonly Dictionary<string, int> _slots;
    private readonly string[] _slotIds;
    private readonly PairTable _table;
    private readonly int[] _pairExists;
    private readonly int[] _pairSchoolPair;
    private readonly int[] _pairCountyPair;
    private readonly int[] _pairProvince;

    // School pairs, county pairs, inland counties of county pairs, supporting provinces.
    private readonly Dictionary<(string, string), int> _schoolPairIndex = [];
    private readonly int[] _schoolPairExists;
    private readonly int[] _exchanges;
    private readonly List<string> _inlandCounties;
    private readonly Dictionary<string, int> _inlandCountyIndex;
    private readonly int[] _inlandCountyProvince;
    private readonly List<ProvinceId> _provinces;
    private readonly Dictionary<string, int> _provinceIndex;

    // Camps and family events of the programme year, per holder.
    private readonly int[] _provinceCampsHeld;
    private readonly int[] _provinceCampsValid;
    private readonly int[] _countyCampsHeld;
    private readonly int[] _countyCampsValid;
    private readonly int[] _countyFamilyEvents;
    private readonly long[] _countyFamilies;

    private readonly Dictionary<int, (List<string> Zh, List<string> En)> _violations = [];

    public ValidationRun(
        Roster roster,
        PairingResult result,
        IReadOnlyList<ActivityRecord> records,
        DateOnly asOf,
        HolidayCalendar calendar,
        ActivityValidationOptions options,
        List<PlanDates> plans)
    {
        _roster = roster;
        _result = result;
        _records = records;
        _asOf = asOf;
        _calendar = calendar;
        _options = options;
        foreach (var plan in plans)
        {
            Guard.NotNull(plan);
            if (!_plans.TryAdd(plan.Province, plan))
            {
                Throw.Argument(nameof(plans), $"give one plan for province {plan.Province}, not two");
            }
        }

        _yearStart = options.ProgrammeYearStartOf(asOf);
        _yearEnd = options.ProgrammeYearStart.In(_yearStart.Year + 1).AddDays(-1);

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

        _provinces = [.. provinceSet.Select(p => new ProvinceId(p))];
        _provinceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _provinces.Count; i++)
        {
            _provinceIndex.Add(_provinces[i].Value, i);
        }

        _inlandCounties = [.. inlandSet];
        _inlandCountyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _inlandCountyProvince = new int[_inlandCounties.Count];
        for (var i = 0; i < _inlandCounties.Count; i++)
        {
            _inlandCountyIndex.Add(_inlandCounties[i], i);
            _inlandCountyProvince[i] = inlandProvince[_inlandCounties[i]] is { } p ? _provinceIndex[p.Value] : -1;
        }

        _provinceCampsHeld = new int[_provinces.Count];
        _provinceCampsValid = new int[_provinces.Count];
        _countyCampsHeld = new int[_inlandCounties.Count];
        _countyCampsValid = new int[_inlandCounties.Count];
        _countyFamilyEvents = new int[_inlandCounties.Count];
        _countyFamilies = new long[_inlandCounties.Count];

        // School pairs.
        var schoolPairs = result.SchoolPairs;
        _schoolPairExists = new int[schoolPairs.Count];
        _exchanges = new int[schoolPairs.Count];
        var schoolPairByXinjiang = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < schoolPairs.Count; i++)
        {
            var pair = schoolPairs[i];
            _schoolPairIndex.TryAdd((pair.Xinjiang.Value, pair.Inland.Value), i);
            _schoolPairIndex.TryAdd((pair.Inland.Value, pair.Xinjiang.Value), i);
            schoolPairByXinjiang.TryAdd(pair.Xinjiang.Value, i);
            var province = roster.TryGetSchool(pair.Xinjiang, out var school) ? ProvinceOfCounty(school.CountyId) : null;
            _schoolPairExists[i] = (province is { } p && _plans.TryGetValue(p, out var plan) ? plan.CountyAndSchoolPairsFixed : null)?.DayNumber
                ?? _yearStart.DayNumber;
        }

        var countyPairByXinjiang = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.CountyPairs.Count; i++)
        {
            countyPairByXinjiang.TryAdd(result.CountyPairs[i].Xinjiang.Value, i);
        }

        // Student pairs.
        var studentPairs = result.StudentPairs;
        var n = studentPairs.Count;
        _slots = new Dictionary<string, int>(n * 2, StringComparer.Ordinal);
        _table = new PairTable(n);
        _slotIds = new string[n * 2];
        _pairExists = new int[n];
        _pairSchoolPair = new int[n];
        _pairCountyPair = new int[n];
        _pairProvince = new int[n];
        for (var i = 0; i < n; i++)
        {
            var pair = studentPairs[i];
            _slots.TryAdd(pair.Xinjiang.Value, i * 2);
            _slots.TryAdd(pair.Inland.Value, (i * 2) + 1);
            _slotIds[i * 2] = pair.Xinjiang.Value;
            _slotIds[(i * 2) + 1] = pair.Inland.Value;
            _pairSchoolPair[i] = -1;
            _pairCountyPair[i] = -1;
            _pairProvince[i] = -1;
            _pairExists[i] = _yearStart.DayNumber;
            if (roster.TryGetStudentIndex(pair.Xinjiang, out var student))
            {
                var school = roster.ClassSchool[roster.StudentClass[student]];
                var county = roster.SchoolCounty[school];
                _pairSchoolPair[i] = schoolPairByXinjiang.GetValueOrDefault(roster.SchoolArray[school].Id.Value, -1);
                _pairCountyPair[i] = countyPairByXinjiang.GetValueOrDefault(roster.CountyArray[county].Id.Value, -1);
                var province = roster.CountyProvince[county];
                _pairProvince[i] = _provinceIndex.GetValueOrDefault(province.Value, -1);
                if (_plans.TryGetValue(province, out var plan) && plan.ClassAndStudentPairsMade is { } made)
                {
                    _pairExists[i] = made.DayNumber;
                }
            }
        }
    }

    public ComplianceReport Run()
    {
        var slotOf = ResolveAndGather();
        CheckOrder(slotOf);
        var rows = ComposeRows();
        var rollups = ComposeRollups();
        return new ComplianceReport(_asOf, _yearStart, _yearEnd, rows, _table, _options.RegularLetterIntervalDays, rollups);
    }

    private ProvinceId? ProvinceOfCounty(CountyId id) => _roster.TryGetCounty(id, out var county) ? _roster.ProvinceOf(county) : null;

    /// <summary>S1: the programme runs from July 2014; nothing can be dated before it.</summary>
    private static readonly DateOnly ProgrammeBegan = new(2014, 7, 1);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Violate(int record, string zh, string en)
    {
        if (!_violations.TryGetValue(record, out var reasons))
        {
            reasons = ([], []);
            _violations.Add(record, reasons);
        }

        reasons.Zh.Add(zh);
        reasons.En.Add(en);
    }

    /// <summary>First pass: resolve each record to its pair or unit, report what breaks the hierarchy, keep dates and counts.</summary>
    private int[] ResolveAndGather()
    {
        var slotOf = ResolvePartners();
        var asOf = _asOf.DayNumber;
        var t = _table;
        for (var i = 0; i < _records.Count; i++)
        {
            var resolved = slotOf[i];
            slotOf[i] = -1;
            var r = _records[i];
            var day = r.Date.DayNumber;
            if (day > asOf)
            {
                Violate(i, $"日期 {Day(r.Date)} 晚于统计日 {Day(_asOf)}", $"dated {Day(r.Date)}, after the as-of date {Day(_asOf)}");
                continue;
            }

            if (day < _yearStart.DayNumber && r.Date >= ProgrammeBegan)
            {
                // A record of an earlier programme year belongs to that year's report: neither counted nor wrong,
                // as for camps. One from before the programme itself began is still a violation (below).
                continue;
            }

            switch (r.Kind)
            {
                case ActivityKind.SchoolExchange:
                    GatherExchange(i, r);
                    continue;
                case ActivityKind.Camp:
                    GatherCamp(i, r);
                    continue;
                case ActivityKind.FamilyEvent:
                    GatherFamilyEvent(i, r);
                    continue;
                default:
                    break;
            }

            int s, to;
            if (resolved >= 0)
            {
                (s, to) = (resolved, resolved ^ 1);
            }
            else
            {
                // The rare record that does not go between partners: resolve it again, this time saying why.
                s = ResolveStudent(i, "from_id", r.FromId!);
                to = r.ToId is null ? -2
                    : s >= 0 && string.Equals(r.ToId, _slotIds[s ^ 1], StringComparison.Ordinal) ? s ^ 1
                    : ResolveStudent(i, "to_id", r.ToId);
            }

            if (s < 0 || to == -1)
            {
                continue;
            }

            if (to >= 0 && to != (s ^ 1))
            {
                var partner = PartnerOf(s);
                Violate(i, $"{r.FromId} 与 {r.ToId} 不是结对伙伴（{r.FromId} 的伙伴是 {partner}）",
                    $"{r.FromId} and {r.ToId} are not partners ({r.FromId}'s partner is {partner})");
                continue;
            }

            var pair = s >> 1;
            if (day < _pairExists[pair])
            {
                var exists = DateOnly.FromDayNumber(_pairExists[pair]);
                Violate(i, $"日期 {Day(r.Date)} 早于结对建立（{Day(exists)}）", $"dated {Day(r.Date)}, before the pair existed (from {Day(exists)})");
                continue;
            }

            slotOf[i] = s;
            switch (r.Kind)
            {
                case ActivityKind.Letter:
                    t.LetterFirst[s] = Math.Min(t.LetterFirst[s], day);
                    break;
                case ActivityKind.Chat:
                    t.Chats[pair]++;
                    break;
                case ActivityKind.BookSent:
                    t.BookFirst[s] = Math.Min(t.BookFirst[s], day);
                    break;
                case ActivityKind.BookReflection:
                    t.BookReflectionLast[s] = Math.Max(t.BookReflectionLast[s], day);
                    break;
                case ActivityKind.DeedAgreed:
                    t.Agreed[pair] = Math.Min(t.Agreed[pair], day);
                    break;
                case ActivityKind.DeedDone:
                    t.DoneFirst[s] = Math.Min(t.DoneFirst[s], day);
                    break;
                default:
                    t.DeedReflectionLast[s] = Math.Max(t.DeedReflectionLast[s], day);
                    break;
            }
        }

        return slotOf;
    }

    /// <summary>
    /// The sender's slot of every student record that goes between partners (or has no receiver), -1 for any other
    /// record. Looking ids up is most of the cost of a run and reads shared data only, so it is spread over the cores
    /// in fixed slices; each slice writes only its own part of the array, so the result does not depend on timing.
    /// </summary>
    private int[] ResolvePartners()
    {
        var slotOf = new int[_records.Count];
        const int Slice = 1 << 16;
        var slices = (_records.Count + Slice - 1) / Slice;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, slices, options, slice =>
        {
            var end = Math.Min(_records.Count, (slice + 1) * Slice);
            for (var i = slice * Slice; i < end; i++)
            {
                var r = _records[i];
                var slot = -1;
                if (r.Kind is not (ActivityKind.SchoolExchange or ActivityKind.Camp or ActivityKind.FamilyEvent)
                    && _slots.TryGetValue(r.FromId!, out var s)
                    && (r.ToId is null || string.Equals(r.ToId, _slotIds[s ^ 1], StringComparison.Ordinal)))
                {
                    slot = s;
                }

                slotOf[i] = slot;
            }
        });
        return slotOf;
    }

    private string PartnerOf(int slot)
    {
        var pair = _result.StudentPairs[slot >> 1];
        return (slot & 1) == 0 ? pair.Inland.Value : pair.Xinjiang.Value;
    }

    private int ResolveStudent(int record, string column, string id)
    {
        if (_slots.TryGetValue(id, out var slot))
        {
            return slot;
        }

        if (_roster.TryGetStudent(new StudentId(id), out _))
        {
            Violate(record, $"{column} {id} 没有结对伙伴", $"{column} {id} is in no student pair");
        }
        else
        {
            Violate(record, $"{column} {id} 不在名册中", $"{column} {id} is not a student of the roster");
        }

        return -1;
    }

    private void GatherExchange(int i, ActivityRecord r)
    {
        if (!_schoolPairIndex.TryGetValue((r.UnitId!, r.ToId!), out var index))
        {
            Violate(i, $"学校 {r.UnitId} 与 {r.ToId} 不是结对学校", $"schools {r.UnitId} and {r.ToId} are not a school pair");
            return;
        }

        if (r.Date.DayNumber < _schoolPairExists[index])
        {
            var exists = DateOnly.FromDayNumber(_schoolPairExists[index]);
            Violate(i, $"日期 {Day(r.Date)} 早于学校结对建立（{Day(exists)}）", $"dated {Day(r.Date)}, before the school pair existed (from {Day(exists)})");
            return;
        }

        _exchanges[index]++;
    }

    private void GatherCamp(int i, ActivityRecord r)
    {
        if (r.Date < _yearStart)
        {
            // A camp of an earlier programme year: neither counted nor wrong.
            return;
        }

        int province = -1, county = -1;
        ProvinceId host;
        if (_provinceIndex.TryGetValue(r.UnitId!, out province))
        {
            host = _provinces[province];
        }
        else if (_inlandCountyIndex.TryGetValue(r.UnitId!, out county) && _inlandCountyProvince[county] >= 0)
        {
            province = -1;
            host = _provinces[_inlandCountyProvince[county]];
        }
        else
        {
            Violate(i, $"举办单位 {r.UnitId} 不是本结对中的对口支援省市或结对县", $"held by {r.UnitId}, which is neither a supporting province nor a paired inland county of this pairing");
            return;
        }

        if (province >= 0)
        {
            _provinceCampsHeld[province]++;
        }
        else
        {
            _countyCampsHeld[county]++;
        }

        var valid = true;
        var min = _options.CampMinimumFor(host);
        if (r.Count < min)
        {
            valid = false;
            Violate(i, string.Create(CultureInfo.InvariantCulture, $"受援地区学生 {r.Count} 名，少于 {min} 名"),
                string.Create(CultureInfo.InvariantCulture, $"{r.Count} aided-area students, fewer than {min}"));
        }

        if (_calendar.HolidayHolding(host, r.Date, r.LastDate, _options) is null)
        {
            valid = false;
            Violate(i, $"{Day(r.Date)} 至 {Day(r.LastDate)} 不在 {host} 的寒暑假内", $"{Day(r.Date)} to {Day(r.LastDate)} is not within a winter or summer holiday of {host}");
        }

        if (valid)
        {
            if (province >= 0)
            {
                _provinceCampsValid[province]++;
            }
            else
            {
                _countyCampsValid[county]++;
            }
        }
    }

    private void GatherFamilyEvent(int i, ActivityRecord r)
    {
        if (r.Date < _yearStart)
        {
            return;
        }

        if (!_inlandCountyIndex.TryGetValue(r.UnitId!, out var county))
        {
            Violate(i, $"举办单位 {r.UnitId} 不是本结对中的内地结对县", $"held by {r.UnitId}, which is not a paired inland county of this pairing");
            return;
        }

        if (r.Consent != FamilyConsent.All)
        {
            var consent = ActivityShape.NameOf(r.Consent!.Value);
            Violate(i, string.Create(CultureInfo.InvariantCulture, $"{r.Count} 户家庭参加，同意情况为 {consent}：须全部家庭自愿"),
                string.Create(CultureInfo.InvariantCulture, $"{r.Count} families took part with consent '{consent}'; every family must consent"));
            return;
        }

        _countyFamilyEvents[county]++;
        _countyFamilies[county] += r.Count!.Value;
    }

    /// <summary>Second pass: with the earliest dates known, check that each step came after the one it follows, and count regular letters.</summary>
    private void CheckOrder(int[] slotOf)
    {
        var t = _table;
        for (var i = 0; i < slotOf.Length; i++)
        {
            var s = slotOf[i];
            if (s < 0)
            {
                continue;
            }

            var r = _records[i];
            var day = r.Date.DayNumber;
            var pair = s >> 1;
            switch (r.Kind)
            {
                case ActivityKind.Letter:
                    var done = t.FriendshipDone(pair);
                    if (done != PairTable.None && day >= done)
                    {
                        t.LettersSinceFriendship[pair]++;
                    }

                    break;
                case ActivityKind.BookReflection:
                    var book = t.BookFirst[s ^ 1];
                    if (book == PairTable.None || day < book)
                    {
                        Violate(i, book == PairTable.None ? "分享读书心得时尚未收到伙伴的书" : $"读书心得早于收到伙伴的书（{PairTable.Day(book)}）",
                            book == PairTable.None ? "a reading reflection, but the partner sent no book" : $"a reading reflection before the partner's book ({PairTable.Day(book)})");
                    }

                    break;
                case ActivityKind.DeedDone:
                    var agreed = t.Agreed[pair];
                    if (agreed == PairTable.None || day < agreed)
                    {
                        Violate(i, agreed == PairTable.None ? "尚未约定要做的事" : $"早于约定（{PairTable.Day(agreed)}）",
                            agreed == PairTable.None ? "a deed done, but the partners agreed on none" : $"a deed done before the partners agreed on it ({PairTable.Day(agreed)})");
                    }
                    else
                    {
                        t.DoneAfterAgreement[s] = Math.Min(t.DoneAfterAgreement[s], day);
                    }

                    break;
                case ActivityKind.DeedReflection:
                    var first = t.DoneFirst[s];
                    if (first == PairTable.None || day < first)
                    {
                        Violate(i, first == PairTable.None ? "分享心得时自己尚未做这件事" : $"心得早于做这件事（{PairTable.Day(first)}）",
                            first == PairTable.None ? "a deed reflection, but the sender did no deed" : $"a deed reflection before the sender did the deed ({PairTable.Day(first)})");
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private ReportRow[] ComposeRows()
    {
        var small = new List<ReportRow>();

        // A4: paired schools keep in contact (encouraged).
        var schoolPairs = _result.SchoolPairs;
        for (var i = 0; i < schoolPairs.Count; i++)
        {
            var k = _exchanges[i];
            small.Add(new ReportRow(ActivityRule.A4, ComplianceLevel.SchoolPair, k > 0 ? ComplianceStatus.Met : ComplianceStatus.Warning,
                $"{schoolPairs[i].Xinjiang.Value}|{schoolPairs[i].Inland.Value}",
                string.Create(CultureInfo.InvariantCulture, $"{YearZh()}结对学校交流 {k} 次 / {YearEn()}: {k} school exchange(s)"), -1));
        }

        // A5: at least one valid camp a year per supporting province, its paired counties' camps included.
        for (var p = 0; p < _provinces.Count; p++)
        {
            var (held, valid) = (_provinceCampsHeld[p], _provinceCampsValid[p]);
            for (var c = 0; c < _inlandCounties.Count; c++)
            {
                if (_inlandCountyProvince[c] == p)
                {
                    held += _countyCampsHeld[c];
                    valid += _countyCampsValid[c];
                }
            }

            var need = _options.CampsPerYear;
            var min = _options.CampMinimumFor(_provinces[p]);
            small.Add(new ReportRow(ActivityRule.A5, ComplianceLevel.Province, valid >= need ? ComplianceStatus.Met : ComplianceStatus.Missing,
                _provinces[p].Value,
                string.Create(CultureInfo.InvariantCulture,
                    $"{YearZh()}本省市及结对县举办同心营 {held} 次，合规 {valid} 次（每年至少 {need} 次，寒暑假期间，受援地区学生不少于 {min} 名） / {YearEn()}: {held} unity camp(s) held by the province and its paired counties, {valid} valid ({need} required, in a winter or summer holiday, with {min} or more aided-area students)"),
                -1));
        }

        // A6: a yearly family event, with every family's consent (encouraged).
        for (var c = 0; c < _inlandCounties.Count; c++)
        {
            var events = _countyFamilyEvents[c];
            var families = _countyFamilies[c];
            small.Add(new ReportRow(ActivityRule.A6, ComplianceLevel.CountyPair, events > 0 ? ComplianceStatus.Met : ComplianceStatus.Warning,
                _inlandCounties[c],
                string.Create(CultureInfo.InvariantCulture,
                    $"{YearZh()}家庭联谊 {events} 次（全部家庭自愿），参加家庭 {families} 户 / {YearEn()}: {events} family event(s) with every family's consent, {families} families"),
                -1));
        }

        // S2–S4: the plan's dates, where given.
        foreach (var plan in _plans.Values)
        {
            var province = plan.Province.Value;
            var dataDue = ActivityValidationOptions.Within(_yearStart, _options.DataDue);
            var pairsDue = ActivityValidationOptions.Within(_yearStart, _options.PairsDue);
            var term = plan.TermStarted ?? ActivityValidationOptions.Within(_yearStart, _options.TermStart);
            small.Add(Deadline(ActivityRule.S2, province, plan.DataReported, dataDue, "资料上报", "schools and students reported"));
            small.Add(Deadline(ActivityRule.S3, province, plan.CountyAndSchoolPairsFixed, pairsDue, "县、学校结对确定", "county and school pairs fixed"));
            var made = plan.ClassAndStudentPairsMade;
            var status = made is null ? ComplianceStatus.Missing : made >= term ? ComplianceStatus.Met : ComplianceStatus.Violated;
            small.Add(new ReportRow(ActivityRule.S4, ComplianceLevel.Province, status, province,
                $"班级、学生结对 {(made is { } m ? Day(m) : "未完成")}（开学 {Day(term)} 之后） / class and student pairs made {(made is { } e ? Day(e) : "not yet")} (after the term starts, {Day(term)})", -1));
        }

        // Records that break a rule.
        foreach (var (record, reasons) in _violations)
        {
            var r = _records[record];
            var kind = ActivityShape.NameOf(r.Kind);
            small.Add(new ReportRow(Names.RuleOf(r.Kind), ComplianceLevel.Record, ComplianceStatus.Violated, r.Id.Value,
                $"{kind} {Day(r.Date)}：{string.Join("；", reasons.Zh)} / {kind} {Day(r.Date)}: {string.Join("; ", reasons.En)}", -1));
        }

        small.Sort(static (a, b) =>
        {
            var c = a.Rule.CompareTo(b.Rule);
            if (c == 0)
            {
                c = string.CompareOrdinal(Names.Of(a.Level), Names.Of(b.Level));
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Subject, b.Subject);
            }

            if (c == 0)
            {
                c = a.Status.CompareTo(b.Status);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Detail, b.Detail);
        });

        // Student-pair rows (A1–A3): one order of the pairs by subject, shared by the three rules.
        var order = PairOrder(out var subjects);
        var rows = new ReportRow[small.Count + (3 * order.Length)];
        var at = 0;
        var next = 0;
        const string PairLevel = "pair";
        foreach (var rule in (ReadOnlySpan<ActivityRule>)[ActivityRule.A1, ActivityRule.A2, ActivityRule.A3, ActivityRule.A4, ActivityRule.A5, ActivityRule.A6, ActivityRule.S2, ActivityRule.S3, ActivityRule.S4])
        {
            while (next < small.Count && small[next].Rule == rule && string.CompareOrdinal(Names.Of(small[next].Level), PairLevel) < 0)
            {
                rows[at++] = small[next++];
            }

            if (rule is ActivityRule.A1 or ActivityRule.A2 or ActivityRule.A3)
            {
                foreach (var pair in order)
                {
                    var status = rule switch
                    {
                        ActivityRule.A1 => _table.A1Status(pair, _asOf, _options.RegularLetterIntervalDays),
                        ActivityRule.A2 => _table.A2Completed(pair) ? ComplianceStatus.Met : ComplianceStatus.Missing,
                        _ => _table.A3Completed(pair) ? ComplianceStatus.Met : ComplianceStatus.Missing,
                    };
                    rows[at++] = new ReportRow(rule, ComplianceLevel.Pair, status, subjects[pair], null, pair);
                }
            }

            while (next < small.Count && small[next].Rule == rule)
            {
                rows[at++] = small[next++];
            }
        }

        return rows;
    }

    private ReportRow Deadline(ActivityRule rule, string province, DateOnly? done, DateOnly due, string zh, string en)
    {
        var status = done is null ? ComplianceStatus.Missing : done <= due ? ComplianceStatus.Met : ComplianceStatus.Violated;
        var late = done is { } d && d > due ? d.DayNumber - due.DayNumber : 0;
        var zhText = done is { } z ? Day(z) + (late > 0 ? string.Create(CultureInfo.InvariantCulture, $"，晚 {late} 天") : string.Empty) : "未完成";
        var enText = done is { } e ? Day(e) + (late > 0 ? string.Create(CultureInfo.InvariantCulture, $", {late} day(s) late") : string.Empty) : "not yet";
        return new ReportRow(rule, ComplianceLevel.Province, status, province,
            $"{zh} {zhText}（截止 {Day(due)}） / {en} {enText} (due {Day(due)})", -1);
    }

    private string YearZh() => string.Create(CultureInfo.InvariantCulture, $"{_yearStart.Year}–{_yearStart.Year + 1} 学年（{Day(_yearStart)} 至 {Day(_asOf)}）");

    private string YearEn() => string.Create(CultureInfo.InvariantCulture, $"programme year {_yearStart.Year}-{_yearStart.Year + 1} ({Day(_yearStart)} to {Day(_asOf)})");

    /// <summary>The student pairs in the order of their subjects (<c>X|N</c>, ordinal), and the subjects.</summary>
    private int[] PairOrder(out string[] subjects)
    {
        var pairs = _result.StudentPairs;
        subjects = new string[pairs.Count];
        var order = new int[pairs.Count];
        var sorted = true;
        for (var i = 0; i < pairs.Count; i++)
        {
            subjects[i] = string.Concat(pairs[i].Xinjiang.Value, "|", pairs[i].Inland.Value);
            order[i] = i;
            sorted &= i == 0 || string.CompareOrdinal(subjects[i - 1], subjects[i]) <= 0;
        }

        if (!sorted)
        {
            // Ties (the same pair twice) keep the result's own order, which does not depend on the records.
            var keys = subjects;
            Array.Sort(order, (a, b) =>
            {
                var c = string.CompareOrdinal(keys[a], keys[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
        }

        return order;
    }

    private ComplianceRollup[] ComposeRollups()
    {
        var schoolPairs = _result.SchoolPairs;
        var countyPairs = _result.CountyPairs;
        var school = new int[schoolPairs.Count, 4];
        var county = new int[countyPairs.Count, 4];
        var province = new int[_provinces.Count, 4];
        var programme = new int[4];
        for (var i = 0; i < _table.Pairs; i++)
        {
            var a1 = _table.A1Completed(i) ? 1 : 0;
            var a2 = _table.A2Completed(i) ? 1 : 0;
            var a3 = _table.A3Completed(i) ? 1 : 0;
            Add(programme, a1, a2, a3);
            if (_pairSchoolPair[i] is var sp and >= 0)
            {
                school[sp, 0]++;
                school[sp, 1] += a1;
                school[sp, 2] += a2;
                school[sp, 3] += a3;
            }

            if (_pairCountyPair[i] is var cp and >= 0)
            {
                county[cp, 0]++;
                county[cp, 1] += a1;
                county[cp, 2] += a2;
                county[cp, 3] += a3;
            }

            if (_pairProvince[i] is var pv and >= 0)
            {
                province[pv, 0]++;
                province[pv, 1] += a1;
                province[pv, 2] += a2;
                province[pv, 3] += a3;
            }
        }

        var rollups = new List<ComplianceRollup>();
        var schoolRows = new List<ComplianceRollup>();
        for (var i = 0; i < schoolPairs.Count; i++)
        {
            schoolRows.Add(new ComplianceRollup(RollupLevel.SchoolPair, $"{schoolPairs[i].Xinjiang.Value}|{schoolPairs[i].Inland.Value}",
                school[i, 0], school[i, 1], school[i, 2], school[i, 3], null, null, null));
        }

        var countyRows = new List<ComplianceRollup>();
        for (var i = 0; i < countyPairs.Count; i++)
        {
            var c = _inlandCountyIndex[countyPairs[i].Inland.Value];
            countyRows.Add(new ComplianceRollup(RollupLevel.CountyPair, $"{countyPairs[i].Xinjiang.Value}|{countyPairs[i].Inland.Value}",
                county[i, 0], county[i, 1], county[i, 2], county[i, 3], _countyCampsHeld[c], _countyCampsValid[c], _countyFamilies[c]));
        }

        long allFamilies = 0;
        int allHeld = 0, allValid = 0;
        for (var p = 0; p < _provinces.Count; p++)
        {
            int held = _provinceCampsHeld[p], valid = _provinceCampsValid[p];
            long families = 0;
            for (var c = 0; c < _inlandCounties.Count; c++)
            {
                if (_inlandCountyProvince[c] == p)
                {
                    held += _countyCampsHeld[c];
                    valid += _countyCampsValid[c];
                    families += _countyFamilies[c];
                }
            }

            rollups.Add(new ComplianceRollup(RollupLevel.Province, _provinces[p].Value,
                province[p, 0], province[p, 1], province[p, 2], province[p, 3], held, valid, families));
        }

        for (var p = 0; p < _provinces.Count; p++)
        {
            allHeld += _provinceCampsHeld[p];
            allValid += _provinceCampsValid[p];
        }

        for (var c = 0; c < _inlandCounties.Count; c++)
        {
            allHeld += _countyCampsHeld[c];
            allValid += _countyCampsValid[c];
            allFamilies += _countyFamilies[c];
        }

        static int BySubject(ComplianceRollup a, ComplianceRollup b) => string.CompareOrdinal(a.SubjectId, b.SubjectId);
        schoolRows.Sort(BySubject);
        countyRows.Sort(BySubject);
        return
        [
            .. schoolRows,
            .. countyRows,
            .. rollups,
            new ComplianceRollup(RollupLevel.Programme, "programme", programme[0], programme[1], programme[2], programme[3], allHeld, allValid, allFamilies),
        ];
    }

    private static void Add(int[] counts, int a1, int a2, int a3)
    {
        counts[0]++;
        counts[1] += a1;
        counts[2] += a2;
        counts[3] += a3;
    }
}
