using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Matching.Internals;
using Pairing.Core.Rosters;

namespace Pairing.Core.Matching;

/// <summary>
/// Answers the question every office asks about one Xinjiang county, school, class or student (or an inland one): is it
/// paired, and with whom; if not, why, up the hierarchy to the root cause (a student unpaired because its class is,
/// because its school is, because the closest inland school has 28 classes where 120 are needed); and what became of
/// its previous year's pairs. The answer is data (<see cref="UnitExplanation"/>, a list of findings), never text.
/// </summary>
/// <remarks>
/// The result alone says whether a unit is paired and why not, but not which unit it belongs to: with the roster the
/// chain of causes names every unit above (student, class, school, county); without it the chain stops where the result
/// stops, and a finding says so (<see cref="ExplainFindings.AboveNeedsRoster"/>). Reads the result and roster only;
/// thread-safe.
/// </remarks>
public static class PairingExplainer
{
    /// <summary>How many of the nearest ids an unknown id is given.</summary>
    public const int MaxNearestIds = 5;

    /// <summary>Explains one unit of a result.</summary>
    /// <param name="result">The pairing result (a plan or a full result).</param>
    /// <param name="unitId">The id of a county, school, class or student, as the roster writes it.</param>
    /// <param name="roster">The roster the result was made from, to name the units above and find units the result does not list; or null.</param>
    /// <returns>What was found; an unknown id gives <see cref="ExplainFindings.UnknownId"/> with the nearest known ids.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="unitId"/> is null.</exception>
    public static UnitExplanation Explain(PairingResult result, string unitId, Roster? roster = null)
    {
        Guard.NotNull(result);
        Guard.NotNull(unitId);
        if (Locate(result, unitId, roster) is not { } unit)
        {
            return Unknown(result, unitId, roster);
        }

        var findings = new List<Finding>();
        var partners = new List<string>();
        if (unit.Side == Side.Inland)
        {
            foreach (var partner in XinjiangPartnersOf(result, unit.Level, unitId))
            {
                partners.Add(partner);
                findings.Add(ExplainFindings.InlandPaired.Create(Subject(unit.Level, unitId), null,
                    FindingArgument.Of("level", unit.Level), FindingArgument.Of("partner", partner)));
            }

            if (partners.Count == 0)
            {
                findings.Add(unit.LastYearOnly
                    ? ExplainFindings.OnlyLastYear.Create(Subject(unit.Level, unitId), null)
                    : ExplainFindings.InlandLeftOver.Create(Subject(unit.Level, unitId), null, FindingArgument.Of("level", unit.Level)));
            }
        }
        else
        {
            Chain(result, roster, unit, findings, partners);
        }

        foreach (var entry in result.Continuity)
        {
            // A new pair (status new) is this term's, said by the partner finding above; only last term's pairs here.
            if (entry.Status != ContinuityStatus.New && entry.Level == unit.Level && (unit.Side == Side.Inland ? entry.InlandId : entry.XinjiangId) == unitId)
            {
                findings.Add(entry.Status == ContinuityStatus.Kept
                    ? ExplainFindings.PreviousKept.Create(Subject(unit.Level, unitId), null,
                        FindingArgument.Of("level", entry.Level), FindingArgument.Of("xinjiang", entry.XinjiangId), FindingArgument.Of("inland", entry.InlandId))
                    : ExplainFindings.PreviousDropped.Create(Subject(unit.Level, unitId), null,
                        FindingArgument.Of("level", entry.Level), FindingArgument.Of("xinjiang", entry.XinjiangId), FindingArgument.Of("inland", entry.InlandId),
                        FindingArgument.Of("code", entry.Code), FindingArgument.Of("reason", entry.Reason)));
            }
        }

        return new UnitExplanation(unitId, unit.Level, unit.Side, partners.Count > 0, partners, findings, []);
    }

