namespace Pairing.Core.Matching;

/// <summary>
/// The names of a result's files, which the checker's findings locate themselves in; the files are written and read
/// in Files/Results (PairingResultFiles), which publishes these names.
/// </summary>
internal static class ResultFileNames
{
    public const string CountyPairs = "county_pairs.csv";

    public const string SchoolPairs = "school_pairs.csv";

    public const string ClassPairs = "class_pairs.csv";

    public const string StudentPairs = "student_pairs.csv";

    public const string Unpaired = "unpaired.csv";

    public const string Continuity = "continuity.csv";

    public const string Summary = "summary.json";
}
