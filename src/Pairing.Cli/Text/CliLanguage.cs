using System.Globalization;

namespace Pairing.Cli.Text;

/// <summary>
/// The language the tool speaks, chosen once per run before anything is printed: <c>--language zh|en</c> when given;
/// otherwise the POSIX locale variables in their own order of precedence (<c>LC_ALL</c>, then <c>LC_MESSAGES</c>, then
/// <c>LANG</c>; the first that is set decides, so <c>LANG=zh_CN.UTF-8</c> gives Chinese and <c>LC_ALL=C</c> English);
/// otherwise the user's UI culture (Windows has no such variables). Chinese is zh-Hans; anything else is the neutral
/// English. Numbers are written the same way in both (1,374,440), so only words change.
/// </summary>
internal static class CliLanguage
{
    /// <summary>The option's name.</summary>
    public const string OptionName = "--language";

    /// <summary>Simplified Chinese.</summary>
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-Hans");

    /// <summary>The neutral English of the resources (the invariant culture, so no satellite is looked for).</summary>
    public static CultureInfo English => CultureInfo.InvariantCulture;

    /// <summary>The POSIX locale variables, in their order of precedence.</summary>
    public static IReadOnlyList<string> Variables { get; } = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>The language for a run: the option's value when it is given and valid, then the locale variables, then <paramref name="uiCulture"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Reads an environment variable (null when it is not set).</param>
    /// <param name="uiCulture">The user's UI culture.</param>
    public static CultureInfo Resolve(IReadOnlyList<string> args, Func<string, string?> environment, CultureInfo uiCulture)
    {
        if (Given(args) is { } value && TryParse(value, out var chosen))
        {
            return chosen;
        }

        foreach (var variable in Variables)
        {
            if (environment(variable) is { Length: > 0 } locale)
            {
                return IsChinese(locale) ? Chinese : English;
            }
        }

        return IsChinese(uiCulture.Name) ? Chinese : English;
    }

    /// <summary>The value given to <c>--language</c> on the command line, if any (the last one wins, as the parser's does).</summary>
    public static string? Given(IReadOnlyList<string> args)
    {
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break; // what follows is arguments, not options
            }

            if (arg == OptionName && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else if (arg.Length > OptionName.Length && arg.StartsWith(OptionName, StringComparison.Ordinal) && arg[OptionName.Length] is '=' or ':')
            {
                value = arg[(OptionName.Length + 1)..];
            }
        }

        return value;
    }

    /// <summary>Reads a language as a user types it: <c>zh</c>, <c>zh-CN</c>, <c>zh_CN.UTF-8</c>, <c>中文</c>; <c>en</c>, <c>en-US</c>, <c>English</c>.</summary>
    public static bool TryParse(string? value, out CultureInfo culture)
    {
        var text = value?.Trim() ?? string.Empty;
        if (IsChinese(text) || text is "中文" or "汉语" or "简体中文")
        {
            culture = Chinese;
            return true;
        }

        if (text.Equals("en", StringComparison.OrdinalIgnoreCase) || text.StartsWith("en-", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("en_", StringComparison.OrdinalIgnoreCase) || text.Equals("english", StringComparison.OrdinalIgnoreCase)
            || text is "英文" or "英语")
        {
            culture = English;
            return true;
        }

        culture = English;
        return false;
    }

    private static bool IsChinese(string locale) =>
        locale.Equals("zh", StringComparison.OrdinalIgnoreCase)
        || (locale.Length > 2 && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && locale[2] is '-' or '_' or '.');
}
