using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;

namespace Pairing.Core.Generation;

/// <summary>
/// Generates a synthetic national roster for the pairing programme (各民族中学生结对子), realistic enough to try the
/// library on and to measure it: all 84 Xinjiang counties of the notice sized by their real populations, and
/// inland counties of the 19 supporting provinces with a little more capacity than needed, unevenly spread.
/// </summary>
/// <remarks>
/// <para>
/// The same <see cref="RosterGeneratorOptions"/> always give the same roster, and so byte-identical files through
/// <see cref="Pairing.Core.Files.Rosters.RosterFiles.Write"/>, on every platform and .NET version: the generator uses its own pseudo-random
/// sequence (xoshiro256**), one stream per county, never <see cref="Random"/>.
/// </para>
/// <para>
/// Xinjiang side (新疆): <see cref="RosterGeneratorOptions.XinjiangStudents"/> are spread over the counties of
/// <see cref="SupportMap.Counties"/> in proportion to <see cref="ReferenceCounty.Population"/> (largest remainder,
/// so the total is exact), after giving each county <see cref="RosterGeneratorOptions.MinStudentsPerCounty"/>.
/// The one XPCC unit without a population figure (第四师六十六团) counts as the median of the XPCC units that have
/// one. Within a county, junior (grades 7–9) and senior (10–12) students follow Xinjiang's 2014 ratio, 911,477 :
/// 462,963. Schools average about 830 junior or 1,275 senior students (2014: 1,100 junior and 363 senior schools),
/// about a third of senior schools are complete (7–12) schools, about one in twelve is much smaller than average,
/// and a county with fewer than 1,000 students has one complete school. Each school aims at classes of 39–46
/// junior or 45–52 senior students (drawn per school); a grade's classes vary by ±10% around its average, and never
/// exceed <see cref="SchoolClass.MaxSize"/>. County ids are GB/T 2260 codes and units are aided areas, as in the
/// format.
/// </para>
/// <para>
/// Inland side (内地): each supporting province gets one host county for each Xinjiang county it supports, shaped
/// after it (the same kinds of school and the same grades, with <see cref="RosterGeneratorOptions.InlandRatio"/>
/// × 0.91–0.97 its students, so usually larger, and as many classes or one more), three in ten of them with a small
/// extra school, plus two or three spare counties of ordinary inland schools that bring the province's total to
/// about the ratio. Deliberate gaps give a matcher
/// something to explain: about 6% of host schools are smaller than their Xinjiang model, about 4% of their grades
/// are a class short (or missing where the model has one class), and hosts and spares appear in shuffled order.
/// Inland county ids are the province's code prefix, a 9 and a sequence number (119001 for Beijing,
/// 440391 for Shenzhen), which no real county and no Xinjiang code uses.
/// </para>
/// <para>
/// Students have pseudonymous ids (<c>X653125-000001</c> in Xinjiang, <c>N119001-000001</c> inland), gender F or M
/// about evenly with 1% not given, a birth year fitting their grade in the 2014–15 school year (grade 7: mostly
/// 2002, a third 2001, a few 2000; 0.5% not given), a language (Xinjiang: mostly ug, zh or kk by area; inland:
/// zh) and 0–3 interest tags from a fixed list of twelve.
/// </para>
/// </remarks>
public static partial class RosterGenerator
{
    // Stream numbers: each county's layout and students draw from their own stream of the seed's sequence.
    private const ulong XinjiangLayoutStream = 1UL << 20;
    private const ulong InlandLayoutStream = 2UL << 20;
    private const ulong StudentStream = 3UL << 20;

    /// <summary>Generates a roster.</summary>
    /// <param name="options">What to generate; checked first, and copied, so later changes do not matter.</param>
    /// <returns>A valid roster of both sides.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Matching.PairingOptionsException">Some options are out of range; <see cref="Matching.PairingOptionsException.Findings"/> lists every one.</exception>
    public static Roster Generate(RosterGeneratorOptions options)
    {
        Guard.NotNull(options);
        var o = options.Clone();
        var failures = o.Validate();
        if (failures.Count > 0)
        {
            throw new Matching.PairingOptionsException(failures);
        }

        var map = SupportMap.Default;
        var xinjiang = PlanXinjiang(o, map);
        var inland = PlanInland(o, map, xinjiang);
        return Build(o, map, [.. xinjiang, .. inland]);
    }

