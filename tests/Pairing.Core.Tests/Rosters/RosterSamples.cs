using Pairing.Core.Files.Rosters;
using Pairing.Core.Hierarchy;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Rosters;

/// <summary>Small random valid rosters, the same for the same seed, for property and example tests.</summary>
internal static class RosterSamples
{
    private static readonly string[] Interests = ["reading", "football", "music", "painting", "chess", "dance", "science"];
    private static readonly string[] TrickyNames = ["第一中学, 东校区", "\"实验\"中学", "=HYPERLINK(\"x\")", "+1 中学", "@school", "-2 中学", "'quoted", "多行\n名称"];

    public static Roster Build(int seed, int xinjiangCounties = 3, bool withStudents = true, bool trickyNames = false)
    {
        var random = new Random(seed);
        var map = SupportMap.Default;
        var builder = new RosterBuilder();
        var counties = map.Counties.OrderBy(_ => random.Next()).Take(xinjiangCounties).ToList();
        var student = 0;
        var classNo = 0;
        var schoolNo = 0;

        string Name(string plain) => trickyNames && random.Next(3) == 0 ? TrickyNames[random.Next(TrickyNames.Length)] : plain;

        void AddSchools(CountyId county, string prefix)
        {
            var schools = random.Next(1, 4);
            for (var s = 0; s < schools; s++)
            {
                var schoolId = new SchoolId($"{prefix}S{++schoolNo}");
                builder.AddSchool(new School(schoolId, county, Name($"学校{schoolNo}")));
                var classes = random.Next(1, 5);
                for (var c = 0; c < classes; c++)
                {
                    var classId = new ClassId($"{prefix}C{++classNo}");
                    var grade = new Grade(random.Next(7, 13));
                    var size = random.Next(1, 46);
                    builder.AddClass(classId, schoolId, grade, withStudents ? (random.Next(2) == 0 ? size : null) : size);
                    if (!withStudents)
                    {
                        continue;
                    }

                    for (var k = 0; k < size; k++)
                    {
                        var gender = (Gender)random.Next(3);
                        int? birthYear = random.Next(4) == 0 ? null : 2014 - grade.Number - 6 + random.Next(-1, 1);
                        var language = random.Next(3) switch { 0 => null, 1 => "zh", _ => "ug" };
                        var interests = Enumerable.Range(0, random.Next(4)).Select(_ => Interests[random.Next(Interests.Length)]).Distinct().ToArray();
                        builder.AddStudent(new Student(new StudentId($"{prefix}P{++student}"), classId, gender, birthYear, language, [.. interests]));
                    }
                }
            }
        }

        foreach (var county in counties)
        {
            builder.AddCounty(new County(county.Id, Name(county.Name), Side.Xinjiang, county.AreaId.Value));
            AddSchools(county.Id, "X");
        }

        var inlandNo = 0;
        foreach (var province in counties.Select(c => c.ProvinceId).Distinct())
        {
            var inlandCounties = random.Next(1, 3);
            for (var i = 0; i < inlandCounties; i++)
            {
                var id = new CountyId($"{province.Value[..2]}90{++inlandNo:D2}");
                builder.AddCounty(new County(id, Name($"内地县{inlandNo}"), Side.Inland, province.Value));
                AddSchools(id, "N");
            }
        }

        return builder.Build().GetValueOrThrow();
    }

    public static string WriteToTemp(Roster roster)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pairing-tests", Guid.NewGuid().ToString("N"));
        RosterFiles.Write(roster, dir);
        return dir;
    }
}
