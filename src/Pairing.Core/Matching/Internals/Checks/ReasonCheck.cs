using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// The reasons of <c>unpaired.csv</c> (CHK061–CHK082), recomputed from the roster and the pairs: each row's code is an
/// unpaired code of the row's level, its claim holds and its numbers are the roster's. Shares nothing with the
/// matcher's explanations: the counts come from the roster's public API and the result's pairs only. A reason that
/// does not hold is reported under the row's own rule; the verdicts judge rows of the list: they carry no level.
/// </summary>
internal sealed class ReasonCheck(CheckContext context) : ResultCheck(context)
{
    protected override PairingLevel? Level => null;

    private Dictionary<SchoolId, List<SchoolId>>? _partnersOf;
    private Dictionary<CountyId, int>? _countyLoad;
    private readonly Dictionary<(SchoolId School, Grade Grade, bool Students), (int Available, int Needed)> _tasks = [];

    private int Classes(SchoolId school) => Roster.ClassesIn(school).Count;

    private int Students(SchoolId school) => Roster.ClassesIn(school).Sum(c => c.Size);

    /// <summary>The Xinjiang schools each inland school takes, from the result's school pairs that name roster schools.</summary>
    private List<SchoolId> PartnersOf(SchoolId inland)
    {
        if (_partnersOf is null)
        {
            _partnersOf = [];
            foreach (var p in Result.SchoolPairs)
            {
                if (Roster.TryGetSchool(p.Xinjiang, out _) && Roster.TryGetSchool(p.Inland, out _))
                {
                    if (!_partnersOf.TryGetValue(p.Inland, out var list))
                    {
                        _partnersOf[p.Inland] = list = [];
                    }

                    list.Add(p.Xinjiang);
                }
            }
        }

        return _partnersOf.TryGetValue(inland, out var partners) ? partners : [];
    }

    private int CountyLoad(CountyId inland)
    {
        _countyLoad ??= Result.CountyPairs.GroupBy(p => p.Inland).ToDictionary(g => g.Key, g => g.Count());
        return _countyLoad.GetValueOrDefault(inland);
    }

    private bool MeetsP4(School t, School s) => Classes(t.Id) >= Classes(s.Id) && Students(t.Id) >= Students(s.Id);

    private (int Classes, int Students) Free(School t)
    {
        var partners = PartnersOf(t.Id);
        return (Classes(t.Id) - partners.Sum(Classes), Students(t.Id) - partners.Sum(Students));
    }

    /// <summary>Whether inland school t has a place and, beside the Xinjiang schools it takes, the classes and students of s (P4 on the sums).</summary>
    private bool HasRoom(School t, School s)
    {
        var (classes, students) = Free(t);
        return PartnersOf(t.Id).Count < Options.XinjiangSchoolsPerInlandSchool && classes >= Classes(s.Id) && students >= Students(s.Id);
    }

    /// <summary>Why a row's code does not hold: a <see cref="CheckFindings"/> code (one that takes the row's <c>code</c>) and its other arguments.</summary>
    private readonly record struct Wrong(FindingDescriptor Code, FindingArgument[] Arguments);

    private static Wrong Because(FindingDescriptor code, params FindingArgument[] arguments) => new(code, arguments);

    public void Check(UnpairedUnit u)
    {
        var about = Unit(u.Level, u.Id);
        if (!UnpairedFindings.TryGet(u.Code, out var descriptor) || !ReferenceEquals(descriptor, u.Finding.Descriptor))
        {
            Add(CheckFindings.NotAnUnpairedCode, u.Id, about, A("code", u.Code));
            return;
        }

        var codeLevel = UnpairedFindings.LevelOf(descriptor);
        if (codeLevel != u.Level)
        {
            Add(CheckFindings.CodeOfAnotherLevel, u.Id, about, A("code", u.Code), A("rule", u.Rule.ToString()), A("codeLevel", codeLevel), A("level", u.Level));
            return;
        }

        if (u.Available is { } a && u.Needed is { } n && a >= n)
        {
            Add(CheckFindings.RowWithoutShortfall, u.Id, about, A("code", u.Code), A("available", a), A("needed", n));
            return;
        }

        var wrong = u.Level switch
        {
            PairingLevel.County => CountyReason(u, Roster.GetCounty(new CountyId(u.Id))),
            PairingLevel.School => SchoolReason(u, Roster.GetSchool(new SchoolId(u.Id))),
            PairingLevel.Class => GradeReason(u, Roster.GetClass(new ClassId(u.Id)), UnpairedFindings.ClassSchoolUnpaired),
            _ => GradeReason(u, Roster.GetClass(Roster.GetStudent(new StudentId(u.Id)).ClassId), UnpairedFindings.StudentSchoolUnpaired),
        };
        if (wrong is { } w)
        {
            // A reason that does not hold breaks the row's own rule.
            Add(u.Rule, w.Code, u.Id, about, [A("code", u.Code), .. w.Arguments]);
        }
    }

