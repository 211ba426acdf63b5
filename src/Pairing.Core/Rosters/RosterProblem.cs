
namespace Pairing.Core.Rosters;

/// <summary>
/// One problem found in a roster: where it is (file, line, column), what is wrong and what was expected.
/// </summary>
/// <remarks>
/// For rosters built through <see cref="RosterBuilder"/> there is no file or line; <see cref="File"/> then names
/// the table (<c>counties</c>, <c>schools</c>, <c>classes</c>, <c>students</c>) and the message names the id.
/// Immutable, with value equality.
/// </remarks>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Severity">Whether it rejects the roster.</param>
/// <param name="File">The file (such as <c>classes.csv</c>) or table the problem is in.</param>
/// <param name="Line">The 1-based line the record starts on (the header is line 1); null when not in one record.</param>
/// <param name="Column">The 1-based field number; null when not in one field.</param>
/// <param name="ColumnName">The header name of that field, when known.</param>
/// <param name="Message">What is wrong, in plain English, with the values involved.</param>
/// <param name="Expected">What was expected instead.</param>
public sealed record RosterProblem(
    RosterProblemKind Kind,
    ProblemSeverity Severity,
    string? File,
    int? Line,
    int? Column,
    string? ColumnName,
    string Message,
    string Expected)
{
    /// <summary>
    /// The sheet the problem is in when <see cref="File"/> is a workbook (such as <c>学生</c> in <c>students.xlsx</c>); then
    /// <see cref="Line"/> is the sheet's row and <see cref="Column"/> its column (A = 1), and the problem reads
    /// <c>students.xlsx!学生!C12</c>. Null for CSV files and the builder API.
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// The problem on one line: <c>classes.csv:12:3 (grade): error: grade '13' …; expected …</c>, or for a workbook's sheet
    /// <c>roster.xlsx!班级!C12 (grade): error: …</c>.
    /// </summary>
    public override string ToString() =>
        Pairing.Core.Internals.ProblemText.Format(File ?? "roster", Line, Column, ColumnName, Severity, Message, Expected, Sheet);
}
