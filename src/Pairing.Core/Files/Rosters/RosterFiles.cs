using System.Diagnostics.CodeAnalysis;
using System.Collections.Immutable;
using System.Globalization;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;
using Pairing.Core.Files;

namespace Pairing.Core.Files.Rosters;

/// <summary>
/// Reads and writes a roster as the programme's folder of CSV files: <c>counties.csv</c>,
/// <c>schools.csv</c>, <c>classes.csv</c> and, in the roster phase, <c>students.csv</c>.
/// </summary>
/// <remarks>
/// Reading accepts UTF-8 with or without a BOM, and GB18030 as Chinese Excel saves it; finds columns by header
/// name in any order; ignores unknown columns with a warning; refuses columns that look like personal data; and
/// lists every problem with its file, line and column. Writing gives UTF-8 without a BOM, \n line ends, RFC 4180
/// quoting and cells safe from spreadsheet formula injection; the same roster always gives the same bytes.
/// </remarks>
public static class RosterFiles
{
    /// <summary>The counties file's name.</summary>
    public const string CountiesFile = "counties.csv";

    /// <summary>The schools file's name.</summary>
    public const string SchoolsFile = "schools.csv";

    /// <summary>The classes file's name.</summary>
    public const string ClassesFile = "classes.csv";

    /// <summary>The students file's name (absent from a counts-only roster).</summary>
    public const string StudentsFile = "students.csv";