    /// <summary>A Xinjiang unit: paired, or its unpaired row and those of the units above it, up to the root cause.</summary>
    private static void Chain(PairingResult result, Roster? roster, Unit unit, List<Finding> findings, List<string> partners)
    {
        var (level, id) = (unit.Level, unit.Id);
        for (var first = true; ; first = false)
        {
            if (InlandPartnerOf(result, level, id) is { } pair)
            {
                if (first)
                {
                    partners.Add(pair.Partner);
                }

                findings.Add(pair.CrossClass
                    ? ExplainFindings.PairedCrossClass.Create(Subject(level, id), null, FindingArgument.Of("partner", pair.Partner))
                    : ExplainFindings.Paired.Create(Subject(level, id), null, FindingArgument.Of("level", level), FindingArgument.Of("partner", pair.Partner)));
                return;
            }

            PairingLevel? above;
            var climb = false;
            if (UnpairedRow(result, level, id) is { } row)
            {
                findings.Add(row.Finding);
                // A unit unpaired because the unit above it is: the explanation climbs to that unit.
                var descriptor = row.Finding.Descriptor;
                above = descriptor == UnpairedFindings.CountyUnpaired ? PairingLevel.County
                    : descriptor == UnpairedFindings.ClassSchoolUnpaired || descriptor == UnpairedFindings.StudentSchoolUnpaired ? PairingLevel.School
                    : null;
                if (above is null)
                {
                    return;
                }
            }
            else if (result.Phase == PairingPhase.Planning && level >= PairingLevel.Class)
            {
                // A plan pairs counties and schools only: what the class or student can have is its school's pair.
                findings.Add(ExplainFindings.PlanOnly.Create(Subject(level, id), null));
                above = PairingLevel.School;
                climb = true;
            }
            else
            {
                findings.Add(first && unit.LastYearOnly
                    ? ExplainFindings.OnlyLastYear.Create(Subject(level, id), null)
                    : ExplainFindings.NotInResult.Create(Subject(level, id), null));
                return;
            }

            // The next unit up: the student's class first (its row says why, in its turn), then the school, the county.
            var next = roster is null ? null : Parent(roster, level, id);
            if (next is null)
            {
                findings.Add(ExplainFindings.AboveNeedsRoster.Create(Subject(level, id), null, FindingArgument.Of("above", above.Value)));
                return;
            }

            (level, id) = next.Value;
            while (level > above.Value && (climb || level != PairingLevel.Class) && Parent(roster!, level, id) is { } up)
            {
                (level, id) = up;
            }
        }
    }

    private static (PairingLevel Level, string Id)? Parent(Roster roster, PairingLevel level, string id)
    {
        if (!IsIdShaped(id))
        {
            return null;
        }

        return level switch
        {
            PairingLevel.Student when roster.TryGetStudent(new StudentId(id), out var s) => (PairingLevel.Class, s.ClassId.Value),
            PairingLevel.Class when roster.TryGetClass(new ClassId(id), out var c) => (PairingLevel.School, c.SchoolId.Value),
            PairingLevel.School when roster.TryGetSchool(new SchoolId(id), out var s) => (PairingLevel.County, s.CountyId.Value),
            _ => null,
        };
    }

    private static (string Partner, bool CrossClass)? InlandPartnerOf(PairingResult result, PairingLevel level, string id)
    {
        switch (level)
        {
            case PairingLevel.County:
                foreach (var p in result.CountyPairs)
                {
                    if (p.Xinjiang.Value == id)
                    {
                        return (p.Inland.Value, false);
                    }
                }

                break;
            case PairingLevel.School:
                foreach (var p in result.SchoolPairs)
                {
                    if (p.Xinjiang.Value == id)
                    {
                        return (p.Inland.Value, false);
                    }
                }

                break;
            case PairingLevel.Class:
                foreach (var p in result.ClassPairs)
                {
                    if (p.Xinjiang.Value == id)
                    {
                        return (p.Inland.Value, false);
                    }
                }

                break;
            default:
                foreach (var p in result.StudentPairs)
                {
                    if (p.Xinjiang.Value == id)
                    {
                        return (p.Inland.Value, p.CrossClass);
                    }
                }

                break;
        }

        return null;
    }

    private static IEnumerable<string> XinjiangPartnersOf(PairingResult result, PairingLevel level, string id) => level switch
    {
        PairingLevel.County => result.CountyPairs.Where(p => p.Inland.Value == id).Select(p => p.Xinjiang.Value),
        PairingLevel.School => result.SchoolPairs.Where(p => p.Inland.Value == id).Select(p => p.Xinjiang.Value),
        PairingLevel.Class => result.ClassPairs.Where(p => p.Inland.Value == id).Select(p => p.Xinjiang.Value),
        _ => result.StudentPairs.Where(p => p.Inland.Value == id).Select(p => p.Xinjiang.Value),
    };

