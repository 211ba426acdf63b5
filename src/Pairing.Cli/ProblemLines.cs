using System.Globalization;
using Pairing.Core.Findings;

namespace Pairing.Cli;

/// <summary>
/// The one place where the tool turns an input problem into the line it prints:
/// <c>classes.csv:12:3 (grade): error ROS014: …</c>, in the user's language (the current UI culture unless one is given).
/// </summary>
internal static class ProblemLines
{
    /// <summary>A finding on one line.</summary>
    public static string Render(Finding finding, CultureInfo? culture = null) =>
        FindingRenderer.Default.RenderLine(finding, culture ?? CultureInfo.CurrentUICulture);
}
