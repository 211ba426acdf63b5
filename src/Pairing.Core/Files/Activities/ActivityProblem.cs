using Pairing.Core.Findings;
using Pairing.Core.Internals;
using Pairing.Core.Rosters;

namespace Pairing.Core.Files.Activities;

/// <summary>
/// One problem found in <c>activities.csv</c> or <c>holidays.csv</c>, as data: its <see cref="Finding"/> (a <c>ACF</c> code of <see cref="ActivityFileFindings"/>,
/// the location — file, line, column, column name — and the offending values as typed arguments), and the coarse
/// <see cref="Kind"/> the code belongs to.
/// </summary>
/// <remarks>
/// <see cref="Message"/>, <see cref="Expected"/> and <see cref="ToString"/> are renderings of the finding in
/// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>'s language (zh-Hans or English), not the data: a
/// program reads <see cref="Finding"/>'s code and arguments. Immutable; two problems are equal when their findings are.
/// </remarks>
public sealed class ActivityProblem : IEquatable<ActivityProblem>
{
    /// <summary>Creates a problem from an activity file finding.</summary>
    /// <param name="finding">A finding with one of <see cref="ActivityFileFindings"/>' codes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> is null.</exception>
    /// <exception cref="ArgumentException">The finding's code is not an activity file code.</exception>
    public ActivityProblem(Finding finding)
    {
        Finding = Guard.NotNull(finding);
        Kind = ActivityFileFindings.KindOf(finding.Descriptor);
        if (Kind == 0)
        {
            Throw.Argument(nameof(finding), $"has code {finding.Code}, which is not one of ActivityFileFindings' codes");
        }
    }

    /// <summary>The problem as data: code, severity, location and typed arguments.</summary>
    public Finding Finding { get; }

    /// <summary>What kind of problem it is (several codes share a kind: an empty id, an id with spaces, …).</summary>
    public ActivityProblemKind Kind { get; }

    /// <summary>The stable code, such as <c>ACF023</c> (FindingCatalog lists every code).</summary>
    public string Code => Finding.Code;

    /// <summary>Whether it rejects the file.</summary>
    public ProblemSeverity Severity => Finding.Severity == FindingSeverity.Error ? ProblemSeverity.Error : ProblemSeverity.Warning;

    /// <summary>The file (<c>activities.csv</c>, <c>holidays.csv</c>, or the path given) the problem is in.</summary>
    public string? File => Finding.Location?.File;

    /// <summary>The 1-based line the record starts on (the header is line 1); null when not in one record.</summary>
    public int? Line => Finding.Location?.Line;

    /// <summary>The 1-based field number; null when not in one field.</summary>
    public int? Column => Finding.Location?.Column;

    /// <summary>The header name of that field (the format's name, such as <c>date</c>), when known.</summary>
    public string? ColumnName => Finding.Location?.ColumnName;

    /// <summary>What is wrong and what was expected, rendered in the current UI culture's language.</summary>
    public string Message => FindingRenderer.Default.Render(Finding);

    /// <summary>What was expected instead, rendered in the current UI culture's language.</summary>
    public string Expected => FindingRenderer.Default.RenderPart(Finding, "Expected") ?? string.Empty;

    /// <summary>
    /// The problem on one line in the current UI culture's language, MSBuild's way:
    /// <c>activities.csv:12:3 (date): error ACF023: date '2014-13-01' is not a date; expected …</c>.
    /// </summary>
    public override string ToString() => FindingRenderer.Default.RenderLine(Finding);

    /// <inheritdoc/>
    public bool Equals(ActivityProblem? other) => other is not null && Finding.Equals(other.Finding);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ActivityProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => Finding.GetHashCode();
}
