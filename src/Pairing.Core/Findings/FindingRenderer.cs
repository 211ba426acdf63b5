using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text;
using Microsoft.Extensions.Localization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Findings;

/// <summary>
/// Turns findings into text: the one place where a code and its arguments become a sentence, in Chinese (zh-Hans) or
/// English, from .resx resources or from an integrator's own <see cref="IStringLocalizer"/>.
/// </summary>
/// <remarks>
/// <para>A message format names its arguments in braces (<c>内地学校 {inland} {grade}只有 {available} 个班</c>); <c>{{</c>
/// and <c>}}</c> stand for braces. Numbers are written with invariant digits and no grouping, so that a number is never
/// split or localised into something a program cannot read back; a <see cref="Grade"/> reads 初二 in Chinese and
/// <c>grade 8</c> in English; an enum value is a term looked up as <c>TypeName.Value</c>.</para>
/// <para>Without a culture, <see cref="CultureInfo.CurrentUICulture"/> chooses the language; cultures without a
/// translation fall back to the neutral English. Thread-safe.</para>
/// </remarks>
public sealed class FindingRenderer
{
    /// <summary>What stands between the Chinese and the English text in <see cref="FindingLanguage.ChineseAndEnglish"/>.</summary>
    public const string LanguageSeparator = " / ";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly ResourceManager Common = new("Pairing.Core.Findings.Resources.CommonMessages", typeof(FindingRenderer).Assembly);

    private readonly IStringLocalizer? _localizer;
    private readonly ConcurrentDictionary<(string Key, ResourceManager Resources, string Culture), string?> _formats = new();

    /// <summary>Creates a renderer over the library's own resources.</summary>
    public FindingRenderer()
    {
    }

    /// <summary>
    /// Creates a renderer that takes every text (message formats by code, terms by <c>TypeName.Value</c>, the severity
    /// words <c>Severity.Error</c>, <c>Severity.Warning</c>, <c>Severity.Info</c>) from <paramref name="localizer"/>, in the
    /// localizer's own culture, and falls back to the library's resources for any key it does not have.
    /// </summary>
    /// <param name="localizer">The integrator's localizer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="localizer"/> is null.</exception>
    public FindingRenderer(IStringLocalizer localizer) => _localizer = Guard.NotNull(localizer);

    /// <summary>The renderer over the library's own resources.</summary>
    public static FindingRenderer Default { get; } = new();

    /// <summary>The finding's message in the current UI culture's language.</summary>
    /// <param name="finding">The finding.</param>
    /// <returns>The message, without location, severity or code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> is null.</exception>
    public string Render(Finding finding) => Render(finding, CultureInfo.CurrentUICulture);

    /// <summary>The finding's message in <paramref name="culture"/>'s language.</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="culture">The culture.</param>
    /// <returns>The message, without location, severity or code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> or <paramref name="culture"/> is null.</exception>
    public string Render(Finding finding, CultureInfo culture)
    {
        Guard.NotNull(finding);
        var c = Guard.NotNull(culture);
        var format = Text(finding.Code, finding.Descriptor.Messages, c) ?? finding.Code;
        return Fill(format, finding, c);
    }

    /// <summary>The finding's message in <paramref name="language"/>.</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="language">The language; <see cref="FindingLanguage.ChineseAndEnglish"/> gives <c>中文 / English</c>.</param>
    /// <returns>The message, without location, severity or code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> is null.</exception>
    public string Render(Finding finding, FindingLanguage language) => language switch
    {
        FindingLanguage.ChineseAndEnglish => Render(finding, Chinese) + LanguageSeparator + Render(finding, English),
        _ => Render(finding, CultureOf(language)),
    };

    /// <summary>
    /// The finding on one line, MSBuild's way: location (or subject), severity, code, message:
    /// <c>classes.csv:12:3 (grade): error ROS014: …</c>, or <c>… 错误 ROS014: …</c> in Chinese.
    /// </summary>
    /// <param name="finding">The finding.</param>
    /// <param name="culture">The culture.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> or <paramref name="culture"/> is null.</exception>
    public string RenderLine(Finding finding, CultureInfo culture)
    {
        Guard.NotNull(finding);
        var c = Guard.NotNull(culture);
        return Prefix(finding, c) + Render(finding, c);
    }

    /// <summary>The finding on one line in the current UI culture's language (see <see cref="RenderLine(Finding, CultureInfo)"/>).</summary>
    /// <param name="finding">The finding.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> is null.</exception>
    public string RenderLine(Finding finding) => RenderLine(finding, CultureInfo.CurrentUICulture);

    /// <summary>The finding on one line in <paramref name="language"/> (see <see cref="RenderLine(Finding, CultureInfo)"/>).</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="language">The language; <see cref="FindingLanguage.ChineseAndEnglish"/> renders the message in both.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> is null.</exception>
    public string RenderLine(Finding finding, FindingLanguage language) => language switch
    {
        FindingLanguage.ChineseAndEnglish => Prefix(finding, Chinese) + Render(finding, FindingLanguage.ChineseAndEnglish),
        _ => RenderLine(finding, CultureOf(language)),
    };

