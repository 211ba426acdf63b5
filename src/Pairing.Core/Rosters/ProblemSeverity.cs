namespace Pairing.Core.Rosters;

/// <summary>How serious a problem found in input is.</summary>
public enum ProblemSeverity
{
    /// <summary>Worth knowing, but the input is accepted (an unknown column, which is ignored).</summary>
    Warning = 1,

    /// <summary>The input is rejected whole.</summary>
    Error = 2,
}
