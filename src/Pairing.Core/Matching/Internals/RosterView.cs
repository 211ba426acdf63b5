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

    public RosterView(Roster roster)
    {
        Roster = roster;
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
    /// Whether inland school t alone can take Xinjiang school s whole: every grade has at least as many classes
    /// (P5, one class each) and students (P6, one student each); P4's totals follow.
    /// </summary>
    public bool CanTake(int t, int s)
    {
        for (var g = 0; g < Grades; g++)
        {
            if (GradeClasses[(t * Grades) + g] < GradeClasses[(s * Grades) + g]
                || GradeStudents[(t * Grades) + g] < GradeStudents[(s * Grades) + g])
            {
                return false;
            }
        }

        return true;
    }
}
