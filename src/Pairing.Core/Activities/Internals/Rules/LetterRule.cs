using Pairing.Core.Findings;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// A1, letters (经常通书信): a first friendship letter (结对交友信) each way is required; regular letters after it, at
/// <see cref="ActivityValidationOptions.RegularLetterIntervalDays"/>, and online chats are encouraged (a warning when behind).
/// </summary>
internal sealed class LetterRule(ActivityIndex index) : PairRule(index)
{
    private const int FriendshipLetters = 2;

    public override ActivityRule Rule => ActivityRule.A1;

    public override void Gather(int record, ActivityRecord r, int slot)
    {
        var t = Index.Table;
        if (r.Kind == ActivityKind.Letter)
        {
            t.LetterFirst[slot] = Math.Min(t.LetterFirst[slot], r.Date.DayNumber);
        }
        else
        {
            t.Chats[slot >> 1]++;
        }
    }

    public override void CheckOrder(int record, ActivityRecord r, int slot)
    {
        if (r.Kind != ActivityKind.Letter)
        {
            return;
        }

        var pair = slot >> 1;
        var done = Index.Table.FriendshipDone(pair);
        if (done != PairTable.None && r.Date.DayNumber >= done)
        {
            Index.Table.LettersSinceFriendship[pair]++;
        }
    }

    public override bool Completed(int pair) => Index.Table.FriendshipDone(pair) != PairTable.None;

    public override ComplianceStatus Status(int pair) =>
        !Completed(pair) ? ComplianceStatus.Missing
        : Index.Table.RegularLetters(pair) < Expected(pair) ? ComplianceStatus.Warning
        : ComplianceStatus.Met;

    public override Finding FindingOf(int pair, string subject)
    {
        var t = Index.Table;
        if (!Completed(pair))
        {
            var written = Has(t.LetterFirst[pair * 2]) + Has(t.LetterFirst[(pair * 2) + 1]);
            return Create(ComplianceFindings.FriendshipLettersMissing, subject, written, FriendshipLetters);
        }

        var regular = t.RegularLetters(pair);
        var expected = Expected(pair);
        return Create(regular < expected ? ComplianceFindings.RegularLettersBehind : ComplianceFindings.LettersMet, subject, regular, expected);
    }


    private int Expected(int pair) => Index.Table.ExpectedRegularLetters(pair, Index.AsOf, Index.Options.RegularLetterIntervalDays);
}
