using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Reports;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Integration;

/// <summary>
/// Every Write has a WriteAsync (issue 23): the same bytes, and when cancelled before it commits, nothing written.
/// </summary>
public sealed class AsyncWritersTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string In(string name) => Path.Combine(_temp.Path, name);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_async_writer_writes_what_its_synchronous_one_does_and_nothing_when_cancelled()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 700, Seed = 6 });
        var result = new PairingMatcher().Match(roster);
        var advice = PairingAdvisor.Advise(roster);
        var holidays = HolidayCalendar.Default;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        RosterFiles.Write(roster, In("roster-sync"));
        await RosterFiles.WriteAsync(roster, In("roster-async"));
        AssertSameFolder(In("roster-sync"), In("roster-async"));

        AdviceFiles.Write(advice, In("advice-sync"));
        await AdviceFiles.WriteAsync(advice, In("advice-async"));
        AssertSameFolder(In("advice-sync"), In("advice-async"));

        ActivityFiles.WriteHolidays(holidays, In("h-sync.csv"));
        await ActivityFiles.WriteHolidaysAsync(holidays, In("h-async.csv"));
        Assert.Equal(File.ReadAllBytes(In("h-sync.csv")), File.ReadAllBytes(In("h-async.csv")));

        PairingReport.Write(roster, result, [], In("report-sync.html"));
        await PairingReport.WriteAsync(roster, result, [], In("report-async.html"));
        Assert.Equal(File.ReadAllBytes(In("report-sync.html")), File.ReadAllBytes(In("report-async.html")));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RosterFiles.WriteAsync(roster, In("roster-cancelled"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AdviceFiles.WriteAsync(advice, In("advice-cancelled"), cancellationToken: cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ActivityFiles.WriteHolidaysAsync(holidays, In("h-cancelled.csv"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PairingReport.WriteAsync(roster, result, [], In("report-cancelled.html"), cancelled.Token));
        Assert.False(Directory.Exists(In("roster-cancelled")) && Directory.EnumerateFiles(In("roster-cancelled")).Any());
        Assert.False(Directory.Exists(In("advice-cancelled")));
        Assert.False(File.Exists(In("h-cancelled.csv")));
        Assert.False(File.Exists(In("report-cancelled.html")));
    }

    private static void AssertSameFolder(string a, string b)
    {
        static Dictionary<string, string> Contents(string folder) =>
            Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToBase64String(File.ReadAllBytes(f)));
        Assert.Equal(Contents(a), Contents(b));
    }
}
