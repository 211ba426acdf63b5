namespace Pairing.Core.Matching;

/// <summary>
/// The stable codes of <c>continuity.csv</c>: what became of each of last year's pairs. Documented in
/// <c>docs/formats.md</c>; a code never changes meaning.
/// </summary>
public static class ContinuityCodes
{
    /// <summary>The pair is made again this year.</summary>
    public const string Kept = "CONT-KEPT";

    /// <summary>A member of the pair is no longer in the roster, or no longer on its side.</summary>
    public const string MemberLeft = "CONT-LEFT";

    /// <summary>A rule no longer holds for the pair (the row names it, with the numbers): P1, P4 or P5.</summary>
    public const string RuleBroken = "CONT-RULE";

    /// <summary>The pair above it (the county pair of a school pair, the school pair of a class or student pair) is not made this year.</summary>
    public const string PairAboveDropped = "CONT-ABOVE";

    /// <summary>The pair could still stand, and was dropped so that more students could be covered (the row gives how many with and without it).</summary>
    public const string MoreCovered = "CONT-COVERAGE";

    /// <summary>The pair could still stand and keeping it costs no student; it was dropped for the aims after coverage (more of last year's pairs kept elsewhere, or more schools paired).</summary>
    public const string OtherAims = "CONT-AIMS";

    /// <summary>The plan given to the roster phase pairs a member otherwise.</summary>
    public const string Plan = "CONT-PLAN";
}
