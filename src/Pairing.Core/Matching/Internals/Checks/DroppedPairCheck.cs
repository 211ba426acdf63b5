using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// The reason of a dropped pair's row of <c>continuity.csv</c> (CHK106–CHK115), recomputed from the roster: a member
/// left, a rule that no longer holds with its numbers, the pair above not made; a pair dropped for coverage or for
/// later aims could still stand (its members are there, its rules hold, the pair above is made) and names a coverage
/// loss in numbers. Its verdicts judge rows of the list: they carry no level.
/// </summary>
internal sealed class DroppedPairCheck(CheckContext context) : ResultCheck(context)
{
    private HashSet<SchoolPair>? _lastSchools;

    protected override PairingLevel? Level => null;

    /// <summary>Whether a dropped pair's reason is true, recomputed from the roster.</summary>
    public void Check(PairingLevel level, string x, string n, ContinuityEntry row, string subject, FindingSubject about, PairingResult last)
    {
        // The two members and, for class and student pairs, the classes and schools they are in now.
        (bool Found, School? School, SchoolClass? Class) Member(string id, bool xinjiang)
        {
            switch (level)
            {
                case PairingLevel.County:
                    return (Roster.TryGetCounty(new CountyId(id), out var c) && IsXinjiang(c) == xinjiang, null, null);
                case PairingLevel.School:
                    return Roster.TryGetSchool(new SchoolId(id), out var s) && IsXinjiang(CountyOfSchool(s)) == xinjiang ? (true, s, null) : (false, null, null);
                case PairingLevel.Class:
                    return Roster.TryGetClass(new ClassId(id), out var k) && IsXinjiang(CountyOfSchool(SchoolOfClass(k))) == xinjiang
                        ? (true, SchoolOfClass(k), k) : (false, null, null);
                default:
                    if (Roster.TryGetStudent(new StudentId(id), out var st))
                    {
                        var sc = Roster.GetClass(st.ClassId);
                        return IsXinjiang(CountyOfSchool(SchoolOfClass(sc))) == xinjiang ? (true, SchoolOfClass(sc), sc) : (false, null, null);
                    }

                    return (false, null, null);
            }
        }

        var a = Member(x, xinjiang: true);
        var b = Member(n, xinjiang: false);
        var left = !a.Found || !b.Found;
        if (row.Code == ContinuityFindings.MemberLeft.Code)
        {
            if (!left)
            {
                Add(CheckFindings.MemberLeftButBothIn, subject, about);
            }

            return;
        }

        if (left)
        {
            Add(CheckFindings.MemberLeftOtherCode, subject, about, A("code", row.Code));
            return;
        }

        // Whether the pair above is made this year, and whether every rule still holds for the pair itself.
        PairingLevel? above = null;
        string? broken = null;
        PairingRule? brokenRule = null;
        long? have = null, need = null;
        string? counted = null;
        switch (level)
        {
            case PairingLevel.County:
            {
                var xc = Roster.GetCounty(new CountyId(x));
                var nc = Roster.GetCounty(new CountyId(n));
                var xs = Roster.SchoolsIn(xc.Id);
                if (Roster.ProvinceOf(xc) != Roster.ProvinceOf(nc))
                {
                    (brokenRule, broken) = (PairingRule.P1, "provinces");
                }
                else if (xs.Count > 0 && !Roster.SchoolsIn(nc.Id).Any(t => xs.Any(s => Fits(t, s) || Tolerated(last, s, t))))
                {
                    (brokenRule, broken, counted, have, need) = (PairingRule.P4, "no school pair", "schools", 0, 1);
                }

                break;
            }

            case PairingLevel.School:
            {
                var s = a.School!;
                var t = b.School!;
                if (!Result.CountyPairs.Contains(new CountyPair(s.CountyId, t.CountyId)))
                {
                    above = PairingLevel.County;
                }

                var sc = Roster.ClassesIn(s.Id);
                var tc = Roster.ClassesIn(t.Id);
                if (Tolerated(last, s, t))
                {
                    // Last term's pair, P4 not strict: a shortfall breaks no rule.
                }
                else if (tc.Count < sc.Count)
                {
                    (brokenRule, broken, counted, have, need) = (PairingRule.P4, "classes", "classes", tc.Count, sc.Count);
                }
                else if (tc.Sum(c => (long)c.Size) < sc.Sum(c => (long)c.Size))
                {
                    (brokenRule, broken, counted, have, need) = (PairingRule.P4, "students", "students", tc.Sum(c => (long)c.Size), sc.Sum(c => (long)c.Size));
                }

                break;
            }

            default:
            {
                if (!Result.SchoolPairs.Contains(new SchoolPair(a.School!.Id, b.School!.Id)))
                {
                    above = PairingLevel.School;
                }
                else if (GradeIn(b.School!, a.Class!.Grade) != b.Class!.Grade)
                {
                    (brokenRule, broken) = (PairingRule.P5, "grades");
                }

                break;
            }
        }

        // The code each broken rule is reported under.
        var ruleCode = broken switch
        {
            "provinces" => ContinuityFindings.ProvinceChanged.Code,
            "no school pair" => ContinuityFindings.NoSchoolPair.Code,
            "classes" => ContinuityFindings.ClassesShort.Code,
            "students" => ContinuityFindings.StudentsShort.Code,
            "grades" => ContinuityFindings.GradesApart.Code,
            _ => null,
        };
        string[] ruleCodes =
        [
            ContinuityFindings.ProvinceChanged.Code, ContinuityFindings.NoSchoolPair.Code, ContinuityFindings.ClassesShort.Code,
            ContinuityFindings.StudentsShort.Code, ContinuityFindings.GradesApart.Code,
        ];
        string[] stillStands =
        [
            ContinuityFindings.MoreCovered.Code, ContinuityFindings.OtherAims.Code, ContinuityFindings.NoPlace.Code, ContinuityFindings.Plan.Code,
            ContinuityFindings.MoreKept.Code,
        ];
        if (row.Code == ContinuityFindings.PairAboveDropped.Code)
        {
            if (above is null)
            {
                Add(CheckFindings.PairAboveMade, subject, about);
            }
        }
        else if (ruleCodes.Contains(row.Code))
        {
            if (ruleCode != row.Code || row.Rule != brokenRule)
            {
                if (broken is null)
                {
                    Add(CheckFindings.EveryRuleHolds, subject, about, A("code", row.Code), A("rule", RuleText(row.Rule)));
                }
                else
                {
                    Add(CheckFindings.OtherRuleBroken, subject, about,
                        A("code", row.Code), A("rule", RuleText(row.Rule)), A("expected", ruleCode!), A("expectedRule", RuleText(brokenRule)));
                }
            }
            else if (row.Counted != counted || row.Available != have || row.Needed != need)
            {
                Add(CheckFindings.OtherContinuityNumbers, subject, about,
                    A("rowAvailable", NumberOrNone(row.Available)), A("rowNeeded", NumberOrNone(row.Needed)), A("rowCounted", row.Counted ?? None),
                    A("available", NumberOrNone(have)), A("needed", NumberOrNone(need)), A("counted", counted ?? None));
            }
        }
        else if (stillStands.Contains(row.Code))
        {
            if (above is { } aboveLevel)
            {
                Add(CheckFindings.StillStandsPairAboveNotMade, subject, about, A("code", row.Code), A("above", aboveLevel));
            }
            else if (broken is not null)
            {
                Add(CheckFindings.StillStandsRuleBroken, subject, about, A("code", row.Code), A("rule", RuleText(brokenRule)));
            }
            else if (row.Code == ContinuityFindings.MoreCovered.Code
                && (row.Counted != "students" || row.Available is not { } with || row.Needed is not { } without || with >= without))
            {
                Add(CheckFindings.NotALoss, subject, about, A("available", NumberOrNone(row.Available)), A("needed", NumberOrNone(row.Needed)));
            }
            else if (row.Code == ContinuityFindings.MoreKept.Code
                && (row.Counted != "students" || row.Available is not { } kept || row.Needed is not { } made || kept <= made))
            {
                // CON014 says the pair would have covered more: the numbers must say so too.
                Add(CheckFindings.NotALoss, subject, about, A("available", NumberOrNone(row.Available)), A("needed", NumberOrNone(row.Needed)));
            }
        }
        else
        {
            Add(CheckFindings.UnknownContinuityCode, subject, about, A("code", row.Code));
        }
    }

    /// <summary>Whether school pair (s, t) is last term's and P4 is not strict: it may stand though P4 fails.</summary>
    private bool Tolerated(PairingResult last, School s, School t) =>
        !Options.StrictP4 && (_lastSchools ??= [.. last.SchoolPairs]).Contains(new SchoolPair(s.Id, t.Id));

    /// <summary>P4 for one inland school alone: no fewer classes and no fewer students.</summary>
    private bool Fits(School t, School s)
    {
        var tc = Roster.ClassesIn(t.Id);
        var sc = Roster.ClassesIn(s.Id);
        return tc.Count >= sc.Count && tc.Sum(c => (long)c.Size) >= sc.Sum(c => (long)c.Size);
    }
}