    private static UnpairedUnit? UnpairedRow(PairingResult result, PairingLevel level, string id)
    {
        foreach (var row in result.Unpaired)
        {
            if (row.Level == level && row.Id == id)
            {
                return row;
            }
        }

        return null;
    }

    private sealed record Unit(PairingLevel Level, string Id, Side Side, bool LastYearOnly);

    /// <summary>Which unit has the id: the roster's, when given, else the result's (top level first).</summary>
    private static Unit? Locate(PairingResult result, string id, Roster? roster)
    {
        if (roster is not null && IsIdShaped(id))
        {
            if (roster.TryGetCounty(new CountyId(id), out var county))
            {
                return new(PairingLevel.County, id, county.Side, false);
            }

            if (roster.TryGetSchool(new SchoolId(id), out var school))
            {
                return new(PairingLevel.School, id, roster.SideOf(school), false);
            }

            if (roster.TryGetClass(new ClassId(id), out var schoolClass))
            {
                return new(PairingLevel.Class, id, roster.SideOf(schoolClass), false);
            }

            if (roster.TryGetStudent(new StudentId(id), out var student))
            {
                return new(PairingLevel.Student, id, roster.SideOf(student), false);
            }
        }

        foreach (var level in (ReadOnlySpan<PairingLevel>)[PairingLevel.County, PairingLevel.School, PairingLevel.Class, PairingLevel.Student])
        {
            if (InlandPartnerOf(result, level, id) is not null || UnpairedRow(result, level, id) is not null)
            {
                return new(level, id, Side.Xinjiang, false);
            }

            if (XinjiangPartnersOf(result, level, id).Any())
            {
                return new(level, id, Side.Inland, false);
            }
        }

        foreach (var entry in result.Continuity)
        {
            if (entry.XinjiangId == id || entry.InlandId == id)
            {
                return new(entry.Level, id, entry.XinjiangId == id ? Side.Xinjiang : Side.Inland, true);
            }
        }

        return null;
    }

    private static UnitExplanation Unknown(PairingResult result, string id, Roster? roster)
    {
        var nearest = new NearestIds(id, MaxNearestIds);
        foreach (var known in KnownIds(result, roster))
        {
            nearest.Consider(known);
        }

        var ids = nearest.Result();
        var findings = new List<Finding>
        {
            ids.Count > 0
                ? ExplainFindings.UnknownId.Create(null, null, FindingArgument.Of("id", id), FindingArgument.Of("nearest", string.Join(", ", ids)))
                : ExplainFindings.UnknownIdNoneNear.Create(null, null, FindingArgument.Of("id", id)),
        };
        if (roster is null)
        {
            findings.Add(ExplainFindings.ResultOnly.Create(null, null));
        }

        return new UnitExplanation(id, null, null, false, [], findings, ids);
    }

    private static IEnumerable<string> KnownIds(PairingResult result, Roster? roster)
    {
        foreach (var p in result.CountyPairs)
        {
            yield return p.Xinjiang.Value;
            yield return p.Inland.Value;
        }

        foreach (var p in result.SchoolPairs)
        {
            yield return p.Xinjiang.Value;
            yield return p.Inland.Value;
        }

        foreach (var p in result.ClassPairs)
        {
            yield return p.Xinjiang.Value;
            yield return p.Inland.Value;
        }

        foreach (var p in result.StudentPairs)
        {
            yield return p.Xinjiang.Value;
            yield return p.Inland.Value;
        }

        foreach (var u in result.Unpaired)
        {
            yield return u.Id;
        }

        foreach (var e in result.Continuity)
        {
            yield return e.XinjiangId;
            yield return e.InlandId;
        }

        if (roster is null)
        {
            yield break;
        }

        foreach (var c in roster.Counties)
        {
            yield return c.Id.Value;
        }

        foreach (var s in roster.Schools)
        {
            yield return s.Id.Value;
        }

        foreach (var c in roster.Classes)
        {
            yield return c.Id.Value;
        }

        foreach (var s in roster.Students)
        {
            yield return s.Id.Value;
        }
    }

    private static bool IsIdShaped(string id) => id.Length > 0 && !char.IsWhiteSpace(id[0]) && !char.IsWhiteSpace(id[^1]);

    private static FindingSubject Subject(PairingLevel level, string id) => new(PairingResult.LevelName(level), id);
}
