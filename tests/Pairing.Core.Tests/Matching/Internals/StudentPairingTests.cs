using System.Collections.Immutable;
using System.Globalization;
using FsCheck.Xunit;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Matching.Internals;

namespace Pairing.Core.Tests.Matching.Internals;

/// <summary>
/// The student level's transportation problem between student types against the dense assignment it stands in for
/// on large sub-problems: the same least cost of unmet preferences, as many pairs as the smaller side.
/// </summary>
public sealed class StudentPairingTests
{
    private static readonly string?[] Languages = [null, "ug", "zh", "kk"];
    private static readonly string[] Tags = ["football", "music", "chess", "art"];

    [Property(MaxTest = 150)]
    public void Pairing_by_student_types_meets_the_dense_assignment(int seed)
    {
        var random = new Random(seed);
        var options = new PairingOptions
        {
            SameGenderWeight = random.Next(0, 6),
            SharedInterestWeight = random.Next(0, 4),
            SameLanguageWeight = random.Next(0, 4),
            CloseBirthYearWeight = random.Next(0, 4),
        };
        var prefs = new Preferences(options);
        var students = Enumerable.Range(0, random.Next(0, 40)).Select(i => Student(random, i)).ToArray();
        var order = Enumerable.Range(0, students.Length).OrderBy(_ => random.Next()).ToList();
        var cut = random.Next(0, students.Length + 1);
        List<int> xs = order[..cut], ns = order[cut..];

        var typed = StudentPairing.ByTypes(students, xs, ns, prefs);
        var dense = Assignment.SolveComplete(xs.Count, ns.Count, prefs.CostMatrix(students, xs, ns));

        Assert.NotNull(typed);
        Assert.Equal(Math.Min(xs.Count, ns.Count), typed.Count(m => m >= 0));
        Assert.Equal(typed.Count(m => m >= 0), typed.Where(m => m >= 0).Distinct().Count());
        Assert.Equal(Cost(students, xs, ns, prefs, dense), Cost(students, xs, ns, prefs, typed));
    }

    [Fact]
    public void Too_many_distinct_students_for_the_type_arcs_fall_back_to_gender_and_still_pair_everyone_they_can()
    {
        // Every student has its own interest: 2,100 × 2,100 types exceed the type-pair limit.
        var prefs = new Preferences(new PairingOptions { SharedInterestWeight = 1 });
        var students = Enumerable.Range(0, 4_400)
            .Select(i => new Student(
                new StudentId($"s{i}"), new ClassId("c"), i % 2 == 0 ? Gender.Female : Gender.Male, interests: [$"tag{i}"]))
            .ToArray();
        List<int> xs = [.. Enumerable.Range(0, 2_100)], ns = [.. Enumerable.Range(2_100, 2_300)];
        Assert.True(2_100L * 2_100 > StudentPairing.TypeArcLimit);

        Assert.Null(StudentPairing.ByTypes(students, xs, ns, prefs));
        var mate = StudentPairing.Pair(students, xs, ns, prefs);

        Assert.Equal(2_100, mate.Count(m => m >= 0));
        Assert.Equal(2_100, mate.Where(m => m >= 0).Distinct().Count());
        Assert.All(Enumerable.Range(0, xs.Count), i => Assert.Equal(students[xs[i]].Gender, students[ns[mate[i]]].Gender));
    }

    private static Student Student(Random random, int i)
    {
        var tags = Tags.Where(_ => random.Next(0, 3) == 0).ToImmutableArray();
        return new Student(
            new StudentId(string.Create(CultureInfo.InvariantCulture, $"s{i}")),
            new ClassId("c"),
            (Gender)random.Next(0, 3),
            random.Next(0, 4) == 0 ? null : random.Next(2010, 2015),
            Languages[random.Next(0, Languages.Length)],
            tags);
    }

    private static long Cost(Student[] students, List<int> xs, List<int> ns, Preferences prefs, int[] mate)
    {
        long cost = 0;
        for (var i = 0; i < mate.Length; i++)
        {
            if (mate[i] >= 0)
            {
                cost += prefs.Cost(students[xs[i]], students[ns[mate[i]]]);
            }
        }

        return cost;
    }
}
