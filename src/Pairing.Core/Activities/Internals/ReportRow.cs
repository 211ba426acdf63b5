using Pairing.Core.Findings;
using Pairing.Core.Activities;

namespace Pairing.Core.Activities.Internals;

/// <summary>
/// A row of the report as kept in memory. A unit or record row holds its finding; a student-pair row (A1–A3) holds only
/// the pair, and its finding is made when the row is read, from the pair table, so that a national report (three rows
/// per pair, a million pairs) does not hold millions of findings.
/// </summary>
internal readonly record struct ReportRow(
    ActivityRule Rule,
    ComplianceLevel Level,
    ComplianceStatus Status,
    string Subject,
    string Unit,
    Finding? Finding,
    int Pair)
{
    public static ReportRow Of(ActivityRule rule, ComplianceLevel level, ComplianceStatus status, string subject, string unit, Finding finding) =>
        new(rule, level, status, subject, unit, finding, -1);
}
