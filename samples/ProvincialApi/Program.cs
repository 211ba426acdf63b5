// A provincial system's web API over Pairing.Core: POST a roster as a zip of its CSV files, get the pairs back as a
// zip of the result's files, or the roster's problems as JSON (codes, numbers, messages in the caller's language).
// Nothing touches the disk: the upload is read in memory, the zip's entries are the roster's files. See README.md.
using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Pairing.Core;
using Pairing.Core.Files;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;

var builder = WebApplication.CreateBuilder(args);
// The options come from configuration ("Pairing" section); the host checks them at start and refuses bad ones.
builder.Services.AddPairing(options => builder.Configuration.GetSection("Pairing").Bind(options));
var app = builder.Build();
var maxUpload = app.Configuration.GetValue("Upload:MaxBytes", 200L * 1024 * 1024);
var maxUnzipped = app.Configuration.GetValue("Upload:MaxUnzippedBytes", InputFileLimits.Default.MaxFileBytes);
// Matching takes the cores: a few jobs at a time (one by default), a short queue, and 503 with Retry-After beyond it,
// so that a request beside a big job is answered at once instead of waiting behind it.
var jobs = new JobGate(
    app.Configuration.GetValue("Jobs:MaxConcurrent", 1),
    app.Configuration.GetValue("Jobs:MaxQueued", 4),
    TimeSpan.FromSeconds(app.Configuration.GetValue("Jobs:MaxWaitSeconds", 3.0)));

// No answer of this API is to be sniffed into something else (an error that quotes the upload is JSON, never HTML).
app.Use((http, next) =>
{
    http.Response.Headers.XContentTypeOptions = "nosniff";
    return next(http);
});

app.MapPost("/rosters/pair", async (HttpContext http, IPairingMatcher matcher, SupportMap supportMap) =>
{
    var aborted = http.RequestAborted;
    var culture = Answer.CultureOf(http.Request);
    try
    {
        var (upload, error) = await Upload.ReadAsync(http, maxUpload, aborted);
        if (error is not null)
        {
            return Answer.BadUpload(error, culture);
        }

        using var slot = await jobs.EnterAsync(aborted);
        if (slot is null)
        {
            return Answer.Busy(jobs.RetryAfter, culture);
        }

        await using var zip = await ZipArchive.CreateAsync(upload!, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, aborted);
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.OrdinalIgnoreCase);
        long unzipped = 0;
        foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0))
        {
            // Entries are keyed by their own name, so a zip of the folder (roster/counties.csv) reads as well. The sizes
            // are the declared ones, which the decompressor never exceeds: a zip bomb stops here.
            if (files.ContainsKey(entry.Name))
            {
                return Answer.BadUpload(new("API004", "the zip holds two files named {0}", "压缩包中有两个名为 {0} 的文件", [("file", entry.Name)]), culture);
            }

            if ((unzipped += entry.Length) > maxUnzipped)
            {
                return Answer.BadUpload(new("API005", "the zip unpacks to more than {0} bytes", "压缩包解压后超过 {0} 字节", [("max", maxUnzipped)]), culture);
            }

            // Read whole, to its declared size and no further, with its CRC-32 checked: a stored entry has no other
            // check, and one changed byte would otherwise be paired as if whole.
            files[entry.Name] = await ZipEntries.ReadCheckedAsync(entry, aborted);
        }

        var read = RosterFiles.Parse(files, supportMap, aborted);

        if (!read.IsValid)
        {
            return Answer.RosterProblems(read.Findings, culture);
        }

        // Matching is CPU-bound: it runs on the thread pool, and stops between sub-problems when the caller goes away.
        var roster = read.Value;
        var result = await Task.Run(() => roster.HasStudents
            ? matcher.Match(roster, cancellationToken: aborted)
            : matcher.Plan(roster, cancellationToken: aborted), aborted);
        // Without timings, the same upload gives the same bytes; the reasons are in the caller's language.
        var language = culture.Equals(Answer.Chinese) ? FindingLanguage.Chinese : FindingLanguage.English;
        var output = PairingResultFiles.ToBytes(result, includeTimings: false, language);
        // The zip is made in memory, then sent: writing it straight to the response would flush synchronously. Every
        // entry has the same fixed time, so the same upload gives the same bytes.
        var archive = new MemoryStream();
        using (var zipped = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in output.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var entry = zipped.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = ZipEntries.FixedTime;
                using var stream = entry.Open();
                stream.Write(bytes.Span);
            }
        }

        archive.Position = 0;
        return Results.Stream(archive, "application/zip", "pairs.zip");
    }
    catch (InvalidDataException e)
    {
        return Answer.BadUpload(new("API001", "the upload is not a zip of the roster's CSV files: {0}", "上传的不是名册 CSV 文件的 zip 压缩包：{0}", [("error", Answer.Cut(e.Message))]), culture);
    }
    catch (OperationCanceledException) when (aborted.IsCancellationRequested)
    {
        return Results.Empty; // The caller has gone: nobody to answer.
    }
});

