using System.Collections;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// What <see cref="ActivityValidator"/> found: one entry per rule and subject (met, missing, violated or warning,
/// with the numbers in Chinese and English) and roll-ups per school pair, county pair, supporting province and the
/// whole programme. Write it with <see cref="ComplianceReportFiles.Write"/>.
/// </summary>
/// <remarks>
/// Entries are sorted by rule, level name, subject id (ordinal): the same inputs give the same report, whatever the
/// order of the records. A student pair's detail is composed when its entry is read, so a national report stays
/// small in memory. Immutable and safe to share between threads.
/// </remarks>
public sealed class ComplianceReport
{
    private readonly ReportRow[] _rows;
    private readonly PairTable _pairs;
    private readonly int _letterInterval;
    private readonly int[,] _counts;

    internal ComplianceReport(DateOnly asOf, DateOnly yearStart, DateOnly yearEnd, ReportRow[] rows, PairTable pairs, int letterInterval, ComplianceRollup[] rollups)
    {
        AsOf = asOf;
        ProgrammeYearStart = yearStart;
        ProgrammeYearEnd = yearEnd;
        _rows = rows;
        _pairs = pairs;
        _letterInterval = letterInterval;
        Rollups = rollups;
        Entries = new EntryList(this);
        _counts = new int[(int)ActivityRule.S4 + 1, (int)ComplianceStatus.Warning + 1];
        foreach (var row in rows)
        {
            _counts[(int)row.Rule, (int)row.Status]++;
        }

        Programme = rollups.Single(r => r.Level == RollupLevel.Programme);
    }

    /// <summary>The date the report is as of: records after it are not counted, and what is not done by then is missing.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The first day of the programme year checked (the one that holds <see cref="AsOf"/>).</summary>
    public DateOnly ProgrammeYearStart { get; }

    /// <summary>The last day of the programme year checked.</summary>
    public DateOnly ProgrammeYearEnd { get; }

    /// <summary>Every entry, sorted by rule, level name and subject id (ordinal).</summary>
    public IReadOnlyList<ComplianceEntry> Entries { get; }

    /// <summary>The roll-ups: school pairs, county pairs, provinces, then the programme; each level sorted by subject id (ordinal).</summary>
    public IReadOnlyList<ComplianceRollup> Rollups { get; }

    /// <summary>The roll-up of the whole programme.</summary>
    public ComplianceRollup Programme { get; }

    /// <summary>How many entries of a rule have a status.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="status">The status.</param>
    public int Count(ActivityRule rule, ComplianceStatus status) =>
        rule is >= ActivityRule.A1 and <= ActivityRule.S4 && status is >= ComplianceStatus.Met and <= ComplianceStatus.Warning
            ? _counts[(int)rule, (int)status]
            : 0;

    internal ReadOnlySpan<ReportRow> Rows => _rows;

    internal string DetailOf(in ReportRow row) => row.Detail ?? row.Rule switch
    {
        ActivityRule.A1 => _pairs.A1Detail(row.Pair, AsOf, _letterInterval),
        ActivityRule.A2 => _pairs.A2Detail(row.Pair),
        _ => _pairs.A3Detail(row.Pair),
    };

    private sealed class EntryList(ComplianceReport report) : IReadOnlyList<ComplianceEntry>
    {
        public ComplianceEntry this[int index]
        {
            get
            {
                ref readonly var row = ref report._rows[index];
                return new ComplianceEntry(row.Rule, row.Level, row.Subject, row.Status, report.DetailOf(row));
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
