using Pairing.Core.Findings;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching;

/// <summary>What <see cref="PairingResultChecker"/> found: every violation, not just the first.</summary>
public sealed class PairingCheckReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="violations">Every violation found.</param>
    public PairingCheckReport(IReadOnlyList<PairingViolation> violations)
    {
        Guard.NotNull(violations);
        Violations = violations;
    }

    /// <summary>Whether the result keeps every hard rule, loses nothing and has the right figures.</summary>
    public bool IsValid => Violations.Count == 0;

    /// <summary>Every violation found, in the order checked (counties, schools, classes, students, coverage, summary).</summary>
    public IReadOnlyList<PairingViolation> Violations { get; }

    /// <summary>
    /// <c>valid</c>, or one line per violation in English: the rule (<c>-</c> for none), then the finding as
    /// <see cref="FindingRenderer.RenderLine(Finding, FindingLanguage)"/> writes it (<c>P4 school_pair X|N: error CHK026: …</c>).
    /// </summary>
    public override string ToString() =>
        IsValid ? "valid" : string.Join(Environment.NewLine, Violations.Select(v => $"{v.Rule?.ToString() ?? "-"} {FindingRenderer.Default.RenderLine(v.Finding, FindingLanguage.English)}"));
}
