namespace Pairing.Core.Internals;

/// <summary>
/// Writes a set of files into a folder all or nothing: each goes to a temporary name, and <see cref="Commit"/>
/// moves them into place; disposing without committing removes the temporary files.
/// </summary>
internal sealed class AtomicFiles(string directory) : IDisposable
{
    private readonly List<(string Temp, string Final)> _files = [];
    private readonly List<string> _deletes = [];
    private bool _committed;

    public Stream Create(string fileName)
    {
        var final = Path.Combine(directory, fileName);
        var temp = Path.Combine(directory, $".{fileName}.{Environment.ProcessId}.tmp");
        _files.Add((temp, final));
        return new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public void Delete(string fileName) => _deletes.Add(Path.Combine(directory, fileName));

    public void Commit()
    {
        foreach (var (temp, final) in _files)
        {
            File.Move(temp, final, overwrite: true);
        }

        foreach (var path in _deletes)
        {
            File.Delete(path);
        }

        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        foreach (var (temp, _) in _files)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: a temporary file left behind does not harm the roster files.
            }
        }
    }
}
