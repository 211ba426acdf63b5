using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

public static partial class PairingResultChecker
{
    /// <summary>
    /// The reasons of <c>unpaired.csv</c>, recomputed from the roster and the pairs: each code's claim holds and its
    /// numbers are the roster's. Shares nothing with the matcher's explanations: the counts come from the roster's
    /// public API and the result's pairs only.
    /// </summary>
    private sealed partial class Checker
    {
        private Dictionary<SchoolId, List<SchoolId>>? _partnersOf;
        private Dictionary<CountyId, int>? _countyLoad;
        private readonly Dictionary<(SchoolId School, Grade Grade, bool Students), (int Available, int Needed)> _tasks = [];

        private int Classes(SchoolId school) => roster.ClassesIn(school).Count;

        private int Students(SchoolId school) => roster.ClassesIn(school).Sum(c => c.Size);

        /// <summary>The Xinjiang schools each inland school takes, from the result's school pairs that name roster schools.</summary>
        private List<SchoolId> PartnersOf(SchoolId inland)
        {
            if (_partnersOf is null)
            {
                _partnersOf = [];
                foreach (var p in result.SchoolPairs)
                {
                    if (roster.TryGetSchool(p.Xinjiang, out _) && roster.TryGetSchool(p.Inland, out _))
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
            _countyLoad ??= result.CountyPairs.GroupBy(p => p.Inland).ToDictionary(g => g.Key, g => g.Count());
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
            return PartnersOf(t.Id).Count < _options.XinjiangSchoolsPerInlandSchool && classes >= Classes(s.Id) && students >= Students(s.Id);
        }

        private static PairingLevel LevelOf(string code) => code[4] switch
        {
            '0' => PairingLevel.County,
            '1' => PairingLevel.School,
            '2' => PairingLevel.Class,
            _ => PairingLevel.Student,
        };

        private void CheckReason(UnpairedUnit u, Dictionary<CountyId, CountyId> countyOf, Dictionary<SchoolId, SchoolId> schoolOf)
        {
            if (!UnpairedFindings.TryGet(u.Code, out var descriptor) || !ReferenceEquals(descriptor, u.Finding.Descriptor))
            {
                Add(PairingRule.P7, u.Id, $"code {u.Code} is not an unpaired code (UNP001 to UNP032)");
                return;
            }

            if (LevelOf(u.Code) != u.Level)
            {
                Add(PairingRule.P7, u.Id, $"code {u.Code} ({u.Rule}) explains a {PairingResult.LevelName(LevelOf(u.Code))}, not a {PairingResult.LevelName(u.Level)}");
                return;
            }

            if (u.Available is { } a && u.Needed is { } n && a >= n)
            {
                Add(PairingRule.P7, u.Id, $"code {u.Code} gives {a} available and {n} needed: no shortfall");
                return;
            }

            string? wrong = u.Level switch
            {
                PairingLevel.County => CountyReason(u, roster.GetCounty(new CountyId(u.Id))),
                PairingLevel.School => SchoolReason(u, roster.GetSchool(new SchoolId(u.Id)), countyOf),
                PairingLevel.Class => GradeReason(u, roster.GetClass(new ClassId(u.Id)), schoolOf, "UNP022"),
                _ => GradeReason(u, roster.GetClass(roster.GetStudent(new StudentId(u.Id)).ClassId), schoolOf, "UNP032"),
            };
            if (wrong is not null)
            {
                Add(u.Rule, u.Id, $"code {u.Code} does not hold: {wrong}");
            }
        }

        private static string? Numbers(UnpairedUnit u, string? inland, int available, int needed) =>
            u.InlandId != inland ? $"the inland unit is {inland ?? "none"}, the row names {u.InlandId ?? "none"}"
            : u.Available != available || u.Needed != needed ? $"the roster gives {available} available and {needed} needed, the row {u.Available} and {u.Needed}"
            : available >= needed ? $"the roster gives {available} available and {needed} needed: no shortfall"
            : null;

        /// <summary>Which of the three shortfall codes (classes, students, both) t against s is, with its numbers; null when t takes s.</summary>
        private static (int Kind, int Available, int Needed)? Shortfall(int classes, int students, int needClasses, int needStudents)
        {
            var c = classes < needClasses;
            var st = students < needStudents;
            return c ? (st ? 2 : 0, classes, needClasses) : st ? (1, students, needStudents) : null;
        }

        private static int KindOf(string code, string classes, string students, string both) =>
            code == classes ? 0 : code == students ? 1 : code == both ? 2 : -1;

        private string? CountyReason(UnpairedUnit u, County x)
        {
            var province = roster.ProvinceOf(x);
            var inlandCounties = roster.Counties.Where(c => !IsXinjiang(c) && roster.ProvinceOf(c) == province).ToArray();
            var xSchools = roster.SchoolsIn(x.Id).ToArray();
            var inlandSchools = inlandCounties.SelectMany(c => roster.SchoolsIn(c.Id)).ToArray();
            bool Able(County n) => xSchools.Length == 0 || roster.SchoolsIn(n.Id).Any(t => xSchools.Any(s => MeetsP4(t, s)));
            var able = inlandCounties.Where(Able).ToArray();
            var open = inlandCounties.Where(n => CountyLoad(n.Id) < _options.XinjiangCountiesPerInlandCounty).ToArray();
            switch (u.Code)
            {
                case "UNP001":
                    return Numbers(u, province.Value, inlandCounties.Length, 1);
                case "UNP002":
                    return able.Length == 0 ? $"no inland county of province {province} has a school able to take one of its schools"
                        : able.FirstOrDefault(n => open.Contains(n)) is { } free ? $"inland county {free.Id} could take it and takes {CountyLoad(free.Id)} of at most {_options.XinjiangCountiesPerInlandCounty} Xinjiang counties"
                        : Numbers(u, province.Value, 0, 1);
                case "UNP003":
                    return Numbers(u, province.Value, inlandSchools.Length, xSchools.Length);
                case "UNP007":
                    if (!able.Any(n => open.Contains(n)))
                    {
                        return $"no inland county of province {province} with a place left has a school able to take one of its schools";
                    }

                    return Numbers(u, province.Value, open.Sum(n => roster.SchoolsIn(n.Id).Count(t => xSchools.Any(s => HasRoom(t, s)))), 1);
                default:
                    var kind = KindOf(u.Code, "UNP004", "UNP005", "UNP006");
                    if (able.Length > 0)
                    {
                        return $"inland county {able[0].Id} has a school with as many classes and students as one of its schools";
                    }

                    return ClosestReason(u, kind, inlandSchools, xSchools, free: false);
            }
        }

        /// <summary>The row's inland school is among <paramref name="candidates"/> and falls short of one of <paramref name="xinjiang"/> as the code says, by the row's numbers.</summary>
        private string? ClosestReason(UnpairedUnit u, int kind, School[] candidates, School[] xinjiang, bool free)
        {
            var t = candidates.FirstOrDefault(c => c.Id.Value == u.InlandId);
            if (t is null)
            {
                return $"{u.InlandId ?? "no school"} is not an inland school it could be paired with";
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

            return $"inland school {t.Id} has {classes} classes and {students} students{(free ? " left" : string.Empty)}; no Xinjiang school it is compared with falls short by {u.Available} of {u.Needed} {u.Counted} as code {u.Code} says";
        }

        private string? SchoolReason(UnpairedUnit u, School s, Dictionary<CountyId, CountyId> countyOf)
        {
            var x = CountyOfSchool(s);
            if (!countyOf.TryGetValue(x.Id, out var n))
            {
                return u.Code == "UNP011" ? null : $"its county {x.Id} is not paired, which is code UNP011";
            }

            if (u.Code == "UNP011")
            {
                return $"its county {x.Id} is paired with inland county {n}";
            }

            var inland = roster.SchoolsIn(n).ToArray();
            var able = inland.Where(t => MeetsP4(t, s)).ToArray();
            var open = able.Where(t => PartnersOf(t.Id).Count < _options.XinjiangSchoolsPerInlandSchool).ToArray();
            if (inland.FirstOrDefault(t => HasRoom(t, s)) is { } room)
            {
                return $"inland school {room.Id} of its paired inland county {n} has a place and the classes and students for it";
            }

            switch (u.Code)
            {
                case "UNP012":
                    return Numbers(u, n.Value, inland.Length, 1);
                case "UNP013":
                    return able.Length == 0 ? $"no school of inland county {n} has as many classes and students as it"
                        : open.Length > 0 ? $"inland school {open[0].Id} could take it and takes {PartnersOf(open[0].Id).Count} of at most {_options.XinjiangSchoolsPerInlandSchool} Xinjiang schools"
                        : Numbers(u, n.Value, 0, 1);
                case "UNP014" or "UNP015" or "UNP016":
                    return open.Length == 0 ? $"no school of inland county {n} able to take it has a place left"
                        : ClosestReason(u, KindOf(u.Code, "UNP014", "UNP015", "UNP016"), open, [s], free: true);
                case "UNP017" or "UNP018" or "UNP019":
                    return able.Length > 0 ? $"inland school {able[0].Id} has as many classes and students as it"
                        : ClosestReason(u, KindOf(u.Code, "UNP017", "UNP018", "UNP019"), inland, [s], free: false);
                default:
                    return $"code {u.Code} does not explain a school";
            }
        }

        /// <summary>
        /// A class (UNP021, UNP022) or student (UNP031, UNP032) row: its school is unpaired (the code without numbers),
        /// or its inland school's grade has too few classes or students for what its Xinjiang schools bring there.
        /// </summary>
        private string? GradeReason(UnpairedUnit u, SchoolClass c, Dictionary<SchoolId, SchoolId> schoolOf, string schoolUnpaired)
        {
            var s = SchoolOfClass(c);
            if (!schoolOf.TryGetValue(s.Id, out var t))
            {
                return u.Code == schoolUnpaired ? null : $"its school {s.Id} is not paired, which is code {schoolUnpaired}";
            }

            if (u.Code == schoolUnpaired)
            {
                return $"its school {s.Id} is paired with inland school {t}";
            }

            var (grade, available, needed) = Task(roster.GetSchool(t), c, students: u.Level == PairingLevel.Student);
            return u.Grade != grade ? $"the grade it pairs into is {grade.Number}, the row gives {u.Grade?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"
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
            var available = roster.ClassesIn(t.Id).Where(k => k.Grade == grade).Sum(Count);
            var needed = PartnersOf(t.Id).SelectMany(s => roster.ClassesIn(s)).Where(k => GradeIn(t, k.Grade) == grade).Sum(Count);
            _tasks[(t.Id, grade, students)] = (available, needed);
            return (grade, available, needed);
        }

        /// <summary>
        /// Per inland school and grade, the Xinjiang classes and students listed as unpaired for its shortfall are
        /// exactly what it lacks: a grade with 3 classes for 5 leaves 2 classes unpaired, not 3 (the rest could pair).
        /// </summary>
        private void CheckGradeShortfalls(Dictionary<(PairingLevel, string), UnpairedUnit> listed, Dictionary<SchoolId, SchoolId> schoolOf)
        {
            if (result.Phase != PairingPhase.Roster)
            {
                return;
            }

            foreach (var level in (PairingLevel[])[PairingLevel.Class, PairingLevel.Student])
            {
                var groups = new Dictionary<(string Inland, int Grade), (int Listed, int Available, int Needed)>();
                foreach (var u in listed.Values)
                {
                    if (u.Level != level || u.Code is not ("UNP021" or "UNP031") || u.Grade is not { } g || u.InlandId is null
                        || u.Available is not { } a || u.Needed is not { } n)
                    {
                        continue;
                    }

                    var key = (u.InlandId, g.Number);
                    var entry = groups.TryGetValue(key, out var e) ? e : (Listed: 0, Available: a, Needed: n);
                    groups[key] = (entry.Listed + 1, entry.Available, entry.Needed);
                }

                foreach (var ((inland, grade), (count, available, needed)) in groups.OrderBy(e => e.Key.Inland, StringComparer.Ordinal).ThenBy(e => e.Key.Grade))
                {
                    if (count != needed - available)
                    {
                        Add(level == PairingLevel.Class ? PairingRule.P5 : PairingRule.P6, inland,
                            $"inland school {inland} has {available} for {needed} Xinjiang {PairingResult.LevelName(level)}{(level == PairingLevel.Class ? "es" : "s")} in grade {grade}, so {needed - available} are left over, but {count} are listed");
                    }
                }
            }
        }
    }
}
