
namespace Pairing.Core.Matching.Internals;

/// <summary>
/// Last year's pairs as an aim of this year's choice: for every candidate school pair, the previous pairs it would
/// let stand (the school pair itself, the class pairs and the student pairs under it), and for every candidate
/// county pair whether it is last year's. Built once per run, in dense indexes; empty without a previous result.
/// </summary>
/// <remarks>
/// Keeping is lexicographic by level, within each supporting province: most student pairs kept, then class pairs,
/// then school pairs, then county pairs. The levels are folded into one integer per arc with weights computed from
/// the province's own counts of previous pairs (a county pair weighs 1, a school pair one more than all the county
/// pairs, a class pair one more than all the school pairs, and so on), so that sums over any choice keep the order.
/// A previous class or student pair stands under a school pair when both members are still in the roster, in the
/// two schools, and in grades that pair (P5, or its relaxation); within a grade of a school pair every such pair
/// can be kept without covering fewer students, because the grade's students pair freely across classes.
/// </remarks>
internal sealed class Continuity
{
    private static readonly Continuity NoneInstance = new();

    private readonly HashSet<(int X, int N)> _counties = [];
    private readonly Dictionary<(int S, int T), long> _schoolKeep = [];
    private readonly Dictionary<(int S, int T), (int Classes, int Students)> _under = [];
    private readonly HashSet<(int S, int T)> _schools = [];
    private readonly HashSet<(int S, int T)> _planSchools = [];
    private bool _tolerant;

    private Continuity()
    {
    }

    public static Continuity None => NoneInstance;

    /// <summary>Whether any previous pair could still stand: without one, the matcher's aims are today's.</summary>
    public bool Active => _counties.Count > 0 || _schoolKeep.Count > 0;

    /// <summary>
    /// Last term's pairs as aims, and the school pairs that survive attrition (P4's tolerance, unless
    /// <paramref name="strictP4"/>): last term's and, when a plan is given, the plan's.
    /// </summary>
    public static Continuity Of(RosterView v, PairingResult? previous, bool strictP4 = false, IReadOnlyList<SchoolPair>? planSchools = null)
    {
        if (previous is null && (planSchools is null || planSchools.Count == 0 || strictP4))
        {
            return None;
        }

        var roster = v.Roster;
        var c = new Continuity { _tolerant = !strictP4 };
        foreach (var p in planSchools ?? [])
        {
            if (roster.TryGetSchool(p.Xinjiang, out _) && roster.TryGetSchool(p.Inland, out _))
            {
                var s = roster.SchoolIndexOf(p.Xinjiang);
                var t = roster.SchoolIndexOf(p.Inland);
                if (v.IsXinjiangSchool(s) && !v.IsXinjiangSchool(t))
                {
                    c._planSchools.Add((s, t));
                }
            }
        }

        if (previous is null)
        {
            return c;
        }

        foreach (var p in previous.CountyPairs)
        {
            if (roster.TryGetCounty(p.Xinjiang, out _) && roster.TryGetCounty(p.Inland, out _))
            {
                var x = roster.CountyIndexOf(p.Xinjiang);
                var n = roster.CountyIndexOf(p.Inland);
                if (v.IsXinjiangCounty[x] && !v.IsXinjiangCounty[n] && roster.CountyProvince[x] == roster.CountyProvince[n])
                {
                    c._counties.Add((x, n));
                }
            }
        }

        foreach (var p in previous.SchoolPairs)
        {
            if (roster.TryGetSchool(p.Xinjiang, out _) && roster.TryGetSchool(p.Inland, out _))
            {
                var s = roster.SchoolIndexOf(p.Xinjiang);
                var t = roster.SchoolIndexOf(p.Inland);
                if (v.IsXinjiangSchool(s) && !v.IsXinjiangSchool(t))
                {
                    c._schools.Add((s, t));
                }
            }
        }

        foreach (var p in previous.ClassPairs)
        {
            if (roster.TryGetClass(p.Xinjiang, out _) && roster.TryGetClass(p.Inland, out _))
            {
                var a = roster.ClassIndexOf(p.Xinjiang);
                var b = roster.ClassIndexOf(p.Inland);
                c.Count(v, a, b, classes: 1, students: 0);
            }
        }

        foreach (var p in previous.StudentPairs)
        {
            if (roster.TryGetStudentIndex(p.Xinjiang, out var x) && roster.TryGetStudentIndex(p.Inland, out var y))
            {
                c.Count(v, roster.StudentClass[x], roster.StudentClass[y], classes: 0, students: 1);
            }
        }

        // Weights per province, from the previous pairs that could still stand there.
        var perProvince = new Dictionary<string, (long Counties, long Schools, long Classes)>(StringComparer.Ordinal);
        string ProvinceOfSchool(int s) => roster.CountyProvince[roster.SchoolCounty[s]].Value;
        foreach (var (x, _) in c._counties)
        {
            var key = roster.CountyProvince[x].Value;
            var e = perProvince.GetValueOrDefault(key);
            perProvince[key] = e with { Counties = e.Counties + 1 };
        }

        var keys = new HashSet<(int, int)>(c._schools);
        keys.UnionWith(c._under.Keys);
        foreach (var (s, t) in keys)
        {
            var key = ProvinceOfSchool(s);
            var e = perProvince.GetValueOrDefault(key);
            var under = c._under.GetValueOrDefault((s, t));
            perProvince[key] = e with
            {
                Schools = e.Schools + (c._schools.Contains((s, t)) ? 1 : 0),
                Classes = e.Classes + under.Classes,
            };
        }

        var weights = new Dictionary<string, (long School, long Class, long Student)>(StringComparer.Ordinal);
        foreach (var (key, e) in perProvince)
        {
            var school = e.Counties + 1;
            var cls = school * (e.Schools + 1);
            var student = cls * (e.Classes + 1);
            weights[key] = (school, cls, student);
        }

        foreach (var (s, t) in keys)
        {
            var w = weights[ProvinceOfSchool(s)];
            var under = c._under.GetValueOrDefault((s, t));
            var keep = (c._schools.Contains((s, t)) ? w.School : 0) + (under.Classes * w.Class) + (under.Students * w.Student);
            if (keep > 0)
            {
                c._schoolKeep[(s, t)] = keep;
            }
        }

        return c;
    }

