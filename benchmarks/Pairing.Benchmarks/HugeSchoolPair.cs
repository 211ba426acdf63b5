using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// One Xinjiang school and one inland school with the same number of grade-7 classes each, so that the whole roster
/// is one class-level sub-problem of that many classes a side (and one student-level overflow). Xinjiang classes have
/// 30–45 students, inland classes 28–48 (fixed seed), so some class pairs are short and their students go to the
/// grade's overflow as cross-class pairs; genders alternate.
/// </summary>
internal static class HugeSchoolPair
{
    public static Roster Build(int classesPerSide, int seed = 2014)
    {
        var random = new Random(seed);
        var builder = new RosterBuilder();
        builder.AddCounty(new County(new CountyId("X1"), "X1", Side.Xinjiang, "653221"));
        builder.AddCounty(new County(new CountyId("N1"), "N1", Side.Inland, "110000"));
        builder.AddSchool(new School(new SchoolId("XS"), new CountyId("X1"), "XS"));
        builder.AddSchool(new School(new SchoolId("NS"), new CountyId("N1"), "NS"));
        foreach (var (school, low, high) in (ReadOnlySpan<(string, int, int)>)[("XS", 30, 45), ("NS", 28, 48)])
        {
            for (var c = 0; c < classesPerSide; c++)
            {
                var classId = new ClassId(string.Create(CultureInfo.InvariantCulture, $"{school}-{c:D5}"));
                builder.AddClass(classId, new SchoolId(school), new Grade(7));
                var size = random.Next(low, high + 1);
                for (var i = 0; i < size; i++)
                {
                    var id = new StudentId(string.Create(CultureInfo.InvariantCulture, $"{classId.Value}.{i}"));
                    builder.AddStudent(new Student(id, classId, i % 2 == 0 ? Gender.Female : Gender.Male, null, null, []));
                }
            }
        }

        return builder.Build().GetRosterOrThrow();
    }
}
