using System.Diagnostics;
using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Reports;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Integration;

/// <summary>
/// The token reaches reading, validation, matching, checking, activity validation and report writing: a cancelled
/// call throws <see cref="OperationCanceledException"/> and leaves no output; one cancelled in flight stops soon.
/// </summary>
public sealed class CancellationThroughTheLibraryTests : IDisposable
{
    private static readonly Lazy<(Roster Roster, PairingResult Result, IReadOnlyList<ActivityRecord> Records)> Programme = new(() =>
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 2_000, Seed = 4 });
        var result = new PairingMatcher().Match(roster);
        return (roster, result, ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { SchoolYear = 2014 }));
    });

    private readonly Rosters.TempDirectory _temp = new();

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_long_call_given_a_cancelled_token_throws_and_writes_nothing()
    {
        var (roster, result, records) = Programme.Value;
        Directory.CreateDirectory(Dir);
        RosterFiles.Write(roster, Path.Combine(Dir, "roster"));
        ActivityFiles.Write(records, Path.Combine(Dir, "activities.csv"));
        using var source = new CancellationTokenSource();
        source.Cancel();
        var token = source.Token;
        var report = Path.Combine(Dir, "report.html");

        Assert.ThrowsAny<OperationCanceledException>(() => RosterFiles.Read(Path.Combine(Dir, "roster"), cancellationToken: token));
        Assert.ThrowsAny<OperationCanceledException>(() => ActivityFiles.Read(Path.Combine(Dir, "activities.csv"), cancellationToken: token));
        Assert.ThrowsAny<OperationCanceledException>(() => new PairingMatcher().Plan(roster, cancellationToken: token));
        Assert.ThrowsAny<OperationCanceledException>(() => new PairingMatcher().Match(roster, cancellationToken: token));
        Assert.ThrowsAny<OperationCanceledException>(() => PairingResultChecker.Check(roster, result, new PairingOptions(), token));
        Assert.ThrowsAny<OperationCanceledException>(() => PairingResultChecker.CheckBelongsTo(roster, result, token));
        Assert.ThrowsAny<OperationCanceledException>(() => ActivityValidator.Validate(roster, result, records, new DateOnly(2015, 6, 30), cancellationToken: token));
        Assert.ThrowsAny<OperationCanceledException>(() => PairingReport.Write(roster, result, [], report, token));
        Assert.False(File.Exists(report));
        Assert.Empty(Directory.GetFiles(Dir, "*.tmp"));
    }

    [Fact]
    public void A_read_and_a_check_cancelled_in_flight_stop_within_a_second()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 200_000, Seed = 5 });
        RosterFiles.Write(roster, Dir);
        var result = new PairingMatcher().Match(roster);

        var stopped = 0;
        foreach (var delay in (int[])[1, 5, 20, 50, 100, 200])
        {
            foreach (var call in new Action<CancellationToken>[]
            {
                token => RosterFiles.Read(Dir, cancellationToken: token),
                token => PairingResultChecker.Check(roster, result, new PairingOptions(), token),
            })
            {
                using var source = new CancellationTokenSource();
                var clock = new Stopwatch();
                using var timing = source.Token.Register(clock.Start);
                source.CancelAfter(delay);
                try
                {
                    call(source.Token);
                }
                catch (OperationCanceledException)
                {
                    stopped++;
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stopped {clock.Elapsed} after the cancellation");
                }
            }
        }

        Assert.True(stopped > 0, "no call was cancelled in flight");
    }
}
