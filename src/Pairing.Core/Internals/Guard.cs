using System.Runtime.CompilerServices;

namespace Pairing.Core.Internals;

/// <summary>Argument checks for programmer errors; bad data is reported as problems, never through here.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value is null)
        {
            Throw.ArgumentNull(name);
        }

        return value;
    }

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            Throw.ArgumentNull(name);
        }

        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            Throw.Argument(name, "must be non-empty and have no surrounding white space");
        }

        return value;
    }

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max)
        {
            Throw.ArgumentOutOfRange(name, value, $"must be between {min} and {max}");
        }

        return value;
    }
}
