using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// A November roster made from a September one and its result (issue 24): a share of the students leave on each side,
/// newcomers join existing classes, one paired inland class is dissolved (its students leave), every other id is
/// unchanged. The same seed gives the same roster.
/// </summary>
internal static class MidYearRosters
{
    public static Roster November(Roster september, PairingResult result, int seed, double leave = 0.03, double join = 0.02, bool dissolve = true)
    {
        var random = new Random(seed);
        ClassId? dissolved = null;
        if (dissolve && result.ClassPairs.Count > 0)
        {
            // A paired inland class whose school keeps another class, so that the school stays in the roster.
            var candidates = result.ClassPairs
                .Select(p => p.Inland)
                .Where(c => september.ClassesIn(september.GetClass(c).SchoolId).Count > 1)
                .ToList();
            if (candidates.Count > 0)
            {
                dissolved = candidates[random.Next(candidates.Count)];
            }
        }

        var builder = new RosterBuilder();
        foreach (var c in september.Counties)
        {
            builder.AddCounty(c);
        }

        foreach (var s in september.Schools)
        {
            builder.AddSchool(s);
        }

        foreach (var c in september.Classes.Where(c => c.Id != dissolved))
        {
            builder.AddClass(c.Id, c.SchoolId, c.Grade);
            var students = september.StudentsIn(c.Id);
            var kept = 0;
            for (var i = 0; i < students.Count; i++)
            {
                // The last student of a class stays, so that no class is left empty.
                if (random.NextDouble() >= leave || (kept == 0 && i == students.Count - 1))
                {
                    builder.AddStudent(students[i]);
                    kept++;
                }
            }

            var newcomers = 0;
            for (var i = 0; i < students.Count; i++)
            {
                if (random.NextDouble() < join)
                {
                    newcomers++;
                }
            }

            for (var k = 0; k < newcomers; k++)
            {
                var template = students[random.Next(students.Count)];
                builder.AddStudent(new Student(new StudentId($"{c.Id.Value}-nov{k}"), c.Id, template.Gender, template.BirthYear, template.Language, [.. template.Interests]));
            }
        }

        return builder.Build().GetValueOrThrow();
    }

    /// <summary>How many of the previous student pairs have both students still in the roster, on their sides.</summary>
    public static int Surviving(Roster roster, PairingResult previous) =>
        previous.StudentPairs.Count(p => roster.TryGetStudent(p.Xinjiang, out _) && roster.TryGetStudent(p.Inland, out _));
}