app.Run();

/// <summary>Reads the upload into memory, capped: a multipart form's first file, or the body itself.</summary>
internal static class Upload
{
    public static async Task<(MemoryStream? Zip, ApiError? Error)> ReadAsync(HttpContext http, long max, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var tooLarge = new ApiError("API002", "the upload is larger than {0} bytes", "上传的文件超过 {0} 字节", [("max", max)]);
        if (request.ContentLength > max + 64 * 1024)
        {
            return (null, tooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 64 * 1024; // room for the form's own lines around the file
        }

        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                // RFC 2046: a boundary is 1 to 70 characters.
                var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? string.Empty;
                if (boundary.Length is 0 or > 70)
                {
                    return (null, new("API006", "the multipart boundary has {0} characters; expected 1 to 70", "multipart 分隔符有 {0} 个字符，应为 1 到 70 个", [("length", boundary.Length)]));
                }

                // The form is read section by section: ReadFormAsync would buffer a large file to a temporary file.
                var reader = new MultipartReader(boundary, request.Body);
                for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken))
                {
                    if (section.GetContentDispositionHeader() is { } disposition && disposition.IsFileDisposition())
                    {
                        return await CopyAsync(section.Body, max, tooLarge, cancellationToken);
                    }
                }

                return (null, new("API003", "the form has no file: send the roster's zip as a file field", "表单中没有文件：请以文件字段上传名册的 zip 压缩包", []));
            }

            if (type?.MediaType.Value is "application/zip" or "application/x-zip-compressed" or "application/octet-stream")
            {
                return await CopyAsync(request.Body, max, tooLarge, cancellationToken);
            }

            return (null, new("API003", "send the roster's zip as application/zip or as a multipart form file, not {0}", "请以 application/zip 或 multipart 表单文件上传名册的 zip 压缩包，而不是 {0}",
                [("contentType", request.ContentType ?? "(none)")]));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // A body cut short, a header line over the limit, a form that is not one: the request, not the server.
            return (null, new("API006", "the request cannot be read: {0}", "无法读取请求：{0}", [("error", Answer.Cut(e.Message))]));
        }
    }

    private static async Task<(MemoryStream?, ApiError?)> CopyAsync(Stream from, long max, ApiError tooLarge, CancellationToken cancellationToken)
    {
        var memory = new MemoryStream();
        var buffer = new byte[81920];
        for (int n; (n = await from.ReadAsync(buffer, cancellationToken)) > 0;)
        {
            if (memory.Length + n > max)
            {
                return (null, tooLarge);
            }

            memory.Write(buffer, 0, n);
        }

        memory.Position = 0;
        return (memory, null);
    }
}

/// <summary>One of this API's own errors, shaped as a finding is: a code, named typed arguments, a message in two languages.</summary>
internal sealed record ApiError(string Code, string English, string Chinese, (string Name, object Value)[] Arguments);

