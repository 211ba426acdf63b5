using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;

namespace Pairing.Core.Testing;

/// <summary>
/// Rosters of another shape than <see cref="Generation.RosterGenerator"/> makes (tests and benchmarks; compiled into
/// both, shipped in neither). The project's generator mirrors each Xinjiang county into an inland host county of
/// nearly the same shape, so a matcher tuned on it can hide what an uneven province costs. This one shares no code
/// with it:
/// <list type="bullet">
/// <item>Xinjiang counties are the support map's, sized by their real populations (largest remainder, at least 40
/// students each); each has one school per 700 students (up to eight) of its own sizes, junior (7–9), senior (10–12) or complete (7–12),
/// with uneven grades (each grade's share drawn from 0.5–1.5) and classes of 30–55.</item>
/// <item>Inland students are about twice the Xinjiang students of their province, in few, large schools: each inland
/// county has as many schools as a typical aided county of its province or up to half fewer, so each holds well over a
/// Xinjiang school's students, with grades drawn afresh, mostly complete (7–12) (so a grade
/// large in Xinjiang may be small inland) and classes of 40–60.</item>
/// <item>Most provinces have one inland county per aided county and one or two spare; one province in six has only
/// one inland county per two aided counties (the Jiangxi shape), where sharing an inland unit is the only way to
/// cover more.</item>
/// </list>
/// Ids: Xinjiang counties keep their GB/T 2260 codes; inland counties are the province's prefix, an 8 and a
/// sequence number; schools, classes and students extend their parent's id. Same seed, same roster.
/// </summary>
internal static class OtherShapeRoster
{
    private const int MinCountyStudents = 40;

    public static Roster Generate(int xinjiangStudents, long seed)
    {
        var map = SupportMap.Default;
        var random = new Random(unchecked((int)(seed ^ (seed >> 32)) ^ 0x5A17));
        var builder = new RosterBuilder(map);
        var counties = map.Counties;
        var weights = counties.Select(c => (double)(c.Population ?? 50_000)).ToArray();
        var sizes = Apportion(Math.Max(0, xinjiangStudents - (MinCountyStudents * counties.Count)), weights)
            .Select(s => s + MinCountyStudents)
            .ToArray();

        var xinjiangByProvince = new Dictionary<ProvinceId, long>();
        var aidedByProvince = new Dictionary<ProvinceId, int>();
        var schoolsByProvince = new Dictionary<ProvinceId, int>();
        for (var i = 0; i < counties.Count; i++)
        {
            var county = counties[i];
            builder.AddCounty(new County(county.Id, county.Name, Side.Xinjiang, county.AreaId.Value));
            var schoolCount = (int)Math.Clamp(1 + (sizes[i] / 700), 1, 8);
            var schoolSizes = Apportion(sizes[i], Enumerable.Range(0, schoolCount).Select(_ => 0.5 + random.NextDouble()).ToArray());
            for (var s = 0; s < schoolCount; s++)
            {
                var kind = random.Next(3);
                var (first, last) = kind switch { 0 => (7, 9), 1 => (10, 12), _ => (7, 12) };
                AddSchool(builder, random, county.Id, $"{county.Id.Value}-X{s + 1:D2}", first, last, schoolSizes[s], 30, 55, "X", random.Next(3) switch { 0 => "ug", 1 => "zh", _ => "kk" });
            }

            var province = map.GetArea(county.AreaId).ProvinceId;
            xinjiangByProvince[province] = xinjiangByProvince.GetValueOrDefault(province) + sizes[i];
            aidedByProvince[province] = aidedByProvince.GetValueOrDefault(province) + 1;
            schoolsByProvince[province] = schoolsByProvince.GetValueOrDefault(province) + schoolCount;
        }

        foreach (var province in map.Provinces)
        {
            var aided = aidedByProvince.GetValueOrDefault(province.Id);
            if (aided == 0)
            {
                continue;
            }

            var jiangxi = random.Next(6) == 0;
            var inlandCounties = jiangxi ? Math.Max(1, (aided + 1) / 2) : aided + 1 + random.Next(2);
            var total = 2 * xinjiangByProvince[province.Id];
            var countySizes = Apportion(total, Enumerable.Range(0, inlandCounties).Select(_ => 0.6 + random.NextDouble()).ToArray());
            var prefix = province.Id.Value.TrimEnd('0');
            if (prefix.Length < 2)
            {
                prefix = province.Id.Value[..2];
            }

            for (var c = 0; c < inlandCounties; c++)
            {
                var id = new CountyId(prefix + "8" + (c + 1).ToString(CultureInfo.InvariantCulture).PadLeft(5 - prefix.Length, '0'));
                builder.AddCounty(new County(id, $"{province.Name}县{c + 1}", Side.Inland, province.Id.Value));
                // As many schools as a typical aided county has, or fewer; twice that in the Jiangxi shape.
                var typical = Math.Max(1, (int)Math.Round(schoolsByProvince[province.Id] / (double)aided));
                var schoolCount = (jiangxi ? 2 : 1) * Math.Max(1, typical - random.Next(Math.Max(1, typical / 2) + 1));
                var schoolSizes = Apportion(countySizes[c], Enumerable.Range(0, schoolCount).Select(_ => 0.5 + random.NextDouble()).ToArray());
                for (var s = 0; s < schoolCount; s++)
                {
                    // Mostly complete schools inland (large schools usually are), a few junior or senior only.
                    var kind = random.Next(10);
                    var (first, last) = kind switch { 0 => (7, 9), 1 => (10, 12), _ => (7, 12) };
                    AddSchool(builder, random, id, $"{id.Value}-N{s + 1:D2}", first, last, schoolSizes[s], 40, 60, "N", "zh");
                }
            }
        }

        var result = builder.Build();
        if (!result.IsValid)
        {
            throw new InvalidOperationException("OtherShapeRoster built a roster RosterBuilder rejects: " + string.Join("; ", result.Errors.Take(5)));
        }

        return result.Value;
    }

