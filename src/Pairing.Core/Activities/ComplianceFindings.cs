using System.Resources;
using Pairing.Core.Findings;

namespace Pairing.Core.Activities;

/// <summary>
/// The finding codes of the compliance report (CMP): one per way a subject meets, misses or breaks an activity rule
/// (A1–A6, S2–S4), one row of <c>compliance.csv</c> each. Arguments are only what the file's columns carry
/// (<c>count</c>, <c>required</c>, and <c>unit</c> for the unit_id a message names), so a report read back is the report written.
/// </summary>
public static class ComplianceFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Activities.Resources.ComplianceMessages", typeof(ComplianceFindings).Assembly);

    /// <summary>CMP101: friendship letters written both ways; regular letters since: {count} (expected by now: {required}).</summary>
    public static FindingDescriptor LettersMet { get; } = new("CMP101", "compliance", FindingSeverity.Info, "A1", Messages, "count", "required");

    /// <summary>CMP102: friendship letters written: {count} of {required} (one each way).</summary>
    public static FindingDescriptor FriendshipLettersMissing { get; } = new("CMP102", "compliance", FindingSeverity.Error, "A1", Messages, "count", "required");

    /// <summary>CMP103: friendship letters written both ways, but regular letters since: {count}, expected by now: {required}.</summary>
    public static FindingDescriptor RegularLettersBehind { get; } = new("CMP103", "compliance", FindingSeverity.Warning, "A1", Messages, "count", "required");

    /// <summary>CMP201: books exchanged and reflections shared: {count} of {required} steps.</summary>
    public static FindingDescriptor BookMet { get; } = new("CMP201", "compliance", FindingSeverity.Info, "A2", Messages, "count", "required");

    /// <summary>CMP202: books exchanged and reflections shared: {count} of {required} steps (a book each way, then each partner&#x27;s reflection).</summary>
    public static FindingDescriptor BookMissing { get; } = new("CMP202", "compliance", FindingSeverity.Error, "A2", Messages, "count", "required");

    /// <summary>CMP301: one deed agreed, done and reflected on: {count} of {required} steps.</summary>
    public static FindingDescriptor DeedMet { get; } = new("CMP301", "compliance", FindingSeverity.Info, "A3", Messages, "count", "required");

    /// <summary>CMP302: one deed agreed, done and reflected on: {count} of {required} steps (agree, each does it, each shares a reflection).</summary>
    public static FindingDescriptor DeedMissing { get; } = new("CMP302", "compliance", FindingSeverity.Error, "A3", Messages, "count", "required");

    /// <summary>CMP401: contacts between the paired schools&#x27; league organisations this programme year: {count} (encouraged: at least {required}).</summary>
    public static FindingDescriptor SchoolContactMet { get; } = new("CMP401", "compliance", FindingSeverity.Info, "A4", Messages, "count", "required");

    /// <summary>CMP402: no contact between the paired schools&#x27; league organisations this programme year: {count} (encouraged: at least {required}).</summary>
    public static FindingDescriptor SchoolContactNone { get; } = new("CMP402", "compliance", FindingSeverity.Warning, "A4", Messages, "count", "required");

    /// <summary>CMP501: valid unity camps this programme year, the province&#x27;s and its paired counties&#x27;: {count} (required: {required}).</summary>
    public static FindingDescriptor CampsMet { get; } = new("CMP501", "compliance", FindingSeverity.Info, "A5", Messages, "count", "required");

    /// <summary>CMP502: valid unity camps this programme year, the province&#x27;s and its paired counties&#x27;: {count}, required: {required} (in a winter or summer holiday, with enough aided-area students).</summary>
    public static FindingDescriptor CampsMissing { get; } = new("CMP502", "compliance", FindingSeverity.Error, "A5", Messages, "count", "required");

    /// <summary>CMP601: family friendship events with every family&#x27;s consent this programme year: {count} (encouraged: at least {required}).</summary>
    public static FindingDescriptor FamilyEventsMet { get; } = new("CMP601", "compliance", FindingSeverity.Info, "A6", Messages, "count", "required");

    /// <summary>CMP602: no family friendship event with every family&#x27;s consent this programme year: {count} (encouraged: at least {required}).</summary>
    public static FindingDescriptor FamilyEventsNone { get; } = new("CMP602", "compliance", FindingSeverity.Warning, "A6", Messages, "count", "required");

    /// <summary>CMP701: schools and students reported by the deadline.</summary>
    public static FindingDescriptor DataReportedOnTime { get; } = new("CMP701", "compliance", FindingSeverity.Info, "S2", Messages);

    /// <summary>CMP702: schools and students reported after the deadline; days late: {count}.</summary>
    public static FindingDescriptor DataReportedLate { get; } = new("CMP702", "compliance", FindingSeverity.Error, "S2", Messages, "count");

    /// <summary>CMP703: schools and students not reported yet.</summary>
    public static FindingDescriptor DataNotReported { get; } = new("CMP703", "compliance", FindingSeverity.Error, "S2", Messages);

    /// <summary>CMP711: county and school pairs fixed by the deadline.</summary>
    public static FindingDescriptor PairsFixedOnTime { get; } = new("CMP711", "compliance", FindingSeverity.Info, "S3", Messages);

    /// <summary>CMP712: county and school pairs fixed after the deadline; days late: {count}.</summary>
    public static FindingDescriptor PairsFixedLate { get; } = new("CMP712", "compliance", FindingSeverity.Error, "S3", Messages, "count");

    /// <summary>CMP713: county and school pairs not fixed yet.</summary>
    public static FindingDescriptor PairsNotFixed { get; } = new("CMP713", "compliance", FindingSeverity.Error, "S3", Messages);

    /// <summary>CMP721: class and student pairs made after the new term started.</summary>
    public static FindingDescriptor ClassPairsAfterTermStart { get; } = new("CMP721", "compliance", FindingSeverity.Info, "S4", Messages);

    /// <summary>CMP722: class and student pairs made before the new term started; days early: {count}.</summary>
    public static FindingDescriptor ClassPairsBeforeTermStart { get; } = new("CMP722", "compliance", FindingSeverity.Error, "S4", Messages, "count");

    /// <summary>CMP723: class and student pairs not made yet.</summary>
    public static FindingDescriptor ClassPairsNotMade { get; } = new("CMP723", "compliance", FindingSeverity.Error, "S4", Messages);

    /// <summary>CMP801: the record is dated after the as-of date of the report.</summary>
    public static FindingDescriptor RecordAfterAsOf { get; } = new("CMP801", "compliance", FindingSeverity.Error, null, Messages);

    /// <summary>
    /// CMP901: {count} records are dated before the programme year checked ({year_start} to {year_end}) and are not
    /// counted. A report-wide warning (<see cref="ComplianceReport.Warnings"/>), not a row of <c>compliance.csv</c>.
    /// </summary>
    public static FindingDescriptor RecordsBeforeYear { get; } = new("CMP901", "compliance", FindingSeverity.Warning, null, Messages, "count", "year_start", "year_end");

    /// <summary>CMP802: the record is dated before its pair existed.</summary>
    public static FindingDescriptor RecordBeforePair { get; } = new("CMP802", "compliance", FindingSeverity.Error, null, Messages);

    /// <summary>CMP803: student {unit} addressed a student who is not their partner.</summary>
    public static FindingDescriptor NotPartners { get; } = new("CMP803", "compliance", FindingSeverity.Error, null, Messages, "unit");

    /// <summary>CMP804: student {unit} is in no student pair.</summary>
    public static FindingDescriptor StudentInNoPair { get; } = new("CMP804", "compliance", FindingSeverity.Error, null, Messages, "unit");

    /// <summary>CMP805: student {unit} is not a student of the roster.</summary>
    public static FindingDescriptor StudentNotInRoster { get; } = new("CMP805", "compliance", FindingSeverity.Error, null, Messages, "unit");

    /// <summary>CMP806: school {unit} and the school it names are not a school pair.</summary>
    public static FindingDescriptor SchoolsNotPaired { get; } = new("CMP806", "compliance", FindingSeverity.Error, "A4", Messages, "unit");

    /// <summary>CMP807: the exchange of school {unit} is dated before the school pair existed.</summary>
    public static FindingDescriptor ExchangeBeforeSchoolPair { get; } = new("CMP807", "compliance", FindingSeverity.Error, "A4", Messages, "unit");

    /// <summary>CMP808: the camp is held by {unit}, which is neither a supporting province nor a paired inland county of this pairing.</summary>
    public static FindingDescriptor CampHolderUnknown { get; } = new("CMP808", "compliance", FindingSeverity.Error, "A5", Messages, "unit");

    /// <summary>CMP809: the camp of {unit} invited {count} aided-area students; at least {required} are required.</summary>
    public static FindingDescriptor CampTooSmall { get; } = new("CMP809", "compliance", FindingSeverity.Error, "A5", Messages, "unit", "count", "required");

    /// <summary>CMP810: the camp of {unit} is not within a winter or summer holiday of its province.</summary>
    public static FindingDescriptor CampOutsideHolidays { get; } = new("CMP810", "compliance", FindingSeverity.Error, "A5", Messages, "unit");

    /// <summary>CMP811: the family event is held by {unit}, which is not a paired inland county of this pairing.</summary>
    public static FindingDescriptor FamilyEventHolderUnknown { get; } = new("CMP811", "compliance", FindingSeverity.Error, "A6", Messages, "unit");

    /// <summary>CMP812: {count} families took part in the family event of {unit}, but not every family consented; it must be fully voluntary.</summary>
    public static FindingDescriptor FamilyEventWithoutConsent { get; } = new("CMP812", "compliance", FindingSeverity.Error, "A6", Messages, "unit", "count");

    /// <summary>CMP813: student {unit} shared a reading reflection, but the partner sent no book.</summary>
    public static FindingDescriptor ReflectionWithoutBook { get; } = new("CMP813", "compliance", FindingSeverity.Error, "A2", Messages, "unit");

    /// <summary>CMP814: student {unit} shared a reading reflection before the partner&#x27;s book.</summary>
    public static FindingDescriptor ReflectionBeforeBook { get; } = new("CMP814", "compliance", FindingSeverity.Error, "A2", Messages, "unit");

    /// <summary>CMP815: student {unit} did a deed, but the partners agreed on none.</summary>
    public static FindingDescriptor DeedWithoutAgreement { get; } = new("CMP815", "compliance", FindingSeverity.Error, "A3", Messages, "unit");

    /// <summary>CMP816: student {unit} did the deed before the partners agreed on it.</summary>
    public static FindingDescriptor DeedBeforeAgreement { get; } = new("CMP816", "compliance", FindingSeverity.Error, "A3", Messages, "unit");

    /// <summary>CMP817: student {unit} shared a reflection on a deed they did not do.</summary>
    public static FindingDescriptor DeedReflectionWithoutDeed { get; } = new("CMP817", "compliance", FindingSeverity.Error, "A3", Messages, "unit");

    /// <summary>CMP818: student {unit} shared a reflection before doing the deed.</summary>
    public static FindingDescriptor DeedReflectionBeforeDeed { get; } = new("CMP818", "compliance", FindingSeverity.Error, "A3", Messages, "unit");
}
