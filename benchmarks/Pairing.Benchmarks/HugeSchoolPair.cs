using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>
/// One Xinjiang school and one inland school with the same number of grade-7 classes each, so that the whole roster
/// is one class-level sub-problem of that many classes a side (and one student-level overflow). Xinjiang classes have
/// 30–45 students, inland classes 28–48 (fixed seed), so some class pairs are short and their students go to the
/// grade's overflow as cross-class pairs; genders alternate. With <c>overflow</c>, the stress case for the student
/// level: Xinjiang classes of 40–45 against half as many again inland classes of 28–32, so about 120,000 Xinjiang
/// students a side go to the grade's overflow; students then also have a birth year (2011–2013), a language (one of
/// 3) and an interest (one of 8), for the preferences to read.
/// </summary>
internal static class HugeSchoolPair
{
    public static Roster Build(int classesPerSide, bool overflow = false, int seed = 2014)
    {
        string[] languages = ["ug", "zh", "kk"];
        string[] interests = ["football", "music", "chess", "art", "dance", "reading", "science", "painting"];
        var random = new Random(seed);
        var builder = new RosterBuilder();
        builder.AddCounty(new County(new CountyId("X1"), "X1", Side.Xinjiang, "653221"));
        builder.AddCounty(new County(new CountyId("N1"), "N1", Side.Inland, "110000"));
        builder.AddSchool(new School(new SchoolId("XS"), new CountyId("X1"), "XS"));
        builder.AddSchool(new School(new SchoolId("NS"), new CountyId("N1"), "NS"));
        ReadOnlySpan<(string School, int Low, int High, int Classes)> sides = overflow
            ? [("XS", 40, 45, classesPerSide), ("NS", 28, 32, classesPerSide * 3 / 2)]
            : [("XS", 30, 45, classesPerSide), ("NS", 28, 48, classesPerSide)];
        foreach (var (school, low, high, classes) in sides)
        {
            for (var c = 0; c < classes; c++)
            {
                var classId = new ClassId(string.Create(CultureInfo.InvariantCulture, $"{school}-{c:D6}"));
                builder.AddClass(classId, new SchoolId(school), new Grade(7));
                var size = random.Next(low, high + 1);
                for (var i = 0; i < size; i++)
                {
                    var id = new StudentId(string.Create(CultureInfo.InvariantCulture, $"{classId.Value}.{i}"));
                    var gender = i % 2 == 0 ? Gender.Female : Gender.Male;
                    builder.AddStudent(overflow
                        ? new Student(id, classId, gender, random.Next(2011, 2014), languages[random.Next(languages.Length)], [interests[random.Next(interests.Length)]])
                        : new Student(id, classId, gender, null, null, []));
                }
            }
        }

        return builder.Build().GetValueOrThrow();
    }
}