/// <summary>How the API answers: the caller's language, and findings as JSON.</summary>
internal static class Answer
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Chinese (zh-Hans) when the caller's first language is any Chinese, else English.</summary>
    public static CultureInfo CultureOf(HttpRequest request)
    {
        var first = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return first?.Value.Value?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? Chinese : English;
    }

    /// <summary>How many findings of one code an answer lists; the rest are counted.</summary>
    public const int ListedPerCode = 100;

    /// <summary>
    /// 422: the roster was read but is not valid; its problems, warnings too, with their numbers: the first
    /// <see cref="ListedPerCode"/> of each code, and how many more of each code there were (<c>omitted</c>), so that a
    /// small upload of many bad rows gets a small answer.
    /// </summary>
    public static IResult RosterProblems(IEnumerable<Finding> problems, CultureInfo culture)
    {
        var listed = new List<object>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            var count = seen[problem.Code] = seen.GetValueOrDefault(problem.Code) + 1;
            if (count <= ListedPerCode)
            {
                listed.Add(Json(problem, culture));
            }
        }

        var omitted = seen.Where(c => c.Value > ListedPerCode).OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(c => c.Key, c => c.Value - ListedPerCode);
        return Results.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: culture.Equals(Chinese) ? "名册有问题，未配对" : "The roster has problems; nothing was paired",
            extensions: new Dictionary<string, object?> { ["findings"] = listed, ["omitted"] = omitted });
    }

    /// <summary>503: as many jobs as allowed are running and queued; try again after the seconds given.</summary>
    public static IResult Busy(TimeSpan retryAfter, CultureInfo culture) => new BusyResult(retryAfter, BadUpload(
        new("API007", "the server is pairing as many rosters as it may; try again in {0} seconds", "服务器正在处理的名册已达上限，请 {0} 秒后重试",
            [("retryAfter", (int)Math.Ceiling(retryAfter.TotalSeconds))]),
        culture, StatusCodes.Status503ServiceUnavailable, culture.Equals(Chinese) ? "服务器繁忙" : "The server is busy"));

    /// <summary>At most about 80 characters of text that may come from the input, so that an answer never echoes a whole field.</summary>
    public static string Cut(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 79), "…");

    private sealed class BusyResult(TimeSpan retryAfter, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>400: the upload could not be read as a roster's zip at all.</summary>
    public static IResult BadUpload(ApiError error, CultureInfo culture, int status = StatusCodes.Status400BadRequest, string? title = null) => Results.Problem(
        statusCode: status,
        title: title ?? (culture.Equals(Chinese) ? "上传的内容无法读取" : "The upload cannot be read"),
        extensions: new Dictionary<string, object?>
        {
            ["findings"] = new[]
            {
                new
                {
                    code = error.Code,
                    severity = "error",
                    rule = (string?)null,
                    location = (object?)null,
                    subject = (object?)null,
                    arguments = error.Arguments.ToDictionary(a => a.Name, a => a.Value),
                    message = string.Format(culture, culture.Equals(Chinese) ? error.Chinese : error.English, [.. error.Arguments.Select(a => a.Value)]),
                },
            },
        });

    private static string CutMessage(string text) => text.Length <= 400 ? text : string.Concat(text.AsSpan(0, 399), "…");

    private static object Json(Finding finding, CultureInfo culture) => new
    {
        code = finding.Code,
        severity = finding.Severity.ToString().ToLowerInvariant(),
        rule = finding.Rule,
        location = finding.Location is { } l ? new { file = l.File, sheet = l.Sheet, line = l.Line, column = l.Column, columnName = l.ColumnName } : null,
        subject = finding.Subject is { } s ? new { level = s.Level, id = s.Id } : null,
        // Typed: numbers stay numbers; a grade is its number, a date ISO 8601, an enum value its name.
        arguments = finding.Arguments.ToDictionary(a => a.Name, a => a.Value switch
        {
            Grade g => g.Number,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum e => e.ToString(),
            string text => Cut(text),
            var v => v,
        }),
        // A message may quote the input (a column name, a value): cut, as every echoed text is.
        message = CutMessage(FindingRenderer.Default.Render(finding, culture)),
    };
}

/// <summary>A limit on the matching jobs at once, with a short queue; a request beyond it is told to come back.</summary>
internal sealed class JobGate(int concurrent, int queued, TimeSpan maxWait)
{
    private readonly SemaphoreSlim _running = new(Math.Max(1, concurrent));
    private int _waiting;

    /// <summary>How long a caller told the server is busy should wait.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(30);

    /// <summary>A slot to run in (dispose it when done), or null when the queue is full or the wait ran out.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        // Straight in when a slot is free; else wait in a queue of at most 'queued', for at most 'maxWait'.
        if (_running.Wait(0, CancellationToken.None))
        {
            return new Slot(this);
        }

        if (Interlocked.Increment(ref _waiting) > Math.Max(0, queued))
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }

        try
        {
            return await _running.WaitAsync(maxWait, cancellationToken) ? new Slot(this) : null;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private sealed class Slot(JobGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._running.Release();
            }
        }
    }
}

/// <summary>Reading a zip's entries whole, to their declared size, with their CRC-32 checked.</summary>
internal static class ZipEntries
{
    /// <summary>The time every entry of an answer's zip carries, so that the same answer is the same bytes.</summary>
    public static readonly DateTimeOffset FixedTime = new(2014, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly uint[] Table = MakeTable();

    public static async Task<ReadOnlyMemory<byte>> ReadCheckedAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        var bytes = new byte[entry.Length];
        await using (var stream = await entry.OpenAsync(cancellationToken))
        {
            var read = 0;
            for (int n; read < bytes.Length && (n = await stream.ReadAsync(bytes.AsMemory(read), cancellationToken)) > 0;)
            {
                read += n;
            }

            if (read < bytes.Length)
            {
                throw new InvalidDataException($"{entry.Name} ends after {read} of the {bytes.Length} bytes it declares");
            }
        }

        if (Crc32(bytes) != entry.Crc32)
        {
            throw new InvalidDataException($"{entry.Name} is damaged: its CRC-32 does not match the one the zip records");
        }

        return bytes;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (var i = 0u; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
