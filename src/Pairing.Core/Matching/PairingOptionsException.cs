using Pairing.Core.Findings;

namespace Pairing.Core.Matching;

/// <summary>Thrown when <see cref="PairingOptions"/> are not valid: carries every failure, not only the first, as findings.</summary>
public sealed class PairingOptionsException : ArgumentException
{
    /// <summary>Creates the exception with no failures listed.</summary>
    public PairingOptionsException()
        : this(Array.Empty<Finding>())
    {
    }

    /// <summary>Creates the exception with a message and no findings.</summary>
    /// <param name="message">The message.</param>
    public PairingOptionsException(string message)
        : base(message)
    {
        Findings = [];
        Failures = [message];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public PairingOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Findings = [];
        Failures = [message];
    }

    /// <summary>Creates the exception for a list of failures.</summary>
    /// <param name="findings">Every failure <see cref="PairingOptions.Validate"/> found.</param>
    public PairingOptionsException(IReadOnlyList<Finding> findings)
        : base("The options are not valid: " + string.Join(" ", (findings ?? []).Select(f => FindingRenderer.Default.Render(f, FindingLanguage.English) + ".")))
    {
        Findings = findings ?? [];
        Failures = [.. Findings.Select(f => FindingRenderer.Default.Render(f))];
    }

    /// <summary>Every failure, as data: code (<c>OPT…</c>), the option, its value and its range.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Every failure, one sentence each, in the current UI culture's language.</summary>
    public IReadOnlyList<string> Failures { get; }
}
