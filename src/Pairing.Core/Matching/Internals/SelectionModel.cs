using System.Globalization;
using Google.OrTools.Sat;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// A capacitated bipartite choice on CP-SAT: each left node takes at most one arc; each right node takes at most
/// its capacity of arcs and, per resource, at most its supply of what the chosen arcs demand. Total gain is
/// maximised first; then, with the gain held at its optimum, total cost is minimised.
/// </summary>
/// <remarks>
/// This is where levels couple: at the school level with several Xinjiang schools per inland school, the hard
/// resources are the inland school's classes and students in total (P4 on the sums); at the county level with
/// several Xinjiang counties per inland county, the same summed over the inland county's schools, plus its school
/// places. One worker, a fixed seed and a deterministic time limit make the answer the same on every machine and
/// thread count.
/// </remarks>
internal sealed class SelectionModel
{
    private readonly List<Arc> _arcs = [];
    private readonly List<long[]?> _demands = [];
    private readonly List<int> _forced = [];
    private readonly int _left;
    private readonly int[] _capacity;
    private readonly long[][] _supply;

    /// <param name="left">Left nodes.</param>
    /// <param name="capacity">Per right node, how many arcs it may take.</param>
    /// <param name="supply">Per right node, the supply of each resource (all the same length).</param>
    public SelectionModel(int left, int[] capacity, long[][] supply)
    {
        _left = left;
        _capacity = capacity;
        _supply = supply;
    }

    public void Add(Arc arc, long[]? demand)
    {
        _arcs.Add(arc);
        _demands.Add(demand);
    }

    /// <summary>Requires the arc added as the <paramref name="index"/>-th to be chosen (to price keeping it).</summary>
    public void Force(int index) => _forced.Add(index);

    /// <summary>Solves; returns whether each arc, in the order added, is chosen.</summary>
    public bool[] Solve(PairingOptions options)
    {
        var chosen = new bool[_arcs.Count];
        if (_arcs.Count == 0)
        {
            return chosen;
        }

        // Data is in the fields; model and variables.
        var model = new CpModel();
        var x = new BoolVar[_arcs.Count];
        for (var a = 0; a < _arcs.Count; a++)
        {
            x[a] = model.NewBoolVar(string.Empty);
        }

        // Constraints: one arc per left node (P2 or P3: exactly one partner, or none and a reason).
        var byLeft = new List<ILiteral>[_left];
        var byRight = new List<int>[_capacity.Length];
        for (var a = 0; a < _arcs.Count; a++)
        {
            (byLeft[_arcs[a].Left] ??= []).Add(x[a]);
            (byRight[_arcs[a].Right] ??= []).Add(a);
        }

        foreach (var a in _forced)
        {
            model.Add(x[a] == 1);
        }

        foreach (var literals in byLeft)
        {
            if (literals is { Count: > 1 })
            {
                model.AddAtMostOne(literals);
            }
        }

        // Capacity of each right node, in arcs and in each resource (classes and students per grade).
        for (var r = 0; r < byRight.Length; r++)
        {
            var arcs = byRight[r];
            if (arcs is null)
            {
                continue;
            }

            if (arcs.Count > _capacity[r])
            {
                model.Add(LinearExpr.Sum(arcs.Select(a => x[a])) <= _capacity[r]);
            }

            for (var k = 0; k < _supply[r].Length; k++)
            {
                long total = 0;
                foreach (var a in arcs)
                {
                    total += _demands[a]?[k] ?? 0;
                }

                if (total > _supply[r][k])
                {
                    model.Add(LinearExpr.WeightedSum(arcs.Select(a => x[a]), arcs.Select(a => _demands[a]?[k] ?? 0)) <= _supply[r][k]);
                }
            }
        }

        // catch_sigint_signal:false: CP-SAT would otherwise take over Ctrl+C while it solves and put the default handler
        // back after, so a later Ctrl+C killed the process without a word; cancellation is the caller's token.
        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:{options.Seed} max_deterministic_time:{options.WorkLimitPerSubproblem:R} catch_sigint_signal:false"),
        };

        // Objective, with last year's pairs in play: the most students covered and the most of last year's pairs
        // kept, in the order the options give, each held before the next.
        var found = false;
        if (_arcs.Any(a => a.Keep != 0))
        {
            long[][] stages = options.ContinuityFirst
                ? [[.. _arcs.Select(a => a.Keep)], [.. _arcs.Select(a => a.Cover)]]
                : [[.. _arcs.Select(a => a.Cover)], [.. _arcs.Select(a => a.Keep)]];
            foreach (var weights in stages)
            {
                if (!MaximiseAndHold(model, solver, x, weights, chosen, found))
                {
                    return chosen;
                }

                found = true;
            }
        }

        // Then the most gain.
        var gain = LinearExpr.WeightedSum(x, _arcs.Select(a => a.Gain));
        model.Maximize(gain);
        if (found)
        {
            for (var a = 0; a < _arcs.Count; a++)
            {
                model.AddHint(x[a], chosen[a]);
            }
        }

        var status = CpSat.Solve(solver, model);
        if (status != CpSolverStatus.Optimal)
        {
            Ambient.NotProven();
        }

        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return chosen;
        }

        var best = (long)solver.ObjectiveValue;
        for (var a = 0; a < _arcs.Count; a++)
        {
            chosen[a] = solver.BooleanValue(x[a]);
        }

        // Second aim: the least cost, with the gain held.
        if (_arcs.Any(a => a.Cost != 0))
        {
            model.Add(gain >= best);
            model.Minimize(LinearExpr.WeightedSum(x, _arcs.Select(a => a.Cost)));
            model.ClearHints();
            for (var a = 0; a < _arcs.Count; a++)
            {
                model.AddHint(x[a], chosen[a]);
            }

            status = CpSat.Solve(solver, model);
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                for (var a = 0; a < _arcs.Count; a++)
                {
                    chosen[a] = solver.BooleanValue(x[a]);
                }
            }
        }

        return chosen;
    }

    /// <summary>
    /// Maximises one weighted sum, then holds it at the value found (optimal, or the best within the work limit),
    /// so that later aims only choose among equal ones; <paramref name="chosen"/> gets the solution.
    /// </summary>
    private static bool MaximiseAndHold(CpModel model, CpSolver solver, BoolVar[] x, long[] weights, bool[] chosen, bool hint)
    {
        if (weights.All(w => w == 0))
        {
            return true;
        }

        var expr = LinearExpr.WeightedSum(x, weights);
        model.Maximize(expr);
        model.ClearHints();
        if (hint)
        {
            for (var a = 0; a < x.Length; a++)
            {
                model.AddHint(x[a], chosen[a]);
            }
        }

        var status = CpSat.Solve(solver, model);
        if (status != CpSolverStatus.Optimal)
        {
            Ambient.NotProven();
        }

        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return false;
        }

        for (var a = 0; a < x.Length; a++)
        {
            chosen[a] = solver.BooleanValue(x[a]);
        }

        model.Add(expr >= (long)solver.ObjectiveValue);
        return true;
    }
}
