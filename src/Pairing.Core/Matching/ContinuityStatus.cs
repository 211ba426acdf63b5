namespace Pairing.Core.Matching;

/// <summary>What became of one of last year's pairs this year, or that a pair is new: one row of <c>continuity.csv</c>.</summary>
public enum ContinuityStatus
{
    /// <summary>The pair is made again this year.</summary>
    Kept = 1,

    /// <summary>The pair is not made this year; the row's code and numbers say why.</summary>
    Dropped = 2,

    /// <summary>The pair is made this term and the previous result did not have it: the two have to be introduced (<c>CON015</c>).</summary>
    New = 3,
}