    private static CountyPlan[] PlanXinjiang(RosterGeneratorOptions options, SupportMap map)
    {
        var counties = map.Counties;
        var populations = new long[counties.Count];
        var fallback = XpccMedianPopulation(map);
        for (var i = 0; i < counties.Count; i++)
        {
            populations[i] = counties[i].Population ?? fallback;
        }

        var floor = RosterGeneratorOptions.MinStudentsPerCounty;
        var shares = Apportionment.Split(options.XinjiangStudents - (floor * counties.Count), populations);
        var plans = new CountyPlan[counties.Count];
        for (var i = 0; i < counties.Count; i++)
        {
            var reference = counties[i];
            var random = new GeneratorRandom(options.Seed, XinjiangLayoutStream + (ulong)i);
            var grades = SchoolLayout.SplitGrades(floor + shares[i], ref random);
            var county = new County(new CountyId(reference.Id.Value), reference.Name, Side.Xinjiang, reference.AreaId.Value);
            plans[i] = new CountyPlan(county, SchoolLayout.Layout(grades, SchoolLayout.Xinjiang, ref random));
        }

        return plans;
    }

    /// <summary>The median population of the XPCC units that have a figure (the fallback for the one that has none).</summary>
    internal static long XpccMedianPopulation(SupportMap map)
    {
        var known = map.Counties
            .Where(c => map.GetArea(c.AreaId).Kind == AidedAreaKind.Xpcc && c.Population is not null)
            .Select(c => (long)c.Population!.Value)
            .Order()
            .ToArray();
        if (known.Length == 0)
        {
            return 1;
        }

        var mid = known.Length / 2;
        return known.Length % 2 == 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
    }

    private static List<CountyPlan> PlanInland(RosterGeneratorOptions options, SupportMap map, CountyPlan[] xinjiang)
    {
        var ratio = options.InlandRatio;
        var plans = new List<CountyPlan>();
        for (var p = 0; p < map.Provinces.Count; p++)
        {
            var province = map.Provinces[p];
            var random = new GeneratorRandom(options.Seed, InlandLayoutStream + (ulong)p);
            var aided = xinjiang.Where(x => map.GetArea(new AreaId(x.County.Unit)).ProvinceId == province.Id).ToArray();
            var counties = new List<List<SchoolPlan>>();
            var hosted = 0L;
            var aidedStudents = 0L;
            foreach (var x in aided)
            {
                aidedStudents += x.Students;
                var host = new List<SchoolPlan>(x.Schools.Count + 1);
                foreach (var school in x.Schools)
                {
                    var factor = random.Chance(0.06) ? ratio * random.Uniform(0.70, 0.88) : ratio * random.Uniform(0.91, 0.97);
                    host.Add(SchoolLayout.Mirror(school, factor, shortGradeChance: 0.04, ref random));
                }

                if (random.Chance(0.25))
                {
                    // A small extra school, shaped after one of the county's, as an alternative partner.
                    var model = x.Schools[random.Next(x.Schools.Count)];
                    host.Add(SchoolLayout.Mirror(model, ratio * random.Uniform(0.2, 0.5), shortGradeChance: 0.1, ref random));
                }

                Shuffle(host, ref random);
                hosted += host.Sum(s => s.Students);
                counties.Add(host);
            }

            // Spares bring the province to about ratio × its Xinjiang students; they stay small when hosts already do.
            var spares = 2 + (random.Chance(0.5) ? 1 : 0);
            var minSpare = Math.Max(RosterGeneratorOptions.MinStudentsPerCounty, aidedStudents / Math.Max(1, aided.Length) / 20);
            var target = (long)Math.Round(ratio * aidedStudents);
            var spareTotal = (int)Math.Max(target - hosted, spares * minSpare);
            var weights = new double[spares];
            for (var s = 0; s < spares; s++)
            {
                weights[s] = random.Uniform(0.5, 1.5);
            }

            foreach (var share in Apportionment.Split(spareTotal, weights))
            {
                var grades = SchoolLayout.SplitGrades(Math.Max(share, RosterGeneratorOptions.MinStudentsPerCounty), ref random);
                counties.Add(SchoolLayout.Layout(grades, SchoolLayout.Inland, ref random));
            }

            Shuffle(counties, ref random);
            var prefix = province.Id.Value;
            while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal))
            {
                prefix = prefix[..^2];
            }

