using System.Globalization;
using Pairing.Core.Activities;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Generation;

/// <summary>
/// Writes a realistic activity log of one school year for a roster and its pairing, to try the validator on and to
/// measure it: most pairs on schedule and a share behind; a few deliberate violations only when asked for.
/// </summary>
/// <remarks>
/// <para>
/// For school year <c>Y</c> (programme year 1 July <c>Y</c> – 30 June <c>Y+1</c>): a pair on schedule writes its
/// friendship letters in September and October, then a regular letter every five to eight weeks, may chat online,
/// sends books both ways in October and November with reflections after receiving them, agrees on a deed in
/// November or December, and both partners do it and share reflections by spring. A pair behind schedule stops at a
/// random step and lets its regular letters lapse. About three school pairs in four exchange once to three times;
/// each supporting province holds a summer camp of 50–150 aided-area students, some inland counties a winter camp;
/// most inland counties hold a family event with every family's consent.
/// </para>
/// <para>
/// The deliberate violations, only when <see cref="ActivityLogGeneratorOptions.DeliberateViolations"/> asks for them
/// (they need two student pairs and one county pair): a letter between
/// students who are not partners, a camp of 30 students, a camp in term time, a family event with partial consent,
/// and a letter dated before the programme year (so before its pair existed). Validate the log as of 30 June
/// <c>Y+1</c> to see every record counted.
/// </para>
/// <para>
/// The same inputs give the same log on every platform (the generator's own xoshiro256** sequence, one stream per
/// pair). Records come in date order with ids <c>A</c> and a zero-padded number in that order.
/// </para>
/// </remarks>
public static class ActivityLogGenerator
{
    private const ulong PairStream = 1UL << 40;
    private const ulong UnitStream = 2UL << 40;

    /// <summary>Generates a log.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">Its pairing (county, school and student pairs).</param>
    /// <param name="options">What to generate; <see langword="null"/> for the defaults (a log that breaks no rule). Checked first, and copied.</param>
    /// <returns>The records, in date order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> or <paramref name="result"/> is null.</exception>
    /// <exception cref="Matching.PairingOptionsException">Some options are out of range; <see cref="Matching.PairingOptionsException.Findings"/> lists every one.</exception>
    public static IReadOnlyList<ActivityRecord> Generate(Roster roster, PairingResult result, ActivityLogGeneratorOptions? options = null)
    {
        Guard.NotNull(roster);
        Guard.NotNull(result);
        var o = (options ?? new ActivityLogGeneratorOptions()).Clone();
        var failures = o.Validate();
        if (failures.Count > 0)
        {
            throw new Matching.PairingOptionsException(failures);
        }

        var (seed, schoolYear, behindShare, deliberateViolations) = (o.Seed, o.SchoolYear, o.BehindShare, o.DeliberateViolations);
        var drafts = new List<Draft>(result.StudentPairs.Count * 16);
        var yearStart = new DateOnly(schoolYear, 7, 1).DayNumber;
        var yearEnd = new DateOnly(schoolYear + 1, 6, 30).DayNumber;
        var term = new DateOnly(schoolYear, 9, 1).DayNumber;
        for (var i = 0; i < result.StudentPairs.Count; i++)
        {
            var random = new GeneratorRandom(seed, PairStream + (ulong)i);
            PairLog(drafts, result.StudentPairs[i], term, yearEnd, random.Chance(behindShare) ? random.Next(7) : 7, ref random);
        }

        var units = new GeneratorRandom(seed, UnitStream);
        for (var i = 0; i < result.SchoolPairs.Count; i++)
        {
            if (units.Chance(0.75))
            {
                var pair = result.SchoolPairs[i];
                var count = units.Between(1, 3);
                for (var k = 0; k < count; k++)
                {
                    var (from, to) = units.Chance(0.5) ? (pair.Xinjiang.Value, pair.Inland.Value) : (pair.Inland.Value, pair.Xinjiang.Value);
                    drafts.Add(new Draft(ActivityKind.SchoolExchange, units.Between(term + 14, yearEnd - 15), 0, null, to, from, null, null));
                }
            }
        }

        var inlandCounties = result.CountyPairs.Select(p => p.Inland).Distinct().Order().ToArray();
        var provinces = inlandCounties
            .Select(c => roster.TryGetCounty(c, out var county) ? roster.ProvinceOf(county).Value : null)
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var province in provinces)
        {
            var day = units.Between(yearStart + 9, yearStart + 30);
            drafts.Add(new Draft(ActivityKind.Camp, day, day + units.Between(4, 9), null, null, province, units.Between(50, 150), null));
        }

        var winter = new DateOnly(schoolYear + 1, 1, 20).DayNumber;
        foreach (var county in inlandCounties)
        {
            if (units.Chance(0.3))
            {
                var day = units.Between(winter, winter + 14);
                drafts.Add(new Draft(ActivityKind.Camp, day, day + units.Between(3, 6), null, null, county.Value, units.Between(50, 100), null));
            }

            if (units.Chance(0.6))
            {
                drafts.Add(new Draft(ActivityKind.FamilyEvent, units.Between(yearStart + 31, yearStart + 50), 0, null, null, county.Value, units.Between(5, 40), FamilyConsent.All));
            }
        }

