using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// One rule's check of a pairing result (one file each in this folder): it gathers what it needs from the roster, the
/// result and the indexes of <see cref="CheckContext"/>, decides, and records its verdicts, each with the level of the
/// pairs it judges. <see cref="PairingResultChecker"/> only sequences the checks and assembles the report.
/// </summary>
internal abstract class ResultCheck(CheckContext context)
{
    /// <summary>What an argument shows where a row or the roster has no number, rule or word: <c>-</c>.</summary>
    protected const string None = "-";

    protected CheckContext Context { get; } = context;

    protected Roster Roster => Context.Roster;

    protected PairingResult Result => Context.Result;

    protected PairingOptionsSnapshot Options => Context.Options;

    /// <summary>The level of the pairs this check's verdicts judge, or null when they judge no pairs of a level (a list's row, a figure, an option).</summary>
    protected abstract PairingLevel? Level { get; }

    /// <summary>Records a verdict under its code's own rule (none when the code has none).</summary>
    protected void Add(FindingDescriptor code, string subject, FindingSubject about, params FindingArgument[] arguments) =>
        Context.Add(Level, RuleOf(code), code, subject, about, arguments);

    /// <summary>Records a verdict under <paramref name="rule"/>, which must be the code's rule where it has one.</summary>
    protected void Add(PairingRule? rule, FindingDescriptor code, string subject, FindingSubject about, params FindingArgument[] arguments) =>
        Context.Add(Level, rule, code, subject, about, arguments);

    /// <summary>Records a verdict under its code's own rule about pairs of <paramref name="level"/>, for a check that judges pairs of more than one level.</summary>
    protected void Add(PairingLevel level, FindingDescriptor code, string subject, FindingSubject about, params FindingArgument[] arguments) =>
        Context.Add(level, RuleOf(code), code, subject, about, arguments);

    /// <summary>Records a verdict about a pair named by <paramref name="pair"/>, its subject made only now.</summary>
    protected void Add(PairingLevel level, FindingDescriptor code, PairName pair, params FindingArgument[] arguments) =>
        Context.Add(level, RuleOf(code), code, pair.Subject, pair.About, arguments);

    protected static FindingArgument A(string name, object value) => FindingArgument.Of(name, value);

    protected static string Pair(string x, string n) => x + "|" + n;

    /// <summary>The subject of a pair of a level: <c>county_pair X|N</c>.</summary>
    protected static FindingSubject PairSubject(PairingLevel level, string x, string n) => new(PairingResult.LevelName(level) + "_pair", Pair(x, n));

    protected static FindingSubject Unit(PairingLevel level, string id) => new(PairingResult.LevelName(level), id);

    protected static FindingSubject FileSubject(string name) => new("file", name);

    protected static FindingSubject Figure(string name) => new("summary", name);

    protected static string RuleText(PairingRule? rule) => rule?.ToString() ?? None;

    protected static object NumberOrNone(long? n) => n is { } value ? value : None;

    protected static object NumberOrNone(int? n) => n is { } value ? value : None;

    protected static bool IsXinjiang(County county) => CheckContext.IsXinjiang(county);

    protected County CountyOfSchool(School school) => Context.CountyOfSchool(school);

    protected School SchoolOfClass(SchoolClass c) => Context.SchoolOfClass(c);

    protected Grade GradeIn(School t, Grade g) => Context.GradeIn(t, g);

    /// <summary>The rule a code is reported under, as its descriptor declares it.</summary>
    private static PairingRule? RuleOf(FindingDescriptor code) => code.Rule is { } rule ? Enum.Parse<PairingRule>(rule) : null;
}

/// <summary>
/// A pair as a verdict names it (<c>X|N</c>, and its subject <c>student_pair X|N</c>), made only when a verdict is
/// recorded: the checker looks at a million student pairs and finds fault with few, so it builds no string for the rest.
/// </summary>
internal readonly record struct PairName(PairingLevel Level, string Xinjiang, string Inland)
{
    public string Subject => Xinjiang + "|" + Inland;

    public FindingSubject About => new(PairingResult.LevelName(Level) + "_pair", Subject);
}
