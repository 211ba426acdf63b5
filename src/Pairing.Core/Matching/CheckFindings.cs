using System.Resources;
using Pairing.Core.Findings;

namespace Pairing.Core.Matching;

/// <summary>
/// The codes of <see cref="PairingResultChecker"/>'s verdicts (prefix <c>CHK</c>): what is wrong with a result, with its
/// ids and numbers as arguments. Numbered by what they concern: CHK001–CHK009 options and phase, CHK011– counties,
/// CHK021– schools, CHK031– classes, CHK041– students, CHK051– coverage and the rows of <c>unpaired.csv</c>, CHK061– the
/// reasons of those rows, CHK091– the summary's figures, CHK101– <c>continuity.csv</c>. Messages in
/// <c>Matching/Resources/CheckMessages.resx</c> and its zh-Hans satellite.
/// </summary>
/// <remarks>
/// A code with a rule is always reported under that rule. A code without one is either no programme rule (an id the
/// roster lacks, a summary figure) or, for a reason of <c>unpaired.csv</c> that does not hold (CHK064–CHK082), reported
/// under the row's own rule, which <see cref="PairingViolation.Rule"/> carries.
/// </remarks>
public static class CheckFindings
{
    private const string Category = "check";

    private static readonly ResourceManager Messages = new("Pairing.Core.Matching.Resources.CheckMessages", typeof(CheckFindings).Assembly);

    /// <summary>CHK001: the result claims <c>option</c> = <c>claimed</c>, the check expects <c>expected</c>.</summary>
    public static FindingDescriptor OptionDiffers { get; } = New("CHK001", null, "option", "claimed", "expected");

    /// <summary>CHK002: a planning result has <c>count</c> <c>level</c> pairs; the planning phase pairs counties and schools only.</summary>
    public static FindingDescriptor PlanningHasPairs { get; } = New("CHK002", null, "count", "level");

    /// <summary>CHK003: a planning result lists unpaired classes or students; the planning phase pairs counties and schools only.</summary>
    public static FindingDescriptor PlanningListsUnpaired { get; } = New("CHK003", null);

    /// <summary>CHK011: the roster has no county <c>missing</c>.</summary>
    public static FindingDescriptor NoSuchCounty { get; } = New("CHK011", null, "missing");

    /// <summary>CHK012: P1: a county pair must be a Xinjiang county and an inland county: <c>xinjiang</c> and <c>inland</c> are not.</summary>
    public static FindingDescriptor CountySides { get; } = New("CHK012", "P1", "xinjiang", "inland");

    /// <summary>CHK013: P1: Xinjiang county <c>xinjiang</c> is aided by province <c>xinjiangProvince</c>, inland county <c>inland</c> is in province <c>inlandProvince</c>.</summary>
    public static FindingDescriptor CountyProvinces { get; } = New("CHK013", "P1", "xinjiang", "xinjiangProvince", "inland", "inlandProvince");

    /// <summary>CHK014: P2: Xinjiang county <c>xinjiang</c> has more inland counties than allowed (<c>allowed</c>).</summary>
    public static FindingDescriptor XinjiangCountyTwice { get; } = New("CHK014", "P2", "xinjiang", "allowed");

    /// <summary>CHK015: P2: inland county <c>inland</c> takes more than <c>allowed</c> Xinjiang counties.</summary>
    public static FindingDescriptor InlandCountyOverloaded { get; } = New("CHK015", "P2", "inland", "allowed");

    /// <summary>CHK021: the roster has no school <c>missing</c>.</summary>
    public static FindingDescriptor NoSuchSchool { get; } = New("CHK021", null, "missing");

    /// <summary>CHK022: P3: a school pair must be a Xinjiang school and an inland school: <c>xinjiang</c> and <c>inland</c> are not.</summary>
    public static FindingDescriptor SchoolSides { get; } = New("CHK022", "P3", "xinjiang", "inland");