    private static void AddSchool(
        RosterBuilder builder, Random random, CountyId county, string schoolId, int first, int last, long students, int minClass, int maxClass, string side, string language)
    {
        var id = new SchoolId(schoolId);
        builder.AddSchool(new School(id, county, schoolId));
        var grades = last - first + 1;
        var gradeSizes = Apportion(students, Enumerable.Range(0, grades).Select(_ => 0.5 + random.NextDouble()).ToArray());
        var number = 0;
        for (var g = 0; g < grades; g++)
        {
            var size = gradeSizes[g];
            if (size == 0)
            {
                continue;
            }

            var perClass = minClass + random.Next(maxClass - minClass + 1);
            var classes = (int)Math.Max(1, (size + perClass - 1) / perClass);
            var classSizes = Apportion(size, Enumerable.Repeat(1.0, classes).ToArray());
            for (var k = 0; k < classes; k++)
            {
                var grade = first + g;
                var classId = new ClassId(string.Create(CultureInfo.InvariantCulture, $"{schoolId}-{grade:D2}-{k + 1:D2}"));
                builder.AddClass(classId, id, new Grade(grade));
                for (var n = 0; n < classSizes[k]; n++)
                {
                    number++;
                    var draw = random.Next(100);
                    var gender = draw < 2 ? Gender.Unknown : draw < 51 ? Gender.Female : Gender.Male;
                    builder.AddStudent(new Student(
                        new StudentId(string.Create(CultureInfo.InvariantCulture, $"{side}{schoolId}-{number:D5}")),
                        classId,
                        gender,
                        2009 - grade - (random.Next(5) == 0 ? 1 : 0),
                        language));
                }
            }
        }
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>, largest remainder first (ties to the lower index).</summary>
    private static long[] Apportion(long total, double[] weights)
    {
        var sum = weights.Sum();
        var shares = new long[weights.Length];
        var remainders = new (double Remainder, int Index)[weights.Length];
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = total * weights[i] / sum;
            shares[i] = (long)Math.Floor(exact);
            given += shares[i];
            remainders[i] = (exact - shares[i], i);
        }

        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(total - given)))
        {
            shares[index]++;
        }

        return shares;
    }
}