    /// <summary>The row's inland unit and numbers against the roster's (a code with numbers always has all three).</summary>
    private static Wrong? Numbers(UnpairedUnit u, string inland, int available, int needed) =>
        u.InlandId != inland ? Because(CheckFindings.OtherInlandUnit, A("inland", inland), A("rowInland", u.InlandId ?? None))
        : u.Available != available || u.Needed != needed
            ? Because(CheckFindings.OtherNumbers, A("available", available), A("needed", needed), A("rowAvailable", NumberOrNone(u.Available)), A("rowNeeded", NumberOrNone(u.Needed)))
        : available >= needed ? Because(CheckFindings.NoShortfall, A("available", available), A("needed", needed))
        : null;

    /// <summary>Which of the three shortfall codes (classes, students, both) t against s is, with its numbers; null when t takes s.</summary>
    private static (int Kind, int Available, int Needed)? Shortfall(int classes, int students, int needClasses, int needStudents)
    {
        var c = classes < needClasses;
        var st = students < needStudents;
        return c ? (st ? 2 : 0, classes, needClasses) : st ? (1, students, needStudents) : null;
    }

    private static int KindOf(string code, FindingDescriptor classes, FindingDescriptor students, FindingDescriptor both) =>
        code == classes.Code ? 0 : code == students.Code ? 1 : code == both.Code ? 2 : -1;

    private Wrong? CountyReason(UnpairedUnit u, County x)
    {
        var province = Roster.ProvinceOf(x);
        var inlandCounties = Roster.Counties.Where(c => !IsXinjiang(c) && Roster.ProvinceOf(c) == province).ToArray();
        var xSchools = Roster.SchoolsIn(x.Id).ToArray();
        var inlandSchools = inlandCounties.SelectMany(c => Roster.SchoolsIn(c.Id)).ToArray();
        var open = inlandCounties.Where(n => CountyLoad(n.Id) < Options.XinjiangCountiesPerInlandCounty).ToArray();

        // The schools that could still take one of its schools: a place left in them and in their inland county.
        var candidates = open.SelectMany(n => Roster.SchoolsIn(n.Id))
            .Where(t => PartnersOf(t.Id).Count < Options.XinjiangSchoolsPerInlandSchool).ToArray();
        if (u.Code == UnpairedFindings.NoInlandCounty.Code)
        {
            return Numbers(u, province.Value, inlandCounties.Length, 1);
        }

        if (u.Code == UnpairedFindings.InlandCountiesTaken.Code)
        {
            // P2 binds only when no inland county of the province has a place left.
            return open.FirstOrDefault() is { } free
                ? Because(CheckFindings.InlandCountyHasPlace, A("inland", free.Id.Value), A("taken", CountyLoad(free.Id)), A("allowed", Options.XinjiangCountiesPerInlandCounty))
                : Numbers(u, province.Value, 0, 1);
        }

        if (u.Code == UnpairedFindings.NoInlandSchools.Code)
        {
            return Numbers(u, province.Value, inlandSchools.Length, xSchools.Length);
        }

        if (u.Code == UnpairedFindings.CountyNoRoom.Code)
        {
            if (open.Length == 0)
            {
                return Because(CheckFindings.NoAbleInlandCountyWithPlace, A("province", province.Value));
            }

            return Numbers(u, province.Value, candidates.Count(t => xSchools.Any(s => HasRoom(t, s))), 1);
        }

        var kind = KindOf(u.Code, UnpairedFindings.CountyClassesShort, UnpairedFindings.CountyStudentsShort, UnpairedFindings.CountyBothShort);
        if (candidates.FirstOrDefault(t => xSchools.Any(s => HasRoom(t, s))) is { } room)
        {
            return Because(CheckFindings.InlandCountyHasAbleSchool, A("inland", CountyOfSchool(room).Id.Value));
        }

        return ClosestReason(u, kind, candidates, xSchools, free: true);
    }

    /// <summary>The row's inland school is among <paramref name="candidates"/> and falls short of one of <paramref name="xinjiang"/> as the code says, by the row's numbers.</summary>
    private Wrong? ClosestReason(UnpairedUnit u, int kind, School[] candidates, School[] xinjiang, bool free)
    {
        var t = candidates.FirstOrDefault(c => c.Id.Value == u.InlandId);
        if (t is null)
        {
            return Because(CheckFindings.NotACandidate, A("inland", u.InlandId ?? None));
        }

        var (classes, students) = free ? Free(t) : (Classes(t.Id), Students(t.Id));
        foreach (var s in xinjiang)
        {
            if (Shortfall(classes, students, Classes(s.Id), Students(s.Id)) is { } f && f.Kind == kind
                && f.Available == u.Available && f.Needed == u.Needed)
            {
                return null;
            }
        }

        return Because(free ? CheckFindings.ClosestNotShortLeft : CheckFindings.ClosestNotShort,
            A("inland", t.Id.Value), A("classes", classes), A("students", students),
            A("available", NumberOrNone(u.Available)), A("needed", NumberOrNone(u.Needed)));
    }

