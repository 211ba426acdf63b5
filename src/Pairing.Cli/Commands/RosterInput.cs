using System.Globalization;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Cli.Commands;

/// <summary>Reading a command's inputs: a roster or a pairing result, with every problem printed when it is rejected.</summary>
internal static class RosterInput
{
    /// <summary>The roster in a folder, or null after printing every problem to <paramref name="error"/>.</summary>
    public static Roster? Read(string directory, TextWriter error, string command)
    {
        var result = RosterFiles.Read(directory);
        foreach (var problem in result.Problems)
        {
            error.WriteLine(ProblemLines.Render(problem));
        }

        if (!result.IsValid)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pairing {command}: the roster in {directory} is rejected with {result.Errors.Count()} error(s); nothing was paired."));
            return null;
        }

        return result.Roster;
    }

    /// <summary>The pairing result in a folder, or null after printing why it cannot be read.</summary>
    public static PairingResult? ReadResult(string directory, TextWriter error, string command, string what)
    {
        try
        {
            return PairingResultFiles.Read(directory);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pairing {command}: the {what} in {directory} cannot be read: {e.Message}");
            return null;
        }
    }
}