    /// <summary>CHK023: P3: school <c>inland</c> is in inland county <c>inlandCounty</c>, which is not the county paired with <c>xinjiangCounty</c>.</summary>
    public static FindingDescriptor SchoolOutsidePairedCounty { get; } = New("CHK023", "P3", "inland", "inlandCounty", "xinjiangCounty");

    /// <summary>CHK024: P3: Xinjiang school <c>xinjiang</c> has more inland schools than allowed (<c>allowed</c>).</summary>
    public static FindingDescriptor XinjiangSchoolTwice { get; } = New("CHK024", "P3", "xinjiang", "allowed");

    /// <summary>CHK025: P3: inland school <c>inland</c> takes more than <c>allowed</c> Xinjiang schools.</summary>
    public static FindingDescriptor InlandSchoolOverloaded { get; } = New("CHK025", "P3", "inland", "allowed");

    /// <summary>CHK026: P4: inland school <c>inland</c> has <c>available</c> classes, <c>needed</c> are needed.</summary>
    public static FindingDescriptor SchoolClassesShort { get; } = New("CHK026", "P4", "inland", "available", "needed");

    /// <summary>CHK027: P4: inland school <c>inland</c> has <c>available</c> students, <c>needed</c> are needed.</summary>
    public static FindingDescriptor SchoolStudentsShort { get; } = New("CHK027", "P4", "inland", "available", "needed");

    /// <summary>CHK028: P4: inland school <c>inland</c> has <c>available</c> classes, its <c>schools</c> Xinjiang schools have <c>needed</c>.</summary>
    public static FindingDescriptor SumClassesShort { get; } = New("CHK028", "P4", "inland", "available", "schools", "needed");

    /// <summary>CHK029: P4: inland school <c>inland</c> has <c>available</c> students, its <c>schools</c> Xinjiang schools have <c>needed</c>.</summary>
    public static FindingDescriptor SumStudentsShort { get; } = New("CHK029", "P4", "inland", "available", "schools", "needed");

    /// <summary>CHK031: the roster has no class <c>missing</c>.</summary>
    public static FindingDescriptor NoSuchClass { get; } = New("CHK031", null, "missing");

    /// <summary>CHK032: P5: a class pair must be a Xinjiang class and an inland class: <c>xinjiang</c> and <c>inland</c> are not.</summary>
    public static FindingDescriptor ClassSides { get; } = New("CHK032", "P5", "xinjiang", "inland");

    /// <summary>CHK033: P5: class <c>inland</c> is in school <c>inlandSchool</c>, which is not the school paired with <c>xinjiangSchool</c>.</summary>
    public static FindingDescriptor ClassOutsidePairedSchool { get; } = New("CHK033", "P5", "inland", "inlandSchool", "xinjiangSchool");

    /// <summary>CHK034: P5: a Xinjiang class in <c>xinjiangGrade</c> is paired with an inland class in <c>inlandGrade</c>.</summary>
    public static FindingDescriptor ClassGrades { get; } = New("CHK034", "P5", "xinjiangGrade", "inlandGrade");

    /// <summary>CHK035: P5: Xinjiang class <c>xinjiang</c> is in more class pairs than allowed (<c>allowed</c>).</summary>
    public static FindingDescriptor XinjiangClassTwice { get; } = New("CHK035", "P5", "xinjiang", "allowed");

    /// <summary>CHK036: P5: inland class <c>inland</c> is in more class pairs than allowed (<c>allowed</c>).</summary>
    public static FindingDescriptor InlandClassTwice { get; } = New("CHK036", "P5", "inland", "allowed");

    /// <summary>CHK041: the roster has no student <c>missing</c>.</summary>
    public static FindingDescriptor NoSuchStudent { get; } = New("CHK041", null, "missing");

    /// <summary>CHK042: P6: a student pair must be a Xinjiang student and an inland student: <c>xinjiang</c> and <c>inland</c> are not.</summary>
    public static FindingDescriptor StudentSides { get; } = New("CHK042", "P6", "xinjiang", "inland");