    private Wrong? SchoolReason(UnpairedUnit u, School s)
    {
        var x = CountyOfSchool(s);
        var countyUnpaired = UnpairedFindings.CountyUnpaired;
        if (!Context.CountyOf.TryGetValue(x.Id, out var n))
        {
            return u.Code == countyUnpaired.Code ? null
                : Because(CheckFindings.UnitAboveUnpaired, A("level", PairingLevel.County), A("unit", x.Id.Value), A("expected", countyUnpaired.Code));
        }

        if (u.Code == countyUnpaired.Code)
        {
            return Because(CheckFindings.UnitAbovePaired, A("level", PairingLevel.County), A("unit", x.Id.Value), A("inland", n.Value));
        }

        var inland = Roster.SchoolsIn(n).ToArray();
        var able = inland.Where(t => MeetsP4(t, s)).ToArray();
        // Every school with a place left could take it if it had the room: UNP013 (P3) holds only when none has one.
        var open = inland.Where(t => PartnersOf(t.Id).Count < Options.XinjiangSchoolsPerInlandSchool).ToArray();
        if (inland.FirstOrDefault(t => HasRoom(t, s)) is { } room)
        {
            return Because(CheckFindings.InlandSchoolHasRoom, A("inland", room.Id.Value), A("county", n.Value));
        }

        var noRoom = KindOf(u.Code, UnpairedFindings.NoRoomClasses, UnpairedFindings.NoRoomStudents, UnpairedFindings.NoRoomBoth);
        var tooSmall = KindOf(u.Code, UnpairedFindings.SchoolClassesShort, UnpairedFindings.SchoolStudentsShort, UnpairedFindings.SchoolBothShort);
        if (u.Code == UnpairedFindings.NoSchoolsInCounty.Code)
        {
            return Numbers(u, n.Value, inland.Length, 1);
        }

        if (u.Code == UnpairedFindings.SchoolsTaken.Code)
        {
            return able.Length == 0 ? Because(CheckFindings.NoAbleSchoolInCounty, A("county", n.Value))
                : open.Length > 0
                    ? Because(CheckFindings.InlandSchoolHasPlace, A("inland", open[0].Id.Value), A("taken", PartnersOf(open[0].Id).Count), A("allowed", Options.XinjiangSchoolsPerInlandSchool))
                : Numbers(u, n.Value, 0, 1);
        }

        if (noRoom >= 0)
        {
            return open.Length == 0 ? Because(CheckFindings.NoPlaceInCounty, A("county", n.Value))
                : ClosestReason(u, noRoom, open, [s], free: true);
        }

        if (tooSmall >= 0)
        {
            return able.Length > 0 ? Because(CheckFindings.InlandSchoolAble, A("inland", able[0].Id.Value))
                : ClosestReason(u, tooSmall, inland, [s], free: false);
        }

        return Because(CheckFindings.NotASchoolCode);
    }

    /// <summary>
    /// A class (UNP021, UNP022) or student (UNP031, UNP032) row: its school is unpaired (the code without numbers),
    /// or its inland school's grade has too few classes or students for what its Xinjiang schools bring there.
    /// </summary>
    private Wrong? GradeReason(UnpairedUnit u, SchoolClass c, FindingDescriptor schoolUnpaired)
    {
        var s = SchoolOfClass(c);
        if (!Context.SchoolOf.TryGetValue(s.Id, out var t))
        {
            return u.Code == schoolUnpaired.Code ? null
                : Because(CheckFindings.UnitAboveUnpaired, A("level", PairingLevel.School), A("unit", s.Id.Value), A("expected", schoolUnpaired.Code));
        }

        if (u.Code == schoolUnpaired.Code)
        {
            return Because(CheckFindings.UnitAbovePaired, A("level", PairingLevel.School), A("unit", s.Id.Value), A("inland", t.Value));
        }

        var (grade, available, needed) = Task(Roster.GetSchool(t), c, students: u.Level == PairingLevel.Student);
        return u.Grade != grade ? Because(CheckFindings.OtherGrade, A("grade", grade), A("rowGrade", u.Grade is { } g ? g : (object)None))
            : Numbers(u, t.Value, available, needed);
    }

    /// <summary>
    /// The grade of inland school t that class c pairs into, and what t has there against what all the Xinjiang
    /// schools t takes bring there (classes, or students), once per inland school, grade and level.
    /// </summary>
    private (Grade Grade, int Available, int Needed) Task(School t, SchoolClass c, bool students)
    {
        var grade = GradeIn(t, c.Grade);
        if (_tasks.TryGetValue((t.Id, grade, students), out var known))
        {
            return (grade, known.Available, known.Needed);
        }

        int Count(SchoolClass k) => students ? k.Size : 1;
        var available = Roster.ClassesIn(t.Id).Where(k => k.Grade == grade).Sum(Count);
        var needed = PartnersOf(t.Id).SelectMany(s => Roster.ClassesIn(s)).Where(k => GradeIn(t, k.Grade) == grade).Sum(Count);
        _tasks[(t.Id, grade, students)] = (available, needed);
        return (grade, available, needed);
    }
}
