using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// <c>continuity.csv</c> against the previous result (CHK101–CHK105, CHK116–CHK119): every previous pair of the levels
/// the phase pairs has exactly one row and every new pair a row with status new; a kept pair is in the result and a
/// dropped one is not (whose reason <see cref="DroppedPairCheck"/> judges); a kept student pair says whether its class
/// pair changed; the summary's counts per code and per level. Its verdicts judge rows of the list: they carry no level.
/// </summary>
internal sealed class ContinuityCheck(CheckContext context) : ResultCheck(context)
{
    private readonly DroppedPairCheck _dropped = new(context);

    protected override PairingLevel? Level => null;

    /// <summary>continuity.csv against the previous result, recounted from the roster.</summary>
    public void Check(PairingResult last)
    {
        var rows = new Dictionary<(PairingLevel, string, string), ContinuityEntry>();
        foreach (var e in Result.Continuity)
        {
            if (!rows.TryAdd((e.Level, e.XinjiangId, e.InlandId), e))
            {
                Add(CheckFindings.ContinuityRowTwice, Pair(e.XinjiangId, e.InlandId), PairSubject(e.Level, e.XinjiangId, e.InlandId), A("level", e.Level));
            }
        }

        var expected = new List<(PairingLevel Level, string X, string N)>();
        expected.AddRange(last.CountyPairs.Select(p => (PairingLevel.County, p.Xinjiang.Value, p.Inland.Value)));
        expected.AddRange(last.SchoolPairs.Select(p => (PairingLevel.School, p.Xinjiang.Value, p.Inland.Value)));
        if (Result.Phase == PairingPhase.Roster)
        {
            expected.AddRange(last.ClassPairs.Select(p => (PairingLevel.Class, p.Xinjiang.Value, p.Inland.Value)));
            expected.AddRange(last.StudentPairs.Select(p => (PairingLevel.Student, p.Xinjiang.Value, p.Inland.Value)));
        }

        var expectedSet = expected.ToHashSet();

        // Every pair made this term that the previous result lacks has a row with status new (a school pair of the plan
        // kept under P4's tolerance: status kept, CON017, whose numbers ToleranceCheck judges).
        var made = new List<(PairingLevel Level, string X, string N)>();
        made.AddRange(Result.CountyPairs.Select(p => (PairingLevel.County, p.Xinjiang.Value, p.Inland.Value)));
        made.AddRange(Result.SchoolPairs.Select(p => (PairingLevel.School, p.Xinjiang.Value, p.Inland.Value)));
        made.AddRange(Result.ClassPairs.Select(p => (PairingLevel.Class, p.Xinjiang.Value, p.Inland.Value)));
        made.AddRange(Result.StudentPairs.Select(p => (PairingLevel.Student, p.Xinjiang.Value, p.Inland.Value)));
        foreach (var key in made.Where(k => !expectedSet.Contains(k)))
        {
            var subject = Pair(key.X, key.N);
            var about = PairSubject(key.Level, key.X, key.N);
            if (!rows.TryGetValue(key, out var row))
            {
                Add(CheckFindings.NewPairNotListed, subject, about, A("level", key.Level), A("status", None), A("code", None));
            }
            else if ((row.Status != ContinuityStatus.New || row.Code != ContinuityFindings.New.Code)
                && !(key.Level == PairingLevel.School && row.Status == ContinuityStatus.Kept && row.Code == ContinuityFindings.PlanKeptShort.Code))
            {
                Add(CheckFindings.NewPairNotListed, subject, about, A("level", key.Level), A("status", row.Status), A("code", row.Code));
            }

            expectedSet.Add(key);
        }

        foreach (var key in rows.Keys.Where(k => !expectedSet.Contains(k)))
        {
            Add(CheckFindings.ContinuityRowNotInPrevious, Pair(key.Item2, key.Item3), PairSubject(key.Item1, key.Item2, key.Item3), A("level", key.Item1));
        }

        var counties = Result.CountyPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        var schools = Result.SchoolPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        var classes = Result.ClassPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        var students = Result.StudentPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        var lastClasses = last.ClassPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        var lastCross = last.StudentPairs.Where(p => p.CrossClass).Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        var crossNow = Result.StudentPairs.Where(p => p.CrossClass).Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
        foreach (var (level, x, n) in expected.Distinct())
        {
            var subject = Pair(x, n);
            var about = PairSubject(level, x, n);
            if (!rows.TryGetValue((level, x, n), out var row))
            {
                Add(CheckFindings.ContinuityRowMissing, subject, about, A("level", level));
                continue;
            }

            var isMade = level switch
            {
                PairingLevel.County => counties.Contains((x, n)),
                PairingLevel.School => schools.Contains((x, n)),
                PairingLevel.Class => classes.Contains((x, n)),
                _ => students.Contains((x, n)),
            };
            var kept = row.Status == ContinuityStatus.Kept;
            var keptCode = row.Code == ContinuityFindings.Kept.Code
                || (level == PairingLevel.School && row.Code == ContinuityFindings.KeptShort.Code)
                || (level == PairingLevel.Student && row.Code == ContinuityFindings.KeptClassChanged.Code);
            if (kept != isMade || kept != keptCode || row.Status == ContinuityStatus.New)
            {
                Add(isMade ? CheckFindings.ContinuityStatusButMade : CheckFindings.ContinuityStatusButNotMade, subject, about,
                    A("status", row.Status), A("code", row.Code));
                continue;
            }

            if (kept && level == PairingLevel.Student && Roster.TryGetStudent(new StudentId(x), out var xs) && Roster.TryGetStudent(new StudentId(n), out var ns))
            {
                // CON016 exactly when the students' classes are a class pair in one term and not in the other.
                var classPair = (xs.ClassId.Value, ns.ClassId.Value);
                var changed = lastClasses.Contains(classPair) != classes.Contains(classPair)
                    || lastCross.Contains((x, n)) != crossNow.Contains((x, n));
                if (changed != (row.Code == ContinuityFindings.KeptClassChanged.Code))
                {
                    Add(CheckFindings.ClassChangeWrong, subject, about, A("code", row.Code),
                        A("expected", changed ? ContinuityFindings.KeptClassChanged.Code : ContinuityFindings.Kept.Code));
                    continue;
                }
            }

            if (!kept)
            {
                _dropped.Check(level, x, n, row, subject, about, last);
            }
        }

        if (Result.Summary.ContinuityCounts is not { } counts)
        {
            Add(CheckFindings.NoContinuityCounts, "summary.continuity", Figure("continuity"));
            return;
        }

        foreach (var group in Result.Continuity.GroupBy(e => e.Code))
        {
            if (counts.GetValueOrDefault(group.Key) != group.Count())
            {
                Add(CheckFindings.ContinuityCountDiffers, "summary.continuity." + group.Key, Figure("continuity." + group.Key),
                    A("code", group.Key), A("stated", counts.GetValueOrDefault(group.Key)), A("counted", group.Count()));
            }
        }

        foreach (var (code, count) in counts.Where(c => c.Value != 0 && !Result.Continuity.Any(e => e.Code == c.Key)))
        {
            Add(CheckFindings.ContinuityCountDiffers, "summary.continuity." + code, Figure("continuity." + code),
                A("code", code), A("stated", count), A("counted", 0));
        }

        // Kept, dropped and new per level, recounted from the rows (summaries written before issue 24 have none).
        if (Result.Summary.ContinuityByLevel is { } byLevel)
        {
            static string Status(ContinuityStatus s) => s switch
            {
                ContinuityStatus.Kept => "kept",
                ContinuityStatus.New => "new",
                _ => "dropped",
            };
            var recounted = Result.Continuity
                .GroupBy(e => LevelText(e.Level) + "." + Status(e.Status))
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var key in byLevel.Keys.Union(recounted.Keys).Order(StringComparer.Ordinal))
            {
                var stated = byLevel.GetValueOrDefault(key);
                var counted = recounted.GetValueOrDefault(key);
                if (stated != counted)
                {
                    Add(CheckFindings.ContinuityCountDiffers, "summary.continuity_levels." + key, Figure("continuity_levels." + key),
                        A("code", key), A("stated", stated), A("counted", counted));
                }
            }
        }
    }

    private static string LevelText(PairingLevel level) => level switch
    {
        PairingLevel.County => "county",
        PairingLevel.School => "school",
        PairingLevel.Class => "class",
        _ => "student",
    };
}
