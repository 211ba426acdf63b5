using System.CommandLine;
using System.CommandLine.Parsing;

namespace Pairing.Cli.Commands;

/// <summary>Reading an option's value inside a command validator, where a bad value must not throw.</summary>
internal static class OptionValues
{
    /// <summary>The option's value when it was given and parses; false otherwise (the parser reports a bad value itself).</summary>
    public static bool TryGet<T>(CommandResult result, Option<T> option, out T value)
    {
        value = default!;
        var optionResult = result.GetResult(option);
        if (optionResult is null || optionResult.Errors.Any())
        {
            return false;
        }

        try
        {
            value = optionResult.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // not a valid value: the parser reports that itself
        }
    }
}
