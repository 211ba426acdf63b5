using Pairing.Core.Rosters;

namespace Pairing.Core.Activities;

/// <summary>
/// One problem found in <c>activities.csv</c> or <c>holidays.csv</c>: where it is (file, line, column), what is
/// wrong and what was expected. The same shape as <see cref="RosterProblem"/>.
/// </summary>
/// <remarks>Immutable, with value equality.</remarks>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Severity">Whether it rejects the file.</param>
/// <param name="File">The file (<c>activities.csv</c>, <c>holidays.csv</c>, or the path given) the problem is in.</param>
/// <param name="Line">The 1-based line the record starts on (the header is line 1); null when not in one record.</param>
/// <param name="Column">The 1-based field number; null when not in one field.</param>
/// <param name="ColumnName">The header name of that field, when known.</param>
/// <param name="Message">What is wrong, in plain English, with the values involved.</param>
/// <param name="Expected">What was expected instead.</param>
public sealed record ActivityProblem(
    ActivityProblemKind Kind,
    ProblemSeverity Severity,
    string? File,
    int? Line,
    int? Column,
    string? ColumnName,
    string Message,
    string Expected)
{
    /// <summary>The problem on one line: <c>activities.csv:12:3 (date): error: date '2014-13-01' …; expected …</c>.</summary>
    public override string ToString() =>
        Pairing.Core.Internals.ProblemText.Format(File ?? "activities", Line, Column, ColumnName, Severity, Message, Expected);
}
