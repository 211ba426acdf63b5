using Pairing.Core.Internals;
using Pairing.Core.Activities;

namespace Pairing.Core.Files.Compliance;

/// <summary>The names enums have in the report files.</summary>
internal static class Names
{
    public static string Of(ActivityRule rule) => rule switch
    {
        ActivityRule.A1 => "A1",
        ActivityRule.A2 => "A2",
        ActivityRule.A3 => "A3",
        ActivityRule.A4 => "A4",
        ActivityRule.A5 => "A5",
        ActivityRule.A6 => "A6",
        ActivityRule.S2 => "S2",
        ActivityRule.S3 => "S3",
        ActivityRule.S4 => "S4",
        _ => Throw.OutOfRange<string>(nameof(rule), rule, "not an activity rule"),
    };

    public static string Of(ComplianceLevel level) => level switch
    {
        ComplianceLevel.Pair => "pair",
        ComplianceLevel.SchoolPair => "school_pair",
        ComplianceLevel.CountyPair => "county_pair",
        ComplianceLevel.Province => "province",
        ComplianceLevel.Record => "record",
        _ => Throw.OutOfRange<string>(nameof(level), level, "not a compliance level"),
    };

    public static string Of(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "met",
        ComplianceStatus.Missing => "missing",
        ComplianceStatus.Violated => "violated",
        ComplianceStatus.Warning => "warning",
        _ => Throw.OutOfRange<string>(nameof(status), status, "not a compliance status"),
    };

    public static string Of(RollupLevel level) => level switch
    {
        RollupLevel.SchoolPair => "school_pair",
        RollupLevel.CountyPair => "county_pair",
        RollupLevel.Province => "province",
        RollupLevel.Programme => "programme",
        _ => Throw.OutOfRange<string>(nameof(level), level, "not a roll-up level"),
    };

    public static string Of(ActivityKind kind) => ActivityShape.NameOf(kind);
}