    /// <summary>Last year's county pairs whose members are still in the roster, on their sides, in one province.</summary>
    public IReadOnlyCollection<(int X, int N)> PreviousCounties => _counties;

    /// <summary>Last year's school pairs whose members are still in the roster, on their sides.</summary>
    public IReadOnlyCollection<(int S, int T)> PreviousSchools => _schools;

    /// <summary>What keeping county pair (x, n) is worth by itself: 1 when it is last year's, else 0.</summary>
    public long CountyKeep(int x, int n) => _counties.Contains((x, n)) ? 1 : 0;

    /// <summary>What school pair (s, t) is worth for continuity: itself, and the class and student pairs it lets stand.</summary>
    public long SchoolKeep(int s, int t) => _schoolKeep.GetValueOrDefault((s, t));

    /// <summary>How many of last term's student pairs school pair (s, t) lets stand (both students still in its two schools, in grades that pair).</summary>
    public long KeptStudents(int s, int t) => _under.GetValueOrDefault((s, t)).Students;

    public bool IsPreviousCounty(int x, int n) => _counties.Contains((x, n));

    public bool IsPreviousSchool(int s, int t) => _schools.Contains((s, t));

    /// <summary>
    /// Whether school pair (s, t) may stand though it fails P4: it is last term's or the plan's, and P4 is not strict
    /// (<see cref="PairingOptions.StrictP4"/>). Students leave during the year; the pairs under it should not go with them.
    /// </summary>
    public bool Tolerates(int s, int t) => _tolerant && (_schools.Contains((s, t)) || _planSchools.Contains((s, t)));

    private void Count(RosterView v, int a, int b, int classes, int students)
    {
        if (!v.IsXinjiangClass(a) || v.IsXinjiangClass(b))
        {
            return;
        }

        var roster = v.Roster;
        var s = roster.ClassSchool[a];
        var t = roster.ClassSchool[b];
        if (v.Target(t, v.ClassGrade[a]) != v.ClassGrade[b])
        {
            return;
        }

        var e = _under.GetValueOrDefault((s, t));
        _under[(s, t)] = (e.Classes + classes, e.Students + students);
    }
}
