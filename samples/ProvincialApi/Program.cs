// A provincial system's web API over Pairing.Core: POST a roster as a zip of its CSV files, get the pairs back as a
// zip of the result's files, or the roster's problems as JSON (codes, numbers, messages in the caller's language).
// Nothing touches the disk: the upload is read in memory, the zip's entries are the roster's files. See README.md.
using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Pairing.Core;
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
var maxUnzipped = app.Configuration.GetValue("Upload:MaxUnzippedBytes", InputFileLimits.MaxFileBytes);

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

        await using var zip = await ZipArchive.CreateAsync(upload!, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, aborted);
        var files = new Dictionary<string, Stream>(StringComparer.OrdinalIgnoreCase);
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

            files[entry.Name] = await entry.OpenAsync(aborted);
        }

        var read = await RosterFiles.ParseAsync(files, supportMap, aborted);
        foreach (var stream in files.Values)
        {
            await stream.DisposeAsync();
        }

        if (!read.IsValid)
        {
            return Answer.RosterProblems(read.Problems, culture);
        }

        // Matching is CPU-bound: it runs on the thread pool, and stops between sub-problems when the caller goes away.
        var roster = read.Roster;
        var result = await Task.Run(() => roster.HasStudents
            ? matcher.Match(roster, cancellationToken: aborted)
            : matcher.Plan(roster, cancellationToken: aborted), aborted);
        // Without timings, the same upload gives the same bytes; the reasons are in the caller's language.
        var language = culture.Equals(Answer.Chinese) ? FindingLanguage.Chinese : FindingLanguage.English;
        var output = PairingResultFiles.ToBytes(result, includeTimings: false, language);
        // The zip is made in memory, then sent: writing it straight to the response would flush synchronously.
        var archive = new MemoryStream();
        using (var zipped = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in output.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                using var entry = zipped.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }

        archive.Position = 0;
        return Results.Stream(archive, "application/zip", "pairs.zip");
    }
    catch (InvalidDataException e)
    {
        return Answer.BadUpload(new("API001", "the upload is not a zip of the roster's CSV files: {0}", "上传的不是名册 CSV 文件的 zip 压缩包：{0}", [("error", e.Message)]), culture);
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
                // The form is read section by section: ReadFormAsync would buffer a large file to a temporary file.
                var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? string.Empty, request.Body);
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

    /// <summary>422: the roster was read but is not valid; every problem, warnings too, with its numbers.</summary>
    public static IResult RosterProblems(IEnumerable<RosterProblem> problems, CultureInfo culture) => Results.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: culture.Equals(Chinese) ? "名册有问题，未配对" : "The roster has problems; nothing was paired",
        extensions: new Dictionary<string, object?> { ["findings"] = problems.Select(p => Json(p.Finding, culture)).ToList() });

    /// <summary>400: the upload could not be read as a roster's zip at all.</summary>
    public static IResult BadUpload(ApiError error, CultureInfo culture) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: culture.Equals(Chinese) ? "上传的内容无法读取" : "The upload cannot be read",
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
            var v => v,
        }),
        message = FindingRenderer.Default.Render(finding, culture),
    };
}
