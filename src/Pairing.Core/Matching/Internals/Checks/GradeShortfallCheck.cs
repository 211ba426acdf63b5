using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// CHK057–CHK058: per inland school and grade, the Xinjiang classes and students listed as unpaired for its shortfall
/// are exactly what it lacks: a grade with 3 classes for 5 leaves 2 classes unpaired, not 3 (the rest could pair).
/// Its verdicts judge rows of <c>unpaired.csv</c>: they carry no level.
/// </summary>
internal sealed class GradeShortfallCheck(CheckContext context) : ResultCheck(context)
{
    protected override PairingLevel? Level => null;

    public void Check(Dictionary<(PairingLevel, string), UnpairedUnit> listed)
    {
        if (Result.Phase != PairingPhase.Roster)
        {
            return;
        }

        foreach (var level in (PairingLevel[])[PairingLevel.Class, PairingLevel.Student])
        {
            var groups = new Dictionary<(string Inland, int Grade), (int Listed, int Available, int Needed)>();
            foreach (var u in listed.Values)
            {
                if (u.Level != level || (u.Code != UnpairedFindings.GradeClassesShort.Code && u.Code != UnpairedFindings.GradeStudentsShort.Code)
                    || u.Grade is not { } g || u.InlandId is null
                    || u.Available is not { } a || u.Needed is not { } n)
                {
                    continue;
                }

                var key = (u.InlandId, g.Number);
                var entry = groups.TryGetValue(key, out var e) ? e : (Listed: 0, Available: a, Needed: n);
                groups[key] = (entry.Listed + 1, entry.Available, entry.Needed);
            }

            foreach (var ((inland, grade), (count, available, needed)) in groups.OrderBy(e => e.Key.Inland, StringComparer.Ordinal).ThenBy(e => e.Key.Grade))
            {
                if (count != needed - available)
                {
                    Add(level == PairingLevel.Class ? CheckFindings.GradeClassesListed : CheckFindings.GradeStudentsListed, inland, Unit(PairingLevel.School, inland),
                        A("inland", inland), A("grade", new Grade(grade)), A("available", available), A("needed", needed), A("left", needed - available), A("listed", count));
                }
            }
        }
    }
}
