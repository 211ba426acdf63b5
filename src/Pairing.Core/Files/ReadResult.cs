using System.Diagnostics.CodeAnalysis;
using Pairing.Core.Findings;
using Pairing.Core.Internals;

namespace Pairing.Core.Files;

/// <summary>
/// The outcome of every read of the library, whatever it reads (a roster, activity records, a pairing result, a
/// compliance report) and wherever from (a folder, files in memory, streams, a workbook, rows built in code): the value
/// when the input is valid, and every problem found either way, as findings with their codes, locations and numbers.
/// </summary>
/// <remarks>
/// A bad input is rejected whole: <see cref="Value"/> is null exactly when some finding is an error. Findings are in
/// the reader's order (causes before their consequences, then file and line). Immutable.
/// </remarks>
/// <typeparam name="T">What was read.</typeparam>
public sealed class ReadResult<T>
    where T : class
{
    /// <summary>Creates the outcome of a read: a value and no error, or no value and at least one error.</summary>
    /// <param name="value">What was read, or null when the input was rejected.</param>
    /// <param name="findings">Every problem found, errors and warnings, in the order to list them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findings"/> is null.</exception>
    /// <exception cref="ArgumentException">There is a value and an error, or neither.</exception>
    public ReadResult(T? value, IEnumerable<Finding> findings)
    {
        Findings = [.. Guard.NotNull(findings)];
        var rejected = Findings.Any(f => f.Severity == FindingSeverity.Error);
        if (value is not null && rejected)
        {
            Throw.Argument(nameof(value), "is given though a finding is an error; a rejected input has no value");
        }

        if (value is null && !rejected)
        {
            Throw.Argument(nameof(value), "is null though no finding is an error; say why the input was rejected");
        }

        Value = value;
    }

    /// <summary>The outcome of a read that made <paramref name="value"/> and found <paramref name="findings"/>: the value kept unless a finding is an error.</summary>
    /// <param name="value">What was read, or null when nothing could be.</param>
    /// <param name="findings">Every problem found, errors and warnings, in the order to list them.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findings"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null though no finding is an error.</exception>
    public static ReadResult<T> Of(T? value, IEnumerable<Finding> findings)
    {
        IReadOnlyList<Finding> list = [.. Guard.NotNull(findings)];
        return new(list.Any(f => f.Severity == FindingSeverity.Error) ? null : value, list);
    }

    /// <summary>What was read, or <see langword="null"/> when any finding is an error.</summary>
    public T? Value { get; }

    /// <summary>Every problem found, errors and warnings.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Whether the input was accepted (no finding is an error).</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>The findings that reject the input.</summary>
    public IEnumerable<Finding> Errors => Findings.Where(f => f.Severity == FindingSeverity.Error);

    /// <summary>The findings that do not.</summary>
    public IEnumerable<Finding> Warnings => Findings.Where(f => f.Severity != FindingSeverity.Error);

    /// <summary>The value, or the one exception that carries every finding.</summary>
    /// <exception cref="InputRejectedException">The input has errors.</exception>
    public T GetValueOrThrow() => Value ?? throw new InputRejectedException(Findings);

    /// <summary>A rejected read's outcome as another type's, the findings unchanged (a folder that could not be read, say).</summary>
    internal ReadResult<TOther> Rejected<TOther>()
        where TOther : class => IsValid ? throw new InvalidOperationException("The read was accepted.") : new(null, Findings);
}
