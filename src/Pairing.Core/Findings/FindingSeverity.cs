namespace Pairing.Core.Findings;

/// <summary>How much a <see cref="Finding"/> matters: whether it rejects the input, only warns, or only informs.</summary>
public enum FindingSeverity
{
    /// <summary>A fact worth stating that asks nothing of anyone (a rule met, a pair kept).</summary>
    Info = 0,

    /// <summary>Worth knowing and acting on, but nothing is rejected (an unknown column, an encouraged activity not done).</summary>
    Warning = 1,

    /// <summary>A hard rule is not met, or the input is rejected whole.</summary>
    Error = 2,
}
