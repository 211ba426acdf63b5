using System.Globalization;

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

    public bool A1Completed(int pair) => FriendshipDone(pair) != None;

    public bool A2Completed(int pair)
    {
        int x = pair * 2, n = x + 1;
        return BookFirst[x] != None && BookFirst[n] != None
            && BookReflectionLast[n] >= BookFirst[x] && BookReflectionLast[x] >= BookFirst[n];
    }

    public bool A3Completed(int pair)
    {
        int x = pair * 2, n = x + 1;
        return Agreed[pair] != None && DoneAfterAgreement[x] != None && DoneAfterAgreement[n] != None
            && DeedReflectionLast[x] >= DoneAfterAgreement[x] && DeedReflectionLast[n] >= DoneAfterAgreement[n];
    }

    public ComplianceStatus A1Status(int pair, DateOnly asOf, int intervalDays) =>
        !A1Completed(pair) ? ComplianceStatus.Missing
        : RegularLetters(pair) < ExpectedRegularLetters(pair, asOf, intervalDays) ? ComplianceStatus.Warning
        : ComplianceStatus.Met;

    public string A1Detail(int pair, DateOnly asOf, int intervalDays)
    {
        int x = pair * 2, n = x + 1;
        var regular = RegularLetters(pair);
        var expected = ExpectedRegularLetters(pair, asOf, intervalDays);
        var chats = Chats[pair];
        var zh = string.Create(CultureInfo.InvariantCulture,
            $"结对交友信：新疆→内地 {Zh(LetterFirst[x], "未写")}，内地→新疆 {Zh(LetterFirst[n], "未写")}；此后书信 {regular} 封（应至少 {expected} 封）；在线交流 {chats} 次");
        var en = string.Create(CultureInfo.InvariantCulture,
            $"friendship letters: Xinjiang→inland {En(LetterFirst[x], "not written")}, inland→Xinjiang {En(LetterFirst[n], "not written")}; {regular} regular letter(s) since ({expected} expected by {Day(asOf.DayNumber)}); {chats} online chat(s)");
        return zh + " / " + en;
    }

    public string A2Detail(int pair)
    {
        int x = pair * 2, n = x + 1;
        var zh = string.Create(CultureInfo.InvariantCulture,
            $"赠书：新疆→内地 {Zh(BookFirst[x], "未赠")}，内地→新疆 {Zh(BookFirst[n], "未赠")}；读书心得：新疆 {ZhAfter(BookReflectionLast[x], BookFirst[n])}，内地 {ZhAfter(BookReflectionLast[n], BookFirst[x])}");
        var en = string.Create(CultureInfo.InvariantCulture,
            $"books: Xinjiang→inland {En(BookFirst[x], "none")}, inland→Xinjiang {En(BookFirst[n], "none")}; reading reflections: Xinjiang {EnAfter(BookReflectionLast[x], BookFirst[n])}, inland {EnAfter(BookReflectionLast[n], BookFirst[x])}");
        return zh + " / " + en;
    }

    public string A3Detail(int pair)
    {
        int x = pair * 2, n = x + 1;
        var zh = string.Create(CultureInfo.InvariantCulture,
            $"约定一件事：{Zh(Agreed[pair], "未约定")}；完成：新疆 {Zh(DoneAfterAgreement[x], "未完成")}，内地 {Zh(DoneAfterAgreement[n], "未完成")}；心得：新疆 {ZhAfter(DeedReflectionLast[x], DoneAfterAgreement[x])}，内地 {ZhAfter(DeedReflectionLast[n], DoneAfterAgreement[n])}");
        var en = string.Create(CultureInfo.InvariantCulture,
            $"deed agreed: {En(Agreed[pair], "not yet")}; done after agreeing: Xinjiang {En(DoneAfterAgreement[x], "not yet")}, inland {En(DoneAfterAgreement[n], "not yet")}; reflections: Xinjiang {EnAfter(DeedReflectionLast[x], DoneAfterAgreement[x])}, inland {EnAfter(DeedReflectionLast[n], DoneAfterAgreement[n])}");
        return zh + " / " + en;
    }

    public static string Day(int dayNumber) =>
        DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Zh(int day, string none) => day is None or NoneLatest ? none : Day(day);

    private static string En(int day, string none) => day is None or NoneLatest ? none : Day(day);

    private static string ZhAfter(int reflection, int after) =>
        reflection == NoneLatest ? "未分享" : after == None || reflection < after ? $"{Day(reflection)}（早于应有的前一步）" : Day(reflection);

    private static string EnAfter(int reflection, int after) =>
        reflection == NoneLatest ? "none" : after == None || reflection < after ? $"{Day(reflection)} (before the step it must follow)" : Day(reflection);

    private static int[] Filled(int length, int value)
    {
        var array = GC.AllocateUninitializedArray<int>(length);
        Array.Fill(array, value);
        return array;
    }
}
