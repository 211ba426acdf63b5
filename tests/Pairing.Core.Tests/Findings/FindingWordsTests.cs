using System.Text.RegularExpressions;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Findings;

/// <summary>The words of every finding (issue 24, item 5): English agrees in number, Chinese names levels in Chinese.</summary>
public sealed partial class FindingWordsTests
{
    [Fact]
    public void Every_finding_code_says_one_of_a_thing_in_the_singular_in_english()
    {
        // "1 more students", "1 schools", "1 are needed": every argument 1, every code rendered.
        var wrong = new List<string>();
        foreach (var descriptor in FindingCatalog.All)
        {
            var finding = new Finding(descriptor, descriptor.DefaultSeverity, null, null, descriptor.ArgumentNames.Select(n => FindingArgument.Of(n, 1)));
            var english = FindingRenderer.Default.Render(finding, FindingLanguage.English);
            if (Plural().IsMatch(english))
            {
                wrong.Add($"{descriptor.Code}: {english}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void A_kept_pairs_level_above_is_named_in_chinese_in_chinese()
    {
        // CON008 read "其上级school对子".
        var finding = ContinuityFindings.PairAboveDropped.Create(null, null,
            FindingArgument.Of("above", PairingLevel.School), FindingArgument.Of("xinjiang", "XS"), FindingArgument.Of("inland", "NS"));

        Assert.Contains("学校", FindingRenderer.Default.Render(finding, FindingLanguage.Chinese), StringComparison.Ordinal);
        Assert.DoesNotContain("school", FindingRenderer.Default.Render(finding, FindingLanguage.Chinese), StringComparison.Ordinal);
        Assert.Contains("its school pair XS–NS", FindingRenderer.Default.Render(finding, FindingLanguage.English), StringComparison.Ordinal);
    }

    // "1 and 1 are not" (two ids) is no number; "1 are" alone is.
    [GeneratedRegex(@"(?<![\d.,] ?)\b1 (more )?(classes|students|schools|counties|pairs|records|letters|camps|families)\b|(?<!and )\b1 are\b")]
    private static partial Regex Plural();
}
