namespace Pairing.Core.Tests.Integration;

/// <summary>Finds the repository's own files from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pairing.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (the folder of Pairing.Core.sln) is not above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
