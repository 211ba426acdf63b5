using Pairing.Core.Internals;
using System.Reflection;

namespace Pairing.Core.Findings;

/// <summary>
/// Every finding code the library defines, to list them, look one up when reading a file back, or
/// check an integrator's translations.
/// </summary>
/// <remarks>
/// Codes are defined as static <see cref="FindingDescriptor"/> properties of the library's public <c>…Findings</c>
/// classes, one class per feature (roster problems, unpaired units, compliance, options, …).
/// </remarks>
public static class FindingCatalog
{
    private static readonly Lazy<(FindingDescriptor[] All, Dictionary<string, FindingDescriptor> ByCode)> Codes = new(Collect);

    /// <summary>Every code, sorted by code (ordinal).</summary>
    public static IReadOnlyList<FindingDescriptor> All => Codes.Value.All;

    /// <summary>Looks up a code.</summary>
    /// <param name="code">The code, such as <c>ROS014</c>.</param>
    /// <param name="descriptor">Its descriptor, when the library defines it.</param>
    /// <returns>Whether it does.</returns>
    public static bool TryGet(string? code, out FindingDescriptor descriptor)
    {
        if (code is not null && Codes.Value.ByCode.TryGetValue(code, out var found))
        {
            descriptor = found;
            return true;
        }

        descriptor = null!;
        return false;
    }

    /// <summary>The descriptors declared as public static properties of the given catalogue types, in declaration order.</summary>
    /// <param name="catalogues">Static classes holding <see cref="FindingDescriptor"/> properties.</param>
    /// <returns>The descriptors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalogues"/> is null.</exception>
    public static IReadOnlyList<FindingDescriptor> DeclaredIn(params Type[] catalogues)
    {
        Guard.NotNull(catalogues);
        return
        [
            .. catalogues.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
                .Where(p => p.PropertyType == typeof(FindingDescriptor))
                .Select(p => (FindingDescriptor)p.GetValue(null)!),
        ];
    }

    private static (FindingDescriptor[], Dictionary<string, FindingDescriptor>) Collect()
    {
        var catalogues = typeof(FindingCatalog).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Findings", StringComparison.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
        var all = DeclaredIn(catalogues).OrderBy(d => d.Code, StringComparer.Ordinal).ToArray();
        var byCode = new Dictionary<string, FindingDescriptor>(StringComparer.Ordinal);
        foreach (var d in all)
        {
            // A code defined twice is a programming error the catalogue test catches; the first one wins here.
            byCode.TryAdd(d.Code, d);
        }

        return (all, byCode);
    }
}
