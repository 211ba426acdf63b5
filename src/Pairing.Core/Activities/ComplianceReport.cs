using System.Collections;
using Pairing.Core.Activities.Internals;
using Pairing.Core.Activities.Internals.Rules;
using Pairing.Core.Findings;

namespace Pairing.Core.Activities;

/// <summary>
/// What <see cref="ActivityValidator"/> found: one entry per rule and subject (met, missing, violated or warning, with a
/// finding code and its numbers) and roll-ups per school pair, county pair, supporting province and the whole
/// programme, with the thresholds used. Write it with <see cref="Pairing.Core.Files.Compliance.ComplianceReportFiles.Write(ComplianceReport, string)"/>.
/// </summary>
/// <remarks>
/// Entries are sorted by rule, level name, subject id (ordinal), then status and code: the same inputs give the same
/// report, whatever the order of the records. A student pair's finding is made when its entry is read, so a national
/// report stays small in memory. Immutable and safe to share between threads.
/// </remarks>
public sealed class ComplianceReport
{
    private readonly ReportRow[] _rows;
    private readonly PairRule[] _pairRules;
    private readonly int[,] _counts;

    internal ComplianceReport(ActivityIndex index, ReportRow[] rows, PairRule[] pairRules, ComplianceRollup[] rollups, Finding[] warnings)
    {
        Warnings = warnings;
        AsOf = index.AsOf;
        ProgrammeYearStart = index.YearStart;
        ProgrammeYearEnd = index.YearEnd;
        _rows = rows;
        // The run's own A1, A2 and A3 checkers, in that order: a pair row's finding is made from them when read.
        _pairRules = pairRules;
        Rollups = rollups;
        Entries = new EntryList(this);
        _counts = new int[(int)ActivityRule.S4 + 1, (int)ComplianceStatus.Warning + 1];
        foreach (var row in rows)
        {
            _counts[(int)row.Rule, (int)row.Status]++;
        }

        Programme = rollups.Single(r => r.Level == RollupLevel.Programme);
        var options = index.Options;
        var holidays = new List<Holiday>();
        foreach (var province in index.Provinces)
        {
            holidays.Add(index.Calendar.Resolve(province, index.YearStart.Year, HolidayKind.Summer, options));
            holidays.Add(index.Calendar.Resolve(province, index.YearStart.Year + 1, HolidayKind.Winter, options));
        }

        Thresholds = new ComplianceThresholds(
            options.CampsPerYear, options.RegularLetterIntervalDays, index.Provinces.ToDictionary(p => p, options.CampMinimumFor), holidays);
    }

    /// <summary>The date the report is as of: records after it are not counted, and what is not done by then is missing.</summary>
    public DateOnly AsOf { get; }

    /// <summary>
    /// Warnings about the report as a whole, not about one subject: records dated before the programme year checked, which
    /// it does not count (<see cref="ComplianceFindings.RecordsBeforeYear"/>, CMP901). Empty when there are none. Not
    /// written to the report's files, whose rows are per rule and subject.
    /// </summary>
    public IReadOnlyList<Finding> Warnings { get; }

    /// <summary>The first day of the programme year checked (the one that holds <see cref="AsOf"/>).</summary>
    public DateOnly ProgrammeYearStart { get; }

    /// <summary>The last day of the programme year checked.</summary>
    public DateOnly ProgrammeYearEnd { get; }

    /// <summary>Every entry, sorted by rule, level name, subject id (ordinal), status and code.</summary>
    public IReadOnlyList<ComplianceEntry> Entries { get; }

    /// <summary>The roll-ups: school pairs, county pairs, provinces, then the programme; each level sorted by subject id (ordinal).</summary>
    public IReadOnlyList<ComplianceRollup> Rollups { get; }

    /// <summary>The roll-up of the whole programme.</summary>
    public ComplianceRollup Programme { get; }

    /// <summary>The thresholds the report was decided with (camp minimum per province, holidays, camps a year).</summary>
    public ComplianceThresholds Thresholds { get; }

    /// <summary>How many entries of a rule have a status.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="status">The status.</param>
    /// <returns>The count; 0 for a rule or status not defined.</returns>
    public int Count(ActivityRule rule, ComplianceStatus status) =>
        rule is >= ActivityRule.A1 and <= ActivityRule.S4 && status is >= ComplianceStatus.Met and <= ComplianceStatus.Warning
            ? _counts[(int)rule, (int)status]
            : 0;

    internal ReadOnlySpan<ReportRow> Rows => _rows;

    internal Finding FindingOf(in ReportRow row) =>
        row.Finding ?? _pairRules[(int)row.Rule - (int)ActivityRule.A1].FindingOf(row.Pair, row.Subject);

    private sealed class EntryList(ComplianceReport report) : IReadOnlyList<ComplianceEntry>
    {
        public ComplianceEntry this[int index]
        {
            get
            {
                ref readonly var row = ref report._rows[index];
                return new ComplianceEntry(row.Rule, row.Level, row.Subject, row.Status, row.Unit, report.FindingOf(row));
            }
        }

        public int Count => report._rows.Length;

        public IEnumerator<ComplianceEntry> GetEnumerator()
        {
            for (var i = 0; i < report._rows.Length; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
