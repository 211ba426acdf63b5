using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pairing.Core.Activities;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Reference;
using Pairing.Core.Tests.Matching;

namespace Pairing.Core.Tests;

public sealed class PairingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPairing_registers_the_support_map_the_matcher_the_activity_validator_and_the_options()
    {
        using var provider = new ServiceCollection().AddPairing().BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IActivityValidator>());
        Assert.Same(SupportMap.Default, provider.GetRequiredService<SupportMap>());
        Assert.Same(provider.GetRequiredService<PairingMatcher>(), provider.GetRequiredService<IPairingMatcher>());
        Assert.Empty(provider.GetRequiredService<IOptions<PairingOptions>>().Value.Validate());
    }

    [Fact]
    public void A_second_call_adds_nothing()
    {
        var services = new ServiceCollection();
        services.AddPairing();
        var once = services.Select(Describe).ToList();

        var returned = services.AddPairing();

        Assert.Same(services, returned);
        Assert.Equal(once, services.Select(Describe).ToList());
        Assert.Single(services, d => d.ServiceType == typeof(IPairingMatcher));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<PairingOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IActivityValidator));
    }

    [Fact]
    public void A_registration_made_before_is_kept()
    {
        var mine = new PairingMatcher();
        using var provider = new ServiceCollection().AddSingleton<IPairingMatcher>(mine).AddPairing().BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IPairingMatcher>());
    }

    [Fact]
    public async Task Bad_options_throw_on_start_listing_every_failure()
    {
        using var provider = new ServiceCollection()
            .AddPairing(o =>
            {
                o.XinjiangCountiesPerInlandCounty = 0;
                o.Seed = -1;
                o.WorkLimitPerSubproblem = 0;
            })
            .BuildServiceProvider();

        // The same sealed exception, with the same findings, as a direct call with these options throws.
        var e = await Assert.ThrowsAsync<PairingOptionsException>(() => provider.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None));
        var direct = Assert.Throws<PairingOptionsException>(() => new PairingOptions { XinjiangCountiesPerInlandCounty = 0, Seed = -1, WorkLimitPerSubproblem = 0 }.ThrowIfInvalid());

        Assert.Equal(3, e.Findings.Count);
        Assert.Equal(direct.Findings, e.Findings);
        Assert.Equal(
            [nameof(PairingOptions.XinjiangCountiesPerInlandCounty), nameof(PairingOptions.Seed), nameof(PairingOptions.WorkLimitPerSubproblem)],
            e.Findings.Select(f => f.Subject!.Value.Id));
        Assert.Throws<PairingOptionsException>(() => provider.GetRequiredService<IPairingMatcher>());
        Assert.Throws<PairingOptionsException>(() => provider.GetRequiredService<IOptions<PairingOptions>>().Value);
    }

    [Fact]
    public async Task Good_options_pass_the_start_check()
    {
        using var provider = new ServiceCollection().AddPairing(o => o.Seed = 3).BuildServiceProvider();

        await provider.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None);
    }

    [Fact]
    public void The_matcher_runs_with_the_configured_options_when_a_call_passes_none()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddPairing(o =>
            {
                o.SameGenderWeight = 0;
                o.Seed = 42;
                o.MaxDegreeOfParallelism = 1;
            })
            .AddPairing(o => o.SharedInterestWeight = 7)
            .BuildServiceProvider();
        var matcher = provider.GetRequiredService<IPairingMatcher>();

        var result = matcher.Match(SmallRoster());

        Assert.Equal(0, result.Summary.Options.SameGenderWeight);
        Assert.Equal(7, result.Summary.Options.SharedInterestWeight);
        Assert.Equal(42, result.Summary.Options.Seed);
        Assert.Equal(4, result.StudentPairs.Count);
        Assert.Equal(4, matcher.Match(SmallRoster(), options: new PairingOptions()).Summary.Options.SameGenderWeight);
    }

    [Fact]
    public void The_activity_validator_gives_the_static_validators_report()
    {
        using var provider = new ServiceCollection().AddPairing(o => o.MaxDegreeOfParallelism = 1).BuildServiceProvider();
        var roster = SmallRoster();
        var result = provider.GetRequiredService<IPairingMatcher>().Match(roster);
        var records = ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { DeliberateViolations = true });
        var asOf = new DateOnly(2015, 6, 30);

        var report = provider.GetRequiredService<IActivityValidator>().Validate(roster, result, records, asOf);

        var expected = ActivityValidator.Validate(roster, result, records, asOf);
        Assert.Equal(expected.Programme, report.Programme);
        Assert.Equal(expected.Entries.Count, report.Entries.Count);
        Assert.Equal(4, report.Programme.Pairs);
    }

    [Fact]
    public void The_matcher_takes_the_containers_time_provider()
    {
        var time = new SteppingTime();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(time).AddPairing().BuildServiceProvider();

        var result = provider.GetRequiredService<IPairingMatcher>().Plan(SmallRoster());

        Assert.True(time.Reads > 0);
        Assert.All(result.Summary.SecondsPerLevel.Values, s => Assert.True(s >= 1.0));
    }

    [Fact]
    public void The_matcher_refuses_bad_default_options_with_every_failure()
    {
        var e = Assert.Throws<PairingOptionsException>(() => new PairingMatcher(
            new PairingOptions { SameGenderWeight = -1, MaxDegreeOfParallelism = 0 }, NullLogger<PairingMatcher>.Instance, TimeProvider.System));

        Assert.Equal(2, e.Failures.Count);
    }

    private static string Describe(ServiceDescriptor d) =>
        $"{d.Lifetime} {d.ServiceType} {d.ImplementationType} {d.ImplementationInstance?.GetType()} {d.ImplementationFactory is not null}";

    private static Core.Rosters.Roster SmallRoster() => new TestRoster()
        .XinjiangCounty("X1").InlandCounty("N1")
        .School("XS", "X1").School("NS", "N1")
        .Class("XC", "XS", 7, 4).Class("NC", "NS", 7, 5)
        .Build();

    /// <summary>A clock that moves one second on every read, so each level takes at least one second.</summary>
    private sealed class SteppingTime : TimeProvider
    {
        private long _ticks;

        public int Reads { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            Reads++;
            return Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond);
        }
    }
}
