using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Reports;

/// <summary>
/// The aggregates the report draws, computed in one pass over the pairs: per supporting province and aided area,
/// Xinjiang students and those covered, and unpaired units per rule; the class pairs' size differences bucketed.
/// Nothing here grows with the number of pairs.
/// </summary>
internal sealed class ReportFigures
{
    /// <summary>Upper bounds (inclusive) of the size-difference buckets; the last bucket is open.</summary>
    public static readonly int[] DifferenceBounds = [0, 1, 2, 3, 4, 5, 10, 20];

    public sealed class Unit(string id, string name, string? provinceId)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public string? ProvinceId { get; } = provinceId;

        public int Counties { get; set; }

        public int PairedCounties { get; set; }

        public long Students { get; set; }

        public long Covered { get; set; }

        /// <summary>Unpaired units per rule, index 1–7 (0: a unit not found in the roster).</summary>
        public int[] UnpairedByRule { get; } = new int[8];

        public int Unpaired => UnpairedByRule.Sum();
    }

    public required IReadOnlyList<Unit> Provinces { get; init; }

    public required IReadOnlyList<Unit> Areas { get; init; }

    /// <summary>Class pairs per bucket of <see cref="DifferenceBounds"/> (one more bucket than bounds).</summary>
    public required long[] DifferenceBuckets { get; init; }

    /// <summary>The sum of size differences over the class pairs, counted from the roster.</summary>
    public required long DifferenceSum { get; init; }

    /// <summary>For each unpaired unit (in the result's order), its county's province and area (ids), or null.</summary>
    public required (string? Province, string? Area)[] UnpairedPlaces { get; init; }

    /// <summary>Unpaired units per level (1–4) and rule (1–7).</summary>
    public required int[,] UnpairedByLevelAndRule { get; init; }

    public static ReportFigures Compute(Roster roster, PairingResult result)
    {
        var map = roster.SupportMap;
        var provinces = new SortedDictionary<string, Unit>(StringComparer.Ordinal);
        var areas = new SortedDictionary<string, Unit>(StringComparer.Ordinal);
        var countyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var countyUnits = new List<(Unit Province, Unit Area)>();
        foreach (var county in roster.Counties)
        {
            if (county.Side != Side.Xinjiang)
            {
                continue;
            }

            var provinceId = roster.ProvinceOf(county).Value;
            if (!provinces.TryGetValue(provinceId, out var province))
            {
                var name = map.TryGetProvince(new ProvinceId(provinceId), out var p) ? p.Name : provinceId;
                provinces.Add(provinceId, province = new Unit(provinceId, name, null));
            }

            var areaId = county.Unit;
            if (!areas.TryGetValue(areaId, out var area))
            {
                var name = map.TryGetArea(new AreaId(areaId), out var a) ? a.Name : areaId;
                areas.Add(areaId, area = new Unit(areaId, name, provinceId));
            }

            province.Counties++;
            area.Counties++;
            countyIndex.Add(county.Id.Value, countyUnits.Count);
            countyUnits.Add((province, area));
        }

        // Schools and classes to their (Xinjiang) county; inland ones are left out.
        var schoolCounty = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var school in roster.Schools)
        {
            if (countyIndex.TryGetValue(school.CountyId.Value, out var c))
            {
                schoolCounty.Add(school.Id.Value, c);
            }
        }

        var classCounty = new Dictionary<string, int>(StringComparer.Ordinal);
        var schoolStudents = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var schoolClass in roster.Classes)
        {
            if (schoolCounty.TryGetValue(schoolClass.SchoolId.Value, out var c))
            {
                classCounty.Add(schoolClass.Id.Value, c);
                var (province, area) = countyUnits[c];
                province.Students += schoolClass.Size;
                area.Students += schoolClass.Size;
                schoolStudents[schoolClass.SchoolId.Value] = schoolStudents.GetValueOrDefault(schoolClass.SchoolId.Value) + schoolClass.Size;
            }
        }

        foreach (var pair in result.CountyPairs)
        {
            if (countyIndex.TryGetValue(pair.Xinjiang.Value, out var c))
            {
                countyUnits[c].Province.PairedCounties++;
                countyUnits[c].Area.PairedCounties++;
            }
        }

        if (result.Phase == PairingPhase.Roster)
        {
            foreach (var pair in result.StudentPairs)
            {
                if (roster.TryGetStudent(pair.Xinjiang, out var student) && classCounty.TryGetValue(student.ClassId.Value, out var c))
                {
                    countyUnits[c].Province.Covered++;
                    countyUnits[c].Area.Covered++;
                }
            }
        }
        else
        {
            // On counts, a paired school's students are those the plan gives a partner school to.
            foreach (var pair in result.SchoolPairs)
            {
                if (schoolCounty.TryGetValue(pair.Xinjiang.Value, out var c))
                {
                    var students = schoolStudents.GetValueOrDefault(pair.Xinjiang.Value);
                    countyUnits[c].Province.Covered += students;
                    countyUnits[c].Area.Covered += students;
                }
            }
        }

        var places = new (string?, string?)[result.Unpaired.Count];
        var byLevelAndRule = new int[5, 8];
        for (var i = 0; i < result.Unpaired.Count; i++)
        {
            var unit = result.Unpaired[i];
            var rule = unit.Rule is >= PairingRule.P1 and <= PairingRule.P7 ? (int)unit.Rule : 0;
            var level = unit.Level is >= PairingLevel.County and <= PairingLevel.Student ? (int)unit.Level : 0;
            byLevelAndRule[level, rule]++;
            var c = CountyOf(unit);
            if (c >= 0)
            {
                var (province, area) = countyUnits[c];
                province.UnpairedByRule[rule]++;
                area.UnpairedByRule[rule]++;
                places[i] = (province.Id, area.Id);
            }
        }

        var buckets = new long[DifferenceBounds.Length + 1];
        long sum = 0;
        foreach (var pair in result.ClassPairs)
        {
            if (roster.TryGetClass(pair.Xinjiang, out var x) && roster.TryGetClass(pair.Inland, out var n))
            {
                var d = Math.Abs(x.Size - n.Size);
                sum += d;
                var b = 0;
                while (b < DifferenceBounds.Length && d > DifferenceBounds[b])
                {
                    b++;
                }

                buckets[b]++;
            }
        }

        return new ReportFigures
        {
            Provinces = [.. provinces.Values],
            Areas = [.. areas.Values],
            DifferenceBuckets = buckets,
            DifferenceSum = sum,
            UnpairedPlaces = places,
            UnpairedByLevelAndRule = byLevelAndRule,
        };

        int CountyOf(UnpairedUnit unit) => unit.Level switch
        {
            PairingLevel.County => countyIndex.GetValueOrDefault(unit.Id, -1),
            PairingLevel.School => schoolCounty.GetValueOrDefault(unit.Id, -1),
            PairingLevel.Class => classCounty.GetValueOrDefault(unit.Id, -1),
            PairingLevel.Student => roster.TryGetStudent(new StudentId(unit.Id), out var s) ? classCounty.GetValueOrDefault(s.ClassId.Value, -1) : -1,
            _ => -1,
        };
    }

    public static string BucketLabel(int bucket)
    {
        var bounds = DifferenceBounds;
        if (bucket >= bounds.Length)
        {
            return $">{bounds[^1]}";
        }

        var low = bucket == 0 ? 0 : bounds[bucket - 1] + 1;
        return low == bounds[bucket] ? low.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{low}–{bounds[bucket]}";
    }
}
