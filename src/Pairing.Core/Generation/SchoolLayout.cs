using Pairing.Core.Hierarchy;

namespace Pairing.Core.Generation;

/// <summary>
/// Turns a county's students per grade into schools and classes of realistic sizes, and shapes an inland county
/// after a Xinjiang one.
/// </summary>
/// <remarks>
/// Only basic IEEE arithmetic (no logarithms or powers), so that a seed gives the same layout on every platform.
/// </remarks>
internal static class SchoolLayout
{
    /// <summary>Xinjiang-wide junior students in 2014 (national statistics bureau).</summary>
    public const int XinjiangJunior2014 = 911_477;

    /// <summary>Xinjiang-wide senior students in 2014 (national statistics bureau).</summary>
    public const int XinjiangSenior2014 = 462_963;

    /// <summary>Xinjiang in 2014: 911,477 junior students in 1,100 junior schools, 462,963 senior in 363 senior schools.</summary>
    public static readonly Profile Xinjiang = new(
        JuniorPerSchool: 830, SeniorPerSchool: 1275, JuniorClass: (39, 46), SeniorClass: (45, 52), CompleteShare: 0.35);

    /// <summary>Inland schools run larger, in school and class size.</summary>
    public static readonly Profile Inland = new(
        JuniorPerSchool: 1000, SeniorPerSchool: 1500, JuniorClass: (42, 50), SeniorClass: (46, 54), CompleteShare: 0.3);

    /// <summary>How big schools and classes of one side are.</summary>
    /// <param name="JuniorPerSchool">Average junior students per junior section.</param>
    /// <param name="SeniorPerSchool">Average senior students per senior section.</param>
    /// <param name="JuniorClass">The range a school's target junior class size is drawn from.</param>
    /// <param name="SeniorClass">The range a school's target senior class size is drawn from.</param>
    /// <param name="CompleteShare">The share of senior sections that belong to complete (7–12) schools.</param>
    public sealed record Profile(
        int JuniorPerSchool, int SeniorPerSchool, (int Min, int Max) JuniorClass, (int Min, int Max) SeniorClass, double CompleteShare);

    /// <summary>
    /// Splits a county's students into grades 7–12: junior and senior in the 2014 ratio (1.97 : 1), each stage over
    /// its three grades with a little noise (senior grades shrink slightly with dropout).
    /// </summary>
    public static int[] SplitGrades(int students, ref GeneratorRandom random)
    {
        // Rounded half up in integers: junior = students × 911,477 / 1,374,440.
        const long Total = XinjiangJunior2014 + XinjiangSenior2014;
        var junior = (int)(((2L * students * XinjiangJunior2014) + Total) / (2 * Total));
        if (students >= 2)
        {
            junior = Math.Clamp(junior, 1, students - 1);
        }

        var senior = students - junior;
        var grades = new int[6];
        ReadOnlySpan<double> juniorWeights =
            [random.Uniform(0.97, 1.03), random.Uniform(0.97, 1.03), random.Uniform(0.97, 1.03)];
        ReadOnlySpan<double> seniorWeights =
            [1.03 * random.Uniform(0.97, 1.03), random.Uniform(0.97, 1.03), 0.97 * random.Uniform(0.97, 1.03)];
        Apportionment.Split(junior, juniorWeights).CopyTo(grades, 0);
        Apportionment.Split(senior, seniorWeights).CopyTo(grades, 3);
        return grades;
    }

    /// <summary>
    /// Lays out a county's schools from its students per grade (index 0 is grade 7): junior, senior and complete
    /// schools of the profile's sizes, some much smaller than average, and classes of each grade.
    /// </summary>
    public static List<SchoolPlan> Layout(ReadOnlySpan<int> grades, Profile profile, ref GeneratorRandom random)
    {
        var junior = grades[0] + grades[1] + grades[2];
        var senior = grades[3] + grades[4] + grades[5];
        var juniorSections = junior > 0 ? Math.Max(1, RoundDiv(junior, profile.JuniorPerSchool)) : 0;
        var seniorSections = senior > 0 ? Math.Max(1, RoundDiv(senior, profile.SeniorPerSchool)) : 0;

        int complete;
        if (junior + senior < 1000)
        {
            // A small county has one school that teaches every grade it has.
            complete = Math.Min(juniorSections, seniorSections);
        }
        else
        {
            complete = 0;
            for (var i = 0; i < seniorSections; i++)
            {
                complete += random.Chance(profile.CompleteShare) ? 1 : 0;
            }

            complete = Math.Min(complete, juniorSections);
        }

        // Schools in id order: complete ones first, then senior, then junior.
        var schools = new List<SchoolPlan>(juniorSections + seniorSections - complete);
        for (var i = 0; i < complete; i++)
        {
            schools.Add(new SchoolPlan(SchoolKind.Complete));
        }

        for (var i = complete; i < seniorSections; i++)
        {
            schools.Add(new SchoolPlan(SchoolKind.Senior));
        }

        for (var i = complete; i < juniorSections; i++)
        {
            schools.Add(new SchoolPlan(SchoolKind.Junior));
        }

        // Junior sections are the complete schools and the junior ones; senior sections the complete and senior ones.
        var juniorSchools = schools.Where(s => s.Kind != SchoolKind.Senior).ToArray();
        var seniorSchools = schools.Where(s => s.Kind != SchoolKind.Junior).ToArray();
        FillStage(juniorSchools, grades[..3], 7, profile.JuniorClass, ref random);
        FillStage(seniorSchools, grades[3..], 10, profile.SeniorClass, ref random);
        return schools;
    }

