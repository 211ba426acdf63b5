using System.Globalization;
using System.Reflection;
using Google.OrTools.Sat;

namespace Pairing.Core.Matching.Internals;

/// <summary>The versions a result's manifest names.</summary>
internal static class Versions
{
    public static string Library { get; } = LibraryVersion();

    public static string OrTools { get; } = OrToolsVersion();

    private static string LibraryVersion()
    {
        var informational = typeof(Versions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Versions).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        // The source revision after '+' changes with every commit; the manifest names the release.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    private static string OrToolsVersion()
    {
        var version = typeof(CpModel).Assembly.GetName().Version;
        return version is null
            ? "unknown"
            : string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}.{version.Build}");
    }
}