    /// <summary>CHK043: P6: Xinjiang student <c>xinjiang</c> is in more student pairs than allowed (<c>allowed</c>).</summary>
    public static FindingDescriptor XinjiangStudentTwice { get; } = New("CHK043", "P6", "xinjiang", "allowed");

    /// <summary>CHK044: P6: inland student <c>inland</c> is in more student pairs than allowed (<c>allowed</c>).</summary>
    public static FindingDescriptor InlandStudentTwice { get; } = New("CHK044", "P6", "inland", "allowed");

    /// <summary>CHK045: P6: student <c>inland</c> is in school <c>inlandSchool</c>, which is not the school paired with <c>xinjiangSchool</c>.</summary>
    public static FindingDescriptor StudentOutsidePairedSchool { get; } = New("CHK045", "P6", "inland", "inlandSchool", "xinjiangSchool");

    /// <summary>CHK046: P5: a Xinjiang student in <c>xinjiangGrade</c> is paired with an inland student in <c>inlandGrade</c>.</summary>
    public static FindingDescriptor StudentGrades { get; } = New("CHK046", "P5", "xinjiangGrade", "inlandGrade");

    /// <summary>CHK047: cross_class is true, but classes <c>xinjiangClass</c> and <c>inlandClass</c> are a class pair.</summary>
    public static FindingDescriptor MarkedCrossClass { get; } = New("CHK047", null, "xinjiangClass", "inlandClass");

    /// <summary>CHK048: cross_class is false, but classes <c>xinjiangClass</c> and <c>inlandClass</c> are not a class pair.</summary>
    public static FindingDescriptor NotMarkedCrossClass { get; } = New("CHK048", null, "xinjiangClass", "inlandClass");

    /// <summary>CHK051: P7: listed more than once as an unpaired <c>level</c>.</summary>
    public static FindingDescriptor ListedTwice { get; } = New("CHK051", "P7", "level");

    /// <summary>CHK052: P7: unpaired for rule <c>rule</c>; only P1 to P6 can be the rule not met.</summary>
    public static FindingDescriptor RuleNotP1ToP6 { get; } = New("CHK052", "P7", "rule");

    /// <summary>CHK053: P7: listed as an unpaired <c>level</c> with the id '<c>id</c>', which is empty or has surrounding or control spaces; ids are exact.</summary>
    public static FindingDescriptor MalformedUnpairedId { get; } = New("CHK053", "P7", "level", "id");

    /// <summary>CHK054: P7: listed as unpaired, but the roster has no such Xinjiang <c>level</c>.</summary>
    public static FindingDescriptor ListedNotInRoster { get; } = New("CHK054", "P7", "level");

    /// <summary>CHK055: P7: this Xinjiang <c>level</c> is both paired and listed as unpaired.</summary>
    public static FindingDescriptor PairedAndListed { get; } = New("CHK055", "P7", "level");

    /// <summary>CHK056: P7: Xinjiang <c>level</c> is neither paired nor listed as unpaired (lost).</summary>
    public static FindingDescriptor Lost { get; } = New("CHK056", "P7", "level");

    /// <summary>CHK057: P5: inland school <c>inland</c> has <c>available</c> classes for <c>needed</c> Xinjiang classes in <c>grade</c>, so <c>left</c> are left over, but <c>listed</c> are listed.</summary>
    public static FindingDescriptor GradeClassesListed { get; } = New("CHK057", "P5", "inland", "grade", "available", "needed", "left", "listed");

    /// <summary>CHK058: P6: inland school <c>inland</c> has <c>available</c> students for <c>needed</c> Xinjiang students in <c>grade</c>, so <c>left</c> are left over, but <c>listed</c> are listed.</summary>
    public static FindingDescriptor GradeStudentsListed { get; } = New("CHK058", "P6", "inland", "grade", "available", "needed", "left", "listed");

    /// <summary>CHK061: P7: code <c>code</c> is not an unpaired code (UNP001 to UNP032).</summary>
    public static FindingDescriptor NotAnUnpairedCode { get; } = New("CHK061", "P7", "code");

