using System.Globalization;
using Pairing.Core.Activities;
using Pairing.Core.Files.Activities;
using Pairing.Core.Findings;
using Pairing.Core.Rosters;

namespace Pairing.Cli;

/// <summary>
/// The one place where the tool turns an input problem into the line it prints:
/// <c>classes.csv:12:3 (grade): error ROS014: …</c>, in the user's language (the current UI culture unless one is given).
/// </summary>
internal static class ProblemLines
{
    /// <summary>A roster problem on one line.</summary>
    public static string Render(RosterProblem problem, CultureInfo? culture = null) =>
        Render(problem.Finding, culture);

    /// <summary>An activity or holiday file problem on one line.</summary>
    public static string Render(ActivityProblem problem, CultureInfo? culture = null) =>
        Render(problem.Finding, culture);

    /// <summary>A finding on one line.</summary>
    public static string Render(Finding finding, CultureInfo? culture = null) =>
        FindingRenderer.Default.RenderLine(finding, culture ?? CultureInfo.CurrentUICulture);
}
