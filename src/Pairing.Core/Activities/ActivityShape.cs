using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// Which fields each kind of record needs (the format's activity records): the one place both the record's
/// constructor and the file reader ask, so that a record read from a file and one built in code are held to the
/// same shape.
/// </summary>
internal static class ActivityShape
{
    [Flags]
    public enum Field
    {
        None = 0,
        From = 1,
        To = 2,
        Unit = 4,
        Count = 8,
        Consent = 16,
    }

    public static Field Required(ActivityKind kind) => kind switch
    {
        ActivityKind.Letter or ActivityKind.Chat or ActivityKind.BookSent or ActivityKind.BookReflection
            or ActivityKind.DeedAgreed or ActivityKind.DeedReflection => Field.From | Field.To,
        ActivityKind.DeedDone => Field.From,
        ActivityKind.SchoolExchange => Field.Unit | Field.To,
        ActivityKind.Camp => Field.Unit | Field.Count,
        ActivityKind.FamilyEvent => Field.Unit | Field.Count | Field.Consent,
        _ => Field.None,
    };

    public static string ColumnOf(Field field) => field switch
    {
        Field.From => "from_id",
        Field.To => "to_id",
        Field.Unit => "unit_id",
        Field.Count => "count",
        _ => "consent",
    };

    public static string NameOf(ActivityKind kind) => kind switch
    {
        ActivityKind.Letter => "letter",
        ActivityKind.Chat => "chat",
        ActivityKind.BookSent => "book-sent",
        ActivityKind.BookReflection => "book-reflection",
        ActivityKind.DeedAgreed => "deed-agreed",
        ActivityKind.DeedDone => "deed-done",
        ActivityKind.DeedReflection => "deed-reflection",
        ActivityKind.SchoolExchange => "school-exchange",
        ActivityKind.Camp => "camp",
        ActivityKind.FamilyEvent => "family-event",
        _ => Throw.OutOfRange<string>(nameof(kind), kind, "not an activity kind"),
    };

    public static bool TryParseKind(ReadOnlySpan<char> text, out ActivityKind kind)
    {
        kind = text switch
        {
            "letter" => ActivityKind.Letter,
            "chat" => ActivityKind.Chat,
            "book-sent" => ActivityKind.BookSent,
            "book-reflection" => ActivityKind.BookReflection,
            "deed-agreed" => ActivityKind.DeedAgreed,
            "deed-done" => ActivityKind.DeedDone,
            "deed-reflection" => ActivityKind.DeedReflection,
            "school-exchange" => ActivityKind.SchoolExchange,
            "camp" => ActivityKind.Camp,
            "family-event" => ActivityKind.FamilyEvent,
            _ => 0,
        };
        return kind != 0;
    }

    public static string NameOf(FamilyConsent consent) => consent switch
    {
        FamilyConsent.All => "all",
        FamilyConsent.Partial => "partial",
        FamilyConsent.None => "none",
        _ => Throw.OutOfRange<string>(nameof(consent), consent, "not a consent level"),
    };

    public static bool TryParseConsent(ReadOnlySpan<char> text, out FamilyConsent consent)
    {
        consent = text switch
        {
            "all" => FamilyConsent.All,
            "partial" => FamilyConsent.Partial,
            "none" => FamilyConsent.None,
            _ => 0,
        };
        return consent != 0;
    }

    /// <summary>The rule a kind of record counts towards.</summary>
    public static ActivityRule RuleOf(ActivityKind kind) => kind switch
    {
        ActivityKind.Letter or ActivityKind.Chat => ActivityRule.A1,
        ActivityKind.BookSent or ActivityKind.BookReflection => ActivityRule.A2,
        ActivityKind.DeedAgreed or ActivityKind.DeedDone or ActivityKind.DeedReflection => ActivityRule.A3,
        ActivityKind.SchoolExchange => ActivityRule.A4,
        ActivityKind.Camp => ActivityRule.A5,
        _ => ActivityRule.A6,
    };
}
