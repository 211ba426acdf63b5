using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Files;

namespace Pairing.Core.Files.Results;

/// <summary>
/// Reads and writes a pairing result as the programme's result folder (format <c>pairing-result/1</c>):
/// <c>county_pairs.csv</c>, <c>school_pairs.csv</c>, <c>class_pairs.csv</c> and <c>student_pairs.csv</c> (roster phase only),
/// <c>unpaired.csv</c> and <c>summary.json</c>.
/// </summary>
/// <remarks>
/// Files are UTF-8 without a BOM, \n line ends, RFC 4180 quoting with cells safe from spreadsheet formula
/// injection, rows sorted by their first column (ordinal). <c>summary.json</c> has no timestamp; its only figures
/// that change from run to run are the seconds per stage, kept under the key <c>seconds_per_stage</c>, so that two
/// runs compare equal byte for byte once that key is left out (or written without it: see
/// <see cref="Write(PairingResult, string, bool, FindingLanguage, TextFileEncoding)"/>).
/// </remarks>
public static class PairingResultFiles
{
    /// <summary>The county pairs file's name.</summary>
    public const string CountyPairsFile = ResultFileNames.CountyPairs;

    /// <summary>The school pairs file's name.</summary>
    public const string SchoolPairsFile = ResultFileNames.SchoolPairs;

    /// <summary>The class pairs file's name (roster phase only).</summary>
    public const string ClassPairsFile = ResultFileNames.ClassPairs;

    /// <summary>The student pairs file's name (roster phase only).</summary>
    public const string StudentPairsFile = ResultFileNames.StudentPairs;

    /// <summary>The unpaired units file's name.</summary>
    public const string UnpairedFile = ResultFileNames.Unpaired;

    /// <summary>The continuity file's name: what became of each pair of the previous result (only when one was given).</summary>
    public const string ContinuityFile = ResultFileNames.Continuity;

    /// <summary>The summary file's name.</summary>
    public const string SummaryFile = ResultFileNames.Summary;

    /// <summary>Every file a result folder may hold; a write refuses a folder holding anything else, so nothing of anyone's is lost.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [CountyPairsFile, SchoolPairsFile, ClassPairsFile, StudentPairsFile, UnpairedFile, ContinuityFile, SummaryFile];

    /// <summary>
    /// Writes a result into a folder, replacing the folder whole, with the text columns (the reasons of
    /// <c>unpaired.csv</c>) in <paramref name="language"/>. The files are written into a new sibling folder and swapped in
    /// at once (on Linux one atomic exchange), so a reader, a failure or a kill at any moment leaves the old complete
    /// result or the new one, never a mix; stale temporaries of a killed run are removed by the next write. A folder
    /// holding files that are not a result's is refused before anything is written.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="directory">The folder.</param>
    /// <param name="includeTimings">Whether <c>summary.json</c> gets the seconds per stage; false makes the whole folder byte-identical from run to run. The default value is true.</param>
    /// <param name="language">The language of the text columns: Chinese, English, or both (<c>中文 / English</c>). The default value is both.</param>
    /// <param name="encoding">
    /// The encoding of <c>unpaired.csv</c>, the file people open: UTF-8 with a BOM, or GB18030. The pair files,
    /// <c>continuity.csv</c> and <c>summary.json</c> are UTF-8 without a BOM either way. The default value is
    /// <see cref="TextFileEncoding.Utf8WithBom"/>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="directory"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encoding"/> is not a <see cref="TextFileEncoding"/>; nothing was written.</exception>
    /// <exception cref="IOException">The folder cannot be written, is a file or a symbolic link, or holds files that are not a result's; nothing was changed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or its parent may not be written; nothing was changed.</exception>
    public static void Write(
        PairingResult result,
        string directory,
        bool includeTimings = true,
        FindingLanguage language = FindingLanguage.ChineseAndEnglish,
        TextFileEncoding encoding = TextFileEncoding.Utf8WithBom)
    {
        Guard.NotNull(result);
        Guard.NotNull(directory);
        var peopleEncoding = TextEncodings.Of(encoding);
        // The whole folder is replaced at once: a reader (or a kill) sees the old result or the new one, never a mix.
        using var files = AtomicFiles.Folder(directory, FileNames);
        var csvFiles = CsvFiles(result, language);
        // The files are created in order on this thread (the folder's bookkeeping is not shared), then formatted and
        // written in parallel, each into its own stream: the bytes of each do not depend on the others.
        var streams = new Stream?[csvFiles.Count];
        try
        {
            for (var i = 0; i < csvFiles.Count; i++)
            {
                streams[i] = files.Create(csvFiles[i].Name);
            }

            WriteAll(csvFiles, i => Csv(streams[i]!, csvFiles[i].People ? peopleEncoding : null));
        }
        finally
        {
            foreach (var stream in streams)
            {
                stream?.Dispose();
            }
        }

        Raw(files.Create(SummaryFile), SummaryBytes(result, includeTimings));
        files.Commit();
    }

