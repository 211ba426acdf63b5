using Microsoft.Extensions.Logging;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Matching;

namespace Pairing.Core.Tests.Logging;

public sealed class MatcherLogTests
{
    [Fact]
    public void Plan_logs_each_levels_time_and_the_summary_at_information()
    {
        var log = new CapturingLogger();

        new PairingMatcher(new PairingOptions { MaxDegreeOfParallelism = 1 }, log, TimeProvider.System).Plan(Roster());

        var info = log.Entries.Where(e => e.Level == LogLevel.Information).ToList();
        Assert.Equal(["LevelFinished", "LevelFinished", "RunFinished"], info.Select(e => e.Event.Name));
        Assert.Equal([PairingLevel.County, PairingLevel.School], info.Take(2).Select(e => (PairingLevel)e.State["Level"]!));
        Assert.Contains("county pairs", info[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_logs_all_four_levels_and_puts_ids_below_information_only()
    {
        var log = new CapturingLogger();
        var roster = Roster();

        var result = new PairingMatcher(new PairingOptions(), log, TimeProvider.System).Match(roster);

        var info = log.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.Equal(
            [PairingLevel.County, PairingLevel.School, PairingLevel.Class, PairingLevel.Student],
            info.Where(e => e.Event.Name == "LevelFinished").Select(e => (PairingLevel)e.State["Level"]!));
        Assert.Single(info, e => e.Event.Name == "RunFinished");
        Assert.All(info, e => Assert.False(
            MentionsAnId(e),
            $"an id appears at {e.Level}: {e.Message}"));

        // The details are there below Information, ids and all, so the check above is not vacuous.
        Assert.NotEmpty(result.Unpaired);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Debug && e.Event.Name == "UnitUnpaired" && MentionsAnId(e));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Trace && e.Event.Name == "StudentUnpaired" && MentionsAnId(e));
    }

    [Fact]
    public void Nothing_below_information_is_formatted_when_it_is_off()
    {
        var log = new CapturingLogger { Minimum = LogLevel.Information };

        new PairingMatcher(new PairingOptions(), log, TimeProvider.System).Match(Roster());

        Assert.All(log.Entries, e => Assert.True(e.Level >= LogLevel.Information));
        Assert.Equal(5, log.Entries.Count);
    }

    // Every id in the roster below starts with "ID-", which no log message uses otherwise.
    private static bool MentionsAnId(CapturingLogger.Entry e) =>
        e.Message.Contains("ID-", StringComparison.Ordinal)
        || e.State.Values.Any(v => v?.ToString()?.Contains("ID-", StringComparison.Ordinal) == true);

    // One Xinjiang county is paired (its class larger than the inland one, so students are left over), one is not
    // (no inland county left for it): unpaired units at county, school, class and student level.
    private static Roster Roster() => new TestRoster()
        .XinjiangCounty("ID-X1").XinjiangCounty("ID-X2").InlandCounty("ID-N1")
        .School("ID-XS1", "ID-X1").School("ID-XS2", "ID-X2").School("ID-NS1", "ID-N1")
        .Class("ID-XC1", "ID-XS1", 7, 6).Class("ID-XC2", "ID-XS2", 7, 3).Class("ID-NC1", "ID-NS1", 7, 6).Class("ID-NC2", "ID-NS1", 8, 5)
        .Class("ID-XC3", "ID-XS1", 8, 5)
        .Build();

    private sealed class CapturingLogger : ILogger<PairingMatcher>
    {
        public sealed record Entry(LogLevel Level, EventId Event, string Message, IReadOnlyDictionary<string, object?> State);

        public LogLevel Minimum { get; init; } = LogLevel.Trace;

        public List<Entry> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : [];
            lock (Entries)
            {
                Entries.Add(new Entry(logLevel, eventId, formatter(state, exception), values));
            }
        }
    }
}
