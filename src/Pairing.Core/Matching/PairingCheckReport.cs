namespace Pairing.Core.Matching;

/// <summary>What <see cref="PairingResultChecker"/> found: every violation, not just the first.</summary>
public sealed class PairingCheckReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="violations">Every violation found.</param>
    public PairingCheckReport(IReadOnlyList<PairingViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        Violations = violations;
    }

    /// <summary>Whether the result keeps every hard rule, loses nothing and has the right figures.</summary>
    public bool IsValid => Violations.Count == 0;

    /// <summary>Every violation found, in the order checked (counties, schools, classes, students, coverage, summary).</summary>
    public IReadOnlyList<PairingViolation> Violations { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        IsValid ? "valid" : string.Join(Environment.NewLine, Violations.Select(v => $"{v.Rule?.ToString() ?? "-"} {v.Subject}: {v.Message}"));
}