    /// <summary>One CSV file of a result: its name, whether it is the file people open, and how its rows are written.</summary>
    private readonly record struct CsvFile(string Name, bool People, Action<CsvWriter> Rows);

    /// <summary>
    /// A result's CSV files, in the order they were always written (a planning result has no class or student pair
    /// files, a result without a previous one no continuity file). Numbers are written as numbers, never as strings.
    /// </summary>
    private static List<CsvFile> CsvFiles(PairingResult result, FindingLanguage language)
    {
        var files = new List<CsvFile>
        {
            new(CountyPairsFile, false, csv =>
            {
                csv.WriteHeader("xinjiang_county_id", "inland_county_id");
                foreach (var p in result.CountyPairs)
                {
                    csv.Write(p.Xinjiang.Value);
                    csv.Write(p.Inland.Value);
                    csv.EndRow();
                }
            }),
            new(SchoolPairsFile, false, csv =>
            {
                csv.WriteHeader("xinjiang_school_id", "inland_school_id");
                foreach (var p in result.SchoolPairs)
                {
                    csv.Write(p.Xinjiang.Value);
                    csv.Write(p.Inland.Value);
                    csv.EndRow();
                }
            }),
        };

        if (result.Phase == PairingPhase.Roster)
        {
            files.Add(new(ClassPairsFile, false, csv =>
            {
                csv.WriteHeader("xinjiang_class_id", "inland_class_id");
                foreach (var p in result.ClassPairs)
                {
                    csv.Write(p.Xinjiang.Value);
                    csv.Write(p.Inland.Value);
                    csv.EndRow();
                }
            }));
            files.Add(new(StudentPairsFile, false, students =>
            {
                students.WriteHeader("xinjiang_student_id", "inland_student_id", "cross_class");
                foreach (var p in result.StudentPairs)
                {
                    students.Write(p.Xinjiang.Value);
                    students.Write(p.Inland.Value);
                    students.Write(p.CrossClass ? "true" : "false");
                    students.EndRow();
                }
            }));
        }

        // unpaired.csv is for people too: a BOM (or GB18030), so that spreadsheets read its Chinese.
        files.Add(new(UnpairedFile, true, csv =>
        {
            var reasons = new Reasons(language);
            csv.WriteHeader(UnpairedColumns);
            foreach (var u in result.Unpaired)
            {
                csv.Write(PairingResult.LevelName(u.Level));
                csv.Write(u.Id);
                csv.Write(u.Rule.ToString());
                csv.Write(u.Code);
                csv.Write(u.InlandId ?? string.Empty);
                csv.Write(u.Grade?.Number);
                csv.Write(u.Counted ?? string.Empty);
                csv.Write(u.Available);
                csv.Write(u.Needed);
                csv.Write(reasons.Of(u.Finding));
                csv.EndRow();
            }
        }));

        if (result.Summary.ContinuityCounts is not null)
        {
            files.Add(new(ContinuityFile, false, csv =>
            {
                csv.WriteHeader(ContinuityColumns);
                foreach (var e in result.Continuity)
                {
                    csv.Write(PairingResult.LevelName(e.Level));
                    csv.Write(e.XinjiangId);
                    csv.Write(e.InlandId);
                    csv.Write(PairingResult.StatusName(e.Status));
                    csv.Write(e.Rule?.ToString() ?? string.Empty);
                    csv.Write(e.Code);
                    csv.Write(e.Counted ?? string.Empty);
                    csv.Write(e.Available);
                    csv.Write(e.Needed);
                    csv.Write(e.Reason);
                    csv.EndRow();
                }
            }));
        }

        return files;
    }

    /// <summary>
    /// The reasons of <c>unpaired.csv</c>, each rendered once: a reason is its code's words filled with its arguments,
    /// nothing else of the row, and a national result has hundreds of thousands of rows but few distinct reasons.
    /// </summary>
    private sealed class Reasons(FindingLanguage language)
    {
        private const int MaxKept = 1 << 16;
        private readonly Dictionary<Key, string> _texts = [];

        public string Of(Finding finding)
        {
            var key = new Key(finding.Descriptor, finding.Arguments);
            if (!_texts.TryGetValue(key, out var text))
            {
                text = FindingRenderer.Default.Render(finding, language);
                if (_texts.Count < MaxKept)
                {
                    _texts[key] = text;
                }
            }

            return text;
        }

