using Pairing.Core.Findings;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// A2, read one book (共读一本书): each partner sends or recommends a book, and after receiving the partner's book each
/// shares a reading reflection; four steps in all. A reflection before the partner's book breaks the rule.
/// </summary>
internal sealed class BookRule(ActivityIndex index) : PairRule(index)
{
    private const int Steps = 4;

    public override ActivityRule Rule => ActivityRule.A2;

    public override void Gather(int record, ActivityRecord r, int slot)
    {
        var t = Index.Table;
        var day = r.Date.DayNumber;
        if (r.Kind == ActivityKind.BookSent)
        {
            t.BookFirst[slot] = Math.Min(t.BookFirst[slot], day);
        }
        else
        {
            t.BookReflectionLast[slot] = Math.Max(t.BookReflectionLast[slot], day);
        }
    }

    public override void CheckOrder(int record, ActivityRecord r, int slot)
    {
        if (r.Kind != ActivityKind.BookReflection)
        {
            return;
        }

        var book = Index.Table.BookFirst[slot ^ 1];
        if (book == PairTable.None)
        {
            Index.Violate(record, ComplianceFindings.ReflectionWithoutBook, r.FromId!, FindingArgument.Of("unit", r.FromId!));
        }
        else if (r.Date.DayNumber < book)
        {
            Index.Violate(record, ComplianceFindings.ReflectionBeforeBook, r.FromId!, FindingArgument.Of("unit", r.FromId!));
        }
    }

    public override bool Completed(int pair) => Done(pair) == Steps;

    public override ComplianceStatus Status(int pair) => Completed(pair) ? ComplianceStatus.Met : ComplianceStatus.Missing;

    public override Finding FindingOf(int pair, string subject) =>
        Create(Completed(pair) ? ComplianceFindings.BookMet : ComplianceFindings.BookMissing, subject, Done(pair), Steps);


    private int Done(int pair)
    {
        var t = Index.Table;
        int x = pair * 2, n = x + 1;
        return Has(t.BookFirst[x]) + Has(t.BookFirst[n])
            + Follows(t.BookReflectionLast[n], t.BookFirst[x]) + Follows(t.BookReflectionLast[x], t.BookFirst[n]);
    }
}
