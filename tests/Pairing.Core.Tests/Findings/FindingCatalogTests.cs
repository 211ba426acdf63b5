using System.Globalization;
using System.Resources;
using Pairing.Core.Findings;

namespace Pairing.Core.Tests.Findings;

public sealed class FindingCatalogTests
{
    [Fact]
    public void Every_library_code_is_defined_once_and_translated_with_exactly_its_arguments() =>
        FindingCatalogueAssert.WellFormed(FindingCatalog.All);

    [Fact]
    public void The_test_catalogue_is_well_formed_too_so_the_check_itself_runs_on_real_resources() =>
        FindingCatalogueAssert.WellFormed(FindingCatalog.DeclaredIn(typeof(SampleFindings)));

    [Fact]
    public void A_message_missing_an_argument_is_caught()
    {
        var broken = new FindingDescriptor(
            "TST001", "test", FindingSeverity.Error, null, SampleFindings.ClassesShort.Messages, "inland", "grade", "available", "needed", "extra");

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => FindingCatalogueAssert.WellFormed([broken]));
    }

    [Fact]
    public void A_code_defined_twice_is_caught() =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => FindingCatalogueAssert.WellFormed([SampleFindings.ClassesShort, SampleFindings.ClassesShort]));

    [Fact]
    public void Codes_are_sorted_and_can_be_looked_up()
    {
        var codes = FindingCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        foreach (var d in FindingCatalog.All)
        {
            Assert.True(FindingCatalog.TryGet(d.Code, out var found));
            Assert.Same(d, found);
        }

        Assert.False(FindingCatalog.TryGet("NOPE999", out _));
        Assert.False(FindingCatalog.TryGet(null, out _));
    }

    [Fact]
    public void Every_library_code_is_documented_in_docs_rules_md()
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules.md"));
        var undocumented = FindingCatalog.All.Where(d => !rules.Contains($"`{d.Code}`", StringComparison.Ordinal)).Select(d => d.Code).ToList();
        Assert.True(undocumented.Count == 0, "not in docs/rules.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_common_term_has_a_chinese_translation()
    {
        var common = new ResourceManager("Pairing.Core.Findings.Resources.CommonMessages", typeof(FindingCatalog).Assembly);
        var english = common.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
        var chinese = common.GetResourceSet(CultureInfo.GetCultureInfo("zh-Hans"), true, false)!;
        Assert.NotEmpty(english);
        Assert.All(english, key => Assert.False(string.IsNullOrWhiteSpace(chinese.GetString(key)), key));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pairing.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Pairing.Core.sln) is not above " + AppContext.BaseDirectory);
    }
}
