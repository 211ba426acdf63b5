using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace Pairing.Samples.Tests;

/// <summary>
/// A bounded load test (issue 28, item 5), in-process and on no network at all: eight valid uploads at once beside the
/// crafted ones; every valid answer equals the answer to the same upload sent alone, every crafted one is a 400.
/// </summary>
public sealed partial class ProvincialApiTests
{
    [Fact]
    public async Task Eight_uploads_at_once_beside_attacks_get_the_answers_each_gets_alone()
    {
        var output = outputHelper;
        var zip = Zip(Generated.Value.Files);
        using var host = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Jobs:MaxConcurrent", "2");
            b.UseSetting("Jobs:MaxQueued", "16");
            b.UseSetting("Jobs:MaxWaitSeconds", "120");
        });
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(3);
        using var alone = await client.PostAsync(Endpoint, Form(zip));
        Assert.Equal(HttpStatusCode.OK, alone.StatusCode);
        var expected = await alone.Content.ReadAsByteArrayAsync();

        var clock = Stopwatch.StartNew();
        var valid = Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await client.PostAsync(Endpoint, Form(zip));
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
        }).ToList();
        var attacks = new Func<Task<HttpResponseMessage>>[]
        {
            () => client.PostAsync(Endpoint, Raw($"--{new string('b', 5000)}\r\n\r\nx\r\n", "multipart/form-data; boundary=" + new string('b', 5000))),
            () => client.PostAsync(Endpoint, Raw("--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"r.zip\"\r\n\r\nPK", "multipart/form-data; boundary=x")),
            () => client.PostAsync(Endpoint, Raw("PK\u0003\u0004 junk", "application/zip")),
            () => client.PostAsync(Endpoint, Raw("<script>alert(1)</script>", "text/html")),
        }.Select(async attack =>
        {
            using var response = await attack();
            return response.StatusCode;
        }).ToList();

        var answers = await Task.WhenAll(valid);
        var refused = await Task.WhenAll(attacks);
        clock.Stop();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.Equal(expected, a.Item2));
        Assert.All(refused, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        output.WriteLine($"8 uploads of 1,000 Xinjiang students and 4 attacks in {clock.Elapsed.TotalSeconds:F1} s; " +
            $"the test process's peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
    }

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
