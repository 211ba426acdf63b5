using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// What every check of one result shares: the roster, the result, the previous result, the options it must have been
/// made with, the verdicts found so far, and the indexes the pair checks build once for the checks after them (which
/// Xinjiang unit is paired with which inland unit). Reads the roster only through its public API, never the solver's.
/// </summary>
internal sealed class CheckContext(Roster roster, PairingResult result, PairingResult? previous, PairingOptionsSnapshot options)
{
    private readonly List<PairingViolation> _found = [];
    private readonly Dictionary<SchoolId, HashSet<int>> _gradesOf = [];
    private int _polled;

    public Roster Roster { get; } = roster;

    public PairingResult Result { get; } = result;

    /// <summary>The previous year's result the run was given, or null.</summary>
    public PairingResult? Previous { get; } = previous;

    /// <summary>The options the result must have been made with (the caller's, never the result's own claim).</summary>
    public PairingOptionsSnapshot Options { get; } = options;

    /// <summary>Each Xinjiang county's inland county, from the county pairs that name roster counties on the right sides (the first one where there are several).</summary>
    public Dictionary<CountyId, CountyId> CountyOf { get; } = [];

    /// <summary>Each Xinjiang school's inland school, as <see cref="CountyOf"/>.</summary>
    public Dictionary<SchoolId, SchoolId> SchoolOf { get; } = [];

    /// <summary>Each Xinjiang class's inland class, as <see cref="CountyOf"/>; empty in a plan.</summary>
    public Dictionary<ClassId, ClassId> ClassOf { get; } = [];

    /// <summary>Each Xinjiang student's pair, as <see cref="CountyOf"/>; empty in a plan.</summary>
    public Dictionary<StudentId, StudentPair> StudentOf { get; } = [];

    /// <summary>Every verdict so far, in the order found.</summary>
    public IReadOnlyList<PairingViolation> Found => _found;

    /// <summary>Stops the check within milliseconds when the ambient token is cancelled.</summary>
    public void Poll() => Ambient.Poll(ref _polled);

    /// <summary>Records a verdict under <paramref name="rule"/> (the code's own where it has one), about pairs of <paramref name="level"/> or none.</summary>
    public void Add(PairingLevel? level, PairingRule? rule, FindingDescriptor code, string subject, FindingSubject about, FindingArgument[] arguments) =>
        _found.Add(PairingViolation.Of(rule, level, subject, code.Create(about, null, arguments)));

    public static bool IsXinjiang(County county) => county.Side == Side.Xinjiang;

    public County CountyOfSchool(School school) => Roster.GetCounty(school.CountyId);

    public School SchoolOfClass(SchoolClass c) => Roster.GetSchool(c.SchoolId);

    /// <summary>
    /// The grade of inland school t that Xinjiang grade g pairs into: g, or with P5 relaxed and no grade-g class
    /// in t, the nearest grade t has (the lower on a tie).
    /// </summary>
    public Grade GradeIn(School t, Grade g)
    {
        if (!_gradesOf.TryGetValue(t.Id, out var grades))
        {
            grades = Roster.ClassesIn(t.Id).Select(c => c.Grade.Number).ToHashSet();
            _gradesOf[t.Id] = grades;
        }

        if (!Options.RelaxGradeToNearest || grades.Contains(g.Number) || grades.Count == 0)
        {
            return g;
        }

        var nearest = grades.OrderBy(n => Math.Abs(n - g.Number)).ThenBy(n => n).First();
        return new Grade(nearest);
    }
}
