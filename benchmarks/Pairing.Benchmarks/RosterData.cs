using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Rosters;

namespace Pairing.Benchmarks;

/// <summary>Generated national rosters written once per size into a temporary folder and reused across runs.</summary>
internal static class RosterData
{
    public const long Seed = 2014;

    public static string Folder(int xinjiangStudents, bool countsOnly = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pairing-bench", $"roster-{xinjiangStudents}-{(countsOnly ? "counts" : "full")}-{Seed}");
        if (!File.Exists(Path.Combine(dir, RosterFiles.ClassesFile)))
        {
            var roster = RosterGenerator.Generate(new RosterGeneratorOptions
            {
                XinjiangStudents = xinjiangStudents,
                Seed = Seed,
                CountsOnly = countsOnly,
            });
            RosterFiles.Write(roster, dir);
        }

        return dir;
    }
}
