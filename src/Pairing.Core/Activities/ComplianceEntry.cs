using Pairing.Core.Findings;
using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// One row of <c>compliance.csv</c>: how one subject stands against one rule, as data: a status, a finding code and the
/// numbers the status rests on. <see cref="Detail"/> is only a rendering of <see cref="Finding"/>.
/// </summary>
/// <remarks>Immutable, with value equality.</remarks>
/// <param name="Rule">The rule (A1–A6, S2–S4).</param>
/// <param name="Level">What the subject is: a student pair, school pair, inland county, province, or a record.</param>
/// <param name="SubjectId">
/// <c>X|N</c> (the Xinjiang id, a bar, the inland id) for pairs; the province or county id for camps, family events and
/// plans; the activity id for a record that breaks a rule.
/// </param>
/// <param name="Status">Met, missing, violated or warning.</param>
/// <param name="UnitId">The pair, county or province the row counts for; for a record, the unit (or student) the record names.</param>
/// <param name="Finding">The finding: its code tells apart the ways a rule is met, missed or broken; its arguments are the numbers.</param>
public sealed record ComplianceEntry(
    ActivityRule Rule, ComplianceLevel Level, string SubjectId, ComplianceStatus Status, string UnitId, Finding Finding)
{
    /// <summary>The stable finding code, such as <c>CMP809</c> (a camp too small).</summary>
    public string Code => Guard.NotNull(Finding).Code;

    /// <summary>The number the status rests on (aided-area students at a camp, first letters written, …), or null where none applies.</summary>
    public int? Count => Finding.TryGetArgument<int>("count", out var count) ? count : null;

    /// <summary>The number required or expected (the camp minimum, two first letters, …), or null where none applies.</summary>
    public int? Required => Finding.TryGetArgument<int>("required", out var required) ? required : null;

    /// <summary>What was found, in words, in the current UI culture's language.</summary>
    public string Detail => FindingRenderer.Default.Render(Finding);
}