    /// <summary>
    /// Shapes an inland school after a Xinjiang one: the same kind and grades, each grade with about
    /// <paramref name="factor"/> times the students and at least as many classes, unless
    /// <paramref name="shortGradeChance"/> makes a grade one class short (or, for a one-class grade, leaves it out).
    /// </summary>
    public static SchoolPlan Mirror(SchoolPlan xinjiang, double factor, double shortGradeChance, ref GeneratorRandom random)
    {
        var inland = new SchoolPlan(xinjiang.Kind);
        for (var grade = Grade.MinNumber; grade <= Grade.MaxNumber; grade++)
        {
            var students = 0;
            var classes = 0;
            foreach (var c in xinjiang.ClassesOf(grade))
            {
                students += c.Size;
                classes++;
            }

            if (classes == 0)
            {
                continue;
            }

            var target = (int)Math.Round(students * factor * random.Uniform(1.0, 1.03));
            var count = classes + (random.Chance(0.15) ? 1 : 0);
            if (random.Chance(shortGradeChance))
            {
                if (classes == 1)
                {
                    continue; // the inland school does not teach this grade: a gap a matcher must explain
                }

                count = classes - 1;
            }

            target = Math.Max(target, count);
            count = Math.Max(count, CeilDiv(target, 58));
            AddClasses(inland, grade, target, count, ref random);
        }

        if (inland.Classes.Count == 0)
        {
            // Every grade fell short: keep the school, with one small class of its lowest grade.
            inland.Classes.Add(new ClassPlan(xinjiang.Classes[0].Grade, Math.Max(1, xinjiang.Classes[0].Size / 2)));
        }

        return inland;
    }

    private static void FillStage(SchoolPlan[] sections, ReadOnlySpan<int> grades, int firstGrade, (int Min, int Max) classSize, ref GeneratorRandom random)
    {
        if (sections.Length == 0)
        {
            return;
        }

        // A school's share of its county's stage: most near average, about one in twelve much smaller.
        var weights = new double[sections.Length];
        var targets = new int[sections.Length];
        for (var s = 0; s < sections.Length; s++)
        {
            weights[s] = random.Chance(0.08) ? random.Uniform(0.1, 0.35) : random.Uniform(0.5, 1.5);
            targets[s] = random.Between(classSize.Min, classSize.Max);
        }

        var perGrade = new double[sections.Length];
        for (var g = 0; g < 3; g++)
        {
            for (var s = 0; s < sections.Length; s++)
            {
                perGrade[s] = weights[s] * random.Uniform(0.9, 1.1);
            }

            var shares = Apportionment.Split(grades[g], perGrade);
            for (var s = 0; s < sections.Length; s++)
            {
                if (shares[s] > 0)
                {
                    var count = Math.Max(1, RoundDiv(shares[s], targets[s]));
                    AddClasses(sections[s], firstGrade + g, shares[s], count, ref random);
                }
            }
        }
    }

    /// <summary>Adds <paramref name="count"/> classes of one grade sharing <paramref name="students"/>, each 1 to 200.</summary>
    private static void AddClasses(SchoolPlan school, int grade, int students, int count, ref GeneratorRandom random)
    {
        count = Math.Clamp(count, CeilDiv(students, SchoolClass.MaxSize), students);
        Span<double> weights = count <= 128 ? stackalloc double[count] : new double[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = random.Uniform(0.9, 1.1);
        }

        var sizes = Apportionment.Split(students, weights);

        // Spread within ±10% keeps every class above zero once a class averages 5 or more; below that, even out.
        for (var i = 0; i < sizes.Length; i++)
        {
            while (sizes[i] == 0)
            {
                var largest = Array.IndexOf(sizes, sizes.Max());
                sizes[largest]--;
                sizes[i]++;
            }
        }

        foreach (var size in sizes)
        {
            school.Classes.Add(new ClassPlan(grade, size));
        }
    }

    private static int RoundDiv(int a, int b) => (a + (b / 2)) / b;

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;
}
