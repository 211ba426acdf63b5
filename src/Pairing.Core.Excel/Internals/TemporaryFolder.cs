namespace Pairing.Core.Excel.Internals;

/// <summary>A fresh folder of its own under the system's temporary folder (created exclusively, never a guessed name), removed when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder() => Path = Directory.CreateTempSubdirectory("pairing-xlsx-").FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system to clean: the result is already written or read.
        }
    }
}
