using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Samples.Tests;

/// <summary>
/// samples/ProvincialApi hosted in-process: a generated roster posted as a zip of its CSV files comes back as a zip of
/// result files that read back and check valid against the roster; a broken roster is 422 with codes, numbers and
/// messages in the caller's language; a bad upload is 400; a cancelled request stops the matcher.
/// </summary>
public sealed partial class ProvincialApiTests(WebApplicationFactory<Program> factory, Xunit.Abstractions.ITestOutputHelper outputHelper) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Endpoint = "/rosters/pair";

    /// <summary>The generated roster, and its files as <see cref="RosterFiles.Write"/> writes them.</summary>
    private static readonly Lazy<(Roster Roster, Dictionary<string, byte[]> Files)> Generated = new(() =>
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1000 });
        return (roster, RosterBytes(roster));
    });

    [Fact]
    public async Task A_generated_roster_uploaded_as_a_form_file_comes_back_as_result_files_that_check_valid()
    {
        var (roster, files) = Generated.Value;
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(Endpoint, Form(Zip(files)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var output = Unzip(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(PairingResultFiles.FileNames.Where(n => n != PairingResultFiles.ContinuityFile).Order(StringComparer.Ordinal),
            output.Keys.Order(StringComparer.Ordinal));
        var problemsRead = PairingResultFiles.Parse(output.ToDictionary(f => f.Key, f => (ReadOnlyMemory<byte>)f.Value));
        var problems = problemsRead.Findings;
        Assert.True(problemsRead.IsValid,
            string.Join(Environment.NewLine, problems));
        var result = problemsRead.Value;
        // Checked under the options the host runs with (appsettings.json), never the result's own claim.
        var options = factory.Services.GetRequiredService<IOptions<PairingOptions>>().Value;
        Assert.Equal(4, options.SameGenderWeight);
        Assert.Equal(1, options.CloseBirthYearWeight);
        var check = PairingResultChecker.Check(roster, result!, options);
        Assert.True(check.IsValid, check.ToString());
        Assert.NotEmpty(result!.StudentPairs);

        using var summary = JsonDocument.Parse(output[PairingResultFiles.SummaryFile]);
        var levels = summary.RootElement.GetProperty("levels");
        Assert.Equal("roster", summary.RootElement.GetProperty("phase").GetString());
        Assert.Equal(result.CountyPairs.Count, levels.GetProperty("county").GetProperty("paired").GetInt32());
        Assert.Equal(result.StudentPairs.Count, levels.GetProperty("student").GetProperty("paired").GetInt32());
        Assert.Equal(1000, summary.RootElement.GetProperty("xinjiang_students").GetInt64());
    }

    [Fact]
    public async Task The_same_roster_as_an_application_zip_body_in_a_folder_gives_the_same_pairs()
    {
        var (_, files) = Generated.Value;
        using var client = factory.CreateClient();
        using var form = await client.PostAsync(Endpoint, Form(Zip(files)));
        using var body = new ByteArrayContent(Zip(files.ToDictionary(f => "roster/" + f.Key, f => f.Value)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");

        using var response = await client.PostAsync(Endpoint, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fromForm = Unzip(await form.Content.ReadAsByteArrayAsync());
        var fromBody = Unzip(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(fromForm.Keys.Order(StringComparer.Ordinal), fromBody.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in fromForm)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(fromBody[name]), name + " differs");
        }
    }

    [Fact]
    public async Task A_counts_only_roster_is_planned()
    {
        var (_, files) = Generated.Value;
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(Endpoint, Form(Zip(files.Where(f => f.Key != RosterFiles.StudentsFile).ToDictionary())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var output = Unzip(await response.Content.ReadAsByteArrayAsync());
        using var summary = JsonDocument.Parse(output[PairingResultFiles.SummaryFile]);
        Assert.Equal("planning", summary.RootElement.GetProperty("phase").GetString());
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("zh", true)]
    [InlineData("en-GB, zh-CN;q=0.8", false)]
    [InlineData(null, false)]
    public async Task A_roster_with_problems_is_422_with_codes_locations_typed_numbers_and_messages_in_the_callers_language(string? language, bool chinese)
    {
        var files = new Dictionary<string, byte[]>(Generated.Value.Files);
        var classes = Encoding.UTF8.GetString(files[RosterFiles.ClassesFile]).Split('\n');
        var cells = classes[1].Split(',');
        Assert.Equal("class_id,school_id,grade,size", classes[0]);
        cells[2] = "13";
        classes[1] = string.Join(',', cells);
        files[RosterFiles.ClassesFile] = Encoding.UTF8.GetBytes(string.Join('\n', classes));
        files["notes.txt"] = "not a roster file"u8.ToArray();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = Form(Zip(files)) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var grade = Assert.Single(findings, f => f.GetProperty("code").GetString() == "ROS014");
        Assert.Equal("error", grade.GetProperty("severity").GetString());
        var location = grade.GetProperty("location");
        Assert.Equal(RosterFiles.ClassesFile, location.GetProperty("file").GetString());
        Assert.Equal(2, location.GetProperty("line").GetInt32());
        Assert.Equal("grade", location.GetProperty("columnName").GetString());
        Assert.Equal("13", grade.GetProperty("arguments").GetProperty("value").ToString());

        // The unknown file is a warning, listed too, its name an argument.
        var unknown = Assert.Single(findings, f => f.GetProperty("code").GetString() == "ROS060");
        Assert.Equal("warning", unknown.GetProperty("severity").GetString());
        Assert.Equal("notes.txt", unknown.GetProperty("arguments").GetProperty("file").GetString());

        var gradeMessage = grade.GetProperty("message").GetString()!;
        Assert.True(gradeMessage.Contains("is not a middle-school grade", StringComparison.Ordinal) != chinese, $"{language}: {gradeMessage}");
        foreach (var finding in findings)
        {
            var message = finding.GetProperty("message").GetString()!;
            Assert.True(Chinese().IsMatch(message) || !chinese, $"{language}: {message}");
        }

        Assert.Equal(chinese, Chinese().IsMatch(json.RootElement.GetProperty("title").GetString()!));
    }

    [Fact]
    public async Task A_typed_argument_stays_a_number()
    {
        var files = new Dictionary<string, byte[]>(Generated.Value.Files);
        var classes = Encoding.UTF8.GetString(files[RosterFiles.ClassesFile]).Split('\n');
        classes[2] = classes[1]; // the same class twice: the line of the first is a number argument
        files[RosterFiles.ClassesFile] = Encoding.UTF8.GetBytes(string.Join('\n', classes));
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(Endpoint, Form(Zip(files)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var numbers = json.RootElement.GetProperty("findings").EnumerateArray()
            .SelectMany(f => f.GetProperty("arguments").EnumerateObject())
            .Where(a => a.Value.ValueKind == JsonValueKind.Number);
        Assert.NotEmpty(numbers);
    }

    [Theory]
    [InlineData("application/zip", "PK\u0003\u0004 but no more", "API001")]
    [InlineData("application/zip", "", "API001")]
    [InlineData("text/plain", "counties.csv", "API003")]
    public async Task A_body_that_is_no_zip_is_400_with_a_finding(string contentType, string text, string code)
    {
        using var client = factory.CreateClient();
        using var body = new StringContent(text, Encoding.UTF8);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await client.PostAsync(Endpoint, body);

        await AssertBadUpload(response, code);
    }

    [Fact]
    public async Task A_form_without_a_file_is_400()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("roster.zip"), "name" } };

        using var response = await client.PostAsync(Endpoint, form);

        await AssertBadUpload(response, "API003");
    }

    [Fact]
    public async Task A_zip_with_two_files_of_one_name_is_400()
    {
        var (_, files) = Generated.Value;
        var twice = files.ToDictionary(f => "a/" + f.Key, f => f.Value);
        twice["b/" + RosterFiles.CountiesFile] = files[RosterFiles.CountiesFile];
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(Endpoint, Form(Zip(twice)));

        var finding = await AssertBadUpload(response, "API004");
        Assert.Equal(RosterFiles.CountiesFile, finding.GetProperty("arguments").GetProperty("file").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_upload_over_the_cap_is_400_and_says_the_cap(bool asForm)
    {
        var (_, files) = Generated.Value;
        using var capped = factory.WithWebHostBuilder(b => b.UseSetting("Upload:MaxBytes", "10000"));
        using var client = capped.CreateClient();
        var zip = Zip(files);
        Assert.True(zip.Length > 10_000);
        using HttpContent content = asForm ? Form(zip) : new ByteArrayContent(zip);
        content.Headers.ContentType ??= new MediaTypeHeaderValue("application/zip");

        using var response = await client.PostAsync(Endpoint, content);

        var finding = await AssertBadUpload(response, "API002");
        Assert.Equal(10_000, finding.GetProperty("arguments").GetProperty("max").GetInt64());
    }

    [Fact]
    public async Task A_zip_that_unpacks_past_the_cap_is_400_before_anything_is_read()
    {
        var (_, files) = Generated.Value;
        using var capped = factory.WithWebHostBuilder(b => b.UseSetting("Upload:MaxUnzippedBytes", "1000"));
        using var client = capped.CreateClient();

        using var response = await client.PostAsync(Endpoint, Form(Zip(files)));

        await AssertBadUpload(response, "API005");
    }

    [Fact]
    public async Task A_zip_entry_that_lies_about_its_size_is_never_read_past_what_it_declares()
    {
        // The unzipped cap sums the declared sizes, so it holds only if no entry gives more than it declares.
        var files = new Dictionary<string, byte[]>(Generated.Value.Files) { [RosterFiles.StudentsFile] = new byte[4 << 20] };
        var zip = Zip(files);
        const int Declared = 1000;
        Patch(zip, 0x04034b50, 22, Declared); // the local header's uncompressed size
        Patch(zip, 0x02014b50, 24, Declared); // the central directory's
        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            var entry = archive.GetEntry(RosterFiles.StudentsFile)!;
            Assert.Equal(Declared, entry.Length);
            using var stream = entry.Open();
            var read = 0L;
            try
            {
                var buffer = new byte[64 * 1024];
                for (int n; (n = stream.Read(buffer)) > 0;)
                {
                    read += n;
                }
            }
            catch (InvalidDataException)
            {
                // Refusing the entry is as good as stopping at its size.
            }

            Assert.True(read <= Declared, $"read {read} bytes of an entry declaring {Declared}");
        }

        using var client = factory.CreateClient();
        using var response = await client.PostAsync(Endpoint, Form(zip));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
    }

    [Fact]
    public async Task A_cancelled_request_stops_the_matcher_with_the_requests_token()
    {
        var (_, files) = Generated.Value;
        var matcher = new WaitingMatcher();
        using var waiting = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPairingMatcher>(matcher)));
        using var client = waiting.CreateClient();
        using var cancel = new CancellationTokenSource();

        var post = client.PostAsync(Endpoint, Form(Zip(files)), cancel.Token);
        await matcher.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
        var stopped = await matcher.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.IsAssignableFrom<OperationCanceledException>(stopped);
    }

    private static async Task<JsonElement> AssertBadUpload(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(code, finding.GetProperty("code").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("message").GetString()));
        return finding.Clone();
    }

    /// <summary>The roster's files as the library writes them (it writes to a folder only; the test reads them back).</summary>
    private static Dictionary<string, byte[]> RosterBytes(Roster roster)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pairing-samples-tests", Guid.NewGuid().ToString("N"));
        try
        {
            RosterFiles.Write(roster, folder);
            return Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Overwrites a 32-bit field of every zip header with the given signature whose entry is students.csv.</summary>
    private static void Patch(byte[] zip, uint signature, int offset, int value)
    {
        var name = Encoding.ASCII.GetBytes(RosterFiles.StudentsFile);
        var nameAt = signature == 0x04034b50 ? 30 : 46;
        for (var i = 0; i + nameAt + name.Length <= zip.Length; i++)
        {
            if (BitConverter.ToUInt32(zip, i) == signature && zip.AsSpan(i + nameAt, name.Length).SequenceEqual(name))
            {
                BitConverter.GetBytes(value).CopyTo(zip, i + offset);
            }
        }
    }

    private static byte[] Zip(IReadOnlyDictionary<string, byte[]> files)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        return memory.ToArray();
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var entry = e.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    private static MultipartFormDataContent Form(byte[] zip)
    {
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { file, "roster", "roster.zip" } };
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    /// <summary>A matcher that says when it has started, waits for its token, and records how the real matcher then stops.</summary>
    private sealed class WaitingMatcher : IPairingMatcher
    {
        private readonly PairingMatcher _inner = new();

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<Exception?> Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PairingResult Plan(Roster roster, PairingResult? previous = null, PairingOptions? options = null, IProgress<PairingProgress>? progress = null,
            CancellationToken cancellationToken = default) => _inner.Plan(roster, previous, options, progress, cancellationToken);

        public PairingResult Match(Roster roster, PairingResult? plan = null, PairingResult? previous = null, PairingOptions? options = null,
            IProgress<PairingProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            try
            {
                var result = _inner.Match(roster, plan, previous, options, progress, cancellationToken);
                Stopped.TrySetResult(null);
                return result;
            }
            catch (Exception e)
            {
                Stopped.TrySetResult(e);
                throw;
            }
        }
    }
}
