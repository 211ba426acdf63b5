using Pairing.Core.Findings;
using Pairing.Core.Internals;

namespace Pairing.Core.Files;

/// <summary>
/// Thrown by <see cref="ReadResult{T}.GetValueOrThrow"/> when an input has errors: the one exception of every reader,
/// carrying every finding. Its message lists the first 20 errors in English; a program reads <see cref="Findings"/>.
/// </summary>
public sealed class InputRejectedException : Exception
{
    /// <summary>Creates the exception from the findings that rejected the input.</summary>
    /// <param name="findings">Every finding of the read, errors and warnings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findings"/> is null.</exception>
    public InputRejectedException(IReadOnlyList<Finding> findings)
        : base(Describe(Guard.NotNull(findings))) => Findings = findings;

    /// <summary>Every finding of the read, errors and warnings.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    private static string Describe(IReadOnlyList<Finding> findings)
    {
        var errors = findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
        var head = string.Join(Environment.NewLine, errors.Take(20).Select(f => FindingRenderer.Default.RenderLine(f, FindingLanguage.English)));
        var more = errors.Count > 20 ? $"{Environment.NewLine}… and {errors.Count - 20} more errors." : string.Empty;
        return $"The input was rejected with {errors.Count} error(s):{Environment.NewLine}{head}{more}";
    }
}