    /// <summary>
    /// A named part of the finding's message, from the resource <c>CODE.part</c> beside the message (input problems
    /// keep what was expected as <c>CODE.Expected</c>), filled with the finding's arguments.
    /// </summary>
    /// <param name="finding">The finding.</param>
    /// <param name="part">The part's name, such as <c>Expected</c>.</param>
    /// <param name="culture">The culture; null for <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The text, or null when the code has no such part.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> or <paramref name="part"/> is null.</exception>
    public string? RenderPart(Finding finding, string part, CultureInfo? culture = null)
    {
        Guard.NotNull(finding);
        Guard.NotNull(part);
        var c = culture ?? CultureInfo.CurrentUICulture;
        return Text($"{finding.Code}.{part}", finding.Descriptor.Messages, c) is { } format ? Fill(format, finding, c) : null;
    }

    /// <summary>A term (an enum value) in <paramref name="culture"/>: <c>PairingLevel.School</c> reads 学校 or <c>school</c>.</summary>
    /// <param name="term">The enum value.</param>
    /// <param name="culture">The culture; null for <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The term's text; the value's name in lower case when no resource has it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is null.</exception>
    public string RenderTerm(Enum term, CultureInfo? culture = null)
    {
        Guard.NotNull(term);
        var name = term.ToString();
        return Text($"{term.GetType().Name}.{name}", Common, culture ?? CultureInfo.CurrentUICulture)
            ?? name.ToLowerInvariant();
    }

    /// <summary>The culture a fixed language renders in (zh-Hans, or the invariant culture for the neutral English).</summary>
    /// <param name="language">The language.</param>
    /// <returns>The culture; the current UI culture for <see cref="FindingLanguage.CurrentCulture"/> and for both languages.</returns>
    public static CultureInfo CultureOf(FindingLanguage language) => language switch
    {
        FindingLanguage.Chinese => Chinese,
        FindingLanguage.English => English,
        _ => CultureInfo.CurrentUICulture,
    };

    private string Prefix(Finding finding, CultureInfo culture)
    {
        var severity = Text($"Severity.{finding.Severity}", Common, culture) ?? finding.Severity.ToString().ToLowerInvariant();
        var where = finding.Location?.ToString() ?? (finding.Subject is { } s ? $"{RenderLevel(s.Level, culture)} {s.Id}" : null);
        return where is null ? $"{severity} {finding.Code}: " : $"{where}: {severity} {finding.Code}: ";
    }

    private string RenderLevel(string level, CultureInfo culture) => Text($"Level.{level}", Common, culture) ?? level;

    private string? Text(string key, ResourceManager resources, CultureInfo culture)
    {
        if (_localizer is not null)
        {
            var localized = _localizer[key];
            if (!localized.ResourceNotFound)
            {
                return localized.Value;
            }
        }

        return _formats.GetOrAdd((key, resources, culture.Name), k => k.Resources.GetString(k.Key, culture));
    }

    private string Fill(string format, Finding finding, CultureInfo culture)
    {
        var text = new StringBuilder(format.Length + 32);
        for (var i = 0; i < format.Length; i++)
        {
            var ch = format[i];
            if (ch == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                text.Append('{');
                i++;
            }
            else if (ch == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                text.Append('}');
                i++;
            }
            else if (ch == '{')
            {
                var end = format.IndexOf('}', i + 1);
                if (end < 0)
                {
                    text.Append(format, i, format.Length - i);
                    break;
                }

                var name = format.Substring(i + 1, end - i - 1);
                // {count:student|students}: the number, then the noun that agrees with it (English needs it; "1 students").
                string? one = null, other = null;
                if (name.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && name.IndexOf('|', colon) is var bar and > 0)
                {
                    one = name[(colon + 1)..bar];
                    other = name[(bar + 1)..];
                    name = name[..colon];
                }

                var found = finding.TryGetArgument<object>(name, out var value);
                text.Append(!found ? $"{{{name}}}"
                    : value is string id && finding.Descriptor.ProvinceArguments.Contains(name) ? Province(id, culture)
                    : Named(name, value, culture));
                if (found && one is not null)
                {
                    text.Append(' ').Append(value is 1 or 1L ? one : other);
                }
                i = end;
            }
            else
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }

    /// <summary>A supporting province's name with its code beside it (湖南省（430000）, Hunan (430000)); the code alone when unknown.</summary>
    private string Province(string id, CultureInfo culture) =>
        Text("Province." + id, Common, culture) is { } name
            ? IsChinese(culture) ? $"{name}（{id}）" : $"{name} ({id})"
            : id;

    /// <summary>
    /// An argument's text. A summary figure or a result's option named by its machine name (<c>xinjiang_students</c>)
    /// reads as a term, <c>Term.figure.xinjiang_students</c> or <c>Term.option.seed</c>, when one is defined (新疆学生总数（xinjiang_students）),
    /// so that a Chinese sentence carries no bare English identifier; the finding keeps the machine name.
    /// </summary>
    private string Named(string name, object value, CultureInfo culture) =>
        value is string s && name is "figure" or "option" && Text($"Term.{name}.{s}", Common, culture) is { } term ? term : Value(value, culture);

    private string Value(object value, CultureInfo culture) => value switch
    {
        string s => s,
        int n => n.ToString(CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Grade g => IsChinese(culture) ? g.ChineseName : $"grade {g.Number.ToString(CultureInfo.InvariantCulture)}",
        Enum e => RenderTerm(e, culture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static bool IsChinese(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (c.Name is "zh-Hans" or "zh")
            {
                return !culture.Name.StartsWith("zh-Hant", StringComparison.Ordinal)
                    && culture.Name is not ("zh-TW" or "zh-HK" or "zh-MO");
            }
        }

        return false;
    }
}
