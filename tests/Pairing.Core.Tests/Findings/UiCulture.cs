using System.Globalization;

namespace Pairing.Core.Tests.Findings;

/// <summary>Sets the current UI culture for a test's <c>using</c> block, so renderings do not depend on the machine's.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _saved = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public static UiCulture English() => new("en");

    public static UiCulture Chinese() => new("zh-CN");

    public void Dispose() => CultureInfo.CurrentUICulture = _saved;
}
