namespace Pairing.Core.Findings;

/// <summary>The language text is rendered in, where a caller chooses it (the text columns of the files, the CLI).</summary>
public enum FindingLanguage
{
    /// <summary>Chinese, then <c>" / "</c>, then English: what files for filing (备案) carry by default.</summary>
    ChineseAndEnglish = 0,

    /// <summary>Simplified Chinese (zh-Hans).</summary>
    Chinese = 1,

    /// <summary>English (the neutral resources).</summary>
    English = 2,

    /// <summary>The language of <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> when the text is rendered.</summary>
    CurrentCulture = 3,
}
