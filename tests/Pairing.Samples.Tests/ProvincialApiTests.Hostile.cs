using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Samples.Tests;

/// <summary>Crafted requests (issue 28, item 4): each gets a 400, 413 or 503 problem+json with an API code, never a 500.</summary>
public sealed partial class ProvincialApiTests
{
    [Fact]
    public async Task A_multipart_boundary_of_5000_characters_is_400_api006()
    {
        using var client = factory.CreateClient();
        var boundary = new string('b', 5000);
        using var body = new ByteArrayContent(Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"r.zip\"\r\n\r\nx\r\n--{boundary}--\r\n"));
        body.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");

        using var response = await client.PostAsync(Endpoint, body);

        var finding = await AssertBadUpload(response, "API006");
        Assert.Equal(5000, finding.GetProperty("arguments").GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task A_multipart_body_cut_short_is_400_api006()
    {
        using var client = factory.CreateClient();
        var zip = Zip(Generated.Value.Files);
        var whole = await Form(zip).ReadAsByteArrayAsync();
        using var form = Form(zip);
        using var body = new ByteArrayContent(whole[..(whole.Length / 2)]);
        body.Headers.ContentType = form.Headers.ContentType;

        using var response = await client.PostAsync(Endpoint, body);

        await AssertBadUpload(response, "API006");
    }

    [Fact]
    public async Task A_section_header_line_of_a_megabyte_is_400_api006_and_not_echoed()
    {
        using var client = factory.CreateClient();
        const string Boundary = "xyz";
        var huge = new string('<', 1 << 20);
        using var body = new ByteArrayContent(Encoding.ASCII.GetBytes($"--{Boundary}\r\nX-Junk: {huge}\r\n\r\nx\r\n--{Boundary}--\r\n"));
        body.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");

        using var response = await client.PostAsync(Endpoint, body);

        await AssertBadUpload(response, "API006");
        Assert.True(response.Content.Headers.ContentLength is null or < 4096, $"{response.Content.Headers.ContentLength} bytes");
    }

    [Fact]
    public async Task A_corrupt_deflate_stream_is_400_api001()
    {
        var zip = Zip(Generated.Value.Files);
        // Garble the compressed bytes of students.csv, past its local header (30 bytes and its name).
        var at = IndexOf(zip, Encoding.ASCII.GetBytes(RosterFiles.StudentsFile)) + RosterFiles.StudentsFile.Length;
        for (var i = at + 10; i < at + 400; i++)
        {
            zip[i] ^= 0x5A;
        }

        using var client = factory.CreateClient();
        using var response = await client.PostAsync(Endpoint, Form(zip));

        await AssertBadUpload(response, "API001");
    }

    [Fact]
    public async Task A_stored_entry_with_one_byte_changed_fails_its_crc_and_is_400_api001()
    {
        // Issue 28: "F" changed to "M" in a stored entry was paired as if whole.
        var files = Generated.Value.Files;
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
                entry.Write(bytes);
            }
        }

        var zip = memory.ToArray();
        var students = Encoding.UTF8.GetString(files[RosterFiles.StudentsFile]);
        var start = IndexOf(zip, files[RosterFiles.StudentsFile].AsSpan(0, 64).ToArray());
        var f = students.IndexOf(",F", StringComparison.Ordinal);
        Assert.True(start > 0 && f > 0);
        zip[start + Encoding.UTF8.GetByteCount(students[..f]) + 1] = (byte)'M';

        using var client = factory.CreateClient();
        using var response = await client.PostAsync(Endpoint, Form(zip));

        var finding = await AssertBadUpload(response, "API001");
        Assert.Contains("CRC-32", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_says_nosniff_and_the_same_upload_gives_the_same_zip()
    {
        using var client = factory.CreateClient();
        var zip = Zip(Generated.Value.Files);

        using var first = await client.PostAsync(Endpoint, Form(zip));
        using var second = await client.PostAsync(Endpoint, Form(zip));
        using var bad = await client.PostAsync(Endpoint, new StringContent("<script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        foreach (var response in new[] { first, bad })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }

        Assert.DoesNotContain("<script>", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_zip_of_half_a_million_bad_rows_gets_a_small_answer_with_exact_counts()
    {
        var files = new Dictionary<string, byte[]>(Generated.Value.Files);
        var rows = new StringBuilder("student_id,class_id,gender\n");
        for (var i = 0; i < 500_000; i++)
        {
            rows.Append("s,c,Q\n");
        }

        files[RosterFiles.StudentsFile] = Encoding.ASCII.GetBytes(rows.ToString());
        var zip = Zip(files);
        Assert.True(zip.Length < 200_000, $"{zip.Length} bytes");
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(Endpoint, Form(zip));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length < 1 << 20, $"{text.Length} characters");
        using var json = JsonDocument.Parse(text);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var byCode = findings.GroupBy(f => f.GetProperty("code").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(byCode.Values, n => Assert.True(n <= 100));
        var omitted = json.RootElement.GetProperty("omitted");
        // The library itself keeps 100 problems of a code per file and counts the rest (ROS065); the answer says so.
        var more = findings.Where(f => f.GetProperty("code").GetString() == "ROS065").ToList();
        Assert.NotEmpty(more);
        Assert.True(more.Max(f => f.GetProperty("arguments").GetProperty("count").GetInt32()) > 400_000);
        // Listed plus omitted is every problem the library found, of every code.
        var read = RosterFiles.Parse(files.ToDictionary(f => f.Key, f => (ReadOnlyMemory<byte>)f.Value));
        foreach (var group in read.Findings.GroupBy(p => p.Code))
        {
            var left = omitted.TryGetProperty(group.Key, out var n) ? n.GetInt32() : 0;
            Assert.Equal(group.Count(), byCode.GetValueOrDefault(group.Key) + left);
        }
    }

    [Fact]
    public async Task A_request_beside_a_running_job_is_answered_503_with_retry_after_within_seconds()
    {
        var (_, files) = Generated.Value;
        var matcher = new WaitingMatcher();
        using var host = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Jobs:MaxConcurrent", "1");
            b.UseSetting("Jobs:MaxQueued", "0");
            b.ConfigureTestServices(s => s.AddSingleton<IPairingMatcher>(matcher));
        });
        using var client = host.CreateClient();
        using var cancel = new CancellationTokenSource();
        var big = client.PostAsync(Endpoint, Form(Zip(files)), cancel.Token);
        await matcher.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var small = await client.PostAsync(Endpoint, Form(Zip(files)));
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, small.StatusCode);
        Assert.NotNull(small.Headers.RetryAfter);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        using var json = JsonDocument.Parse(await small.Content.ReadAsStringAsync());
        Assert.Equal("API007", json.RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => big);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}
