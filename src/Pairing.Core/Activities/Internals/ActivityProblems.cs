using Pairing.Core.Findings;

namespace Pairing.Core.Activities.Internals;

/// <summary>
/// The problems of activity and holiday files, bounded however many rows are bad: the first
/// <see cref="PerCodeAndFile"/> of each code in each file are kept, and the rest only counted, to be said in one
/// finding per code and file (<see cref="ActivityFileFindings.MoreProblems"/>, ACF047) with the exact count.
/// </summary>
internal sealed class ActivityProblems : List<ActivityProblem>
{
    /// <summary>How many problems of one code in one file are kept and listed.</summary>
    public const int PerCodeAndFile = 100;

    private readonly Dictionary<(string Code, string? File), (int Count, FindingSeverity Severity)> _counts = [];

    /// <summary>Keeps the problem, or counts it when its code already has <see cref="PerCodeAndFile"/> in its file.</summary>
    public new void Add(ActivityProblem problem)
    {
        var key = (problem.Code, problem.File);
        var (count, _) = _counts.GetValueOrDefault(key);
        _counts[key] = (count + 1, problem.Finding.Severity);
        if (count < PerCodeAndFile)
        {
            base.Add(problem);
        }
    }

    /// <summary>The problems kept, each code's count of those left out placed right after its last one listed.</summary>
    public List<ActivityProblem> WithOmitted()
    {
        var all = new List<ActivityProblem>(this);
        foreach (var ((code, file), (count, severity)) in _counts.Where(c => c.Value.Count > PerCodeAndFile)
            .OrderBy(c => c.Key.File, StringComparer.Ordinal).ThenBy(c => c.Key.Code, StringComparer.Ordinal))
        {
            var more = new ActivityProblem(new Finding(
                ActivityFileFindings.MoreProblems,
                severity,
                null,
                file is { } f ? new FindingLocation(f) : null,
                [FindingArgument.Of("count", count - PerCodeAndFile), FindingArgument.Of("code", code), FindingArgument.Of("listed", PerCodeAndFile)]));
            var last = all.FindLastIndex(p => p.Code == code && p.File == file);
            all.Insert(last + 1, more);
        }

        return all;
    }
}
