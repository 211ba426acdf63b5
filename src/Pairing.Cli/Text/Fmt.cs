using System.Globalization;

namespace Pairing.Cli.Text;

/// <summary>Fills one of the tool's texts (<see cref="Resources.Strings"/>): numbers and dates are written the same way in every language (1,374,440; 2015-06-30).</summary>
internal static class Fmt
{
    public static string Of(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
