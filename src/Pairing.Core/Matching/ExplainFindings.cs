using System.Resources;
using Pairing.Core.Findings;

namespace Pairing.Core.Matching;

/// <summary>
/// The codes of <see cref="PairingExplainer"/> (prefix <c>EXP</c>): whether one unit is paired and with whom, what the
/// result alone cannot say, what became of its previous year's pairs, and an id that is not known. Why a unit is unpaired
/// is said by its <see cref="UnpairedFindings"/> row, not by a code of its own. Messages in
/// <c>Matching/Resources/ExplainMessages.resx</c> and its zh-Hans satellite.
/// </summary>
public static class ExplainFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Matching.Resources.ExplainMessages", typeof(ExplainFindings).Assembly);

    private const string Category = "explain";

    /// <summary>EXP001: the Xinjiang unit is paired with the inland unit <c>partner</c> of its <c>level</c>.</summary>
    public static FindingDescriptor Paired { get; } = New("EXP001", FindingSeverity.Info, "level", "partner");

    /// <summary>EXP002: the Xinjiang student is paired with the inland student <c>partner</c> outside the paired class (cross-class).</summary>
    public static FindingDescriptor PairedCrossClass { get; } = New("EXP002", FindingSeverity.Info, "partner");

    /// <summary>EXP003: the inland unit is paired with the Xinjiang unit <c>partner</c> (one finding per partner).</summary>
    public static FindingDescriptor InlandPaired { get; } = New("EXP003", FindingSeverity.Info, "level", "partner");

    /// <summary>EXP004: the inland unit is paired with no Xinjiang unit: its places are left over.</summary>
    public static FindingDescriptor InlandLeftOver { get; } = New("EXP004", FindingSeverity.Info, "level");

    /// <summary>EXP005: the unit is unpaired because the unit above it (<c>above</c>) is, and without the roster the result does not say which unit that is.</summary>
    public static FindingDescriptor AboveNeedsRoster { get; } = New("EXP005", FindingSeverity.Info, "above");

    /// <summary>EXP006: the roster has the unit, but the result neither pairs it nor lists it as unpaired.</summary>
    public static FindingDescriptor NotInResult { get; } = New("EXP006", FindingSeverity.Warning);

    /// <summary>EXP007: the result is a plan, which pairs counties and schools only; the class or student is paired in the roster phase.</summary>
    public static FindingDescriptor PlanOnly { get; } = New("EXP007", FindingSeverity.Info);

    /// <summary>EXP008: the previous year's pair of the unit (<c>level</c>, <c>xinjiang</c>–<c>inland</c>) is kept (<c>continuity.csv</c>).</summary>
    public static FindingDescriptor PreviousKept { get; } = New("EXP008", FindingSeverity.Info, "level", "xinjiang", "inland");

    /// <summary>EXP009: the previous year's pair of the unit is not made this year, with the <c>continuity.csv</c> row's <c>code</c> and <c>reason</c>.</summary>
    public static FindingDescriptor PreviousDropped { get; } = New("EXP009", FindingSeverity.Info, "level", "xinjiang", "inland", "code", "reason");

    /// <summary>EXP010: the unit is only in the previous year's pairs: this year's result neither pairs it nor lists it.</summary>
    public static FindingDescriptor OnlyLastYear { get; } = New("EXP010", FindingSeverity.Info);

    /// <summary>EXP011: no unit has the id; the <c>nearest</c> known ids (up to five, nearest first) are given.</summary>
    public static FindingDescriptor UnknownId { get; } = New("EXP011", FindingSeverity.Error, "id", "nearest");

    /// <summary>EXP012: no unit has the id, and no known id is close to it.</summary>
    public static FindingDescriptor UnknownIdNoneNear { get; } = New("EXP012", FindingSeverity.Error, "id");

    /// <summary>EXP013: the roster was not given, so only the result was searched.</summary>
    public static FindingDescriptor ResultOnly { get; } = New("EXP013", FindingSeverity.Info);

    private static FindingDescriptor New(string code, FindingSeverity severity, params string[] arguments) =>
        new(code, Category, severity, null, Messages, arguments);
}
