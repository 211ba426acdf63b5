namespace Pairing.Core.Activities;

/// <summary>The unit a roll-up counts over; written in <c>rollup.csv</c> by the name given here.</summary>
public enum RollupLevel
{
    /// <summary><c>school_pair</c>: the student pairs of one school pair; the subject is <c>X|N</c>.</summary>
    SchoolPair = 1,

    /// <summary><c>county_pair</c>: the student pairs of one county pair; the subject is <c>X|N</c>.</summary>
    CountyPair,

    /// <summary><c>province</c>: the student pairs of one supporting province; the subject is its id.</summary>
    Province,

    /// <summary><c>programme</c>: every student pair; the subject is <c>programme</c>.</summary>
    Programme,
}
