using System.Globalization;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching.Internals;
using Pairing.Core.Rosters;

namespace Pairing.Core.Matching;

/// <summary>
/// Re-checks a pairing result against its roster, independently of the matcher: every hard rule (P1–P6), nothing
/// lost (P7: every Xinjiang unit paired or listed once with a reason in numbers), and the summary's figures.
/// </summary>
/// <remarks>
/// Shares no code with the solvers: it reads the roster only through its public API and recounts everything
/// itself, so a bug in the matcher cannot hide behind the same bug here. Use it on a result read back from files
/// as well as on one fresh from the matcher.
/// </remarks>
public static partial class PairingResultChecker
{
    /// <summary>
    /// Checks a result against the roster it was made from, under the library's default options (one Xinjiang county
    /// per inland county, one Xinjiang school per inland school, P5 strict, default weights): the same as
    /// <see cref="Check(Roster, PairingResult, PairingOptions)"/> with <c>new PairingOptions()</c>.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result) => Check(roster, result, new PairingOptions());

    /// <summary>
    /// Checks a result against the roster it was made from and the options it should have been made with: every hard
    /// rule (P1–P6) under those options, nothing lost (P7), every unpaired reason recomputed, and every figure of the
    /// summary, the input hash among them. The options are the caller's, never the result's own claim: a result whose
    /// summary claims other options is rejected with both shown. A planning result that carries class or student pairs,
    /// and ids the roster lacks or that are malformed, are violations, never exceptions.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="options">The options the result must have been made with.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return new Checker(roster, result, null, options.ToSnapshot()).Run();
    }

    /// <summary>
    /// Checks a result made with a previous year's result under the library's default options: the same as
    /// <see cref="Check(Roster, PairingResult, PairingOptions, PairingResult)"/> with <c>new PairingOptions()</c>.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="previous">The previous year's result the run was given.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingResult previous) =>
        Check(roster, result, new PairingOptions(), previous);

    /// <summary>
    /// Checks a result made with a previous year's result: everything <see cref="Check(Roster, PairingResult, PairingOptions)"/>
    /// checks, and <c>continuity.csv</c> against the previous result: every previous pair of the levels the phase
    /// pairs has exactly one row; a kept pair is in the result and a dropped one is not; each reason is true,
    /// recomputed from the roster (a member left, a rule that no longer holds with its numbers, the pair above not
    /// made); a pair dropped for coverage or for later aims could still stand (its members are there, its rules
    /// hold, the pair above is made) and names a coverage loss in numbers; the summary's counts per code.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="options">The options the result must have been made with.</param>
    /// <param name="previous">The previous year's result the run was given.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <remarks>
    /// How many more students dropping a pair let the run cover is the matcher's own counterfactual; the checker,
    /// which has no solver, checks that it is a loss (fewer covered with the pair kept) in whole numbers, not that it
    /// is optimal.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options, PairingResult previous)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(previous);
        options.ThrowIfInvalid();
        return new Checker(roster, result, previous, options.ToSnapshot()).Run();
    }

    private sealed partial class Checker(Roster roster, PairingResult result, PairingResult? previous, PairingOptionsSnapshot expected)
    {
        private readonly List<PairingViolation> _found = [];
        private readonly PairingOptionsSnapshot _options = expected;
        private readonly Dictionary<SchoolId, HashSet<int>> _gradesOf = [];

        public PairingCheckReport Run()
        {
            CheckOptions();
            CheckPhase();
            var countyOf = CheckCounties();
            var schoolOf = CheckSchools(countyOf);
            CheckSchoolSums(schoolOf);

            var classOf = new Dictionary<ClassId, ClassId>();
            var studentOf = new Dictionary<StudentId, StudentPair>();
            if (result.Phase == PairingPhase.Roster)
            {
                classOf = CheckClasses(schoolOf);
                studentOf = CheckStudents(schoolOf, classOf);
            }

            CheckCoverage(countyOf, schoolOf, classOf, studentOf);
            CheckSummary(countyOf, schoolOf, classOf, studentOf);
            if (previous is not null)
            {
                CheckContinuity(previous);
            }
            return new PairingCheckReport(_found);
        }

        /// <summary>The options the result claims are the ones expected; each that differs is named with both values.</summary>
        private void CheckOptions()
        {
            var claimed = result.Summary.Options;
            void Same<T>(string name, T claim, T want)
            {
                if (!EqualityComparer<T>.Default.Equals(claim, want))
                {
                    Add(null, "summary.options." + name, $"the result claims {name} = {claim}, the check expects {want}");
                }
            }

            Same("xinjiang_counties_per_inland_county", claimed.XinjiangCountiesPerInlandCounty, _options.XinjiangCountiesPerInlandCounty);
            Same("xinjiang_schools_per_inland_school", claimed.XinjiangSchoolsPerInlandSchool, _options.XinjiangSchoolsPerInlandSchool);
            Same("relax_grade_to_nearest", claimed.RelaxGradeToNearest, _options.RelaxGradeToNearest);
            Same("continuity_first", claimed.ContinuityFirst, _options.ContinuityFirst);
            Same("same_gender_weight", claimed.SameGenderWeight, _options.SameGenderWeight);
            Same("shared_interest_weight", claimed.SharedInterestWeight, _options.SharedInterestWeight);
            Same("same_language_weight", claimed.SameLanguageWeight, _options.SameLanguageWeight);
            Same("close_birth_year_weight", claimed.CloseBirthYearWeight, _options.CloseBirthYearWeight);
            Same("seed", claimed.Seed, _options.Seed);
            Same("work_limit_per_subproblem", claimed.WorkLimitPerSubproblem, _options.WorkLimitPerSubproblem);
        }

        /// <summary>A planning result pairs counties and schools only: class or student pairs in one are out of place, not skipped.</summary>
        private void CheckPhase()
        {
            if (result.Phase == PairingPhase.Planning && result.ClassPairs.Count > 0)
            {
                Add(null, PairingResultFiles.ClassPairsFile, $"a planning result has {result.ClassPairs.Count} class pairs; the planning phase pairs counties and schools only");
            }

            if (result.Phase == PairingPhase.Planning && result.StudentPairs.Count > 0)
            {
                Add(null, PairingResultFiles.StudentPairsFile, $"a planning result has {result.StudentPairs.Count} student pairs; the planning phase pairs counties and schools only");
            }

            if (result.Phase == PairingPhase.Planning && result.Unpaired.Any(u => u.Level is PairingLevel.Class or PairingLevel.Student))
            {
                Add(null, PairingResultFiles.UnpairedFile, $"a planning result lists unpaired classes or students; the planning phase pairs counties and schools only");
            }
        }

        private void Add(PairingRule? rule, string subject, FormattableString message) =>
            _found.Add(new PairingViolation(rule, subject, message.ToString(CultureInfo.InvariantCulture)));

        private static string Pair(string x, string n) => x + "|" + n;

        private static bool IsWellFormedId(string? id) =>
            !string.IsNullOrEmpty(id) && !char.IsWhiteSpace(id[0]) && !char.IsWhiteSpace(id[^1]) && !id.Any(char.IsControl);

        private bool IsXinjiang(County county) => county.Side == Side.Xinjiang;

        private County CountyOfSchool(School school) => roster.GetCounty(school.CountyId);

        private School SchoolOfClass(SchoolClass c) => roster.GetSchool(c.SchoolId);

        /// <summary>
        /// The grade of inland school t that Xinjiang grade g pairs into: g, or with P5 relaxed and no grade-g class
        /// in t, the nearest grade t has (the lower on a tie).
        /// </summary>
        private Grade GradeIn(School t, Grade g)
        {
            if (!_gradesOf.TryGetValue(t.Id, out var grades))
            {
                grades = roster.ClassesIn(t.Id).Select(c => c.Grade.Number).ToHashSet();
                _gradesOf[t.Id] = grades;
            }

            if (!_options.RelaxGradeToNearest || grades.Contains(g.Number) || grades.Count == 0)
            {
                return g;
            }

            var nearest = grades.OrderBy(n => Math.Abs(n - g.Number)).ThenBy(n => n).First();
            return new Grade(nearest);
        }

        private Dictionary<CountyId, CountyId> CheckCounties()
        {
            var partner = new Dictionary<CountyId, CountyId>();
            var load = new Dictionary<CountyId, int>();
            foreach (var p in result.CountyPairs)
            {
                var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
                if (!roster.TryGetCounty(p.Xinjiang, out var x) || !roster.TryGetCounty(p.Inland, out var n))
                {
                    Add(null, subject, $"the roster has no such county");
                    continue;
                }

                if (!IsXinjiang(x) || IsXinjiang(n))
                {
                    Add(PairingRule.P1, subject, $"a county pair must be a Xinjiang county and an inland county");
                    continue;
                }

                if (roster.ProvinceOf(x) != roster.ProvinceOf(n))
                {
                    Add(PairingRule.P1, subject, $"Xinjiang county {x.Id} is aided by province {roster.ProvinceOf(x)}, inland county {n.Id} is in province {roster.ProvinceOf(n)}");
                }

                if (!partner.TryAdd(x.Id, n.Id))
                {
                    Add(PairingRule.P2, subject, $"Xinjiang county {x.Id} has 2 or more inland counties, 1 is allowed");
                }

                load[n.Id] = load.GetValueOrDefault(n.Id) + 1;
                if (load[n.Id] == _options.XinjiangCountiesPerInlandCounty + 1)
                {
                    Add(PairingRule.P2, n.Id.Value, $"inland county {n.Id} takes more than {_options.XinjiangCountiesPerInlandCounty} Xinjiang counties");
                }
            }

            return partner;
        }

        private Dictionary<SchoolId, SchoolId> CheckSchools(Dictionary<CountyId, CountyId> countyOf)
        {
            var partner = new Dictionary<SchoolId, SchoolId>();
            var load = new Dictionary<SchoolId, int>();
            foreach (var p in result.SchoolPairs)
            {
                var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
                if (!roster.TryGetSchool(p.Xinjiang, out var s) || !roster.TryGetSchool(p.Inland, out var t))
                {
                    Add(null, subject, $"the roster has no such school");
                    continue;
                }

                var xc = CountyOfSchool(s);
                var nc = CountyOfSchool(t);
                if (!IsXinjiang(xc) || IsXinjiang(nc))
                {
                    Add(PairingRule.P3, subject, $"a school pair must be a Xinjiang school and an inland school");
                    continue;
                }

                if (!countyOf.TryGetValue(xc.Id, out var paired) || paired != nc.Id)
                {
                    Add(PairingRule.P3, subject, $"school {t.Id} is in inland county {nc.Id}, which is not the county paired with {xc.Id}");
                }

                if (!partner.TryAdd(s.Id, t.Id))
                {
                    Add(PairingRule.P3, subject, $"Xinjiang school {s.Id} has 2 or more inland schools, 1 is allowed");
                }

                load[t.Id] = load.GetValueOrDefault(t.Id) + 1;
                if (load[t.Id] == _options.XinjiangSchoolsPerInlandSchool + 1)
                {
                    Add(PairingRule.P3, t.Id.Value, $"inland school {t.Id} takes more than {_options.XinjiangSchoolsPerInlandSchool} Xinjiang schools");
                }

                var xs = roster.ClassesIn(s.Id);
                var ns = roster.ClassesIn(t.Id);
                if (ns.Count < xs.Count)
                {
                    Add(PairingRule.P4, subject, $"inland school {t.Id} has {ns.Count} classes, {xs.Count} are needed");
                }

                var xStudents = xs.Sum(c => c.Size);
                var nStudents = ns.Sum(c => c.Size);
                if (nStudents < xStudents)
                {
                    Add(PairingRule.P4, subject, $"inland school {t.Id} has {nStudents} students, {xStudents} are needed");
                }
            }

            return partner;
        }

        /// <summary>
        /// P4 on the sums: an inland school that takes several Xinjiang schools has no fewer classes and students than
        /// they have together. Grades are not checked here: a school pair may be short in a grade, and then the class
        /// and student levels list what could not be paired.
        /// </summary>
        private void CheckSchoolSums(Dictionary<SchoolId, SchoolId> schoolOf)
        {
            foreach (var group in schoolOf.GroupBy(p => p.Value).Where(g => g.Count() > 1).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
            {
                var inland = roster.ClassesIn(group.Key);
                var xinjiang = group.SelectMany(p => roster.ClassesIn(p.Key)).ToList();
                if (inland.Count < xinjiang.Count)
                {
                    Add(PairingRule.P4, group.Key.Value, $"inland school {group.Key} has {inland.Count} classes, its {group.Count()} Xinjiang schools have {xinjiang.Count}");
                }

                long have = inland.Sum(c => (long)c.Size), need = xinjiang.Sum(c => (long)c.Size);
                if (have < need)
                {
                    Add(PairingRule.P4, group.Key.Value, $"inland school {group.Key} has {have} students, its {group.Count()} Xinjiang schools have {need}");
                }
            }
        }

        private Dictionary<ClassId, ClassId> CheckClasses(Dictionary<SchoolId, SchoolId> schoolOf)
        {
            var partner = new Dictionary<ClassId, ClassId>();
            var taken = new HashSet<ClassId>();
            foreach (var p in result.ClassPairs)
            {
                var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
                if (!roster.TryGetClass(p.Xinjiang, out var c) || !roster.TryGetClass(p.Inland, out var d))
                {
                    Add(null, subject, $"the roster has no such class");
                    continue;
                }

                var s = SchoolOfClass(c);
                var t = SchoolOfClass(d);
                if (!IsXinjiang(CountyOfSchool(s)) || IsXinjiang(CountyOfSchool(t)))
                {
                    Add(PairingRule.P5, subject, $"a class pair must be a Xinjiang class and an inland class");
                    continue;
                }

                if (!schoolOf.TryGetValue(s.Id, out var paired) || paired != t.Id)
                {
                    Add(PairingRule.P5, subject, $"class {d.Id} is in school {t.Id}, which is not the school paired with {s.Id}");
                }

                if (GradeIn(t, c.Grade) != d.Grade)
                {
                    Add(PairingRule.P5, subject, $"grade {c.Grade} is paired with grade {d.Grade}");
                }

                if (!partner.TryAdd(c.Id, d.Id))
                {
                    Add(PairingRule.P5, subject, $"Xinjiang class {c.Id} is in 2 or more class pairs, 1 is allowed");
                }

                if (!taken.Add(d.Id))
                {
                    Add(PairingRule.P5, subject, $"inland class {d.Id} is in 2 or more class pairs, 1 is allowed");
                }
            }

            return partner;
        }

        private Dictionary<StudentId, StudentPair> CheckStudents(Dictionary<SchoolId, SchoolId> schoolOf, Dictionary<ClassId, ClassId> classOf)
        {
            var partner = new Dictionary<StudentId, StudentPair>();
            var taken = new HashSet<StudentId>();
            foreach (var p in result.StudentPairs)
            {
                var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
                if (!roster.TryGetStudent(p.Xinjiang, out var x) || !roster.TryGetStudent(p.Inland, out var y))
                {
                    Add(null, subject, $"the roster has no such student");
                    continue;
                }

                var c = roster.GetClass(x.ClassId);
                var d = roster.GetClass(y.ClassId);
                var s = SchoolOfClass(c);
                var t = SchoolOfClass(d);
                if (!IsXinjiang(CountyOfSchool(s)) || IsXinjiang(CountyOfSchool(t)))
                {
                    Add(PairingRule.P6, subject, $"a student pair must be a Xinjiang student and an inland student");
                    continue;
                }

                if (!partner.TryAdd(x.Id, p))
                {
                    Add(PairingRule.P6, subject, $"Xinjiang student {x.Id} is in 2 or more pairs, 1 is allowed");
                }

                if (!taken.Add(y.Id))
                {
                    Add(PairingRule.P6, subject, $"inland student {y.Id} is in 2 or more pairs, 1 is allowed");
                }

                if (!schoolOf.TryGetValue(s.Id, out var paired) || paired != t.Id)
                {
                    Add(PairingRule.P6, subject, $"student {y.Id} is in school {t.Id}, which is not the school paired with {s.Id}");
                }

                if (GradeIn(t, c.Grade) != d.Grade)
                {
                    Add(PairingRule.P5, subject, $"a grade-{c.Grade} student is paired with a grade-{d.Grade} student");
                }

                var cross = !(classOf.TryGetValue(c.Id, out var pc) && pc == d.Id);
                if (cross != p.CrossClass)
                {
                    Add(null, subject, $"cross_class is {p.CrossClass}, but classes {c.Id} and {d.Id} {(cross ? "are not" : "are")} a class pair");
                }
            }

            return partner;
        }

        private void CheckCoverage(
            Dictionary<CountyId, CountyId> countyOf,
            Dictionary<SchoolId, SchoolId> schoolOf,
            Dictionary<ClassId, ClassId> classOf,
            Dictionary<StudentId, StudentPair> studentOf)
        {
            var listed = new Dictionary<(PairingLevel, string), UnpairedUnit>();
            foreach (var u in result.Unpaired)
            {
                if (!listed.TryAdd((u.Level, u.Id), u))
                {
                    Add(PairingRule.P7, u.Id, $"listed 2 or more times as unpaired at level {PairingResult.LevelName(u.Level)}");
                }

                if (u.Rule is < PairingRule.P1 or > PairingRule.P6)
                {
                    Add(PairingRule.P7, u.Id, $"unpaired for rule {u.Rule}; only P1 to P6 can be the rule not met");
                }

                if (!IsWellFormedId(u.Id))
                {
                    Add(PairingRule.P7, u.Id, $"listed as unpaired with the id '{u.Id}', which is empty or has surrounding or control spaces; ids are exact");
                    continue;
                }

                var exists = u.Level switch
                {
                    PairingLevel.County => roster.TryGetCounty(new CountyId(u.Id), out var county) && IsXinjiang(county),
                    PairingLevel.School => roster.TryGetSchool(new SchoolId(u.Id), out var school) && IsXinjiang(CountyOfSchool(school)),
                    PairingLevel.Class => roster.TryGetClass(new ClassId(u.Id), out var c) && IsXinjiang(CountyOfSchool(SchoolOfClass(c))),
                    _ => roster.TryGetStudent(new StudentId(u.Id), out var st) && IsXinjiang(CountyOfSchool(SchoolOfClass(roster.GetClass(st.ClassId)))),
                };
                if (!exists)
                {
                    Add(PairingRule.P7, u.Id, $"listed as unpaired, but the roster has no such Xinjiang {PairingResult.LevelName(u.Level)}");
                }
                else
                {
                    CheckReason(u, countyOf, schoolOf);
                }
            }

            CheckGradeShortfalls(listed, schoolOf);

            void Account(PairingLevel level, string id, bool paired)
            {
                var isListed = listed.ContainsKey((level, id));
                if (paired && isListed)
                {
                    Add(PairingRule.P7, id, $"both paired and listed as unpaired");
                }
                else if (!paired && !isListed)
                {
                    Add(PairingRule.P7, id, $"Xinjiang {PairingResult.LevelName(level)} is neither paired nor listed as unpaired (lost)");
                }
            }

            foreach (var county in roster.Counties.Where(IsXinjiang))
            {
                Account(PairingLevel.County, county.Id.Value, countyOf.ContainsKey(county.Id));
                foreach (var school in roster.SchoolsIn(county.Id))
                {
                    Account(PairingLevel.School, school.Id.Value, schoolOf.ContainsKey(school.Id));
                    if (result.Phase != PairingPhase.Roster)
                    {
                        continue;
                    }

                    foreach (var c in roster.ClassesIn(school.Id))
                    {
                        Account(PairingLevel.Class, c.Id.Value, classOf.ContainsKey(c.Id));
                        foreach (var st in roster.StudentsIn(c.Id))
                        {
                            Account(PairingLevel.Student, st.Id.Value, studentOf.ContainsKey(st.Id));
                        }
                    }
                }
            }
        }

        private void CheckSummary(
            Dictionary<CountyId, CountyId> countyOf,
            Dictionary<SchoolId, SchoolId> schoolOf,
            Dictionary<ClassId, ClassId> classOf,
            Dictionary<StudentId, StudentPair> studentOf)
        {
            var s = result.Summary;
            void Same<T>(string figure, T stated, T counted)
            {
                if (!EqualityComparer<T>.Default.Equals(stated, counted))
                {
                    Add(null, "summary." + figure, $"the summary says {stated}, the pairs give {counted}");
                }
            }

            int UnpairedAt(PairingLevel level) => result.Unpaired.Count(u => u.Level == level);
            var xinjiangSchools = roster.Schools.Where(x => IsXinjiang(CountyOfSchool(x))).ToHashSet();
            var inlandCounties = roster.Counties.Count(c => !IsXinjiang(c));
            var inlandSchools = roster.Schools.Count - xinjiangSchools.Count;
            Same("county.paired", s.Counties.Paired, result.CountyPairs.Count);
            Same("county.unpaired", s.Counties.Unpaired, UnpairedAt(PairingLevel.County));
            Same("county.inland_surplus", s.Counties.InlandSurplus, inlandCounties - countyOf.Values.Distinct().Count());
            Same("school.paired", s.Schools.Paired, result.SchoolPairs.Count);
            Same("school.unpaired", s.Schools.Unpaired, UnpairedAt(PairingLevel.School));
            Same("school.inland_surplus", s.Schools.InlandSurplus, inlandSchools - schoolOf.Values.Distinct().Count());
            var xinjiangClasses = roster.Classes.Where(c => xinjiangSchools.Contains(SchoolOfClass(c))).ToList();
            Same("xinjiang_students", s.XinjiangStudents, xinjiangClasses.Sum(c => (long)c.Size));
            if (result.Phase == PairingPhase.Planning)
            {
                // What the plan can cover: per inland school and grade, the smaller of what its Xinjiang schools bring and what it has.
                long coverable = 0;
                foreach (var group in schoolOf.GroupBy(p => p.Value))
                {
                    var t = roster.GetSchool(group.Key);
                    var inland = roster.ClassesIn(group.Key);
                    var brought = group.SelectMany(p => roster.ClassesIn(p.Key)).ToList();
                    foreach (var grade in Grade.All)
                    {
                        coverable += Math.Min(
                            brought.Where(c => GradeIn(t, c.Grade) == grade).Sum(c => (long)c.Size),
                            inland.Where(c => c.Grade == grade).Sum(c => (long)c.Size));
                    }
                }

                Same("covered_students", s.CoveredStudents, coverable);
                return;
            }

            var inlandClasses = roster.Classes.Count - xinjiangClasses.Count;
            var inlandStudents = roster.Students.Count - (int)xinjiangClasses.Sum(c => (long)c.Size);
            Same("class.paired", s.Classes?.Paired, result.ClassPairs.Count);
            Same("class.unpaired", s.Classes?.Unpaired, UnpairedAt(PairingLevel.Class));
            Same("class.inland_surplus", s.Classes?.InlandSurplus, inlandClasses - result.ClassPairs.Count);
            Same("student.paired", s.Students?.Paired, result.StudentPairs.Count);
            Same("student.unpaired", s.Students?.Unpaired, UnpairedAt(PairingLevel.Student));
            Same("student.inland_surplus", s.Students?.InlandSurplus, inlandStudents - result.StudentPairs.Count);
            Same("covered_students", s.CoveredStudents, result.StudentPairs.Count);
            Same("cross_class_pairs", s.CrossClassPairs, result.StudentPairs.Count(p => p.CrossClass));
            Same("class_size_difference", s.ClassSizeDifference,
                result.ClassPairs.Sum(p => roster.TryGetClass(p.Xinjiang, out var a) && roster.TryGetClass(p.Inland, out var b) ? (long)Math.Abs(a.Size - b.Size) : 0));
            int same = 0;
            long met = 0;
            foreach (var p in result.StudentPairs)
            {
                if (!roster.TryGetStudent(p.Xinjiang, out var a) || !roster.TryGetStudent(p.Inland, out var b))
                {
                    continue;
                }

                var sameGender = a.Gender != Gender.Unknown && a.Gender == b.Gender;
                same += sameGender ? 1 : 0;
                met += sameGender ? _options.SameGenderWeight : 0;
                met += a.Interests.Intersect(b.Interests, StringComparer.Ordinal).Any() ? _options.SharedInterestWeight : 0;
                met += a.Language is not null && a.Language == b.Language ? _options.SameLanguageWeight : 0;
                met += a.BirthYear is { } ya && b.BirthYear is { } yb && Math.Abs(ya - yb) <= 1 ? _options.CloseBirthYearWeight : 0;
            }

            Same("same_gender_pairs", s.SameGenderPairs, same);
            Same("preference_score", s.PreferenceScore, met);
            Same("input_hash", s.InputHash, RosterHash.Of(roster));
        }
    
        /// <summary>continuity.csv against the previous result, recounted from the roster.</summary>
        private void CheckContinuity(PairingResult last)
        {
            var rows = new Dictionary<(PairingLevel, string, string), ContinuityEntry>();
            foreach (var e in result.Continuity)
            {
                if (!rows.TryAdd((e.Level, e.XinjiangId, e.InlandId), e))
                {
                    Add(PairingRule.P7, Pair(e.XinjiangId, e.InlandId), $"continuity.csv has 2 or more rows for this {PairingResult.LevelName(e.Level)} pair");
                }
            }

            var expected = new List<(PairingLevel Level, string X, string N)>();
            expected.AddRange(last.CountyPairs.Select(p => (PairingLevel.County, p.Xinjiang.Value, p.Inland.Value)));
            expected.AddRange(last.SchoolPairs.Select(p => (PairingLevel.School, p.Xinjiang.Value, p.Inland.Value)));
            if (result.Phase == PairingPhase.Roster)
            {
                expected.AddRange(last.ClassPairs.Select(p => (PairingLevel.Class, p.Xinjiang.Value, p.Inland.Value)));
                expected.AddRange(last.StudentPairs.Select(p => (PairingLevel.Student, p.Xinjiang.Value, p.Inland.Value)));
            }

            var expectedSet = expected.ToHashSet();
            foreach (var key in rows.Keys.Where(k => !expectedSet.Contains(k)))
            {
                Add(PairingRule.P7, Pair(key.Item2, key.Item3), $"continuity.csv has a row for a {PairingResult.LevelName(key.Item1)} pair the previous result does not have");
            }

            var counties = result.CountyPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            var schools = result.SchoolPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            var classes = result.ClassPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            var students = result.StudentPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            foreach (var (level, x, n) in expected.Distinct())
            {
                var subject = Pair(x, n);
                if (!rows.TryGetValue((level, x, n), out var row))
                {
                    Add(PairingRule.P7, subject, $"the previous {PairingResult.LevelName(level)} pair has no row in continuity.csv");
                    continue;
                }

                var made = level switch
                {
                    PairingLevel.County => counties.Contains((x, n)),
                    PairingLevel.School => schools.Contains((x, n)),
                    PairingLevel.Class => classes.Contains((x, n)),
                    _ => students.Contains((x, n)),
                };
                var kept = row.Status == ContinuityStatus.Kept;
                if (kept != made || kept != (row.Code == ContinuityFindings.Kept.Code))
                {
                    Add(PairingRule.P7, subject, $"continuity.csv says {row.Status} ({row.Code}), but the pair is {(made ? "made" : "not made")} this year");
                    continue;
                }

                if (!kept)
                {
                    CheckDropped(level, x, n, row, subject);
                }
            }

            if (result.Summary.ContinuityCounts is not { } counts)
            {
                Add(null, "summary.continuity", $"the result has a previous result but its summary counts no continuity rows");
                return;
            }

            foreach (var group in result.Continuity.GroupBy(e => e.Code))
            {
                if (counts.GetValueOrDefault(group.Key) != group.Count())
                {
                    Add(null, "summary.continuity." + group.Key, $"the summary says {counts.GetValueOrDefault(group.Key)}, continuity.csv has {group.Count()}");
                }
            }

            foreach (var (code, count) in counts.Where(c => c.Value != 0 && !result.Continuity.Any(e => e.Code == c.Key)))
            {
                Add(null, "summary.continuity." + code, $"the summary says {count}, continuity.csv has 0");
            }
        }

        /// <summary>Whether a dropped pair's reason is true, recomputed from the roster.</summary>
        private void CheckDropped(PairingLevel level, string x, string n, ContinuityEntry row, string subject)
        {
            // The two members and, for class and student pairs, the classes and schools they are in now.
            (bool Found, School? School, SchoolClass? Class) Member(string id, bool xinjiang)
            {
                switch (level)
                {
                    case PairingLevel.County:
                        return (roster.TryGetCounty(new CountyId(id), out var c) && IsXinjiang(c) == xinjiang, null, null);
                    case PairingLevel.School:
                        return roster.TryGetSchool(new SchoolId(id), out var s) && IsXinjiang(CountyOfSchool(s)) == xinjiang ? (true, s, null) : (false, null, null);
                    case PairingLevel.Class:
                        return roster.TryGetClass(new ClassId(id), out var k) && IsXinjiang(CountyOfSchool(SchoolOfClass(k))) == xinjiang
                            ? (true, SchoolOfClass(k), k) : (false, null, null);
                    default:
                        if (roster.TryGetStudent(new StudentId(id), out var st))
                        {
                            var sc = roster.GetClass(st.ClassId);
                            return IsXinjiang(CountyOfSchool(SchoolOfClass(sc))) == xinjiang ? (true, SchoolOfClass(sc), sc) : (false, null, null);
                        }

                        return (false, null, null);
                }
            }

            var a = Member(x, xinjiang: true);
            var b = Member(n, xinjiang: false);
            var left = !a.Found || !b.Found;
            if (row.Code == ContinuityFindings.MemberLeft.Code)
            {
                if (!left)
                {
                    Add(PairingRule.P7, subject, $"continuity.csv says a member left the roster, but both are in it");
                }

                return;
            }

            if (left)
            {
                Add(PairingRule.P7, subject, $"a member is no longer in the roster, but continuity.csv gives {row.Code}");
                return;
            }

            // Whether the pair above is made this year, and whether every rule still holds for the pair itself.
            string? above = null;
            string? broken = null;
            PairingRule? brokenRule = null;
            long? have = null, need = null;
            string? counted = null;
            switch (level)
            {
                case PairingLevel.County:
                {
                    var xc = roster.GetCounty(new CountyId(x));
                    var nc = roster.GetCounty(new CountyId(n));
                    var xs = roster.SchoolsIn(xc.Id);
                    if (roster.ProvinceOf(xc) != roster.ProvinceOf(nc))
                    {
                        (brokenRule, broken) = (PairingRule.P1, "provinces");
                    }
                    else if (xs.Count > 0 && !roster.SchoolsIn(nc.Id).Any(t => xs.Any(s => Fits(t, s))))
                    {
                        (brokenRule, broken, counted, have, need) = (PairingRule.P4, "no school pair", "schools", 0, 1);
                    }

                    break;
                }

                case PairingLevel.School:
                {
                    var s = a.School!;
                    var t = b.School!;
                    if (!result.CountyPairs.Contains(new CountyPair(s.CountyId, t.CountyId)))
                    {
                        above = "county";
                    }

                    var sc = roster.ClassesIn(s.Id);
                    var tc = roster.ClassesIn(t.Id);
                    if (tc.Count < sc.Count)
                    {
                        (brokenRule, broken, counted, have, need) = (PairingRule.P4, "classes", "classes", tc.Count, sc.Count);
                    }
                    else if (tc.Sum(c => (long)c.Size) < sc.Sum(c => (long)c.Size))
                    {
                        (brokenRule, broken, counted, have, need) = (PairingRule.P4, "students", "students", tc.Sum(c => (long)c.Size), sc.Sum(c => (long)c.Size));
                    }

                    break;
                }

                default:
                {
                    if (!result.SchoolPairs.Contains(new SchoolPair(a.School!.Id, b.School!.Id)))
                    {
                        above = "school";
                    }
                    else if (GradeIn(b.School!, a.Class!.Grade) != b.Class!.Grade)
                    {
                        (brokenRule, broken) = (PairingRule.P5, "grades");
                    }

                    break;
                }
            }

            // The code each broken rule is reported under.
            var ruleCode = broken switch
            {
                "provinces" => ContinuityFindings.ProvinceChanged.Code,
                "no school pair" => ContinuityFindings.NoSchoolPair.Code,
                "classes" => ContinuityFindings.ClassesShort.Code,
                "students" => ContinuityFindings.StudentsShort.Code,
                "grades" => ContinuityFindings.GradesApart.Code,
                _ => null,
            };
            string[] ruleCodes =
            [
                ContinuityFindings.ProvinceChanged.Code, ContinuityFindings.NoSchoolPair.Code, ContinuityFindings.ClassesShort.Code,
                ContinuityFindings.StudentsShort.Code, ContinuityFindings.GradesApart.Code,
            ];
            string[] stillStands =
            [
                ContinuityFindings.MoreCovered.Code, ContinuityFindings.OtherAims.Code, ContinuityFindings.NoPlace.Code, ContinuityFindings.Plan.Code,
            ];
            if (row.Code == ContinuityFindings.PairAboveDropped.Code)
            {
                if (above is null)
                {
                    Add(PairingRule.P7, subject, $"continuity.csv says the pair above is not made, but it is");
                }
            }
            else if (ruleCodes.Contains(row.Code))
            {
                if (ruleCode != row.Code || row.Rule != brokenRule)
                {
                    Add(PairingRule.P7, subject, $"continuity.csv gives {row.Code} ({row.Rule}), but {(broken is null ? "every rule holds" : $"the roster gives {ruleCode} ({brokenRule})")}");
                }
                else if (row.Counted != counted || row.Available != have || row.Needed != need)
                {
                    Add(PairingRule.P7, subject, $"continuity.csv gives {row.Available} of {row.Needed} {row.Counted}, the roster gives {have} of {need} {counted}");
                }
            }
            else if (stillStands.Contains(row.Code))
            {
                if (above is not null || broken is not null)
                {
                    Add(PairingRule.P7, subject, $"continuity.csv gives {row.Code}, but {(above is not null ? $"its {above} pair is not made" : $"{brokenRule} no longer holds")}");
                }
                else if (row.Code == ContinuityFindings.MoreCovered.Code
                    && (row.Counted != "students" || row.Available is not { } with || row.Needed is not { } without || with >= without))
                {
                    Add(PairingRule.P7, subject, $"continuity.csv gives {row.Available} students covered with the pair and {row.Needed} without: not a loss");
                }
            }
            else
            {
                Add(PairingRule.P7, subject, $"continuity.csv gives the unknown code {row.Code}");
            }
        }

        /// <summary>P4 for one inland school alone: no fewer classes and no fewer students.</summary>
        private bool Fits(School t, School s)
        {
            var tc = roster.ClassesIn(t.Id);
            var sc = roster.ClassesIn(s.Id);
            return tc.Count >= sc.Count && tc.Sum(c => (long)c.Size) >= sc.Sum(c => (long)c.Size);
        }
}
}
