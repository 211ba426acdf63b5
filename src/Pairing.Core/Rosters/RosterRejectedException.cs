namespace Pairing.Core.Rosters;

/// <summary>Thrown by <see cref="RosterResult.GetRosterOrThrow"/> when a roster has errors; it carries all of them.</summary>
public sealed class RosterRejectedException : Exception
{
    /// <summary>Creates the exception from the problems that rejected the roster.</summary>
    /// <param name="problems">Every problem found.</param>
    public RosterRejectedException(IReadOnlyList<RosterProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Every problem found, errors and warnings.</summary>
    public IReadOnlyList<RosterProblem> Problems { get; }

    private static string Describe(IReadOnlyList<RosterProblem> problems)
    {
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        var head = string.Join(Environment.NewLine, errors.Take(20));
        var more = errors.Count > 20 ? $"{Environment.NewLine}… and {errors.Count - 20} more errors." : string.Empty;
        return $"The roster was rejected with {errors.Count} error(s):{Environment.NewLine}{head}{more}";
    }
}
