
namespace Pairing.Core.Activities.Internals;

/// <summary>
/// What the records say about each student pair, as day numbers in flat arrays: one slot per partner
/// (pair × 2 + 0 for the Xinjiang student, + 1 for the inland student), so that a record's sender slot indexes
/// straight in and the partner's slot is the sender's with the last bit flipped. Earliest dates start at
/// <see cref="None"/> (no date), latest at <see cref="NoneLatest"/>; everything kept is a minimum, a maximum or a
/// count, so the order of the records never matters.
/// </summary>
internal sealed class PairTable
{
    public const int None = int.MaxValue;
    public const int NoneLatest = int.MinValue;

    public PairTable(int pairs)
    {
        Pairs = pairs;
        LetterFirst = Filled(pairs * 2, None);
        BookFirst = Filled(pairs * 2, None);
        BookReflectionLast = Filled(pairs * 2, NoneLatest);
        DoneFirst = Filled(pairs * 2, None);
        DoneAfterAgreement = Filled(pairs * 2, None);
        DeedReflectionLast = Filled(pairs * 2, NoneLatest);
        Agreed = Filled(pairs, None);
        LettersSinceFriendship = new int[pairs];
        Chats = new int[pairs];
    }

    public int Pairs { get; }

    /// <summary>Per slot: the sender's first letter to the partner (the friendship letter, 结对交友信).</summary>
    public int[] LetterFirst { get; }

    /// <summary>Per slot: the first book the sender sent the partner.</summary>
    public int[] BookFirst { get; }

    /// <summary>Per slot: the sender's latest reading reflection.</summary>
    public int[] BookReflectionLast { get; }

    /// <summary>Per slot: the first time the partner did a deed, whenever it was.</summary>
    public int[] DoneFirst { get; }

    /// <summary>Per slot: the first time the partner did a deed on or after the agreement.</summary>
    public int[] DoneAfterAgreement { get; }

    /// <summary>Per slot: the partner's latest deed reflection.</summary>
    public int[] DeedReflectionLast { get; }

    /// <summary>Per pair: the first agreement on a deed.</summary>
    public int[] Agreed { get; }

    /// <summary>Per pair: letters either way dated on or after the later friendship letter, the friendship letters included.</summary>
    public int[] LettersSinceFriendship { get; }

    /// <summary>Per pair: online chats.</summary>
    public int[] Chats { get; }

    /// <summary>The day both friendship letters had been written, or <see cref="None"/>.</summary>
    public int FriendshipDone(int pair)
    {
        var x = LetterFirst[pair * 2];
        var n = LetterFirst[(pair * 2) + 1];
        return x == None || n == None ? None : Math.Max(x, n);
    }

    /// <summary>Letters after the friendship letters (regular letters, 经常通信).</summary>
    public int RegularLetters(int pair)
    {
        var done = FriendshipDone(pair);
        if (done == None)
        {
            return 0;
        }

        // The later friendship letter is always among those counted; the earlier one too when both share its day.
        var friendshipCounted = LetterFirst[pair * 2] == LetterFirst[(pair * 2) + 1] ? 2 : 1;
        return LettersSinceFriendship[pair] - friendshipCounted;
    }

    public int ExpectedRegularLetters(int pair, DateOnly asOf, int intervalDays)
    {
        var done = FriendshipDone(pair);
        return done == None || intervalDays == 0 ? 0 : Math.Max(0, (asOf.DayNumber - done) / intervalDays);
    }

    private static int[] Filled(int length, int value)
    {
        var array = GC.AllocateUninitializedArray<int>(length);
        Array.Fill(array, value);
        return array;
    }
}