        private readonly struct Key(FindingDescriptor descriptor, IReadOnlyList<FindingArgument> arguments) : IEquatable<Key>
        {
            private readonly FindingDescriptor _descriptor = descriptor;
            private readonly IReadOnlyList<FindingArgument> _arguments = arguments;

            public bool Equals(Key other)
            {
                if (!ReferenceEquals(_descriptor, other._descriptor) || _arguments.Count != other._arguments.Count)
                {
                    return false;
                }

                for (var i = 0; i < _arguments.Count; i++)
                {
                    if (!_arguments[i].Equals(other._arguments[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            public override bool Equals(object? obj) => obj is Key other && Equals(other);

            public override int GetHashCode()
            {
                var hash = new HashCode();
                hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_descriptor));
                for (var i = 0; i < _arguments.Count; i++)
                {
                    hash.Add(_arguments[i]);
                }

                return hash.ToHashCode();
            }
        }
    }

    /// <summary>
    /// Writes each file with the writer <paramref name="open"/> gives for its index, the files in parallel (each is its
    /// own stream, so the bytes are the same whatever the order or the thread count); the first failure is thrown as
    /// itself, not wrapped.
    /// </summary>
    private static void WriteAll(List<CsvFile> files, Func<int, CsvWriter> open)
    {
        try
        {
            Parallel.For(0, files.Count, i =>
            {
                using var csv = open(i);
                files[i].Rows(csv);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary><c>summary.json</c>'s bytes, without the seconds per stage unless asked for.</summary>
    private static byte[] SummaryBytes(PairingResult result, bool includeTimings)
    {
        var summary = result.Summary;
        if (!includeTimings)
        {
            summary = summary.WithoutTimings();
        }

        return SummaryJson.WriteUtf8(summary);
    }

    /// <summary>
    /// Reads a result folder written by <see cref="Write"/> (or by a provincial system to the same format), listing every
    /// problem instead of stopping at the first: each file missing or not a regular file, a summary that does not parse
    /// or claims options out of range, a CSV file without its header or columns, every row whose values do not fit the
    /// format, each a located finding (<c>RES…</c>, or the <c>OPT…</c> code of a claimed option).
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The result when it could be read, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static ReadResult<PairingResult> Read(string directory, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(directory);
        if (!Directory.Exists(directory))
        {
            // One problem, not one per missing file.
            return new(null, [ResultFileFindings.NoFolder.Create(null, new FindingLocation(directory), FindingArgument.Of("path", directory))]);
        }

        // Each file is opened and read a chunk at a time, never whole: memory is what the result keeps, not the files' size.
        return ReadFrom(name =>
        {
            var ok = ByteSource.TryOpenFile(Path.Combine(directory, name), out var bytes, out var error);
            return (ok, ok ? bytes : null, error);
        }, directory);
    }

    /// <summary>
    /// Opens an input file as the result readers do (a workbook, say): only a regular file, within
    /// <see cref="InputFileLimits.MaxFileBytes"/>; a missing file, a folder, a pipe, a device, an unreadable or an
    /// oversized file is a located finding (<c>RES…</c>), never an exception. An empty file opens as an empty stream.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="stream">The open stream (the caller disposes it), or null.</param>
    /// <param name="problem">Why the file cannot be read, or null.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>Whether the file was opened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static bool TryOpen(string path, [NotNullWhen(true)] out Stream? stream, out Finding? problem, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(path);
        if (SafeFile.TryOpenInput(path, out stream, out var error))
        {
            problem = null;
            return true;
        }

        problem = ResultFileFindings.FromFileError(error, Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty);
        return false;
    }

    /// <summary>
    /// Reads a result given as its files' contents, keyed by file name (<c>county_pairs.csv</c> … <c>summary.json</c>;
    /// names compared without case), as <see cref="Read"/> does: what <see cref="ToBytes"/> returns, an upload's zip
    /// entries or a database export, with no folder.
    /// </summary>
    /// <param name="files">The files' bytes by name.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The result when it could be read, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    public static ReadResult<PairingResult> Parse(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(files);
        var byName = new Dictionary<string, ReadOnlyMemory<byte>>(files, StringComparer.OrdinalIgnoreCase);
        return ReadFrom(
            name => byName.TryGetValue(name, out var bytes) ? (true, ByteSource.Of(bytes), default) : (false, null, new InputFileError(InputFileIssue.Missing, name)),
            "(the files given)");
    }

    /// <summary>
    /// Reads a result given as tables of cells, keyed by file name (what <see cref="ToTables"/> returns, or a
    /// workbook's sheets), and the text of its <c>summary.json</c>, as <see cref="Read"/> does: each table's first
    /// non-empty row is its header, found by name; problems are located at the table's file, sheet and row.
    /// </summary>
    /// <param name="tables">The CSV files' tables by name (names compared without case).</param>
    /// <param name="summaryJson">The text of <c>summary.json</c>, or null when there is none.</param>
    /// <returns>The result when it could be read, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tables"/> is null.</exception>
    public static ReadResult<PairingResult> ParseTables(IReadOnlyDictionary<string, CellTable> tables, string? summaryJson)
    {
        Guard.NotNull(tables);
        var byName = new Dictionary<string, CellTable>(tables, StringComparer.OrdinalIgnoreCase);
        var json = summaryJson is null ? (ReadOnlyMemory<byte>?)null : Encoding.UTF8.GetBytes(summaryJson);
        return ReadFrom(
            name => name == SummaryFile && json is { } bytes
                ? (true, ByteSource.Of(bytes), default)
                : (false, null, new InputFileError(InputFileIssue.Missing, name)),
            "(the tables given)",
            byName);
    }

    /// <summary>
    /// Reads a result given as one stream per file, keyed by file name, as <see cref="Parse(IReadOnlyDictionary{string, ReadOnlyMemory{byte}}, InputFileLimits?)"/> does; each stream is read
    /// asynchronously to its end (at most <see cref="InputFileLimits.MaxFileBytes"/>; it is not disposed), its first
    /// mebibyte kept in memory and the rest in a temporary file deleted after the read, then read a chunk at a time.
    /// </summary>
    /// <param name="files">The files' streams by name.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The result when it could be read, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> or a stream is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ReadResult<PairingResult>> ParseAsync(IReadOnlyDictionary<string, Stream> files, CancellationToken cancellationToken = default, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(files);
        using var spooled = await SpooledFiles.SpoolAsync(files, FileNames, InputFileLimits.Current.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return ReadFrom(spooled.Get, "(the files given)");
    }

    /// <summary>
    /// Reads a result folder as <see cref="Read"/> does, off the caller's thread: the read runs on a thread-pool thread,
    /// a chunk of each file at a time, so that memory is what the result keeps, not the files' size.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="cancellationToken">Stops the read before it starts.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The result when it could be read, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ReadResult<PairingResult>> ReadAsync(string directory, CancellationToken cancellationToken = default, InputFileLimits? limits = null)
    {
        Guard.NotNull(directory);
        var scoped = limits ?? InputFileLimits.Current;
        return Task.Run(() => Read(directory, scoped), cancellationToken);
    }

    /// <summary>
    /// Writes a result into a folder as <see cref="Write"/> does (the folder replaced whole, at once), without blocking a
    /// thread on the disk.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="directory">The folder.</param>
    /// <param name="includeTimings">Whether <c>summary.json</c> gets the seconds per stage.</param>
    /// <param name="language">The language of the text columns.</param>
    /// <param name="encoding">The encoding of the file people open (<c>unpaired.csv</c>).</param>
    /// <param name="cancellationToken">Stops the write; the folder is then left as it was.</param>
    /// <returns>A task that completes when the new folder is in place.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="directory"/> is null.</exception>
    /// <exception cref="IOException">The folder cannot be written, is a file or a symbolic link, or holds files that are not a result's; nothing was changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was changed.</exception>
    public static async Task WriteAsync(
        PairingResult result, string directory, bool includeTimings = true, FindingLanguage language = FindingLanguage.ChineseAndEnglish,
        TextFileEncoding encoding = TextFileEncoding.Utf8WithBom, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(result);
        Guard.NotNull(directory);
        var bytes = ToBytes(result, includeTimings, language, encoding);
        cancellationToken.ThrowIfCancellationRequested();
        using var files = AtomicFiles.Folder(directory, FileNames);
        foreach (var (name, content) in bytes)
        {
            await using var stream = files.Create(name);
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        files.Commit();
    }

    /// <summary>The result folder's files as bytes, by name, exactly as <see cref="Write"/> writes them: for a download or a database, with no folder; <see cref="Parse(IReadOnlyDictionary{string, ReadOnlyMemory{byte}}, InputFileLimits?)"/> reads them back.</summary>
    /// <param name="result">The result.</param>
    /// <param name="includeTimings">Whether <c>summary.json</c> gets the seconds per stage.</param>
    /// <param name="language">The language of the text columns.</param>
    /// <param name="encoding">The encoding of the file people open (<c>unpaired.csv</c>), as <see cref="Write"/> takes it.</param>
    /// <returns>Each file's bytes by name (no continuity file without a previous result, no class or student pair files for a plan).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> ToBytes(
        PairingResult result, bool includeTimings = true, FindingLanguage language = FindingLanguage.ChineseAndEnglish, TextFileEncoding encoding = TextFileEncoding.Utf8WithBom)
    {
        Guard.NotNull(result);
        var peopleEncoding = TextEncodings.Of(encoding);
        var csvFiles = CsvFiles(result, language);
        var streams = new PooledByteStream[csvFiles.Count];
        WriteAll(csvFiles, i => Csv(streams[i] = new PooledByteStream(), csvFiles[i].People ? peopleEncoding : null));
        var sorted = new SortedDictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal) { [SummaryFile] = SummaryBytes(result, includeTimings) };
        for (var i = 0; i < csvFiles.Count; i++)
        {
            sorted[csvFiles[i].Name] = streams[i].ToArrayAndRelease();
        }

        // In the order of the names, as always (a zip of them, say, lists them so).
        return new Dictionary<string, ReadOnlyMemory<byte>>(sorted, StringComparer.Ordinal);
    }

    /// <summary>
    /// The result's CSV files as tables of cells, by file name, holding exactly what <see cref="Write"/> writes (a
    /// planning result has no class or student pair files, a result without a previous one no continuity file), and its
    /// <c>summary.json</c> as text: for a workbook or a grid, with no CSV text to parse back. Each table's sheet is its
    /// file's name without <c>.csv</c>; its first row is the header.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="summaryJson">The text of <c>summary.json</c>.</param>
    /// <param name="includeTimings">Whether <c>summary.json</c> gets the seconds per stage.</param>
    /// <param name="language">The language of the text columns.</param>
    /// <returns>Each CSV file's table by name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IReadOnlyDictionary<string, CellTable> ToTables(
        PairingResult result, out string summaryJson, bool includeTimings = true, FindingLanguage language = FindingLanguage.ChineseAndEnglish)
    {
        Guard.NotNull(result);
        var tables = new SortedDictionary<string, List<CellRow>>(StringComparer.Ordinal);
        foreach (var file in CsvFiles(result, language))
        {
            using var csv = new CsvWriter(tables[file.Name] = []);
            file.Rows(csv);
        }

        summaryJson = Encoding.UTF8.GetString(SummaryBytes(result, includeTimings));
        return tables.ToDictionary(kv => kv.Key, kv => new CellTable(kv.Key, Path.GetFileNameWithoutExtension(kv.Key), kv.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// A writer of UTF-8 straight to bytes (with a BOM for the file people open in UTF-8), or, for GB18030, a
    /// <see cref="StreamWriter"/> of that encoding.
    /// </summary>
    private static CsvWriter Csv(Stream stream, Encoding? encoding) =>
        encoding is null ? new CsvWriter(stream)
        : encoding is UTF8Encoding ? new CsvWriter(stream, bom: encoding.Preamble.Length > 0)
        : new CsvWriter(new StreamWriter(stream, encoding, 1 << 16) { NewLine = "\n" });

    private static void Raw(Stream stream, byte[] bytes)
    {
        using (stream)
        {
            stream.Write(bytes);
        }
    }

    private static ReadResult<PairingResult> ReadFrom(
        Func<string, (bool Ok, ByteSource? Bytes, InputFileError Error)> file, string directory, IReadOnlyDictionary<string, CellTable>? cells = null)
    {
        var found = new CappedFindings(ResultFileFindings.MoreProblems);
        PairingSummary? summary = null;
        var (summaryOk, summarySource, summaryError) = file(SummaryFile);
        byte[]? summaryBytes = null;
        using (summarySource)
        {
            if (summaryOk && !TryReadSmall(summarySource!, SummaryFile, out summaryBytes, out var failed))
            {
                (summaryOk, summaryError) = (false, failed);
            }
        }

        if (summaryOk)
        {
            try
            {
                var bom = summaryBytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
                summary = SummaryJson.Read(Encoding.UTF8.GetString(summaryBytes.AsSpan(bom)));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
            {
                found.Add(ResultFileFindings.BadSummary.Create(null, new FindingLocation(SummaryFile), FindingArgument.Of("error", e.Message)));
            }
        }
        else
        {
            // Missing, or a folder, a pipe, a device, an unreadable or an oversized file in its place.
            found.Add(ResultFileFindings.FromFileError(summaryError, SummaryFile, directory));
        }

        // The options a result claims are validated as any options are: a claim of -1 or 50 schools per inland school is
        // refused here, before any checker or report relies on it. Each keeps its own OPT code, located at the summary.
        if (summary is not null)
        {
            foreach (var failure in summary.Options.ToOptions().Validate())
            {
                found.Add(new Finding(failure.Descriptor, failure.Severity, failure.Subject, new FindingLocation(SummaryFile), failure.Arguments));
            }
        }

        var roster = summary?.Phase == PairingPhase.Roster;
        var counties = ReadTable(file, directory, cells?.GetValueOrDefault(CountyPairsFile), CountyPairsFile, ["xinjiang_county_id", "inland_county_id"], true, found,
            r => new CountyPair(new CountyId(r[0]), new CountyId(r[1])));
        var schools = ReadTable(file, directory, cells?.GetValueOrDefault(SchoolPairsFile), SchoolPairsFile, ["xinjiang_school_id", "inland_school_id"], true, found,
            r => new SchoolPair(new SchoolId(r[0]), new SchoolId(r[1])));
        var classes = ReadTable(file, directory, cells?.GetValueOrDefault(ClassPairsFile), ClassPairsFile, ["xinjiang_class_id", "inland_class_id"], roster, found,
            r => new ClassPair(new ClassId(r[0]), new ClassId(r[1])));
        var students = ReadTable(file, directory, cells?.GetValueOrDefault(StudentPairsFile), StudentPairsFile, ["xinjiang_student_id", "inland_student_id", "cross_class"], roster, found,
            r => new StudentPair(new StudentId(r[0]), new StudentId(r[1]), r[2] switch
            {
                "true" => true,
                "false" => false,
                _ => throw new FormatException($"cross_class is '{Excerpt.Of(r[2])}', expected true or false"),
            }));
        var unpaired = ReadTable(file, directory, cells?.GetValueOrDefault(UnpairedFile), UnpairedFile, UnpairedColumns, true, found, ParseUnpaired);
        var continuity = ReadTable(file, directory, cells?.GetValueOrDefault(ContinuityFile), ContinuityFile, ContinuityColumns, summary?.ContinuityCounts is not null, found, ParseContinuity);
        return new(
            found.Count == 0 && summary is not null ? new PairingResult(counties, schools, classes, students, unpaired, continuity, summary) : null,
            found.WithOmitted());
    }


    private static readonly string[] UnpairedColumns =
        ["level", "id", "rule", "code", "inland_id", "grade", "counted", "available", "needed", "reason"];

    /// <summary>
    /// One row of <c>unpaired.csv</c> back to its finding: the code names the descriptor, and its arguments are the
    /// columns; a row whose rule, counted word or numbers do not fit its code is refused, and so is one whose reason is not
    /// the code's own words for those numbers (in Chinese, English, or both as written by default).
    /// </summary>
    private static UnpairedUnit ParseUnpaired(string[] r)
    {
        var level = ParseLevel(r[0]);
        var id = r[1].Length > 0 ? r[1] : throw new FormatException("id is empty");
        var rule = ParseRule(r[2]);
        if (!UnpairedFindings.TryGet(r[3], out var descriptor))
        {
            throw new FormatException($"code is '{Excerpt.Of(r[3])}', expected an unpaired code (UNP001 to UNP032, docs/rules.md)");
        }

        if (descriptor.Rule != rule.ToString())
        {
            throw new FormatException($"rule is {Excerpt.Of(r[2])}, but code {descriptor.Code} is a {descriptor.Rule} code");
        }

        if (!string.Equals(UnpairedFindings.CountedBy(descriptor) ?? string.Empty, r[6], StringComparison.Ordinal))
        {
            throw new FormatException($"counted is '{Excerpt.Of(r[6])}', but code {descriptor.Code} counts '{UnpairedFindings.CountedBy(descriptor) ?? string.Empty}'");
        }

        var arguments = new List<FindingArgument>();
        void Take(string name, string column, string text, Func<string, object> parse)
        {
            var takes = descriptor.ArgumentNames.Contains(name);
            if (takes && text.Length == 0)
            {
                throw new FormatException($"{column} is empty, but code {descriptor.Code} gives it");
            }

            if (!takes && text.Length > 0)
            {
                throw new FormatException($"{column} is '{Excerpt.Of(text)}', but code {descriptor.Code} has no {column}");
            }

            if (takes)
            {
                arguments.Add(FindingArgument.Of(name, parse(text)));
            }
        }

        static object Whole(string text, string column) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new FormatException($"{column} is '{Excerpt.Of(text)}', expected a whole number");
        Take("inland", "inland_id", r[4], t => t);
        Take("grade", "grade", r[5], t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g is >= Grade.MinNumber and <= Grade.MaxNumber
            ? new Grade(g)
            : throw new FormatException($"grade is '{Excerpt.Of(t)}', expected {Grade.MinNumber} to {Grade.MaxNumber}"));
        Take("available", "available", r[7], t => Whole(t, "available"));
        Take("needed", "needed", r[8], t => Whole(t, "needed"));
        var unit = UnpairedUnit.Of(level, id, descriptor, [.. arguments]);
        // The reason is what a person reads in a spreadsheet: it must say what the code and numbers say, in one of the
        // languages the writer offers. It is rendered again and compared, never parsed.
        if (!ReasonFits(unit.Finding, r[9]))
        {
            throw new FormatException($"reason is '{Excerpt.Of(r[9])}', but code {descriptor.Code} with this row's numbers reads " +
                $"'{Excerpt.Of(FindingRenderer.Default.Render(unit.Finding, FindingLanguage.English))}'; expected that text in Chinese, English or both (Chinese / English)");
        }

        return unit;
    }

    private static bool ReasonFits(Finding finding, string reason)
    {
        var text = reason.Trim();
        return string.Equals(text, FindingRenderer.Default.Render(finding, FindingLanguage.ChineseAndEnglish), StringComparison.Ordinal)
            || string.Equals(text, FindingRenderer.Default.Render(finding, FindingLanguage.Chinese), StringComparison.Ordinal)
            || string.Equals(text, FindingRenderer.Default.Render(finding, FindingLanguage.English), StringComparison.Ordinal);
    }

    /// <summary>At most about 80 characters of what the file says, so that a message never echoes a whole field back.</summary>

    /// <summary>A status as <c>continuity.csv</c> writes it: kept, dropped or new.</summary>
    private static readonly string[] ContinuityColumns =
        ["level", "xinjiang_id", "inland_id", "status", "rule", "code", "counted", "available", "needed", "reason"];

    private static ContinuityEntry ParseContinuity(string[] r)
    {
        static long? Number(string text, string column) =>
            text.Length == 0 ? null
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new FormatException($"{column} is '{Excerpt.Of(text)}', expected a whole number or nothing");
        return new ContinuityEntry(
            ParseLevel(r[0]),
            r[1].Length > 0 ? r[1] : throw new FormatException("xinjiang_id is empty"),
            r[2].Length > 0 ? r[2] : throw new FormatException("inland_id is empty"),
            r[3] switch
            {
                "kept" => ContinuityStatus.Kept,
                "dropped" => ContinuityStatus.Dropped,
                "new" => ContinuityStatus.New,
                _ => throw new FormatException($"status is '{Excerpt.Of(r[3])}', expected kept, dropped or new"),
            },
            r[4].Length == 0 ? null : ParseRule(r[4]),
            r[5].Length > 0 ? r[5] : throw new FormatException("code is empty"),
            r[6].Length == 0 ? null : r[6],
            Number(r[7], "available"),
            Number(r[8], "needed"),
            r[9]);
    }

    private static PairingLevel ParseLevel(string text) => text switch
    {
        "county" => PairingLevel.County,
        "school" => PairingLevel.School,
        "class" => PairingLevel.Class,
        "student" => PairingLevel.Student,
        _ => throw new FormatException($"level is '{Excerpt.Of(text)}', expected county, school, class or student"),
    };

    private static PairingRule ParseRule(string text) =>
        Enum.TryParse<PairingRule>(text, out var rule) && Enum.IsDefined(rule) && text.StartsWith('P')
            ? rule
            : throw new FormatException($"rule is '{Excerpt.Of(text)}', expected P1 to P7");

    /// <summary>
    /// A result file given as cells (a workbook's sheet): the first non-empty row is the header, found by name as in a
    /// file; wholly empty rows are skipped; a missing trailing cell is empty. Problems are located at the sheet's rows.
    /// </summary>
    private static List<T> ReadCells<T>(CellTable cells, string file, string[] columns, CappedFindings problems, Func<string[], T> parse)
    {
        static bool Blank(CellRow row) => row.Cells.All(string.IsNullOrWhiteSpace);
        var rows = new List<T>();
        using var e = cells.Rows.GetEnumerator();
        CellRow header = default;
        var found = false;
        while (e.MoveNext())
        {
            if (!Blank(e.Current))
            {
                header = e.Current;
                found = true;
                break;
            }
        }

        if (!found)
        {
            problems.Add(ResultFileFindings.NoHeader.Create(null, new FindingLocation(cells.File, cells.Sheet), FindingArgument.Of("file", file)));
            return rows;
        }

        var at = CsvHeader.Locate(header.Cells, columns, column => problems.Add(ResultFileFindings.MissingColumn.Create(
            null, new FindingLocation(cells.File, cells.Sheet, header.Number), FindingArgument.Of("file", file), FindingArgument.Of("column", column))));
        if (at.Any(i => i < 0))
        {
            return rows;
        }

        var values = new string[columns.Length];
        while (e.MoveNext())
        {
            var row = e.Current;
            if (Blank(row))
            {
                continue;
            }

            try
            {
                for (var k = 0; k < columns.Length; k++)
                {
                    values[k] = at[k] < row.Cells.Count ? row.Cells[at[k]] : string.Empty;
                }

                rows.Add(parse(values));
            }
            catch (Exception x) when (x is FormatException or ArgumentException)
            {
                problems.Add(ResultFileFindings.BadRow.Create(null, new FindingLocation(cells.File, cells.Sheet, row.Number),
                    FindingArgument.Of("file", file), FindingArgument.Of("error", x.Message)));
            }
        }

        return rows;
    }

    /// <summary>The most bytes a <c>summary.json</c> may have: counts and options, a few kilobytes when written by the library.</summary>
    private const int MaxSummaryBytes = 16 << 20;

    /// <summary>Reads a small file (the summary) whole, or says why not: too large, or the disk failed under it.</summary>
    private static bool TryReadSmall(ByteSource source, string file, [NotNullWhen(true)] out byte[]? bytes, out InputFileError error)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[ByteSource.ChunkBytes];
        long total = 0;
        var ok = ByteSource.TryPass(source, () =>
        {
            source.Rewind();
            int n;
            while ((n = source.Read(chunk)) > 0)
            {
                // Past the cap the bytes are only counted, so that the finding says the file's size.
                if ((total += n) <= MaxSummaryBytes)
                {
                    buffer.Write(chunk, 0, n);
                }
            }
        }, out error);
        bytes = ok && total <= MaxSummaryBytes ? buffer.ToArray() : null;
        if (ok && bytes is null)
        {
            error = new InputFileError(InputFileIssue.TooLarge, source.Path ?? file, Size: total, Max: MaxSummaryBytes);
        }

        return bytes is not null;
    }

    private static List<T> ReadTable<T>(
        Func<string, (bool Ok, ByteSource? Bytes, InputFileError Error)> source, string directory, CellTable? cells, string file, string[] columns, bool required,
        CappedFindings problems, Func<string[], T> parse)
    {
        if (cells is not null)
        {
            return ReadCells(cells, file, columns, problems, parse);
        }

        var rows = new List<T>();
        var (readable, bytes, fileError) = source(file);
        if (!readable)
        {
            if (required || fileError.Issue != InputFileIssue.Missing)
            {
                problems.Add(ResultFileFindings.FromFileError(fileError, file, directory));
            }

            return rows;
        }

        using (bytes)
        {
            // Two passes, neither holding the file: the encoding first, then the rows decoded a chunk at a time. A disk
            // that fails under the second is the file's problem, and none of its rows are kept.
            if (!ByteSource.TryPass(bytes, () => ReadRows(bytes!, file, columns, problems, parse, rows), out var failed))
            {
                problems.Add(ResultFileFindings.FromFileError(failed, file, directory));
                rows.Clear();
            }
        }

        return rows;
    }

    private static void ReadRows<T>(ByteSource bytes, string file, string[] columns, CappedFindings problems, Func<string[], T> parse, List<T> rows)
    {
        var scan = bytes.Scanned ??= TextDecoding.Scan(bytes, long.MaxValue);
        if (scan.Error is { } encodingError)
        {
            problems.Add(ResultFileFindings.BadEncoding.Create(null, new FindingLocation(file, Line: encodingError.Line),
                FindingArgument.Of("file", file), FindingArgument.Of("error", encodingError.Message)));
            return;
        }

        var reader = new CsvReader(TextDecoding.Open(bytes, scan));
        if (!reader.TryRead(out var header) || header.Error is not null)
        {
            problems.Add(ResultFileFindings.NoHeader.Create(null, new FindingLocation(file, Line: 1), FindingArgument.Of("file", file)));
            return;
        }

        var at = CsvHeader.Locate(header, columns, column => problems.Add(ResultFileFindings.MissingColumn.Create(
            null, new FindingLocation(file, Line: 1), FindingArgument.Of("file", file), FindingArgument.Of("column", column))));
        if (at.Any(i => i < 0))
        {
            return;
        }

        var values = new string[columns.Length];
        while (reader.TryRead(out var record))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (record.Error is { } error)
            {
                problems.Add(ResultFileFindings.BadRecord.Create(null, new FindingLocation(file, Line: error.Line),
                    FindingArgument.Of("file", file), FindingArgument.Of("error", error.Message)));
                if (error.StopsReading)
                {
                    // A field or a line past the limits: the rest of the file is not read.
                    return;
                }

                continue;
            }

            try
            {
                for (var k = 0; k < columns.Length; k++)
                {
                    values[k] = at[k] < record.Count ? record.GetString(at[k]) : throw new FormatException($"column '{columns[k]}' is missing");
                }

                rows.Add(parse(values));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                problems.Add(ResultFileFindings.BadRow.Create(null, new FindingLocation(file, Line: record.Line),
                    FindingArgument.Of("file", file), FindingArgument.Of("error", Excerpt.Of(e.Message, 200))));
            }
        }
    }
}
