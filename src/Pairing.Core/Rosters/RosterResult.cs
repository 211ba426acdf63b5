namespace Pairing.Core.Rosters;

/// <summary>
/// The outcome of reading or building a roster: the roster when it is valid, and every problem found either way.
/// </summary>
public sealed class RosterResult
{
    internal RosterResult(Roster? roster, IReadOnlyList<RosterProblem> problems)
    {
        Roster = roster;
        Problems = problems;
    }

    /// <summary>The roster, or <see langword="null"/> when any problem is an error (a bad roster is rejected whole).</summary>
    public Roster? Roster { get; }

    /// <summary>Every problem found, errors and warnings, in file and line order.</summary>
    public IReadOnlyList<RosterProblem> Problems { get; }

    /// <summary>Whether the roster was accepted.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Roster))]
    public bool IsValid => Roster is not null;

    /// <summary>The problems that reject the roster.</summary>
    public IEnumerable<RosterProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The problems that do not.</summary>
    public IEnumerable<RosterProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

    /// <summary>The roster, or an exception listing every error.</summary>
    /// <exception cref="RosterRejectedException">The roster has errors.</exception>
    public Roster GetRosterOrThrow() => Roster ?? throw new RosterRejectedException(Problems);
}
