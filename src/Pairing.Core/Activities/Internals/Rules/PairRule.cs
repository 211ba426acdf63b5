using Pairing.Core.Findings;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// A rule decided per student pair (A1–A3): its rows are composed only when read, from the pair table, so that a
/// national report (three rows per pair) holds no finding per pair in memory.
/// </summary>
internal abstract class PairRule(ActivityIndex index) : RuleChecker(index)
{
    public abstract ActivityRule Rule { get; }

    public abstract ComplianceStatus Status(int pair);

    public abstract bool Completed(int pair);

    public abstract Finding FindingOf(int pair, string subject);

    /// <summary>Counts each completed pair in the roll-ups' column of this rule (1 for A1, 2 for A2, 3 for A3).</summary>
    public override void Contribute(RollupTally tally)
    {
        var column = Rule - ActivityRule.A1 + 1;
        for (var pair = 0; pair < Index.Table.Pairs; pair++)
        {
            if (Completed(pair))
            {
                tally.Complete(pair, column);
            }
        }
    }

    protected static Finding Create(FindingDescriptor code, string subject, int count, int required) =>
        code.Create(new FindingSubject("pair", subject), null, FindingArgument.Of("count", count), FindingArgument.Of("required", required));

    protected static int Has(int day) => day == PairTable.None ? 0 : 1;

    /// <summary>1 when a step dated <paramref name="last"/> came on or after the step <paramref name="after"/> it follows.</summary>
    protected static int Follows(int last, int after) => after != PairTable.None && last >= after ? 1 : 0;
}
