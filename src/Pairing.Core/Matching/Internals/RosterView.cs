using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The roster as the solvers read it: dense indexes, and per school and grade the class count, student count and
/// sorted class sizes, computed once so that every candidate pair is checked in constant time.
/// </summary>
internal sealed class RosterView
{
    public const int Grades = 6;

    public RosterView(Roster roster, bool relaxGrades)
    {
        Roster = roster;
        RelaxGrades = relaxGrades;
        var counties = roster.CountyArray;
        var schools = roster.SchoolArray;
        var classes = roster.ClassArray;
        IsXinjiangCounty = new bool[counties.Length];
        for (var i = 0; i < counties.Length; i++)
        {
            IsXinjiangCounty[i] = counties[i].Side == Side.Xinjiang;
        }

        ClassSize = new int[classes.Length];
        ClassGrade = new int[classes.Length];
        for (var i = 0; i < classes.Length; i++)
        {
            ClassSize[i] = classes[i].Size;
            ClassGrade[i] = classes[i].Grade.Number - Grade.MinNumber;
        }

        GradeClasses = new int[schools.Length * Grades];
        GradeStudents = new int[schools.Length * Grades];
        SchoolClassCount = new int[schools.Length];
        SchoolStudentCount = new int[schools.Length];
        GradeSizes = new int[schools.Length * Grades][];
        var buffer = new List<int>[Grades];
        for (var g = 0; g < Grades; g++)
        {
            buffer[g] = [];
        }

        for (var s = 0; s < schools.Length; s++)
        {
            foreach (var c in roster.SchoolClasses.Of(s))
            {
                var g = ClassGrade[c];
                GradeClasses[(s * Grades) + g]++;
                GradeStudents[(s * Grades) + g] += ClassSize[c];
                SchoolClassCount[s]++;
                SchoolStudentCount[s] += ClassSize[c];
                buffer[g].Add(ClassSize[c]);
            }

            for (var g = 0; g < Grades; g++)
            {
                buffer[g].Sort();
                GradeSizes[(s * Grades) + g] = [.. buffer[g]];
                buffer[g].Clear();
            }
        }
    }

    public Roster Roster { get; }

    /// <summary>Whether P5 may fall back to the nearest grade when an inland school has no class of a grade.</summary>
    public bool RelaxGrades { get; }

    public bool[] IsXinjiangCounty { get; }

    public int[] ClassSize { get; }

    /// <summary>Grade offset 0–5 (grade 7–12).</summary>
    public int[] ClassGrade { get; }

    /// <summary>Classes of school s in grade offset g at [s * 6 + g].</summary>
    public int[] GradeClasses { get; }

    /// <summary>Students of school s in grade offset g at [s * 6 + g].</summary>
    public int[] GradeStudents { get; }

    /// <summary>Class sizes of school s in grade offset g, ascending, at [s * 6 + g].</summary>
    public int[][] GradeSizes { get; }

    public int[] SchoolClassCount { get; }

    public int[] SchoolStudentCount { get; }

    public bool IsXinjiangSchool(int school) => IsXinjiangCounty[Roster.SchoolCounty[school]];

    public bool IsXinjiangClass(int schoolClass) => IsXinjiangSchool(Roster.ClassSchool[schoolClass]);

    /// <summary>
    /// The grade offset of inland school t whose classes take Xinjiang classes of grade offset g: g itself, or, when
    /// P5 may be relaxed and t has no class of grade g, the nearest grade t has (the lower one on a tie).
    /// </summary>
    public int Target(int t, int g)
    {
        if (!RelaxGrades || GradeClasses[(t * Grades) + g] > 0)
        {
            return g;
        }

        for (var d = 1; d < Grades; d++)
        {
            if (g - d >= 0 && GradeClasses[(t * Grades) + g - d] > 0)
            {
                return g - d;
            }

            if (g + d < Grades && GradeClasses[(t * Grades) + g + d] > 0)
            {
                return g + d;
            }
        }

        return g;
    }

    /// <summary>What Xinjiang school s needs of inland school t per grade of t: classes and students.</summary>
    public void DemandOn(int t, int s, Span<int> classes, Span<int> students)
    {
        classes.Clear();
        students.Clear();
        for (var g = 0; g < Grades; g++)
        {
            var target = Target(t, g);
            classes[target] += GradeClasses[(s * Grades) + g];
            students[target] += GradeStudents[(s * Grades) + g];
        }
    }

    /// <summary>The sizes of the classes of Xinjiang school s that go to grade offset <paramref name="target"/> of inland school t, ascending.</summary>
    public int[] SizesOn(int t, int s, int target)
    {
        if (!RelaxGrades)
        {
            return GradeSizes[(s * Grades) + target];
        }

        var sizes = new List<int>();
        for (var g = 0; g < Grades; g++)
        {
            if (Target(t, g) == target)
            {
                sizes.AddRange(GradeSizes[(s * Grades) + g]);
            }
        }

        sizes.Sort();
        return [.. sizes];
    }

    /// <summary>
    /// Whether inland school t alone meets P4 for Xinjiang school s: no fewer classes and no fewer students in total.
    /// That is the only hard rule on a school pair; a grade with too few classes or students limits how many of the
    /// school's classes and students can be paired, not whether the school can be.
    /// </summary>
    public bool MeetsP4(int t, int s) =>
        SchoolClassCount[t] >= SchoolClassCount[s] && SchoolStudentCount[t] >= SchoolStudentCount[s];

    /// <summary>
    /// How many students of Xinjiang school s can be paired in inland school t when t has <paramref name="free"/>
    /// students per grade (at [t * 6 + g]) still on offer: per grade of t, the smaller of what s brings and what t has.
    /// </summary>
    public long Coverage(int t, int s, int[] free)
    {
        Span<int> classes = stackalloc int[Grades];
        Span<int> students = stackalloc int[Grades];
        DemandOn(t, s, classes, students);
        long covered = 0;
        for (var g = 0; g < Grades; g++)
        {
            covered += Math.Min(students[g], Math.Max(0, free[(t * Grades) + g]));
        }

        return covered;
    }
}
