using Pairing.Core.Internals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pairing.Core.Activities;
using Pairing.Core.Matching;
using Pairing.Core.Reference;

namespace Pairing.Core;

/// <summary>
/// Registers Pairing.Core in a dependency-injection container: the support map, the matcher, the activity validator
/// and the options, validated when the host starts.
/// </summary>
/// <remarks>
/// The library depends on the abstractions only (<c>Microsoft.Extensions.DependencyInjection.Abstractions</c>,
/// <c>Microsoft.Extensions.Options</c>, <c>Microsoft.Extensions.Logging.Abstractions</c>): bring your own container.
/// </remarks>
public static class PairingServiceCollectionExtensions
{
    /// <summary>
    /// Registers, each only if not registered already: <see cref="SupportMap"/> (<see cref="SupportMap.Default"/>),
    /// <see cref="PairingMatcher"/> and <see cref="IPairingMatcher"/> (one shared instance, which uses the configured
    /// <see cref="PairingOptions"/> whenever a call passes none, the container's <see cref="ILogger{TCategoryName}"/>
    /// and its <see cref="TimeProvider"/>, or <see cref="TimeProvider.System"/> when it has none),
    /// <see cref="IActivityValidator"/> (the same checks as <see cref="ActivityValidator.Validate"/>), and the
    /// <see cref="PairingOptions"/> with a validator that lists every failure of <see cref="PairingOptions.Validate"/>
    /// together, run when the host starts (<c>ValidateOnStart</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, or null for the defaults. Each call's action runs, in order, as with <c>Configure</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// A second call registers nothing again (it only adds its <paramref name="configure"/> action, when given).
    /// A host (the generic host, ASP.NET Core) checks the options when it starts; without a host, the first resolution of
    /// the matcher checks them (or run the container's startup validator yourself). Either way bad options throw one
    /// <see cref="PairingOptionsException"/> whose <see cref="PairingOptionsException.Findings"/> list every failure:
    /// the same exception a direct call with the same options throws.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddPairing(this IServiceCollection services, Action<PairingOptions>? configure = null)
    {
        Guard.NotNull(services);
        var first = !services.Any(d => d.ServiceType == typeof(IValidateOptions<PairingOptions>)
            && d.ImplementationType == typeof(PairingOptionsValidator));

        var options = services.AddOptions<PairingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (first)
        {
            // ValidateOnStart adds a registration each time it is called, so it runs on the first call only.
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PairingOptions>, PairingOptionsValidator>());
            options.ValidateOnStart();
        }

        services.TryAddSingleton(SupportMap.Default);
        services.TryAddSingleton(sp => new PairingMatcher(
            sp.GetRequiredService<IOptions<PairingOptions>>().Value,
            sp.GetService<ILogger<PairingMatcher>>() ?? NullLogger<PairingMatcher>.Instance,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<IPairingMatcher>(sp => sp.GetRequiredService<PairingMatcher>());
        services.TryAddSingleton<IActivityValidator, DefaultActivityValidator>();
        return services;
    }
}
