using Google.OrTools.Sat;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching.Internals;

/// <summary>One way every model of the library is solved.</summary>
internal static class CpSat
{
    /// <summary>
    /// Solves with the call's cancellation token (<see cref="Ambient.Token"/>) wired to CP-SAT's stop-search, so that a
    /// caller who gives up stops even one long sub-problem within moments, not at its work limit; the stopped solve is
    /// then abandoned, never used.
    /// </summary>
    public static CpSolverStatus Solve(CpSolver solver, CpModel model) => Solve(solver, model, Ambient.Token);

    /// <summary>Solves as <see cref="Solve(CpSolver, CpModel)"/> does, with the token given.</summary>
    public static CpSolverStatus Solve(CpSolver solver, CpModel model, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        CpSolverStatus status;
        using (token.Register(solver.StopSearch))
        {
            status = solver.Solve(model);
        }

        token.ThrowIfCancellationRequested();
        return status;
    }
}
