using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// One row of <c>activities.csv</c>: something partners, schools or committees did, on a date, with the fields each
/// <see cref="ActivityKind"/> needs.
/// </summary>
/// <remarks>
/// <para>
/// The record holds what was written, checked only for its shape: each kind has the fields it needs (a letter a
/// sender and a receiver, a camp a holder and a count, a family event also a consent level), counts are not
/// negative and an end date is not before the date. Whether the record keeps the programme's rules (the two
/// students are partners, the camp was in a holiday) is the <see cref="ActivityValidator"/>'s question.
/// </para>
/// <para>
/// <see cref="FromId"/>, <see cref="ToId"/> and <see cref="UnitId"/> are ids of different kinds of unit depending on
/// <see cref="Kind"/> (students for letters, schools for exchanges, a province or county for camps), so they are
/// kept as the text the file gives. Immutable, with value equality.
/// </para>
/// </remarks>
public sealed record ActivityRecord
{
    /// <summary>Creates a record, checking that it has the fields its kind needs.</summary>
    /// <param name="id">The record's id, unique within its file.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="date">The day it happened (the first day, for a camp).</param>
    /// <param name="endDate">The last day, for a camp that lasts more than one day; not before <paramref name="date"/>.</param>
    /// <param name="fromId">The student it comes from (letters, chats, books, reflections, deeds).</param>
    /// <param name="toId">The student it goes to, or the school contacted (school exchanges).</param>
    /// <param name="unitId">The school (school exchanges), province or inland county (camps) or inland county (family events) that acted.</param>
    /// <param name="count">Aided-area students at a camp, or families at a family event; not negative.</param>
    /// <param name="consent">For a family event, how many families consented.</param>
    /// <param name="detail">Free text: a book's title, the agreed deed.</param>
    /// <exception cref="ArgumentException">A field the kind needs is missing, an id is blank, a count is negative, or the end date is before the date.</exception>
    public ActivityRecord(
        ActivityId id,
        ActivityKind kind,
        DateOnly date,
        DateOnly? endDate = null,
        string? fromId = null,
        string? toId = null,
        string? unitId = null,
        int? count = null,
        FamilyConsent? consent = null,
        string? detail = null)
    {
        if (id.Value is null)
        {
            Throw.Argument(nameof(id), "must not be the default id");
        }

        var name = ActivityShape.NameOf(kind);
        if (endDate is { } end && end < date)
        {
            Throw.Argument(nameof(endDate), "must not be before the date");
        }

        if (count is < 0)
        {
            Throw.ArgumentOutOfRange(nameof(count), count, "must not be negative");
        }

        if (consent is { } c && c is not (FamilyConsent.All or FamilyConsent.Partial or FamilyConsent.None))
        {
            Throw.ArgumentOutOfRange(nameof(consent), consent, "must be All, Partial or None");
        }

        var required = ActivityShape.Required(kind);
        Check(fromId, nameof(fromId), required.HasFlag(ActivityShape.Field.From), name);
        Check(toId, nameof(toId), required.HasFlag(ActivityShape.Field.To), name);
        Check(unitId, nameof(unitId), required.HasFlag(ActivityShape.Field.Unit), name);
        if (required.HasFlag(ActivityShape.Field.Count) && count is null)
        {
            Throw.Argument(nameof(count), $"is required for a {name} record");
        }

        if (required.HasFlag(ActivityShape.Field.Consent) && consent is null)
        {
            Throw.Argument(nameof(consent), $"is required for a {name} record");
        }

        Id = id;
        Kind = kind;
        Date = date;
        EndDate = endDate;
        FromId = fromId;
        ToId = toId;
        UnitId = unitId;
        Count = count;
        Consent = consent;
        Detail = string.IsNullOrEmpty(detail) ? null : detail;
    }

    /// <summary>The record's id (<c>activity_id</c>).</summary>
    public ActivityId Id { get; }

    /// <summary>What happened (<c>kind</c>).</summary>
    public ActivityKind Kind { get; }

    /// <summary>The day it happened, the first day for a camp (<c>date</c>).</summary>
    public DateOnly Date { get; }

    /// <summary>The last day of a camp of several days (<c>end_date</c>), or null.</summary>
    public DateOnly? EndDate { get; }

    /// <summary>The last day: <see cref="EndDate"/>, or <see cref="Date"/> when there is none.</summary>
    public DateOnly LastDate => EndDate ?? Date;

    /// <summary>The student the record comes from (<c>from_id</c>), or null.</summary>
    public string? FromId { get; }

    /// <summary>The student it goes to, or the school contacted (<c>to_id</c>), or null.</summary>
    public string? ToId { get; }

    /// <summary>The school, province or county that acted (<c>unit_id</c>), or null.</summary>
    public string? UnitId { get; }

    /// <summary>Aided-area students at a camp, or families at a family event (<c>count</c>), or null.</summary>
    public int? Count { get; }

    /// <summary>For a family event, how many families consented (<c>consent</c>), or null.</summary>
    public FamilyConsent? Consent { get; }

    /// <summary>Free text (<c>detail</c>): a book's title, the agreed deed; null when empty.</summary>
    public string? Detail { get; }

    private static void Check(string? value, string name, bool required, string kind)
    {
        if (value is null)
        {
            if (required)
            {
                Throw.Argument(name, $"is required for a {kind} record");
            }

            return;
        }

        Guard.NotBlank(value, name);
    }
}
