namespace Pairing.Core.Activities;

/// <summary>How many of the families taking part in a family event (家庭联谊) gave their consent (A6: 充分自愿).</summary>
public enum FamilyConsent
{
    /// <summary><c>all</c>: every family consented; the only level A6 accepts.</summary>
    All = 1,

    /// <summary><c>partial</c>: some families did not consent.</summary>
    Partial,

    /// <summary><c>none</c>: no consent was recorded.</summary>
    None,
}
