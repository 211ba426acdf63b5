namespace Pairing.Core.Matching;

/// <summary>
/// With a previous result: how covering Xinjiang students and keeping last term's pairs are weighed
/// (<see cref="PairingOptions.Continuity"/>, <c>--continuity</c>). Without a previous result all three are the same.
/// </summary>
public enum ContinuityObjective
{
    /// <summary>
    /// The default: students covered plus last term's student pairs kept, one kept friendship worth one newly covered
    /// student; ties go to keeping (then class, school and county pairs kept, then today's other aims).
    /// </summary>
    Balanced = 0,

    /// <summary>The most students covered (exactly the maximum, never a student less); then the most of last term's pairs kept.</summary>
    CoverageFirst = 1,

    /// <summary>The most of last term's pairs kept; then the most students covered (the summary says how many that leaves out).</summary>
    ContinuityFirst = 2,
}
