using Pairing.Core.Findings;

namespace Pairing.Core.Files;

/// <summary>
/// The problems of a read, bounded however many rows are bad: the first <see cref="PerCodeAndFile"/> of each code in
/// each file are kept, and the rest only counted, to be said in one finding per code and file (the reader's
/// <c>MoreProblems</c> code: ROS065 for rosters, ACF047 for activity records) with the exact count.
/// </summary>
internal class CappedFindings(FindingDescriptor more) : List<Finding>
{
    /// <summary>How many problems of one code in one file are kept and listed.</summary>
    public const int PerCodeAndFile = 100;

    private readonly Dictionary<(string Code, string? File), (int Count, FindingSeverity Severity)> _counts = [];

    /// <summary>Keeps the problem, or counts it when its code already has <see cref="PerCodeAndFile"/> in its file.</summary>
    public new void Add(Finding finding)
    {
        var key = (finding.Code, finding.Location?.File);
        var (count, _) = _counts.GetValueOrDefault(key);
        _counts[key] = (count + 1, finding.Severity);
        if (count < PerCodeAndFile)
        {
            base.Add(finding);
        }
    }

    /// <summary>Keeps or counts each problem as <see cref="Add"/> does (the list's own AddRange would keep them all).</summary>
    public new void AddRange(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            Add(finding);
        }
    }

    /// <summary>
    /// Adds another list's problems after this one's, as if each had been added here in its order: those it kept are
    /// added one by one (unless <paramref name="skip"/> says not), those it only counted are counted here too.
    /// </summary>
    public void AddFrom(CappedFindings other, Func<Finding, bool> skip)
    {
        var kept = new Dictionary<(string Code, string? File), int>();
        foreach (var finding in other)
        {
            var key = (finding.Code, finding.Location?.File);
            kept[key] = kept.GetValueOrDefault(key) + 1;
            if (!skip(finding))
            {
                Add(finding);
            }
        }

        foreach (var (key, (count, severity)) in other._counts)
        {
            var omitted = count - kept.GetValueOrDefault(key);
            if (omitted > 0)
            {
                var (mine, _) = _counts.GetValueOrDefault(key);
                _counts[key] = (mine + omitted, severity);
            }
        }
    }

    /// <summary>The problems kept, each code's count of those left out placed right after its last one listed.</summary>
    public List<Finding> WithOmitted()
    {
        var all = new List<Finding>(this);
        foreach (var ((code, file), (count, severity)) in _counts.Where(c => c.Value.Count > PerCodeAndFile)
            .OrderBy(c => c.Key.File, StringComparer.Ordinal).ThenBy(c => c.Key.Code, StringComparer.Ordinal))
        {
            var omitted = new Finding(
                more,
                severity,
                null,
                file is { } f ? new FindingLocation(f) : null,
                [FindingArgument.Of("count", count - PerCodeAndFile), FindingArgument.Of("code", code), FindingArgument.Of("listed", PerCodeAndFile)]);
            var last = all.FindLastIndex(g => g.Code == code && g.Location?.File == file);
            all.Insert(last + 1, omitted);
        }

        return all;
    }
}