    /// <summary>CHK062: P7: code <c>code</c> (<c>rule</c>) explains a <c>codeLevel</c>, not a <c>level</c>.</summary>
    public static FindingDescriptor CodeOfAnotherLevel { get; } = New("CHK062", "P7", "code", "rule", "codeLevel", "level");

    /// <summary>CHK063: P7: code <c>code</c> gives <c>available</c> available and <c>needed</c> needed: no shortfall.</summary>
    public static FindingDescriptor RowWithoutShortfall { get; } = New("CHK063", "P7", "code", "available", "needed");

    /// <summary>CHK064: code <c>code</c> does not hold: the inland unit is <c>inland</c>, the row names <c>rowInland</c>.</summary>
    public static FindingDescriptor OtherInlandUnit { get; } = New("CHK064", null, "code", "inland", "rowInland");

    /// <summary>CHK065: code <c>code</c> does not hold: the roster gives <c>available</c> available and <c>needed</c> needed, the row <c>rowAvailable</c> and <c>rowNeeded</c>.</summary>
    public static FindingDescriptor OtherNumbers { get; } = New("CHK065", null, "code", "available", "needed", "rowAvailable", "rowNeeded");

    /// <summary>CHK066: code <c>code</c> does not hold: the roster gives <c>available</c> available and <c>needed</c> needed: no shortfall.</summary>
    public static FindingDescriptor NoShortfall { get; } = New("CHK066", null, "code", "available", "needed");

    /// <summary>CHK067: code <c>code</c> does not hold: no inland county of province <c>province</c> has a school able to take one of its schools. No longer raised: UNP002 now only claims that no inland county has a place left (CHK068 otherwise).</summary>
    public static FindingDescriptor NoAbleInlandCounty { get; } = New("CHK067", null, "code", "province");

    /// <summary>CHK068: code <c>code</c> does not hold: inland county <c>inland</c> could take it and takes <c>taken</c> of at most <c>allowed</c> Xinjiang counties.</summary>
    public static FindingDescriptor InlandCountyHasPlace { get; } = New("CHK068", null, "code", "inland", "taken", "allowed");

    /// <summary>CHK069: code <c>code</c> does not hold: no inland county of province <c>province</c> has a place left.</summary>
    public static FindingDescriptor NoAbleInlandCountyWithPlace { get; } = New("CHK069", null, "code", "province");

    /// <summary>CHK070: code <c>code</c> does not hold: inland county <c>inland</c> has a place left and a school with a place and the classes and students free for one of its schools.</summary>
    public static FindingDescriptor InlandCountyHasAbleSchool { get; } = New("CHK070", null, "code", "inland");

    /// <summary>CHK071: code <c>code</c> does not hold: <c>inland</c> is not an inland school it could be paired with.</summary>
    public static FindingDescriptor NotACandidate { get; } = New("CHK071", null, "code", "inland");

    /// <summary>CHK072: code <c>code</c> does not hold: inland school <c>inland</c> has <c>classes</c> classes and <c>students</c> students; no Xinjiang school it is compared with leaves the shortfall the code gives (<c>available</c> available, <c>needed</c> needed).</summary>
    public static FindingDescriptor ClosestNotShort { get; } = New("CHK072", null, "code", "inland", "classes", "students", "available", "needed");

    /// <summary>CHK073: code <c>code</c> does not hold: inland school <c>inland</c> has <c>classes</c> classes and <c>students</c> students left; no Xinjiang school it is compared with leaves the shortfall the code gives (<c>available</c> available, <c>needed</c> needed).</summary>
    public static FindingDescriptor ClosestNotShortLeft { get; } = New("CHK073", null, "code", "inland", "classes", "students", "available", "needed");

    /// <summary>CHK074: code <c>code</c> does not hold: its <c>level</c> <c>unit</c> is not paired, which is code <c>expected</c>.</summary>
    public static FindingDescriptor UnitAboveUnpaired { get; } = New("CHK074", null, "code", "level", "unit", "expected");

