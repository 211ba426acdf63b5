namespace Pairing.Core.Activities;

/// <summary>
/// The programme's activity rules the validator checks, by id (A1–A6 and S2–S4, as each member documents); the same
/// ids appear in <c>compliance.csv</c>.
/// </summary>
/// <remarks>
/// A7 (filing, 备案) is not a check on records: the compliance report and its roll-ups are what a committee files.
/// </remarks>
public enum ActivityRule
{
    /// <summary>A1: a friendship letter (结对交友信) each way, then regular letters; online chats are encouraged.</summary>
    A1 = 1,

    /// <summary>A2: read one book (共读一本书): a book each way, then each partner's reflection after receiving the other's.</summary>
    A2,

    /// <summary>A3: do one thing (同做一件事): an agreed deed, done by both, then both share reflections, in that order.</summary>
    A3,

    /// <summary>A4: paired schools' league organisations keep in contact (encouraged).</summary>
    A4,

    /// <summary>A5: a unity camp (同心营) at least once a year per supporting province, in a holiday, with 50 or more aided-area students.</summary>
    A5,

    /// <summary>A6: family friendship events (家庭联谊) only with every family's consent; encouraged yearly.</summary>
    A6,

    /// <summary>S2: aided-area committees report their schools and students by 20 July.</summary>
    S2,

    /// <summary>S3: supporting provinces fix the county pairs and school pairs by 31 July.</summary>
    S3,

    /// <summary>S4: classes and students are paired after the new term starts (September).</summary>
    S4,
}
