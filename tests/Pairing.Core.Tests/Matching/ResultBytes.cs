using Pairing.Core.Files.Results;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Matching;

/// <summary>A result as the bytes of its files (written without timings), to compare two runs exactly.</summary>
internal static class ResultBytes
{
    public static SortedDictionary<string, string> Of(PairingResult result)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pairing-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            PairingResultFiles.Write(result, directory, includeTimings: false);
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in Directory.GetFiles(directory))
            {
                files[Path.GetFileName(path)] = Convert.ToHexString(File.ReadAllBytes(path));
            }

            return files;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