    /// <summary>CHK075: code <c>code</c> does not hold: its <c>level</c> <c>unit</c> is paired with inland <c>level</c> <c>inland</c>.</summary>
    public static FindingDescriptor UnitAbovePaired { get; } = New("CHK075", null, "code", "level", "unit", "inland");

    /// <summary>CHK076: code <c>code</c> does not hold: inland school <c>inland</c> of its paired inland county <c>county</c> has a place and the classes and students for it.</summary>
    public static FindingDescriptor InlandSchoolHasRoom { get; } = New("CHK076", null, "code", "inland", "county");

    /// <summary>CHK077: code <c>code</c> does not hold: no school of inland county <c>county</c> has as many classes and students as it.</summary>
    public static FindingDescriptor NoAbleSchoolInCounty { get; } = New("CHK077", null, "code", "county");

    /// <summary>CHK078: code <c>code</c> does not hold: inland school <c>inland</c> could take it and takes <c>taken</c> of at most <c>allowed</c> Xinjiang schools.</summary>
    public static FindingDescriptor InlandSchoolHasPlace { get; } = New("CHK078", null, "code", "inland", "taken", "allowed");

    /// <summary>CHK079: code <c>code</c> does not hold: no school of inland county <c>county</c> has a place left.</summary>
    public static FindingDescriptor NoPlaceInCounty { get; } = New("CHK079", null, "code", "county");

    /// <summary>CHK080: code <c>code</c> does not hold: inland school <c>inland</c> has as many classes and students as it.</summary>
    public static FindingDescriptor InlandSchoolAble { get; } = New("CHK080", null, "code", "inland");

    /// <summary>CHK081: code <c>code</c> does not hold: it does not explain a school.</summary>
    public static FindingDescriptor NotASchoolCode { get; } = New("CHK081", null, "code");

    /// <summary>CHK082: code <c>code</c> does not hold: the grade it pairs into is <c>grade</c>, the row gives <c>rowGrade</c>.</summary>
    public static FindingDescriptor OtherGrade { get; } = New("CHK082", null, "code", "grade", "rowGrade");

    /// <summary>CHK090: the result was made from another roster, or edited: its input hash is <c>stated</c>, this roster's is <c>counted</c>.</summary>
    public static FindingDescriptor OtherRoster { get; } = New("CHK090", null, "stated", "counted");

    /// <summary>CHK091: <c>figure</c>: the summary says <c>stated</c>, the pairs give <c>counted</c>.</summary>
    public static FindingDescriptor FigureDiffers { get; } = New("CHK091", null, "figure", "stated", "counted");

    /// <summary>CHK092: <c>figure</c>: the summary has no figure, the pairs give <c>counted</c>.</summary>
    public static FindingDescriptor FigureMissing { get; } = New("CHK092", null, "figure", "counted");

    /// <summary>CHK093: the summary's coverage_upper_bound (<c>bound</c>) is below the students it covers (<c>covered</c>).</summary>
    public static FindingDescriptor BoundBelowCovered { get; } = New("CHK093", null, "bound", "covered");

    /// <summary>CHK101: P7: continuity.csv has more than one row for this <c>level</c> pair.</summary>
    public static FindingDescriptor ContinuityRowTwice { get; } = New("CHK101", "P7", "level");

    /// <summary>CHK102: P7: continuity.csv has a row for a <c>level</c> pair the previous result does not have.</summary>
    public static FindingDescriptor ContinuityRowNotInPrevious { get; } = New("CHK102", "P7", "level");

    /// <summary>CHK103: P7: the previous <c>level</c> pair has no row in continuity.csv.</summary>
    public static FindingDescriptor ContinuityRowMissing { get; } = New("CHK103", "P7", "level");

    /// <summary>CHK104: P7: continuity.csv says <c>status</c> (<c>code</c>), but the pair is made this year.</summary>
    public static FindingDescriptor ContinuityStatusButMade { get; } = New("CHK104", "P7", "status", "code");

