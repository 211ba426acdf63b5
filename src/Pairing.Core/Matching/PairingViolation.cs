using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching;

/// <summary>
/// One thing <see cref="PairingResultChecker"/> found wrong with a result, as data: a <see cref="CheckFindings"/> code
/// with its ids and numbers. <see cref="Message"/> is only a rendering of <see cref="Finding"/>.
/// </summary>
/// <param name="Rule">
/// The rule broken (P1–P7), or null for a finding that is not a programme rule (an id the roster does not have, a wrong
/// summary figure). It is the finding's own rule where its code has one; a reason of <c>unpaired.csv</c> that does not
/// hold (a code without a rule) is reported under the row's rule.
/// </param>
/// <param name="Subject">The id or figure concerned, such as <c>653121|110105</c> for a pair or <c>summary.cross_class_pairs</c>.</param>
/// <param name="Finding">What is wrong: a <see cref="CheckFindings"/> code with its arguments, and the unit, pair, file or figure as its subject.</param>
/// <remarks>Equality is by value.</remarks>
public sealed record PairingViolation(PairingRule? Rule, string Subject, Finding Finding)
{
    /// <summary>The stable code, such as <c>CHK026</c> (an inland school with too few classes for its Xinjiang school).</summary>
    public string Code => Finding.Code;

    /// <summary>What is wrong, in words, in the current UI culture's language.</summary>
    public string Message => FindingRenderer.Default.Render(Finding);

    /// <summary>
    /// The level of the pairs the verdict judges against the programme's rules, as the check that found it says: county
    /// for the county pairs (the roster has the counties, P1, P2 and the inland counties' loads), school for the school
    /// pairs (P3, P4 and the inland schools' loads and sums), class for the class pairs (P5), student for the student
    /// pairs (P6, P5's grades, the cross-class flag). Null for a verdict that judges no pairs of a level: a row of
    /// <c>unpaired.csv</c> or <c>continuity.csv</c> (a kept school pair's tolerance among them), a summary figure, the
    /// roster's hash, an option, the phase. Select a level's verdicts by this, never by the code's number.
    /// </summary>
    public PairingLevel? Level { get; init; }

    /// <summary>
    /// Creates a violation about pairs of <paramref name="level"/> (or none), keeping the rule and the code's rule the
    /// same: a code with a rule is reported under that rule only.
    /// </summary>
    /// <exception cref="ArgumentException">The code has a rule, and <paramref name="rule"/> is another.</exception>
    internal static PairingViolation Of(PairingRule? rule, PairingLevel? level, string subject, Finding finding)
    {
        Guard.NotNull(subject);
        Guard.NotNull(finding);
        if (finding.Rule is { } fixedRule && rule?.ToString() != fixedRule)
        {
            Throw.Argument(nameof(rule), $"cannot be {rule?.ToString() ?? "no rule"}: {finding.Code} concerns {fixedRule}");
        }

        return new(rule, subject, finding) { Level = level };
    }
}
