namespace Pairing.Core.Files.Tables;

/// <summary>
/// The streams of an upload (one per file, by name), each spooled by <see cref="ByteSource.SpoolAsync"/> so that it can
/// be read twice a chunk at a time; only the names a reader knows are read. Disposing deletes the spools.
/// </summary>
internal sealed class SpooledFiles : IDisposable
{
    private readonly Dictionary<string, (bool Ok, ByteSource? Bytes, InputFileError Error)> _files = new(StringComparer.OrdinalIgnoreCase);

    private SpooledFiles()
    {
    }

    /// <summary>Spools the streams named in <paramref name="known"/> (names compared without case), each within <paramref name="max"/> bytes.</summary>
    public static async Task<SpooledFiles> SpoolAsync(IReadOnlyDictionary<string, Stream> files, IReadOnlyCollection<string> known, long max, CancellationToken cancellationToken)
    {
        var spooled = new SpooledFiles();
        try
        {
            foreach (var (name, stream) in files)
            {
                Internals.Guard.NotNull(stream);
                if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var (bytes, read) = await ByteSource.SpoolAsync(stream, name, max, cancellationToken).ConfigureAwait(false);
                spooled._files[name] = bytes is not null
                    ? (true, bytes, default)
                    : (false, null, new InputFileError(InputFileIssue.TooLarge, name, Size: read, Max: max));
            }

            return spooled;
        }
        catch
        {
            spooled.Dispose();
            throw;
        }
    }

    /// <summary>The file's bytes, or why there are none (missing, or past the cap).</summary>
    public (bool Ok, ByteSource? Bytes, InputFileError Error) Get(string name) =>
        _files.TryGetValue(name, out var file) ? file : (false, null, new InputFileError(InputFileIssue.Missing, name));

    public void Dispose()
    {
        foreach (var (_, bytes, _) in _files.Values)
        {
            bytes?.Dispose();
        }
    }
}
