using Pairing.Core.Files.Tables;


namespace Pairing.Core.Files.Activities;

/// <summary>What is wrong in an activity records file or holidays file; each <see cref="ActivityProblem"/> has one kind.</summary>
public enum ActivityProblemKind
{
    /// <summary>The file is not there.</summary>
    MissingFile = 1,

    /// <summary>The file is neither UTF-8 nor GB18030.</summary>
    BadEncoding,

    /// <summary>The CSV itself is broken: an unclosed quote, text after a quote, a row with the wrong number of fields.</summary>
    MalformedCsv,

    /// <summary>A required column is not in the header.</summary>
    MissingColumn,

    /// <summary>A column appears twice in the header.</summary>
    DuplicateColumn,

    /// <summary>A column the format does not know; it is ignored (a warning).</summary>
    UnknownColumn,

    /// <summary>An id is empty, has surrounding white space or control characters.</summary>
    BadId,

    /// <summary>An activity id appears twice, or a province's holiday of one year and kind is given twice.</summary>
    DuplicateId,

    /// <summary>A kind is not one the format defines (letter, chat, …, family-event; winter or summer for holidays).</summary>
    BadKind,

    /// <summary>A date is not an ISO date (<c>2014-09-15</c>), or a year is not a year.</summary>
    BadDate,

    /// <summary>An end date is before its start date.</summary>
    BadDateRange,

    /// <summary>A field the record's kind needs is empty (a letter without <c>to_id</c>, a camp without <c>count</c>).</summary>
    MissingField,

    /// <summary>A count is not a whole number of 0 or more.</summary>
    BadCount,

    /// <summary>A consent is not <c>all</c>, <c>partial</c> or <c>none</c>.</summary>
    BadConsent,

    /// <summary>A column or value that looks like personal data (a name, a phone, an ID-card number); refused.</summary>
    PersonalData,

    /// <summary>A file is there but cannot be read as one: a pipe, device or folder in its place, no permission, or too large.</summary>
    UnreadableFile,
}
