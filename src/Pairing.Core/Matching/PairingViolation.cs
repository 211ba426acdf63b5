namespace Pairing.Core.Matching;

/// <summary>One thing <see cref="PairingResultChecker"/> found wrong with a result.</summary>
/// <param name="Rule">The rule broken (P1–P7), or null for a finding that is not a programme rule (an id the roster does not have, a wrong summary figure).</param>
/// <param name="Subject">The id or figure concerned, such as <c>653121|110105</c> for a pair or <c>summary.cross_class_pairs</c>.</param>
/// <param name="Message">What is wrong, in numbers where there are numbers.</param>
public sealed record PairingViolation(PairingRule? Rule, string Subject, string Message);
