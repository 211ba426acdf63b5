namespace Pairing.Core.Activities;

/// <summary>
/// What an activity record says happened; each kind is written in <c>activities.csv</c> by the name given here.
/// </summary>
public enum ActivityKind
{
    /// <summary><c>letter</c>: a letter from one student to their partner; the first each way is the friendship letter (结对交友信, A1).</summary>
    Letter = 1,

    /// <summary><c>chat</c>: an online chat or video call between partners (在线交流, encouraged, A1).</summary>
    Chat,

    /// <summary><c>book-sent</c>: a book sent or recommended to the partner (共读一本书, A2); the detail is its title.</summary>
    BookSent,

    /// <summary><c>book-reflection</c>: a reading reflection shared with the partner (读书心得, A2).</summary>
    BookReflection,

    /// <summary><c>deed-agreed</c>: the partners agreed on one meaningful deed (同做一件事, A3).</summary>
    DeedAgreed,

    /// <summary><c>deed-done</c>: one partner did the agreed deed (A3).</summary>
    DeedDone,

    /// <summary><c>deed-reflection</c>: a reflection on the deed shared with the partner (心得体会, A3).</summary>
    DeedReflection,

    /// <summary><c>school-exchange</c>: contact between paired schools' league organisations (A4).</summary>
    SchoolExchange,

    /// <summary><c>camp</c>: a unity camp (同心营) held by a supporting province or inland county (A5).</summary>
    Camp,

    /// <summary><c>family-event</c>: a family friendship event (家庭联谊) held by an inland county (A6).</summary>
    FamilyEvent,
}
