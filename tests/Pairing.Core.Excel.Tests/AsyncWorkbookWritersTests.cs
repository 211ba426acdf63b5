using Pairing.Core.Activities;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Files.Results;
using Pairing.Core.Generation;
using Pairing.Core.Matching;

namespace Pairing.Core.Excel.Tests;

/// <summary>Each workbook's WriteAsync writes a workbook that reads back as its Write's does; cancelled, it leaves nothing.</summary>
public sealed class AsyncWorkbookWritersTests
{
    [Fact]
    public async Task Async_workbooks_read_back_as_the_synchronous_ones_and_a_cancelled_one_leaves_nothing()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 600, Seed = 8 });
        var result = new PairingMatcher().Match(roster);

        await RosterWorkbooks.WriteAsync(roster, folder.File("roster.xlsx"));
        var back = RosterWorkbooks.Read(folder.File("roster.xlsx")).GetValueOrThrow();
        Assert.Equal(
            RosterFiles.ToBytes(roster).ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            RosterFiles.ToBytes(back).ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));

        await PairingResultWorkbook.WriteAsync(result, folder.File("result.xlsx"), roster, includeTimings: false);
        var read = PairingResultWorkbook.Read(folder.File("result.xlsx")).GetValueOrThrow();
        Assert.Equal(
            PairingResultFiles.ToBytes(result, includeTimings: false).ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            PairingResultFiles.ToBytes(read, includeTimings: false).ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RosterWorkbooks.WriteAsync(roster, folder.File("never.xlsx"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ActivityWorkbooks.WriteAsync([], folder.File("never-activities.xlsx"), HolidayCalendar.Default, cancelled.Token));
        Assert.Equal(["result.xlsx", "roster.xlsx"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
