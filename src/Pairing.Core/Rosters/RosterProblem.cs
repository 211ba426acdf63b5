using Pairing.Core.Findings;
using Pairing.Core.Internals;

namespace Pairing.Core.Rosters;

/// <summary>
/// One problem found in a roster, as data: its <see cref="Finding"/> (a <c>ROS</c> code of <see cref="RosterFindings"/>,
/// the location — file, line, column, column name — and the offending values as typed arguments), and the coarse
/// <see cref="Kind"/> the code belongs to.
/// </summary>
/// <remarks>
/// <see cref="Message"/>, <see cref="Expected"/> and <see cref="ToString"/> are renderings of the finding in
/// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>'s language (zh-Hans or English), not the data: a
/// program reads <see cref="Finding"/>'s code and arguments. For rosters built through <see cref="RosterBuilder"/> there
/// is no file or line; <see cref="File"/> then names the table (<c>counties</c>, <c>schools</c>, <c>classes</c>,
/// <c>students</c>). Immutable; two problems are equal when their findings are.
/// </remarks>
public sealed class RosterProblem : IEquatable<RosterProblem>
{
    /// <summary>Creates a problem from a roster finding.</summary>
    /// <param name="finding">A finding with one of <see cref="RosterFindings"/>' codes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="finding"/> is null.</exception>
    /// <exception cref="ArgumentException">The finding's code is not a roster code.</exception>
    public RosterProblem(Finding finding)
    {
        Finding = Guard.NotNull(finding);
        Kind = RosterFindings.KindOf(finding.Descriptor);
        if (Kind == 0)
        {
            Throw.Argument(nameof(finding), $"has code {finding.Code}, which is not one of RosterFindings' codes");
        }
    }

    /// <summary>The problem as data: code, severity, location and typed arguments.</summary>
    public Finding Finding { get; }

    /// <summary>What kind of problem it is (several codes share a kind: an empty id, an id with spaces, …).</summary>
    public RosterProblemKind Kind { get; }

    /// <summary>The stable code, such as <c>ROS014</c> (FindingCatalog lists every code).</summary>
    public string Code => Finding.Code;

    /// <summary>Whether it rejects the roster.</summary>
    public ProblemSeverity Severity => Finding.Severity == FindingSeverity.Error ? ProblemSeverity.Error : ProblemSeverity.Warning;

    /// <summary>The file (such as <c>classes.csv</c>) or table the problem is in.</summary>
    public string? File => Finding.Location?.File;

    /// <summary>
    /// The sheet the problem is in when <see cref="File"/> is a workbook (such as <c>学生</c> in <c>students.xlsx</c>); then
    /// <see cref="Line"/> is the sheet's row and <see cref="Column"/> its column (A = 1), and the problem reads
    /// <c>students.xlsx!学生!C12</c>. Null for CSV files and the builder API.
    /// </summary>
    public string? Sheet => Finding.Location?.Sheet;

    /// <summary>The 1-based line the record starts on (the header is line 1); null when not in one record.</summary>
    public int? Line => Finding.Location?.Line;

    /// <summary>The 1-based field number; null when not in one field.</summary>
    public int? Column => Finding.Location?.Column;

    /// <summary>The header name of that field (the format's name, such as <c>grade</c>), when known.</summary>
    public string? ColumnName => Finding.Location?.ColumnName;

    /// <summary>What is wrong and what was expected, rendered in the current UI culture's language.</summary>
    public string Message => FindingRenderer.Default.Render(Finding);

    /// <summary>What was expected instead, rendered in the current UI culture's language.</summary>
    public string Expected => FindingRenderer.Default.RenderPart(Finding, "Expected") ?? string.Empty;

    /// <summary>
    /// The problem on one line in the current UI culture's language, MSBuild's way:
    /// <c>classes.csv:12:3 (grade): error ROS014: grade '13' is not a middle-school grade; expected …</c>.
    /// </summary>
    public override string ToString() => FindingRenderer.Default.RenderLine(Finding);

    /// <inheritdoc/>
    public bool Equals(RosterProblem? other) => other is not null && Finding.Equals(other.Finding);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RosterProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => Finding.GetHashCode();
}
