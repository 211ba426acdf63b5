using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Rosters;

/// <summary>
/// The roster's compact index of student ids against a dictionary (the oracle): every id found at its first
/// position, every duplicate reported once in row order with the first one's position, no other id found.
/// </summary>
public sealed class StudentIdIndexTests
{
    private static readonly ClassId Class = new("C1");

    [Property(MaxTest = 300)]
    public Property Finds_what_a_dictionary_finds_and_reports_duplicates_in_row_order() =>
        Prop.ForAll(
            Gen.Choose(0, 60).ArrayOf().ToArbitrary(),
            Gen.Choose(0, 80).ArrayOf().ToArbitrary(),
            (ids, probes) =>
            {
                var students = ids.Select(n => new Student(new StudentId("S" + n), Class)).ToArray();
                var duplicates = new List<(int, int)>();
                var index = StudentIdIndex.Build(students, (i, first) => duplicates.Add((i, first)));

                var oracle = new Dictionary<string, int>(StringComparer.Ordinal);
                var expected = new List<(int, int)>();
                for (var i = 0; i < students.Length; i++)
                {
                    if (!oracle.TryAdd(students[i].Id.Value, i))
                    {
                        expected.Add((i, oracle[students[i].Id.Value]));
                    }
                }

                var found = probes.All(n => index.TryGetValue("S" + n, out var at) == oracle.TryGetValue("S" + n, out var want) && at == (oracle.ContainsKey("S" + n) ? want : -1));
                return found && duplicates.SequenceEqual(expected) && !index.TryGetValue(string.Empty, out _) && !index.TryGetValue("S", out _);
            });

    [Fact]
    public void A_national_count_of_ids_is_found_each_at_its_position()
    {
        // Past 2^21 students the positions take 22 bits, leaving 10 of the hash in each slot.
        var students = new Student[2_200_000];
        for (var i = 0; i < students.Length; i++)
        {
            students[i] = new Student(new StudentId("X653201-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)), Class);
        }

        var index = StudentIdIndex.Build(students, (_, _) => Assert.Fail("no duplicates here"));

        for (var i = 0; i < students.Length; i += 997)
        {
            Assert.True(index.TryGetValue(students[i].Id.Value, out var at));
            Assert.Equal(i, at);
        }

        Assert.False(index.TryGetValue("X653201-9999999", out _));
        Assert.False(index.TryGetValue("X653201-0000000 ", out _));
    }
}
