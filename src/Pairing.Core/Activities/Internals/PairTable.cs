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
        return string.Create(CultureInfo.InvariantCulture,
            $"结对交友信：新疆→内地 {new DayText(LetterFirst[x], "未写")}，内地→新疆 {new DayText(LetterFirst[n], "未写")}；此后书信 {regular} 封（应至少 {expected} 封）；在线交流 {chats} 次 / friendship letters: Xinjiang→inland {new DayText(LetterFirst[x], "not written")}, inland→Xinjiang {new DayText(LetterFirst[n], "not written")}; {regular} regular letter(s) since ({expected} expected by {asOf:yyyy-MM-dd}); {chats} online chat(s)");
    }

    public string A2Detail(int pair)
    {
        int x = pair * 2, n = x + 1;
        return string.Create(CultureInfo.InvariantCulture,
            $"赠书：新疆→内地 {new DayText(BookFirst[x], "未赠")}，内地→新疆 {new DayText(BookFirst[n], "未赠")}；读书心得：新疆 {new DayText(BookReflectionLast[x], "未分享", BookFirst[n], "（早于应有的前一步）")}，内地 {new DayText(BookReflectionLast[n], "未分享", BookFirst[x], "（早于应有的前一步）")} / books: Xinjiang→inland {new DayText(BookFirst[x], "none")}, inland→Xinjiang {new DayText(BookFirst[n], "none")}; reading reflections: Xinjiang {new DayText(BookReflectionLast[x], "none", BookFirst[n], " (before the step it must follow)")}, inland {new DayText(BookReflectionLast[n], "none", BookFirst[x], " (before the step it must follow)")}");
    }

    public string A3Detail(int pair)
    {
        int x = pair * 2, n = x + 1;
        return string.Create(CultureInfo.InvariantCulture,
            $"约定一件事：{new DayText(Agreed[pair], "未约定")}；完成：新疆 {new DayText(DoneAfterAgreement[x], "未完成")}，内地 {new DayText(DoneAfterAgreement[n], "未完成")}；心得：新疆 {new DayText(DeedReflectionLast[x], "未分享", DoneAfterAgreement[x], "（早于应有的前一步）")}，内地 {new DayText(DeedReflectionLast[n], "未分享", DoneAfterAgreement[n], "（早于应有的前一步）")} / deed agreed: {new DayText(Agreed[pair], "not yet")}; done after agreeing: Xinjiang {new DayText(DoneAfterAgreement[x], "not yet")}, inland {new DayText(DoneAfterAgreement[n], "not yet")}; reflections: Xinjiang {new DayText(DeedReflectionLast[x], "none", DoneAfterAgreement[x], " (before the step it must follow)")}, inland {new DayText(DeedReflectionLast[n], "none", DoneAfterAgreement[n], " (before the step it must follow)")}");
    }

    public static string Day(int dayNumber) =>
        DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A day number written as an ISO date straight into the detail being composed (no string per date), or a word
    /// when there is none; with <c>after</c>, a note when the day comes before the step it must follow.
    /// </summary>
    private readonly struct DayText(int day, string none, int after = NoneLatest, string? early = null) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            charsWritten = 0;
            if (day is None or NoneLatest)
            {
                return Append(destination, ref charsWritten, none);
            }

            // Written by hand: a custom date format is parsed on every call, and a national report writes millions.
            if (destination.Length < 10)
            {
                return false;
            }

            var (year, month, dayOfMonth) = DateOnly.FromDayNumber(day);
            destination[0] = (char)('0' + (year / 1000));
            destination[1] = (char)('0' + (year / 100 % 10));
            destination[2] = (char)('0' + (year / 10 % 10));
            destination[3] = (char)('0' + (year % 10));
            destination[4] = '-';
            destination[5] = (char)('0' + (month / 10));
            destination[6] = (char)('0' + (month % 10));
            destination[7] = '-';
            destination[8] = (char)('0' + (dayOfMonth / 10));
            destination[9] = (char)('0' + (dayOfMonth % 10));
            charsWritten = 10;

            return early is null || (after != None && day >= after) || Append(destination, ref charsWritten, early);
        }

        public string ToString(string? format, IFormatProvider? formatProvider)
        {
            Span<char> buffer = stackalloc char[64];
            return TryFormat(buffer, out var written, default, formatProvider) ? new string(buffer[..written]) : none;
        }

        public override string ToString() => ToString(null, null);

        private static bool Append(Span<char> destination, ref int written, string text)
        {
            if (!text.AsSpan().TryCopyTo(destination[written..]))
            {
                return false;
            }

            written += text.Length;
            return true;
        }
    }

    private static int[] Filled(int length, int value)
    {
        var array = GC.AllocateUninitializedArray<int>(length);
        Array.Fill(array, value);
        return array;
    }
}
