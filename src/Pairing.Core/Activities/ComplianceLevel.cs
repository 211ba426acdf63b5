namespace Pairing.Core.Activities;

/// <summary>What a row of the compliance report is about; written in <c>compliance.csv</c> by the name given here.</summary>
public enum ComplianceLevel
{
    /// <summary><c>pair</c>: a student pair; the subject is <c>X|N</c> (Xinjiang student id, a bar, inland student id).</summary>
    Pair = 1,

    /// <summary><c>school_pair</c>: a school pair; the subject is <c>X|N</c> of the two school ids.</summary>
    SchoolPair,

    /// <summary><c>county_pair</c>: a county pair's inland county committee; the subject is the inland county id.</summary>
    CountyPair,

    /// <summary><c>province</c>: a supporting province; the subject is its id.</summary>
    Province,

    /// <summary><c>record</c>: one activity record that breaks a rule; the subject is its activity id.</summary>
    Record,
}
