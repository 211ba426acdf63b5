using System.Globalization;
using Microsoft.Extensions.Localization;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Tests.Findings;

public sealed class FindingRendererTests
{
    private static readonly Finding Short = SampleFindings.ClassesShort.Create(
        new FindingSubject("class", "X-7-3"),
        new FindingLocation("classes.csv", Line: 12, Column: 3, ColumnName: "grade"),
        FindingArgument.Of("needed", 5), FindingArgument.Of("inland", "NS2"), FindingArgument.Of("grade", new Grade(8)), FindingArgument.Of("available", 3));

    [Fact]
    public void Renders_in_chinese_and_english_from_the_resources()
    {
        var renderer = FindingRenderer.Default;

        Assert.Equal("内地学校 NS2 初二只有 3 个班，需要 5 个", renderer.Render(Short, FindingLanguage.Chinese));
        Assert.Equal("inland school NS2 offers 3 grade 8 classes, 5 are needed", renderer.Render(Short, FindingLanguage.English));
        Assert.Equal("内地学校 NS2 初二只有 3 个班，需要 5 个 / inland school NS2 offers 3 grade 8 classes, 5 are needed", renderer.Render(Short, FindingLanguage.ChineseAndEnglish));
    }

    [Fact]
    public void A_line_reads_location_severity_code_and_message()
    {
        Assert.Equal("classes.csv:12:3 (grade): error TST001: inland school NS2 offers 3 grade 8 classes, 5 are needed",
            FindingRenderer.Default.RenderLine(Short, FindingLanguage.English));
        Assert.Equal("classes.csv:12:3 (grade): 错误 TST001: 内地学校 NS2 初二只有 3 个班，需要 5 个",
            FindingRenderer.Default.RenderLine(Short, FindingLanguage.Chinese));
        Assert.Equal(FindingRenderer.Default.RenderLine(Short, FindingLanguage.English), Short.ToString());
    }

    [Fact]
    public void Without_a_location_the_subject_leads_the_line()
    {
        var finding = SampleFindings.Braces.Create(new FindingSubject("school", "65-1"), null, FindingArgument.Of("level", "county"), FindingArgument.Of("count", 2));

        Assert.Equal("school 65-1: warning TST002: county braces {kept} and no arguments: 2", FindingRenderer.Default.RenderLine(finding, FindingLanguage.English));
        Assert.Equal("学校 65-1: 警告 TST002: county 括号 {kept}：2", FindingRenderer.Default.RenderLine(finding, FindingLanguage.Chinese));
    }

    [Theory]
    [InlineData("zh-CN", "内地学校")]
    [InlineData("zh-Hans-CN", "内地学校")]
    [InlineData("zh-SG", "内地学校")]
    [InlineData("en-US", "inland school")]
    [InlineData("de-DE", "inland school")]
    [InlineData("zh-TW", "inland school")]
    [InlineData("", "inland school")]
    public void The_current_ui_culture_chooses_the_language_and_others_fall_back_to_english(string culture, string start)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.StartsWith(start, FindingRenderer.Default.Render(Short), StringComparison.Ordinal);
            Assert.StartsWith(start, FindingRenderer.Default.Render(Short, FindingLanguage.CurrentCulture), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Numbers_are_never_grouped_or_localised()
    {
        var finding = SampleFindings.Braces.Create(null, null, FindingArgument.Of("level", "x"), FindingArgument.Of("count", 1234567));

        Assert.EndsWith("1234567", FindingRenderer.Default.Render(finding, CultureInfo.GetCultureInfo("de-DE")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_integrators_localizer_provides_the_texts_it_has_and_the_library_the_rest()
    {
        var localizer = new DictionaryLocalizer(new Dictionary<string, string>
        {
            ["TST001"] = "Schule {inland}: {available} Klassen in {grade}, {needed} gebraucht",
            ["Severity.Error"] = "Fehler",
        });
        var renderer = new FindingRenderer(localizer);

        Assert.Equal("classes.csv:12:3 (grade): Fehler TST001: Schule NS2: 3 Klassen in grade 8, 5 gebraucht", renderer.RenderLine(Short, CultureInfo.InvariantCulture));
        var other = SampleFindings.Braces.Create(null, null, FindingArgument.Of("level", "x"), FindingArgument.Of("count", 1));
        Assert.Equal("x braces {kept} and no arguments: 1", renderer.Render(other, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Arguments_must_be_exactly_the_descriptors()
    {
        Assert.Throws<ArgumentException>(() => SampleFindings.Braces.Create(null, null, FindingArgument.Of("level", "x")));
        Assert.Throws<ArgumentException>(() => SampleFindings.Braces.Create(null, null, FindingArgument.Of("level", "x"), FindingArgument.Of("count", 1), FindingArgument.Of("more", 1)));
        Assert.Throws<ArgumentException>(() => SampleFindings.Braces.Create(null, null, FindingArgument.Of("level", "x"), FindingArgument.Of("level", "y")));
        Assert.Throws<ArgumentException>(() => FindingArgument.Of("count", new object()));
    }

    [Fact]
    public void Findings_are_values_and_their_arguments_read_back_typed()
    {
        var again = SampleFindings.ClassesShort.Create(
            new FindingSubject("class", "X-7-3"),
            new FindingLocation("classes.csv", Line: 12, Column: 3, ColumnName: "grade"),
            FindingArgument.Of("inland", "NS2"), FindingArgument.Of("grade", new Grade(8)), FindingArgument.Of("available", 3), FindingArgument.Of("needed", 5));

        Assert.Equal(Short, again);
        Assert.Equal(Short.GetHashCode(), again.GetHashCode());
        Assert.Equal(["inland", "grade", "available", "needed"], Short.Arguments.Select(a => a.Name));
        Assert.True(Short.TryGetArgument<int>("available", out var available));
        Assert.Equal(3, available);
        Assert.False(Short.TryGetArgument<string>("available", out _));
        Assert.Equal(new Grade(8), Short["grade"]);
        Assert.Throws<KeyNotFoundException>(() => Short["nope"]);
        Assert.Equal("P5", Short.Rule);
        Assert.Equal(FindingSeverity.Error, Short.Severity);
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(3, "C")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    public void Sheet_locations_read_as_excel_cells(int column, string letters)
    {
        Assert.Equal(letters, FindingLocation.ColumnLetters(column));
        Assert.Equal($"students.xlsx!学生!{letters}12 (gender)", new FindingLocation("students.xlsx", "学生", 12, column, "gender").ToString());
    }

    private sealed class DictionaryLocalizer(Dictionary<string, string> texts) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            texts.TryGetValue(name, out var value) ? new LocalizedString(name, value) : new LocalizedString(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => texts.Select(t => new LocalizedString(t.Key, t.Value));
    }
}
