namespace Pairing.Core.Matching;

/// <summary>Thrown when <see cref="PairingOptions"/> are not valid: carries every failure, not only the first.</summary>
public sealed class PairingOptionsException : ArgumentException
{
    /// <summary>Creates the exception with no failures listed.</summary>
    public PairingOptionsException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no failures listed.</summary>
    /// <param name="message">The message.</param>
    public PairingOptionsException(string message)
        : base(message)
    {
        Failures = [message];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public PairingOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failures = [message];
    }

    /// <summary>Creates the exception for a list of failures.</summary>
    /// <param name="failures">Every failure <see cref="PairingOptions.Validate"/> found.</param>
    public PairingOptionsException(IReadOnlyList<string> failures)
        : base("The pairing options are not valid: " + string.Join(" ", failures ?? []))
    {
        Failures = failures ?? [];
    }

    /// <summary>Every failure, one sentence each.</summary>
    public IReadOnlyList<string> Failures { get; }
}
