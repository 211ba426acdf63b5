namespace Pairing.Core.Activities;

/// <summary>One row of <c>compliance.csv</c>: how one subject stands against one rule, with the numbers in Chinese and English.</summary>
/// <remarks>Immutable, with value equality.</remarks>
/// <param name="Rule">The rule (A1–A6, S2–S4).</param>
/// <param name="Level">What the subject is: a student pair, school pair, inland county, province, or a record.</param>
/// <param name="SubjectId">
/// <c>X|N</c> (the Xinjiang id, a bar, the inland id) for pairs; the province or county id for camps, family events and
/// plans; the activity id for a record that breaks a rule.
/// </param>
/// <param name="Status">Met, missing, violated or warning.</param>
/// <param name="Detail">What was found, in numbers, in Chinese and then English.</param>
public sealed record ComplianceEntry(ActivityRule Rule, ComplianceLevel Level, string SubjectId, ComplianceStatus Status, string Detail);