    /// <summary>CHK105: P7: continuity.csv says <c>status</c> (<c>code</c>), but the pair is not made this year.</summary>
    public static FindingDescriptor ContinuityStatusButNotMade { get; } = New("CHK105", "P7", "status", "code");

    /// <summary>CHK106: P7: continuity.csv says a member left the roster, but both are in it.</summary>
    public static FindingDescriptor MemberLeftButBothIn { get; } = New("CHK106", "P7");

    /// <summary>CHK107: P7: a member is no longer in the roster, but continuity.csv gives <c>code</c>.</summary>
    public static FindingDescriptor MemberLeftOtherCode { get; } = New("CHK107", "P7", "code");

    /// <summary>CHK108: P7: continuity.csv says the pair above is not made, but it is.</summary>
    public static FindingDescriptor PairAboveMade { get; } = New("CHK108", "P7");

    /// <summary>CHK109: P7: continuity.csv gives <c>code</c> (<c>rule</c>), but every rule holds.</summary>
    public static FindingDescriptor EveryRuleHolds { get; } = New("CHK109", "P7", "code", "rule");

    /// <summary>CHK110: P7: continuity.csv gives <c>code</c> (<c>rule</c>), but the roster gives <c>expected</c> (<c>expectedRule</c>).</summary>
    public static FindingDescriptor OtherRuleBroken { get; } = New("CHK110", "P7", "code", "rule", "expected", "expectedRule");

    /// <summary>CHK111: P7: continuity.csv gives <c>rowAvailable</c> available and <c>rowNeeded</c> needed (<c>rowCounted</c>), the roster <c>available</c> and <c>needed</c> (<c>counted</c>).</summary>
    public static FindingDescriptor OtherContinuityNumbers { get; } = New("CHK111", "P7", "rowAvailable", "rowNeeded", "rowCounted", "available", "needed", "counted");

    /// <summary>CHK112: P7: continuity.csv gives <c>code</c>, but its <c>above</c> pair is not made.</summary>
    public static FindingDescriptor StillStandsPairAboveNotMade { get; } = New("CHK112", "P7", "code", "above");

    /// <summary>CHK113: P7: continuity.csv gives <c>code</c>, but <c>rule</c> no longer holds.</summary>
    public static FindingDescriptor StillStandsRuleBroken { get; } = New("CHK113", "P7", "code", "rule");

    /// <summary>CHK114: P7: continuity.csv gives <c>available</c> students covered with the pair and <c>needed</c> without: not a loss.</summary>
    public static FindingDescriptor NotALoss { get; } = New("CHK114", "P7", "available", "needed");

    /// <summary>CHK115: P7: continuity.csv gives the unknown code <c>code</c>.</summary>
    public static FindingDescriptor UnknownContinuityCode { get; } = New("CHK115", "P7", "code");

    /// <summary>CHK116: the result has a previous result but its summary counts no continuity rows.</summary>
    public static FindingDescriptor NoContinuityCounts { get; } = New("CHK116", null);

    /// <summary>CHK117: the summary counts <c>stated</c> rows of <c>code</c>, continuity.csv has <c>counted</c>.</summary>
    public static FindingDescriptor ContinuityCountDiffers { get; } = New("CHK117", null, "code", "stated", "counted");

    /// <summary>CHK118: a <c>level</c> pair made this term that the previous result lacks has no row with status new (it has <c>status</c>, <c>code</c>).</summary>
    public static FindingDescriptor NewPairNotListed { get; } = New("CHK118", "P7", "level", "status", "code");

    /// <summary>CHK119: a kept student pair's row gives <c>code</c>, but <c>expected</c> is right: whether its class pair changed, recounted.</summary>
    public static FindingDescriptor ClassChangeWrong { get; } = New("CHK119", "P7", "code", "expected");

    private static FindingDescriptor New(string code, string? rule, params string[] arguments) =>
        new(code, Category, FindingSeverity.Error, rule, Messages, arguments);
}
