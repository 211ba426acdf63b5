using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Cli.Commands;

/// <summary>
/// What happened to last year's pairs in this year's results, per level, found by comparing the results themselves:
/// how many pairs last year had, how many still have both members in this year's roster, and how many of those a
/// run made again.
/// </summary>
internal static class ContinuityComparison
{
    /// <summary>One level's figures.</summary>
    /// <param name="Of">The level compared.</param>
    /// <param name="Previous">Last year's pairs at that level.</param>
    /// <param name="Standing">Of those, the pairs whose two members are both still in this year's roster.</param>
    /// <param name="KeptWithPrevious">Of those, the pairs the run given last year's result made again.</param>
    /// <param name="KeptFresh">Of those, the pairs a run without last year's result made all the same.</param>
    internal readonly record struct Level(PairingLevel Of, int Previous, int Standing, int KeptWithPrevious, int KeptFresh);

    /// <summary>The figures of each level, county to student.</summary>
    public static IReadOnlyList<Level> Compare(Roster roster, PairingResult previous, PairingResult withPrevious, PairingResult fresh) =>
    [
        Of(PairingLevel.County, previous.CountyPairs, withPrevious.CountyPairs, fresh.CountyPairs,
            p => roster.TryGetCounty(p.Xinjiang, out _) && roster.TryGetCounty(p.Inland, out _)),
        Of(PairingLevel.School, previous.SchoolPairs, withPrevious.SchoolPairs, fresh.SchoolPairs,
            p => roster.TryGetSchool(p.Xinjiang, out _) && roster.TryGetSchool(p.Inland, out _)),
        Of(PairingLevel.Class, previous.ClassPairs, withPrevious.ClassPairs, fresh.ClassPairs,
            p => roster.TryGetClass(p.Xinjiang, out _) && roster.TryGetClass(p.Inland, out _)),
        Of(PairingLevel.Student, Members(previous.StudentPairs), Members(withPrevious.StudentPairs), Members(fresh.StudentPairs),
            p => roster.TryGetStudent(p.Xinjiang, out _) && roster.TryGetStudent(p.Inland, out _)),
    ];

    // Whether a student pair crosses classes depends on the year's class pairs; the pair is its two students.
    private static IEnumerable<StudentPair> Members(IEnumerable<StudentPair> pairs) => pairs.Select(p => p with { CrossClass = false });

    private static Level Of<T>(PairingLevel level, IEnumerable<T> previous, IEnumerable<T> withPrevious, IEnumerable<T> fresh, Func<T, bool> standing)
    {
        var kept = withPrevious.ToHashSet();
        var again = fresh.ToHashSet();
        int count = 0, stand = 0, keptCount = 0, freshCount = 0;
        foreach (var pair in previous)
        {
            count++;
            if (!standing(pair))
            {
                continue;
            }

            stand++;
            keptCount += kept.Contains(pair) ? 1 : 0;
            freshCount += again.Contains(pair) ? 1 : 0;
        }

        return new Level(level, count, stand, keptCount, freshCount);
    }
}