            var width = 6 - prefix.Length - 1;
            if (width < 1 || counties.Count >= Pow10(width))
            {
                Throw.InvalidOperation($"Province {province.Id} needs {counties.Count} inland counties, more than its id scheme allows.");
            }

            for (var c = 0; c < counties.Count; c++)
            {
                var sequence = (c + 1).ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                var county = new County(
                    new CountyId(prefix + "9" + sequence),
                    $"{province.Name}模拟县{(c + 1).ToString(CultureInfo.InvariantCulture)}",
                    Side.Inland,
                    province.Id.Value);
                plans.Add(new CountyPlan(county, counties[c]));
            }
        }

        return plans;
    }

    private static Roster Build(RosterGeneratorOptions options, SupportMap map, CountyPlan[] plans)
    {
        var builder = new RosterBuilder(map);
        var classesOfCounty = new (ClassId Id, int Grade, int Size)[plans.Length][];
        long totalStudents = 0;
        for (var k = 0; k < plans.Length; k++)
        {
            var plan = plans[k];
            var county = plan.County;
            builder.AddCounty(county);
            var classes = new List<(ClassId, int, int)>();
            var schoolWidth = Math.Max(3, plan.Schools.Count.ToString(CultureInfo.InvariantCulture).Length);
            for (var s = 0; s < plan.Schools.Count; s++)
            {
                var school = plan.Schools[s];
                var letter = school.Kind switch
                {
                    SchoolKind.Junior => "J",
                    SchoolKind.Senior => "S",
                    _ => "C",
                };
                var number = (s + 1).ToString(CultureInfo.InvariantCulture);
                var schoolId = new SchoolId($"{county.Id.Value}-{letter}{number.PadLeft(schoolWidth, '0')}");
                builder.AddSchool(new School(schoolId, county.Id, $"{county.Name}第{number}中学"));

                var inGrade = new int[Grade.MaxNumber + 1];
                foreach (var c in school.Classes)
                {
                    var seq = ++inGrade[c.Grade];
                    var classId = new ClassId(string.Create(
                        CultureInfo.InvariantCulture, $"{schoolId.Value}-{c.Grade:D2}-{seq:D2}"));
                    builder.AddClass(classId, schoolId, new Grade(c.Grade), c.Size);
                    classes.Add((classId, c.Grade, c.Size));
                    totalStudents += c.Size;
                }
            }

            classesOfCounty[k] = [.. classes];
        }

        if (!options.CountsOnly)
        {
            AddStudents(builder, options, map, plans, classesOfCounty, totalStudents);
        }

        var result = builder.Build();
        if (!result.IsValid)
        {
            Throw.InvalidOperation(
                "The generator built a roster that RosterBuilder rejects (a bug in the generator): "
                + string.Join(Environment.NewLine, result.Errors.Take(20)));
        }

        return result.Value;
    }

    private static void AddStudents(
        RosterBuilder builder,
        RosterGeneratorOptions options,
        SupportMap map,
        CountyPlan[] plans,
        (ClassId Id, int Grade, int Size)[][] classesOfCounty,
        long totalStudents)
    {
        builder.StudentCapacityHint = (int)Math.Min(int.MaxValue, totalStudents);
        var students = new Student[plans.Length][];

        // Each county from its own stream, so the result does not depend on how the work is spread over cores.
        Parallel.For(0, plans.Length, k =>
        {
            var county = plans[k].County;
            var size = classesOfCounty[k].Sum(c => c.Size);
            var into = new Student[size];
            var random = new GeneratorRandom(options.Seed, StudentStream + (ulong)k);
            var languages = StudentFactory.LanguagesOf(county, map);
            var prefix = (county.Side == Side.Xinjiang ? "X" : "N") + county.Id.Value;
            StudentFactory.Make(into, prefix, classesOfCounty[k], languages, ref random);
            students[k] = into;
        });

        foreach (var county in students)
        {
            foreach (var student in county)
            {
                builder.AddStudent(student);
            }
        }
    }

    private static void Shuffle<T>(List<T> items, ref GeneratorRandom random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static int Pow10(int exponent)
    {
        var value = 1;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
