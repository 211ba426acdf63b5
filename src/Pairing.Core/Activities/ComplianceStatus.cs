namespace Pairing.Core.Activities;

/// <summary>How a subject stands against a rule; written in <c>compliance.csv</c> by the name given here.</summary>
public enum ComplianceStatus
{
    /// <summary><c>met</c>: the rule is met.</summary>
    Met = 1,

    /// <summary><c>missing</c>: not done yet.</summary>
    Missing,

    /// <summary><c>violated</c>: done against the rule (a camp of 30, a camp in term time, a family event without full consent, a letter between students who are not partners).</summary>
    Violated,

    /// <summary><c>warning</c>: something encouraged (regular letters, school contact, a yearly family event) is not done.</summary>
    Warning,
}
