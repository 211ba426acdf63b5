namespace Pairing.Core.Activities.Internals;

/// <summary>
/// A row of the report as kept in memory: the detail of a student-pair row is written only when asked for, from
/// the pair table, so that a national report (three rows per pair, a million pairs) does not hold millions of
/// sentences.
/// </summary>
internal readonly record struct ReportRow(
    ActivityRule Rule,
    ComplianceLevel Level,
    ComplianceStatus Status,
    string Subject,
    string? Detail,
    int Pair);
