using Pairing.Core.Findings;
using Microsoft.Extensions.Options;
using Pairing.Core.Matching;

namespace Pairing.Core.Internals;

/// <summary>Reports every failure of <see cref="PairingOptions.Validate"/> together, for the options pattern.</summary>
internal sealed class PairingOptionsValidator : IValidateOptions<PairingOptions>
{
    public ValidateOptionsResult Validate(string? name, PairingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => FindingRenderer.Default.Render(f)));
    }
}
