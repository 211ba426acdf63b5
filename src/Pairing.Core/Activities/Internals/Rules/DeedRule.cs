using Pairing.Core.Findings;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// A3, do one thing (同做一件事): the partners agree on one meaningful deed, each does it, then each shares a reflection;
/// five steps in all. A deed before the agreement, or a reflection before one's own deed, breaks the rule.
/// </summary>
internal sealed class DeedRule(ActivityIndex index) : PairRule(index)
{
    private const int Steps = 5;

    public override ActivityRule Rule => ActivityRule.A3;

    public override void Gather(int record, ActivityRecord r, int slot)
    {
        var t = Index.Table;
        var day = r.Date.DayNumber;
        switch (r.Kind)
        {
            case ActivityKind.DeedAgreed:
                t.Agreed[slot >> 1] = Math.Min(t.Agreed[slot >> 1], day);
                break;
            case ActivityKind.DeedDone:
                t.DoneFirst[slot] = Math.Min(t.DoneFirst[slot], day);
                break;
            default:
                t.DeedReflectionLast[slot] = Math.Max(t.DeedReflectionLast[slot], day);
                break;
        }
    }

    public override void CheckOrder(int record, ActivityRecord r, int slot)
    {
        var t = Index.Table;
        var day = r.Date.DayNumber;
        var unit = FindingArgument.Of("unit", r.FromId!);
        if (r.Kind == ActivityKind.DeedDone)
        {
            var agreed = t.Agreed[slot >> 1];
            if (agreed == PairTable.None)
            {
                Index.Violate(record, ComplianceFindings.DeedWithoutAgreement, r.FromId!, unit);
            }
            else if (day < agreed)
            {
                Index.Violate(record, ComplianceFindings.DeedBeforeAgreement, r.FromId!, unit);
            }
            else
            {
                t.DoneAfterAgreement[slot] = Math.Min(t.DoneAfterAgreement[slot], day);
            }
        }
        else if (r.Kind == ActivityKind.DeedReflection)
        {
            var first = t.DoneFirst[slot];
            if (first == PairTable.None)
            {
                Index.Violate(record, ComplianceFindings.DeedReflectionWithoutDeed, r.FromId!, unit);
            }
            else if (day < first)
            {
                Index.Violate(record, ComplianceFindings.DeedReflectionBeforeDeed, r.FromId!, unit);
            }
        }
    }

    public override bool Completed(int pair) => Done(pair) == Steps;

    public override ComplianceStatus Status(int pair) => Completed(pair) ? ComplianceStatus.Met : ComplianceStatus.Missing;

    public override Finding FindingOf(int pair, string subject) =>
        Create(Completed(pair) ? ComplianceFindings.DeedMet : ComplianceFindings.DeedMissing, subject, Done(pair), Steps);


    private int Done(int pair)
    {
        var t = Index.Table;
        int x = pair * 2, n = x + 1;
        return Has(t.Agreed[pair]) + Has(t.DoneAfterAgreement[x]) + Has(t.DoneAfterAgreement[n])
            + Follows(t.DeedReflectionLast[x], t.DoneAfterAgreement[x]) + Follows(t.DeedReflectionLast[n], t.DoneAfterAgreement[n]);
    }
}
