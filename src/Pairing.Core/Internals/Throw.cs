using System.Diagnostics.CodeAnalysis;

namespace Pairing.Core.Internals;

/// <summary>Throwing lives here so that callers stay small enough to inline.</summary>
internal static class Throw
{
    [DoesNotReturn]
    public static void ArgumentNull(string? name) => throw new ArgumentNullException(name);

    [DoesNotReturn]
    public static void Argument(string? name, string message) => throw new ArgumentException($"{name} {message}.", name);

    [DoesNotReturn]
    public static void ArgumentOutOfRange(string? name, object? value, string message) =>
        throw new ArgumentOutOfRangeException(name, value, $"{name} {message}.");

    /// <summary>As <see cref="ArgumentOutOfRange"/>, typed for a switch expression's last arm: <c>_ => Throw.OutOfRange&lt;string&gt;(…)</c>.</summary>
    [DoesNotReturn]
    public static T OutOfRange<T>(string? name, object? value, string message) =>
        throw new ArgumentOutOfRangeException(name, value, $"{name} {message}.");

    [DoesNotReturn]
    public static void InvalidOperation(string message) => throw new InvalidOperationException(message);
}
