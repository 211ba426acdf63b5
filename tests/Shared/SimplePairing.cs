using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Testing;

/// <summary>
/// A plain, deterministic pairing of a roster for exercising activity validation where the real matcher is not at
/// hand or too slow to set up (tests, benchmarks; compiled into both, shipped in neither): within each supporting province, Xinjiang counties in id order take inland counties
/// in id order (round robin), schools likewise, and students of a grade take the unused inland students of the same
/// grade of the paired school in id order. It keeps P1, P5 and P6, not the matcher's balance or P4; nothing in the
/// public API depends on it.
/// </summary>
internal static class SimplePairing
{
    public static PairingResult Pair(Roster roster)
    {
        var countyPairs = new List<CountyPair>();
        var schoolPairs = new List<SchoolPair>();
        var studentPairs = new List<StudentPair>();
        var xinjiang = roster.CountyArray.Where(c => c.Side == Side.Xinjiang).ToLookup(roster.ProvinceOf);
        var inland = roster.CountyArray.Where(c => c.Side == Side.Inland).ToLookup(roster.ProvinceOf);
        var usedInland = new HashSet<int>();
        foreach (var group in xinjiang.OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            // Largest with largest, so that each county tends to meet the inland county shaped for it.
            var hosts = BySize(roster, inland[group.Key]);
            if (hosts.Length == 0)
            {
                continue;
            }

            var counties = BySize(roster, group);
            for (var i = 0; i < counties.Length; i++)
            {
                var host = hosts[i % hosts.Length];
                countyPairs.Add(new CountyPair(counties[i].Id, host.Id));
                var xSchools = SchoolsBySize(roster, roster.CountyIndexOf(counties[i].Id));
                var nSchools = SchoolsBySize(roster, roster.CountyIndexOf(host.Id));
                if (nSchools.Length == 0)
                {
                    continue;
                }

                for (var s = 0; s < xSchools.Length; s++)
                {
                    var xs = xSchools[s];
                    var ns = nSchools[s % nSchools.Length];
                    schoolPairs.Add(new SchoolPair(roster.SchoolArray[xs].Id, roster.SchoolArray[ns].Id));
                    PairStudents(roster, xs, ns, usedInland, studentPairs);
                }
            }
        }

        var summary = new PairingSummary
        {
            Phase = PairingPhase.Roster,
            Counties = new LevelFigures(countyPairs.Count, 0, 0, 0),
            Schools = new LevelFigures(schoolPairs.Count, 0, 0, 0),
            Students = new LevelFigures(studentPairs.Count, 0, 0, 0),
            XinjiangStudents = roster.CountsOf(Side.Xinjiang).Students,
            CoveredStudents = studentPairs.Count,
            InputHash = "sha256:" + new string('0', 64),
            LibraryVersion = "simple-pairing",
            OrToolsVersion = "none",
            Options = new PairingOptionsSnapshot(),
        };
        return new PairingResult(countyPairs, schoolPairs, [], studentPairs, [], summary);
    }

    private static County[] BySize(Roster roster, IEnumerable<County> counties) =>
        [.. counties.OrderByDescending(c => SchoolsBySize(roster, roster.CountyIndexOf(c.Id)).Sum(s => SizeOf(roster, s))).ThenBy(c => c.Id.Value, StringComparer.Ordinal)];

    private static int[] SchoolsBySize(Roster roster, int county) =>
        [.. roster.CountySchools.Of(county).ToArray().OrderByDescending(s => SizeOf(roster, s)).ThenBy(s => roster.SchoolArray[s].Id.Value, StringComparer.Ordinal)];

    private static int SizeOf(Roster roster, int school)
    {
        var size = 0;
        foreach (var c in roster.SchoolClasses.Of(school))
        {
            size += roster.ClassArray[c].Size;
        }

        return size;
    }

    private static void PairStudents(Roster roster, int xSchool, int nSchool, HashSet<int> usedInland, List<StudentPair> pairs)
    {
        var inlandByGrade = new Dictionary<int, Queue<int>>();
        foreach (var c in roster.SchoolClasses.Of(nSchool))
        {
            var grade = roster.ClassArray[c].Grade.Number;
            if (!inlandByGrade.TryGetValue(grade, out var queue))
            {
                inlandByGrade[grade] = queue = new Queue<int>();
            }

            foreach (var s in roster.ClassStudents.Of(c))
            {
                if (!usedInland.Contains(s))
                {
                    queue.Enqueue(s);
                }
            }
        }

        foreach (var c in roster.SchoolClasses.Of(xSchool))
        {
            if (!inlandByGrade.TryGetValue(roster.ClassArray[c].Grade.Number, out var queue))
            {
                continue;
            }

            foreach (var s in roster.ClassStudents.Of(c))
            {
                if (queue.Count == 0)
                {
                    break;
                }

                var partner = queue.Dequeue();
                usedInland.Add(partner);
                pairs.Add(new StudentPair(roster.StudentArray[s].Id, roster.StudentArray[partner].Id, false));
            }
        }
    }
}
