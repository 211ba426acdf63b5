using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// Random valid rosters for property tests, small enough to solve in milliseconds: two supporting provinces
/// (sometimes one without inland counties), a few counties, schools and classes per side, grades 7–9 so that
/// grades collide, inland schools a little larger so that many but not all pairings fit. The same seed gives the
/// same roster; <c>shuffle</c> adds the same rows in another order.
/// </summary>
internal static class RandomRosters
{
    private static readonly string[] Interests = ["art", "ball", "chess", "music"];
    private static readonly string?[] Languages = ["ug", "zh", "kk", null];

    public static Roster Make(int seed, bool students = true, bool shuffle = false, int size = 1)
    {
        var random = new Random(seed);
        var counties = new List<County>();
        var schools = new List<School>();
        var classes = new List<(ClassId Id, SchoolId School, Grade Grade, int Size)>();
        var people = new List<Student>();
        var provinces = new[] { (TestRoster.Beijing, TestRoster.BeijingArea), (TestRoster.Tianjin, TestRoster.TianjinArea) };
        var n = 0;
        foreach (var (province, area) in provinces)
        {
            var xinjiang = random.Next(1, 3 + size);
            var inland = random.Next(0, 3 + size);
            for (var k = 0; k < xinjiang + inland; k++)
            {
                var isXinjiang = k < xinjiang;
                var county = new CountyId($"{(isXinjiang ? 'X' : 'N')}{province[..2]}c{n++}");
                counties.Add(new County(county, county.Value, isXinjiang ? Side.Xinjiang : Side.Inland, isXinjiang ? area : province));
                var schoolCount = random.Next(isXinjiang ? 0 : 0, isXinjiang ? 3 + size : 4 + size);
                for (var s = 0; s < schoolCount; s++)
                {
                    var school = new SchoolId($"{county.Value}s{s}");
                    schools.Add(new School(school, county, school.Value));
                    var classCount = random.Next(isXinjiang ? 0 : 2, isXinjiang ? 4 : 7);
                    for (var c = 0; c < classCount; c++)
                    {
                        var id = new ClassId($"{school.Value}k{c}");
                        var grade = new Grade(random.Next(7, 10));
                        var classSize = random.Next(1, isXinjiang ? 7 : 10);
                        classes.Add((id, school, grade, classSize));
                        for (var p = 0; p < classSize && students; p++)
                        {
                            people.Add(new Student(
                                new StudentId($"{id.Value}p{p}"),
                                id,
                                (Gender)random.Next(0, 3),
                                random.Next(0, 4) == 0 ? null : random.Next(2008, 2012),
                                Languages[random.Next(Languages.Length)],
                                [.. Interests.Where(_ => random.Next(0, 3) == 0)]));
                        }
                    }
                }
            }
        }

        if (students && people.Count == 0)
        {
            // A roster with no students at all is a counts-only one; draw again.
            return Make(unchecked((seed * 31) + 7), students, shuffle, size);
        }

        if (shuffle)
        {
            var order = new Random(~seed);
            Shuffle(counties, order);
            Shuffle(schools, order);
            Shuffle(classes, order);
            Shuffle(people, order);
        }

        var builder = new RosterBuilder();
        counties.ForEach(c => builder.AddCounty(c));
        schools.ForEach(s => builder.AddSchool(s));
        classes.ForEach(c => builder.AddClass(c.Id, c.School, c.Grade, students ? null : c.Size));
        people.ForEach(p => builder.AddStudent(p));
        return builder.Build().GetValueOrThrow();
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
