using Pairing.Core.Findings;

namespace Pairing.Core.Rosters;

/// <summary>
/// A roster's problems, bounded however many rows are bad: the first <see cref="PerCodeAndFile"/> of each code in each
/// file are kept, and the rest only counted, to be said in one finding per code and file
/// (<see cref="RosterFindings.MoreProblems"/>, ROS065) with the exact count.
/// </summary>
internal sealed class CappedProblems : List<RosterProblem>
{
    /// <summary>How many problems of one code in one file are kept and listed.</summary>
    public const int PerCodeAndFile = 100;

    private readonly Dictionary<(string Code, string? File), (int Count, FindingSeverity Severity)> _counts = [];

    /// <summary>Keeps the problem, or counts it when its code already has <see cref="PerCodeAndFile"/> in its file.</summary>
    public new void Add(RosterProblem problem)
    {
        var key = (problem.Code, problem.File);
        var (count, _) = _counts.GetValueOrDefault(key);
        _counts[key] = (count + 1, problem.Finding.Severity);
        if (count < PerCodeAndFile)
        {
            base.Add(problem);
        }
    }

    /// <summary>One finding per code and file with problems left out: how many, of which code, where.</summary>
    public IEnumerable<RosterProblem> Omitted() =>
        _counts.Where(c => c.Value.Count > PerCodeAndFile)
            .OrderBy(c => c.Key.File, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Code, StringComparer.Ordinal)
            .Select(c => new RosterProblem(new Finding(
                RosterFindings.MoreProblems,
                c.Value.Severity,
                null,
                c.Key.File is { } file ? new FindingLocation(file) : null,
                [
                    FindingArgument.Of("count", c.Value.Count - PerCodeAndFile),
                    FindingArgument.Of("code", c.Key.Code),
                    FindingArgument.Of("listed", PerCodeAndFile),
                ])));
}
