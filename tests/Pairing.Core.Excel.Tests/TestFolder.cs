namespace Pairing.Core.Excel.Tests;

/// <summary>A fresh temporary folder for one test, removed afterwards.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder() => Path = Directory.CreateTempSubdirectory("pairing-excel-test-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>Every file of a folder, name and bytes, for comparing two folders written by the library.</summary>
    public static Dictionary<string, string> Contents(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => System.IO.Path.GetFileName(f), f => Convert.ToBase64String(System.IO.File.ReadAllBytes(f)));

    public static string Fixture(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);
}
