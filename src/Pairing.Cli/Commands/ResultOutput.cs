using Pairing.Core.Excel;
using Pairing.Core.Files;
using Pairing.Core.Files.Results;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Cli.Commands;

/// <summary>Writes a result's files and shows its figures; unpaired units are results, so this exits 0.</summary>
internal static class ResultOutput
{
    /// <summary>Writes the result into a folder, or as one workbook when <paramref name="directory"/> ends in <c>.xlsx</c> (with the roster's names beside the ids).</summary>
    public static int Write(
        PairingResult result, string directory, string command, TextWriter output, TextWriter error, Roster? roster = null, CancellationToken cancellationToken = default,
        TextFileEncoding encoding = TextFileEncoding.Utf8WithBom)
    {
        // The last moment a cancellation stops the run with nothing written; once the folder is swapped in, the run finishes.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (IsWorkbook(directory))
            {
                PairingResultWorkbook.Write(result, directory, roster);
            }
            else
            {
                PairingResultFiles.Write(result, directory, encoding: encoding);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(CliFindings.CannotWriteLine(command, directory, e));
            return Program.Failed;
        }

        Cancellation.Written();
        CliConsole.Say(output, Fmt.Of(result.Phase == PairingPhase.Planning ? Strings.WrotePlan : Strings.WroteResult, directory));
        ResultReport.Write(result, CliConsole.Create(output));
        return Program.Ok;
    }

    /// <summary>Whether an output path names a workbook to write rather than a folder.</summary>
    public static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
}
