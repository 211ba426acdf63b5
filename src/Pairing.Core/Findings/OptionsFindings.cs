using System.Resources;

namespace Pairing.Core.Findings;

/// <summary>
/// The finding codes of invalid options (OPT), for <see cref="Pairing.Core.Matching.PairingOptions"/> and
/// <see cref="Pairing.Core.Activities.ActivityValidationOptions"/>: the subject is the option (level <c>option</c>), the arguments its value and the allowed range.
/// </summary>
public static class OptionsFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Findings.Resources.OptionsMessages", typeof(OptionsFindings).Assembly);

    /// <summary>OPT001: {option} is {value}; it must be from {min} to {max}.</summary>
    public static FindingDescriptor OutOfRange { get; } = new("OPT001", "options", FindingSeverity.Error, null, Messages, "option", "value", "min", "max");

    /// <summary>An <see cref="OutOfRange"/> finding for one option, with the option as its subject.</summary>
    internal static Finding Range<T>(string option, T value, T min, T max)
        where T : notnull =>
        OutOfRange.Create(new FindingSubject("option", option), null,
            FindingArgument.Of("option", option), FindingArgument.Of("value", value), FindingArgument.Of("min", min), FindingArgument.Of("max", max));

    /// <summary>OPT002: {option} is {value}; it must be -1 (all cores) or 1 or more.</summary>
    public static FindingDescriptor BadParallelism { get; } = new("OPT002", "options", FindingSeverity.Error, null, Messages, "option", "value");

    /// <summary>OPT003: {option} is {value}; it must be 0 or more.</summary>
    public static FindingDescriptor Negative { get; } = new("OPT003", "options", FindingSeverity.Error, null, Messages, "option", "value");

    /// <summary>OPT004: {option} is {value}; it must be more than 0 and at most {max}.</summary>
    public static FindingDescriptor BadWorkLimit { get; } = new("OPT004", "options", FindingSeverity.Error, null, Messages, "option", "value", "max");

    /// <summary>OPT005: the four preference weights add up to {total}; together they must be at most {max}.</summary>
    public static FindingDescriptor WeightsTooLarge { get; } = new("OPT005", "options", FindingSeverity.Error, null, Messages, "total", "max");

    /// <summary>OPT011: {option} is not set; it must be a day of the year.</summary>
    public static FindingDescriptor DateNotSet { get; } = new("OPT011", "options", FindingSeverity.Error, null, Messages, "option");

    /// <summary>OPT012: {end_option} ({end}) is before {start_option} ({start}); a default holiday lies within one calendar year.</summary>
    public static FindingDescriptor HolidayEndsBeforeStart { get; } = new("OPT012", "options", FindingSeverity.Error, null, Messages, "end_option", "end", "start_option", "start");

    /// <summary>OPT013: DataDue ({data_due}), PairsDue ({pairs_due}) and TermStart ({term_start}) must come in that order counted from ProgrammeYearStart ({year_start}).</summary>
    public static FindingDescriptor DeadlinesOutOfOrder { get; } = new("OPT013", "options", FindingSeverity.Error, null, Messages, "data_due", "pairs_due", "term_start", "year_start");
}
