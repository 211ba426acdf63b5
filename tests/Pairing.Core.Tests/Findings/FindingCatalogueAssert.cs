using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Pairing.Core.Findings;

namespace Pairing.Core.Tests.Findings;

/// <summary>What every catalogue of codes must satisfy: each code once, an English and a zh-Hans message, each using exactly its arguments.</summary>
internal static partial class FindingCatalogueAssert
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    public static void WellFormed(IReadOnlyList<FindingDescriptor> codes)
    {
        var problems = new List<string>();
        foreach (var group in codes.GroupBy(d => d.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{group.Key} is defined {group.Count()} times");
        }

        foreach (var d in codes)
        {
            var english = d.Messages.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)?.GetString(d.Code);
            var chinese = d.Messages.GetResourceSet(Chinese, createIfNotExists: true, tryParents: false)?.GetString(d.Code);
            Check(d, "en", english, problems);
            Check(d, "zh-Hans", chinese, problems);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public static IReadOnlySet<string> Placeholders(string format) =>
        Placeholder().Matches(format.Replace("{{", string.Empty, StringComparison.Ordinal).Replace("}}", string.Empty, StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value.Split(':')[0]).ToHashSet(StringComparer.Ordinal);

    private static void Check(FindingDescriptor d, string language, string? format, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            problems.Add($"{d.Code} has no {language} message");
            return;
        }

        var used = Placeholders(format);
        var missing = d.ArgumentNames.Where(n => !used.Contains(n)).ToList();
        var unknown = used.Where(n => !d.ArgumentNames.Contains(n)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            problems.Add($"{d.Code} ({language}) does not use {string.Join(", ", missing)} / uses unknown {string.Join(", ", unknown)}: {format}");
        }
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
