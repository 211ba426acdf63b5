using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// One activity rule's checker: it gathers what it needs from the records of its kinds, decides, emits its findings as
/// report rows and adds its figures to the roll-ups. <see cref="ValidationRun"/> only sequences the checkers.
/// </summary>
internal abstract class RuleChecker(ActivityIndex index)
{
    protected ActivityIndex Index { get; } = index;

    /// <summary>First pass over a record of a kind this rule owns, dated within the programme year and not after the as-of date.</summary>
    /// <param name="record">The record's index.</param>
    /// <param name="r">The record.</param>
    /// <param name="slot">For a record between students, the sender's slot (the pair resolved); otherwise -1.</param>
    public virtual void Gather(int record, ActivityRecord r, int slot)
    {
    }

    /// <summary>Second pass, with every earliest date known: check the order of steps.</summary>
    public virtual void CheckOrder(int record, ActivityRecord r, int slot)
    {
    }

    /// <summary>The rows this rule reports for units (school pairs, counties, provinces); pair rows are composed lazily.</summary>
    public virtual void Emit(List<ReportRow> rows)
    {
    }

    /// <summary>Adds this rule's figures to the roll-ups.</summary>
    public virtual void Contribute(RollupTally tally)
    {
    }
}
