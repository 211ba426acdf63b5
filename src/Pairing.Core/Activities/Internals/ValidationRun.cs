using System.Globalization;
using Pairing.Core.Activities.Internals.Rules;
using Pairing.Core.Findings;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Activities;

namespace Pairing.Core.Activities.Internals;

/// <summary>
/// One run of the activity validator. It only sequences the rule checkers (one file each under <c>Rules/</c>): put each
/// record on its pair or unit and hand it to its rule (first pass, keeping the earliest and latest dates), let the rules
/// check the order of steps against those dates (second pass), then collect their rows and roll-ups. Everything kept
/// is a minimum, maximum or count, so the order of the records never matters.
/// </summary>
internal sealed class ValidationRun
{
    private readonly ActivityIndex _index;
    private readonly StudentRecords _students;
    private readonly LetterRule _letters;
    private readonly BookRule _books;
    private readonly DeedRule _deeds;
    private readonly RuleChecker[] _rules;
    private readonly RuleChecker[] _byKind;
    private int _earlier;

    public ValidationRun(
        Roster roster,
        PairingResult result,
        IReadOnlyList<ActivityRecord> records,
        DateOnly asOf,
        HolidayCalendar calendar,
        ActivityValidationOptions options,
        List<PlanDates> plans)
    {
        _index = new ActivityIndex(roster, result, records, asOf, calendar, options, plans);
        _students = new StudentRecords(_index);
        _letters = new LetterRule(_index);
        _books = new BookRule(_index);
        _deeds = new DeedRule(_index);
        var schools = new SchoolContactRule(_index);
        var camps = new CampRule(_index);
        var families = new FamilyEventRule(_index);
        _rules = [_letters, _books, _deeds, schools, camps, families, new DeadlineRule(_index)];
        _byKind = new RuleChecker[Enum.GetValues<ActivityKind>().Max(k => (int)k) + 1];
        _byKind[(int)ActivityKind.Letter] = _letters;
        _byKind[(int)ActivityKind.Chat] = _letters;
        _byKind[(int)ActivityKind.BookSent] = _books;
        _byKind[(int)ActivityKind.BookReflection] = _books;
        _byKind[(int)ActivityKind.DeedAgreed] = _deeds;
        _byKind[(int)ActivityKind.DeedDone] = _deeds;
        _byKind[(int)ActivityKind.DeedReflection] = _deeds;
        _byKind[(int)ActivityKind.SchoolExchange] = schools;
        _byKind[(int)ActivityKind.Camp] = camps;
        _byKind[(int)ActivityKind.FamilyEvent] = families;
    }

    public ComplianceReport Run(CancellationToken cancellationToken = default)
    {
        var slotOf = Gather(cancellationToken);
        CheckOrder(slotOf, cancellationToken);
        var rows = new List<ReportRow>();
        foreach (var rule in _rules)
        {
            rule.Emit(rows);
        }

        foreach (var (record, rule, finding, unit) in _index.Violations)
        {
            rows.Add(ReportRow.Of(rule, ComplianceLevel.Record, ComplianceStatus.Violated, _index.Records[record].Id.Value, unit, finding));
        }

        var tally = new RollupTally(_index);
        foreach (var rule in _rules)
        {
            rule.Contribute(tally);
        }

        PairRule[] pairRules = [_letters, _books, _deeds];
        return new ComplianceReport(_index, ReportRows.Compose(rows, _index.Result, pairRules), pairRules, tally.Compose(), Warnings());
    }

    /// <summary>The report-wide warnings: records the year checked leaves out.</summary>
    private Finding[] Warnings() => _earlier == 0
        ? []
        : [new Finding(ComplianceFindings.RecordsBeforeYear, FindingSeverity.Warning, null, null, [
            FindingArgument.Of("count", _earlier),
            FindingArgument.Of("year_start", _index.YearStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            FindingArgument.Of("year_end", _index.YearEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))])];

    /// <summary>First pass: resolve each record to its pair or unit, report what breaks the hierarchy, let its rule gather.</summary>
    private int[] Gather(CancellationToken cancellationToken)
    {
        var records = _index.Records;
        var slotOf = _students.ResolvePartners();
        var asOf = _index.AsOf.DayNumber;
        var yearStart = _index.YearStart.DayNumber;
        for (var i = 0; i < records.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var resolved = slotOf[i];
            slotOf[i] = -1;
            var r = records[i];
            var day = r.Date.DayNumber;
            if (day > asOf)
            {
                _index.Violate(i, Pairing.Core.Activities.ComplianceFindings.RecordAfterAsOf, r.UnitId ?? r.FromId ?? r.Id.Value);
                continue;
            }

            if (day < yearStart && r.Date >= ActivityIndex.ProgrammeBegan)
            {
                // A record of an earlier programme year belongs to that year's report: neither counted nor wrong, but
                // counted here so that the report can say how many it left out (CMP901).
                // One from before the programme itself began is still a violation (before its pair existed).
                _earlier++;
                continue;
            }

            var rule = _byKind[(int)r.Kind];
            if (StudentRecords.IsUnitRecord(r.Kind))
            {
                if (r.Kind == ActivityKind.SchoolExchange || day >= yearStart)
                {
                    rule.Gather(i, r, -1);
                }

                continue;
            }

            var s = _students.Place(i, r, resolved);
            if (s >= 0)
            {
                slotOf[i] = s;
                rule.Gather(i, r, s);
            }
        }

        return slotOf;
    }

    /// <summary>Second pass: with the earliest dates known, the rules check that each step came after the one it follows.</summary>
    private void CheckOrder(int[] slotOf, CancellationToken cancellationToken)
    {
        for (var i = 0; i < slotOf.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (slotOf[i] is var s and >= 0)
            {
                var r = _index.Records[i];
                _byKind[(int)r.Kind].CheckOrder(i, r, s);
            }
        }
    }
}