        if (deliberateViolations && result.StudentPairs.Count >= 2 && inlandCounties.Length > 0 && provinces.Length > 0)
        {
            var first = result.StudentPairs[0];
            var second = result.StudentPairs[1];
            drafts.Add(new Draft(ActivityKind.Letter, term + 40, 0, first.Xinjiang.Value, second.Inland.Value, null, null, null));
            drafts.Add(new Draft(ActivityKind.Letter, yearStart - 10, 0, second.Xinjiang.Value, second.Inland.Value, null, null, null));
            drafts.Add(new Draft(ActivityKind.Camp, yearStart + 20, yearStart + 24, null, null, provinces[0], 30, null));
            drafts.Add(new Draft(ActivityKind.Camp, term + 39, term + 43, null, null, provinces[0], 60, null));
            drafts.Add(new Draft(ActivityKind.FamilyEvent, yearStart + 45, 0, null, null, inlandCounties[0].Value, 14, FamilyConsent.Partial));
        }

        return Build(drafts);
    }

    private static void PairLog(List<Draft> drafts, StudentPair pair, int term, int yearEnd, int steps, ref GeneratorRandom random)
    {
        string x = pair.Xinjiang.Value, n = pair.Inland.Value;
        void Add(ActivityKind kind, int day, string from, string? to)
        {
            if (day <= yearEnd)
            {
                drafts.Add(new Draft(kind, day, 0, from, to, null, null, null));
            }
        }

        if (steps == 0)
        {
            return;
        }

        // Who writes first varies; the friendship letters are the pair's first letters each way.
        var (a, b) = random.Chance(0.6) ? (x, n) : (n, x);
        var l1 = term + random.Between(7, 35);
        Add(ActivityKind.Letter, l1, a, b);
        if (steps == 1)
        {
            return;
        }

        var l2 = l1 + random.Between(7, 25);
        Add(ActivityKind.Letter, l2, b, a);

        // A pair behind schedule also lets its regular letters lapse within a few months.
        var lettersUntil = steps < 7 ? l2 + random.Between(0, 120) : yearEnd - 10;
        for (var day = l2 + random.Between(25, 50); day < lettersUntil; day += random.Between(35, 60))
        {
            var forward = random.Chance(0.5);
            Add(ActivityKind.Letter, day, forward ? x : n, forward ? n : x);
        }

        if (random.Chance(0.5))
        {
            var chats = random.Between(1, 3);
            for (var k = 0; k < chats; k++)
            {
                var forward = random.Chance(0.5);
                Add(ActivityKind.Chat, l2 + random.Between(1, 200), forward ? x : n, forward ? n : x);
            }
        }

        if (steps == 2)
        {
            return;
        }

        var bx = term + random.Between(30, 75);
        Add(ActivityKind.BookSent, bx, x, n);
        if (steps == 3)
        {
            return;
        }

        var bn = term + random.Between(30, 75);
        Add(ActivityKind.BookSent, bn, n, x);
        Add(ActivityKind.BookReflection, bx + random.Between(10, 40), n, x);
        Add(ActivityKind.BookReflection, bn + random.Between(10, 40), x, n);
        if (steps == 4)
        {
            return;
        }

        var agreed = term + random.Between(75, 120);
        var proposer = random.Chance(0.5);
        Add(ActivityKind.DeedAgreed, agreed, proposer ? x : n, proposer ? n : x);
        if (steps == 5)
        {
            return;
        }

        var dx = agreed + random.Between(7, 90);
        Add(ActivityKind.DeedDone, dx, x, null);
        if (steps == 6)
        {
            return;
        }

        var dn = agreed + random.Between(7, 90);
        Add(ActivityKind.DeedDone, dn, n, null);
        Add(ActivityKind.DeedReflection, dx + random.Between(3, 30), x, n);
        Add(ActivityKind.DeedReflection, dn + random.Between(3, 30), n, x);
    }

    /// <summary>Orders the drafts by day (a counting sort: stable, linear) and numbers them in that order.</summary>
    private static ActivityRecord[] Build(List<Draft> drafts)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var d in drafts)
        {
            min = Math.Min(min, d.Day);
            max = Math.Max(max, d.Day);
        }

        var start = new int[max - min + 2];
        foreach (var d in drafts)
        {
            start[d.Day - min + 1]++;
        }

        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }

        var order = new int[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            order[start[drafts[i].Day - min]++] = i;
        }

        var width = drafts.Count.ToString(CultureInfo.InvariantCulture).Length;
        var format = "D" + width.ToString(CultureInfo.InvariantCulture);
        var records = new ActivityRecord[drafts.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var d = drafts[order[i]];
            records[i] = new ActivityRecord(
                new ActivityId("A" + (i + 1).ToString(format, CultureInfo.InvariantCulture)),
                d.Kind,
                DateOnly.FromDayNumber(d.Day),
                d.EndDay > 0 ? DateOnly.FromDayNumber(d.EndDay) : null,
                d.From,
                d.To,
                d.Unit,
                d.Count,
                d.Consent);
        }

        return records;
    }

    private readonly record struct Draft(ActivityKind Kind, int Day, int EndDay, string? From, string? To, string? Unit, int? Count, FamilyConsent? Consent);
}
