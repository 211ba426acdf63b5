using Pairing.Core.Matching;

namespace Pairing.Cli.Commands;

/// <summary>Writes a result's files and shows its figures; unpaired units are results, so this exits 0.</summary>
internal static class ResultOutput
{
    public static int Write(PairingResult result, string directory, string command, TextWriter output, TextWriter error)
    {
        try
        {
            PairingResultFiles.Write(result, directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pairing {command}: cannot write to '{directory}': {e.Message}");
            return Program.Failed;
        }

        output.WriteLine($"Wrote the {(result.Phase == PairingPhase.Planning ? "plan" : "result")} to {directory}.");
        ResultReport.Write(result, CliConsole.Create(output));
        return Program.Ok;
    }
}
