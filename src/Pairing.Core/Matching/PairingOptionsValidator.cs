using Microsoft.Extensions.Options;
using Pairing.Core.Findings;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching;

/// <summary>
/// Checks <see cref="PairingOptions"/> for the options pattern, and fails as a direct call does: it throws the one
/// <see cref="PairingOptionsException"/> listing every failure as findings, rather than returning a result the
/// framework would wrap in an <c>OptionsValidationException</c> of strings. So bad options give the same exception
/// whichever way they arrive (a direct call, <c>IOptions.Value</c>, the host's start-up validation).
/// </summary>
internal sealed class PairingOptionsValidator : IValidateOptions<PairingOptions>
{
    public ValidateOptionsResult Validate(string? name, PairingOptions options)
    {
        Guard.NotNull(options);
        options.ThrowIfInvalid();
        return ValidateOptionsResult.Success;
    }
}