    /// <summary>Reads and checks the roster in a folder.</summary>
    /// <param name="directory">The folder holding the roster's files.</param>
    /// <param name="supportMap">The support map to check against; the notice's when null.</param>
    /// <param name="cancellationToken">Stops the read within milliseconds, between rows; nothing is returned then.</param>
    /// <param name="progress">Told which file is read and its rows so far (every 65,536 rows and at each file's end), then once more when only the checks across files remain; null for none.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The roster when valid, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ReadResult<Roster> Read(
        string directory, SupportMap? supportMap = null, CancellationToken cancellationToken = default, IProgress<RosterReadProgress>? progress = null, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(directory);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Directory.Exists(directory))
        {
            return NoFolder(directory, supportMap);
        }

        // Each file is opened and read a chunk at a time, never whole: memory is what the roster keeps, not the files' size.
        return ReadFrom(name =>
        {
            var ok = ByteSource.TryOpenFile(Path.Combine(directory, name), out var bytes, out var error);
            return (ok, bytes, error);
        }, directory, supportMap, cancellationToken, progress: progress);
    }

    /// <summary>
    /// Reads and checks a roster given as its files' contents, keyed by file name (<c>counties.csv</c>,
    /// <c>schools.csv</c>, <c>classes.csv</c> and, for a full roster, <c>students.csv</c>; names compared without case):
    /// an upload's zip entries or a database export, with no folder. Every check of <see cref="Read(string, SupportMap?, CancellationToken, IProgress{RosterReadProgress}?, InputFileLimits?)"/>
    /// applies, and problems name the files as given.
    /// </summary>
    /// <param name="files">The files' bytes by name; other names are not read (a warning names them).</param>
    /// <param name="supportMap">The support map to check against; the notice's when null.</param>
    /// <param name="cancellationToken">Stops the read within milliseconds, between rows.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The roster when valid, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ReadResult<Roster> Parse(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, SupportMap? supportMap = null, CancellationToken cancellationToken = default, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(files);
        cancellationToken.ThrowIfCancellationRequested();
        var byName = new Dictionary<string, ReadOnlyMemory<byte>>(files, StringComparer.OrdinalIgnoreCase);
        var result = ReadFrom(
            name => byName.TryGetValue(name, out var bytes)
                ? (true, bytes, default)
                : (false, default, new InputFileError(InputFileIssue.Missing, name)),
            InMemory, supportMap, cancellationToken, Unread(files.Keys));
        return result;
    }

    /// <summary>
    /// Reads and checks the roster in a folder as <see cref="Read(string, SupportMap?, CancellationToken, IProgress{RosterReadProgress}?, InputFileLimits?)"/> does,
    /// off the caller's thread: the read runs on a thread-pool thread, a chunk of each file at a time, so that memory is
    /// what the roster keeps, not the files' size (a file read whole would cost a byte per byte of it).
    /// </summary>
    /// <param name="directory">The folder holding the roster's files.</param>
    /// <param name="supportMap">The support map to check against; the notice's when null.</param>
    /// <param name="cancellationToken">Stops the read within milliseconds, between rows; nothing is returned then.</param>
    /// <param name="progress">Told which file is checked and its rows so far, as <see cref="Read(string, SupportMap?, CancellationToken, IProgress{RosterReadProgress}?, InputFileLimits?)"/> tells it; null for none.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The roster when valid, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ReadResult<Roster>> ReadAsync(
        string directory, SupportMap? supportMap = null, CancellationToken cancellationToken = default, IProgress<RosterReadProgress>? progress = null, InputFileLimits? limits = null)
    {
        Guard.NotNull(directory);
        var scoped = limits ?? InputFileLimits.Current;
        return Task.Run(() => Read(directory, supportMap, cancellationToken, progress, scoped), cancellationToken);
    }

    /// <summary>
    /// Reads and checks a roster given as one stream per file, keyed by file name as
    /// <see cref="Parse(IReadOnlyDictionary{string, ReadOnlyMemory{byte}}, SupportMap?, CancellationToken, InputFileLimits?)"/> takes them: each stream
    /// is read asynchronously to its end (at most <see cref="InputFileLimits.MaxFileBytes"/>; it is not disposed), its
    /// first mebibyte kept in memory and the rest in a temporary file deleted after the read, then checked a chunk at a
    /// time: memory is what the roster keeps, not the streams' size.
    /// </summary>
    /// <param name="files">One readable stream per file, by name.</param>
    /// <param name="supportMap">The support map to check against; the notice's when null.</param>
    /// <param name="cancellationToken">Stops the read: while reading the streams, and between rows while checking.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The roster when valid, and every problem found either way (a stream past the size cap is one).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ReadResult<Roster>> ParseAsync(IReadOnlyDictionary<string, Stream> files, SupportMap? supportMap = null, CancellationToken cancellationToken = default, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(files);
        using var spooled = await SpooledFiles.SpoolAsync(files, Known, InputFileLimits.Current.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        return ReadFrom(
            name => spooled.Get(name) is var (ok, bytes, error) && ok ? (true, bytes!, default) : (false, default(TableInput), error),
            InMemory, supportMap, cancellationToken, Unread(files.Keys));
    }

    /// <summary>What problems name as the folder of files given in memory or as streams.</summary>
    private const string InMemory = "(the files given)";

    private static readonly string[] Known = [CountiesFile, SchoolsFile, ClassesFile, StudentsFile];

    private static IEnumerable<string> Unread(IEnumerable<string> names) =>
        names.Where(n => !Known.Contains(n, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);

    private static ReadResult<Roster> NoFolder(string directory, SupportMap? supportMap)
    {
        var builder = new RosterBuilder(supportMap ?? SupportMap.Default);
        builder.AddProblem(RosterFindings.MissingFolder.Create(null, new FindingLocation(directory), FindingArgument.Of("path", directory)));
        return builder.Build();
    }

    /// <summary>The one reading of a roster's four files, wherever their bytes come from.</summary>
    internal static ReadResult<Roster> ReadFrom(
        Func<string, (bool Ok, TableInput Input, InputFileError Error)> file, string folder, SupportMap? supportMap, CancellationToken cancellationToken,
        IEnumerable<string>? unread = null, IProgress<RosterReadProgress>? progress = null)
    {
        using var scope = Ambient.Use(cancellationToken);
        var filesRead = 0;
        var current = CountiesFile;
        var total = 3;
        using var rows = Ambient.ReportRows(progress is null ? null : n => progress.Report(new RosterReadProgress(current, n, filesRead, total, false)));
        var builder = new RosterBuilder(supportMap ?? SupportMap.Default);
        foreach (var name in unread ?? [])
        {
            builder.AddProblem(RosterFindings.UnknownFile.Create(null, new FindingLocation(name), FindingArgument.Of("file", name)));
        }

        var files = new (string Name, string Table, Action<RosterBuilder, TableInput> Read)[]
        {
            (CountiesFile, "counties", RosterCsvReader.ReadCounties),
            (SchoolsFile, "schools", RosterCsvReader.ReadSchools),
            (ClassesFile, "classes", RosterCsvReader.ReadClasses),
        };
        foreach (var (name, table, read) in files)
        {
            var (ok, bytes, error) = file(name);
            if (ok)
            {
                using (bytes.Bytes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    current = name;
                    if (!ByteSource.TryPass(bytes.Bytes, () => read(builder, bytes), out var failed))
                    {
                        Unreadable(builder, failed, name, table);
                    }
                }

                filesRead++;
            }
            else
            {
                builder.AddProblem(FileProblem(error, name) ?? RosterFindings.MissingFile.Create(
                    null, new FindingLocation(name), FindingArgument.Of("file", name), FindingArgument.Of("folder", folder)));
                builder.MarkUnreadable(table);
            }
        }

        // students.csv is optional: only its absence means a counts-only roster; a folder, a pipe or an unreadable
        // file in its place is a problem of a full roster.
        var (found, students, studentsError) = file(StudentsFile);
        if (found)
        {
            using (students.Bytes)
            {
                builder.ExpectStudents();
                cancellationToken.ThrowIfCancellationRequested();
                (current, total) = (StudentsFile, 4);
                if (!ByteSource.TryPass(students.Bytes, () => RosterCsvReader.ReadStudents(builder, students), out var failed))
                {
                    Unreadable(builder, failed, StudentsFile, "students");
                }
            }

            filesRead++;
        }
        else if (FileProblem(studentsError, StudentsFile) is { } problem)
        {
            builder.ExpectStudents();
            builder.AddProblem(problem);
            builder.MarkUnreadable("students");
        }

        progress?.Report(new RosterReadProgress(current, 0, filesRead, total, true));
        return builder.Build();
    }

    /// <summary>A file that failed while it was read: its problem, and none of the checks that need its rows.</summary>
    private static void Unreadable(RosterBuilder builder, InputFileError error, string file, string table)
    {
        builder.AddProblem(FileProblem(error, file)!);
        builder.MarkUnreadable(table);
    }

    /// <summary>
    /// Opens an input file as the roster readers do (a workbook, say): only a regular file, within
    /// <see cref="InputFileLimits.MaxFileBytes"/>; a missing file, a folder, a pipe, a device, an unreadable or an
    /// oversized file is a located finding (<c>ROS…</c>), never an exception. An empty file opens as an empty stream.
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

        var file = Path.GetFileName(path);
        problem = FileProblem(error, file) ?? RosterFindings.MissingFile.Create(null, new FindingLocation(file),
            FindingArgument.Of("file", file), FindingArgument.Of("folder", Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty));
        return false;
    }

    /// <summary>
    /// The problem for a file that is there but cannot be read as a file (see <see cref="InputFileLimits"/>); null when
    /// it is simply missing, which each reader says in its own words.
    /// </summary>
    internal static Finding? FileProblem(InputFileError error, string file)
    {
        var location = new FindingLocation(file);
        var (code, arguments) = error.Issue switch
        {
            InputFileIssue.Folder => (RosterFindings.FolderNotFile, new[] { FindingArgument.Of("file", file), FindingArgument.Of("path", error.Path) }),
            InputFileIssue.Special => (RosterFindings.SpecialFile, [FindingArgument.Of("file", file), FindingArgument.Of("path", error.Path)]),
            InputFileIssue.Unreadable => (RosterFindings.UnreadableFile,
                [FindingArgument.Of("file", file), FindingArgument.Of("path", error.Path), FindingArgument.Of("error", error.Error)]),
            InputFileIssue.TooLarge => (RosterFindings.FileTooLarge,
                [FindingArgument.Of("file", file), FindingArgument.Of("path", error.Path), FindingArgument.Of("size", error.Size), FindingArgument.Of("max", error.Max)]),
            _ => ((FindingDescriptor?)null, Array.Empty<FindingArgument>()),
        };
        return code is null ? null : code.Create(null, location, arguments);
    }

    /// <summary>Writes a roster into a folder (created if needed), replacing the roster files there.</summary>
    /// <param name="roster">The roster to write.</param>
    /// <param name="directory">The folder to write into.</param>
    /// <remarks>
    /// Each file is written to a temporary name first and moved into place only when all are written, so a failed
    /// write leaves no half roster. A counts-only roster removes a stale <c>students.csv</c>.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">A file cannot be written: no file is ever half-written, but a failure while the files are moved into place can leave some replaced and the others as they were.</exception>
    public static void Write(Roster roster, string directory)
    {
        Guard.NotNull(roster);
        Guard.NotNull(directory);
        Directory.CreateDirectory(directory);
        using var files = AtomicFiles.InPlace(directory);
        WriteFiles(roster, name => new CsvWriter(files.Create(name)));
        if (!roster.HasStudents)
        {
            files.Delete(StudentsFile);
        }

        files.Commit();
    }

    /// <summary>
    /// The roster's files as bytes, by name, exactly as <see cref="Write"/> writes them (no <c>students.csv</c> for
    /// class sizes only): for an upload, a download or a database, with no folder; <see cref="Parse"/> reads them back.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <returns>Each file's bytes by name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> ToBytes(Roster roster)
    {
        Guard.NotNull(roster);
        var streams = new SortedDictionary<string, PooledByteStream>(StringComparer.Ordinal);
        WriteFiles(roster, name => new CsvWriter(streams[name] = new PooledByteStream()));
        return streams.ToDictionary(kv => kv.Key, kv => new ReadOnlyMemory<byte>(kv.Value.ToArrayAndRelease()), StringComparer.Ordinal);
    }

    /// <summary>
    /// The roster's files as tables of cells, by file name, holding exactly what <see cref="Write"/> writes (no
    /// <c>students.csv</c> for class sizes only): for a workbook or a grid, with no CSV text to parse back. Each table's
    /// sheet is its file's name without <c>.csv</c>; its first row is the header.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <returns>Each file's table by name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    public static IReadOnlyDictionary<string, CellTable> ToTables(Roster roster)
    {
        Guard.NotNull(roster);
        var tables = new SortedDictionary<string, List<CellRow>>(StringComparer.Ordinal);
        WriteFiles(roster, name => new CsvWriter(tables[name] = []));
        return tables.ToDictionary(kv => kv.Key, kv => new CellTable(kv.Key, Path.GetFileNameWithoutExtension(kv.Key), kv.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes a roster into a folder as <see cref="Write"/> does (each file beside its final name, all moved into place
    /// together), without blocking a thread on the disk.
    /// </summary>
    /// <param name="roster">The roster to write.</param>
    /// <param name="directory">The folder to write into.</param>
    /// <param name="cancellationToken">Stops the write before the files are moved into place; the folder is then as it was.</param>
    /// <returns>A task that completes when the files are in place.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">A file cannot be written, as for <see cref="Write"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the folder is as it was.</exception>
    public static async Task WriteAsync(Roster roster, string directory, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(roster);
        Guard.NotNull(directory);
        var bytes = ToBytes(roster);
        cancellationToken.ThrowIfCancellationRequested();
        using var files = AtomicFiles.InPlace(directory);
        foreach (var (name, content) in bytes)
        {
            await using var stream = files.Create(name);
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }

        if (!roster.HasStudents)
        {
            files.Delete(StudentsFile);
        }

        cancellationToken.ThrowIfCancellationRequested();
        files.Commit();
    }

    /// <summary>Writes each of a roster's files to the writer <paramref name="open"/> gives for its name (a stream's, or a table's).</summary>
    private static void WriteFiles(Roster roster, Func<string, CsvWriter> open)
    {

        using (var csv = open(CountiesFile))
        {
            csv.WriteHeader("county_id", "side", "name", "unit");
            foreach (var c in roster.CountyArray)
            {
                csv.Write(c.Id.Value);
                csv.Write(c.Side == Side.Xinjiang ? "xinjiang" : "inland");
                csv.Write(c.Name);
                csv.Write(c.Unit);
                csv.EndRow();
            }
        }

        using (var csv = open(SchoolsFile))
        {
            csv.WriteHeader("school_id", "county_id", "name");
            foreach (var s in roster.SchoolArray)
            {
                csv.Write(s.Id.Value);
                csv.Write(s.CountyId.Value);
                csv.Write(s.Name);
                csv.EndRow();
            }
        }

        using (var csv = open(ClassesFile))
        {
            csv.WriteHeader("class_id", "school_id", "grade", "size");
            foreach (var c in roster.ClassArray)
            {
                csv.Write(c.Id.Value);
                csv.Write(c.SchoolId.Value);
                csv.Write(c.Grade.Number);
                csv.Write(c.Size);
                csv.EndRow();
            }
        }

        if (roster.HasStudents)
        {
            using var csv = open(StudentsFile);
            csv.WriteHeader("student_id", "class_id", "gender", "birth_year", "language", "interests");
            foreach (var s in roster.StudentArray)
            {
                csv.Write(s.Id.Value);
                csv.Write(s.ClassId.Value);
                csv.Write(s.Gender switch { Gender.Female => "F", Gender.Male => "M", _ => string.Empty });
                csv.Write(s.BirthYear is { } y ? y.ToString(CultureInfo.InvariantCulture) : string.Empty);
                csv.Write(s.Language ?? string.Empty);
                csv.Write(string.Join(';', s.Interests));
                csv.EndRow();
            }
        }

    }
}
