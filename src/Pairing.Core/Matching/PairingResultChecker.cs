using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
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
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options) =>
        Check(roster, result, options, CancellationToken.None);

    /// <summary>Checks a result as <see cref="Check(Roster, PairingResult, PairingOptions)"/> does, stopping when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="options">The options the result must have been made with.</param>
    /// <param name="cancellationToken">Stops the check within milliseconds, between pairs and units.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = Ambient.Use(cancellationToken);
        return new Checker(roster, result, null, options.ToSnapshot()).Run();
    }

    /// <summary>
    /// Checks that a result someone else made belongs to this roster before it is used (a report, an activity check, a
    /// plan to keep): made from it (the summary's input hash is this roster's) and keeping every rule, every reason and
    /// every figure under the options it claims (validated when it was read). Unlike
    /// <see cref="Check(Roster, PairingResult, PairingOptions)"/> it does not say those options were the right ones;
    /// that needs the caller's own.
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="cancellationToken">Stops the check within milliseconds, between pairs and units.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="PairingOptionsException">The options the result claims are not valid (a result read by <see cref="Pairing.Core.Files.Results.PairingResultFiles.Read"/> never claims such).</exception>
    public static PairingCheckReport CheckBelongsTo(Roster roster, PairingResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(result);
        return Check(roster, result, result.Summary.Options.ToOptions(), cancellationToken);
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
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options, PairingResult previous) =>
        Check(roster, result, options, previous, CancellationToken.None);

    /// <summary>Checks a result made with a previous year's result as <see cref="Check(Roster, PairingResult, PairingOptions, PairingResult)"/> does, stopping when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="result">The result.</param>
    /// <param name="options">The options the result must have been made with.</param>
    /// <param name="previous">The previous year's result the run was given.</param>
    /// <param name="cancellationToken">Stops the check within milliseconds, between pairs and units.</param>
    /// <returns>Every violation found; valid when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PairingOptionsException">The options are not valid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PairingCheckReport Check(Roster roster, PairingResult result, PairingOptions options, PairingResult previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(previous);
        options.ThrowIfInvalid();
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = Ambient.Use(cancellationToken);
        return new Checker(roster, result, previous, options.ToSnapshot()).Run();
    }

    private sealed partial class Checker(Roster roster, PairingResult result, PairingResult? previous, PairingOptionsSnapshot expected)
    {
        private readonly List<PairingViolation> _found = [];
        private int _polled;
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
                    Add(CheckFindings.OptionDiffers, "summary.options." + name, new FindingSubject("option", name),
                        A("option", name), A("claimed", OptionValue(claim!)), A("expected", OptionValue(want!)));
                }
            }

            Same("xinjiang_counties_per_inland_county", claimed.XinjiangCountiesPerInlandCounty, _options.XinjiangCountiesPerInlandCounty);
            Same("xinjiang_schools_per_inland_school", claimed.XinjiangSchoolsPerInlandSchool, _options.XinjiangSchoolsPerInlandSchool);
            Same("relax_grade_to_nearest", claimed.RelaxGradeToNearest, _options.RelaxGradeToNearest);
            Same("continuity_first", claimed.ContinuityFirst, _options.ContinuityFirst);
            Same("strict_p4", claimed.StrictP4, _options.StrictP4);
            Same("continuity", claimed.ContinuityFirst ? ContinuityObjective.ContinuityFirst : claimed.Continuity,
                _options.ContinuityFirst ? ContinuityObjective.ContinuityFirst : _options.Continuity);
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
                Add(CheckFindings.PlanningHasPairs, ResultFileNames.ClassPairs, FileSubject(ResultFileNames.ClassPairs),
                    A("count", result.ClassPairs.Count), A("level", PairingLevel.Class));
            }

            if (result.Phase == PairingPhase.Planning && result.StudentPairs.Count > 0)
            {
                Add(CheckFindings.PlanningHasPairs, ResultFileNames.StudentPairs, FileSubject(ResultFileNames.StudentPairs),
                    A("count", result.StudentPairs.Count), A("level", PairingLevel.Student));
            }

            if (result.Phase == PairingPhase.Planning && result.Unpaired.Any(u => u.Level is PairingLevel.Class or PairingLevel.Student))
            {
                Add(CheckFindings.PlanningListsUnpaired, ResultFileNames.Unpaired, FileSubject(ResultFileNames.Unpaired));
            }
        }

        /// <summary>Reports a verdict under its code's own rule (none when the code has none).</summary>
        private void Add(FindingDescriptor code, string subject, FindingSubject about, params FindingArgument[] arguments) =>
            Add(code.Rule is { } rule ? Enum.Parse<PairingRule>(rule) : null, code, subject, about, arguments);

        /// <summary>Reports a verdict under <paramref name="rule"/>, which must be the code's rule where it has one.</summary>
        private void Add(PairingRule? rule, FindingDescriptor code, string subject, FindingSubject about, params FindingArgument[] arguments) =>
            _found.Add(PairingViolation.Of(rule, subject, code.Create(about, null, arguments)));

        private static FindingArgument A(string name, object value) => FindingArgument.Of(name, value);

        /// <summary>An option's value as a finding argument: numbers as they are, a flag as summary.json writes it.</summary>
        private static object OptionValue(object value) => value switch
        {
            bool b => b ? "true" : "false",
            _ => value,
        };

        private static string Pair(string x, string n) => x + "|" + n;

        /// <summary>The subject of a pair of a level: <c>county_pair X|N</c>.</summary>
        private static FindingSubject PairSubject(PairingLevel level, string x, string n) => new(PairingResult.LevelName(level) + "_pair", Pair(x, n));

        private static FindingSubject Unit(PairingLevel level, string id) => new(PairingResult.LevelName(level), id);

        private static FindingSubject FileSubject(string name) => new("file", name);

        private static FindingSubject Figure(string name) => new("summary", name);

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
                Ambient.Poll(ref _polled);
                var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
                var about = PairSubject(PairingLevel.County, p.Xinjiang.Value, p.Inland.Value);
                if (!roster.TryGetCounty(p.Xinjiang, out var x) || !roster.TryGetCounty(p.Inland, out var n))
                {
                    Add(CheckFindings.NoSuchCounty, subject, about, A("missing", x is null ? p.Xinjiang.Value : p.Inland.Value));
                    continue;
                }

                if (!IsXinjiang(x) || IsXinjiang(n))
                {
                    Add(CheckFindings.CountySides, subject, about, A("xinjiang", x.Id.Value), A("inland", n.Id.Value));
                    continue;
                }

                if (roster.ProvinceOf(x) != roster.ProvinceOf(n))
                {
                    Add(CheckFindings.CountyProvinces, subject, about,
                        A("xinjiang", x.Id.Value), A("xinjiangProvince", roster.ProvinceOf(x).Value), A("inland", n.Id.Value), A("inlandProvince", roster.ProvinceOf(n).Value));
                }

                if (!partner.TryAdd(x.Id, n.Id))
                {
                    Add(CheckFindings.XinjiangCountyTwice, subject, about, A("xinjiang", x.Id.Value), A("allowed", 1));
                }

                load[n.Id] = load.GetValueOrDefault(n.Id) + 1;
                if (load[n.Id] == _options.XinjiangCountiesPerInlandCounty + 1)
                {
                    Add(CheckFindings.InlandCountyOverloaded, n.Id.Value, Unit(PairingLevel.County, n.Id.Value),
                        A("inland", n.Id.Value), A("allowed", _options.XinjiangCountiesPerInlandCounty));
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
                Ambient.Poll(ref _polled);
                var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
                var about = PairSubject(PairingLevel.School, p.Xinjiang.Value, p.Inland.Value);
                if (!roster.TryGetSchool(p.Xinjiang, out var s) || !roster.TryGetSchool(p.Inland, out var t))
                {
                    Add(CheckFindings.NoSuchSchool, subject, about, A("missing", s is null ? p.Xinjiang.Value : p.Inland.Value));
                    continue;
                }

                var xc = CountyOfSchool(s);
                var nc = CountyOfSchool(t);
                if (!IsXinjiang(xc) || IsXinjiang(nc))
                {
                    Add(CheckFindings.SchoolSides, subject, about, A("xinjiang", s.Id.Value), A("inland", t.Id.Value));
                    continue;
                }

                if (!countyOf.TryGetValue(xc.Id, out var paired) || paired != nc.Id)
                {
                    Add(CheckFindings.SchoolOutsidePairedCounty, subject, about, A("inland", t.Id.Value), A("inlandCounty", nc.Id.Value), A("xinjiangCounty", xc.Id.Value));
                }

                if (!partner.TryAdd(s.Id, t.Id))
                {
                    Add(CheckFindings.XinjiangSchoolTwice, subject, about, A("xinjiang", s.Id.Value), A("allowed", 1));
                }

                load[t.Id] = load.GetValueOrDefault(t.Id) + 1;
                if (load[t.Id] == _options.XinjiangSchoolsPerInlandSchool + 1)
                {
                    Add(CheckFindings.InlandSchoolOverloaded, t.Id.Value, Unit(PairingLevel.School, t.Id.Value),
                        A("inland", t.Id.Value), A("allowed", _options.XinjiangSchoolsPerInlandSchool));
                }

                var xs = roster.ClassesIn(s.Id);
                var ns = roster.ClassesIn(t.Id);
                var xStudents = xs.Sum(c => c.Size);
                var nStudents = ns.Sum(c => c.Size);
                if (TolerationClaimed(p) is { } row)
                {
                    // Last term's pair kept though P4 no longer holds (strict P4 off): the row's numbers are its first
                    // shortfall, recounted here; a pair that meets P4 claims no tolerance. That the pair is last term's
                    // is checked against the previous result when one is given (a row for a pair it lacks is found).
                    var (counted, have, need) = ns.Count < xs.Count ? ("classes", (long)ns.Count, (long)xs.Count)
                        : nStudents < xStudents ? ("students", nStudents, xStudents)
                        : ((string?)null, (long?)null, (long?)null);
                    if (counted is null)
                    {
                        Add(CheckFindings.EveryRuleHolds, subject, about, A("code", row.Code), A("rule", RuleText(row.Rule)));
                    }
                    else if (row.Counted != counted || row.Available != have || row.Needed != need)
                    {
                        Add(CheckFindings.OtherContinuityNumbers, subject, about,
                            A("rowAvailable", NumberOrNone(row.Available)), A("rowNeeded", NumberOrNone(row.Needed)), A("rowCounted", row.Counted ?? None),
                            A("available", NumberOrNone(have)), A("needed", NumberOrNone(need)), A("counted", counted));
                    }

                    continue;
                }

                if (ns.Count < xs.Count)
                {
                    Add(CheckFindings.SchoolClassesShort, subject, about, A("inland", t.Id.Value), A("available", ns.Count), A("needed", xs.Count));
                }

                if (nStudents < xStudents)
                {
                    Add(CheckFindings.SchoolStudentsShort, subject, about, A("inland", t.Id.Value), A("available", nStudents), A("needed", xStudents));
                }
            }

            return partner;
        }

        /// <summary>
        /// The continuity row that says school pair <paramref name="p"/> is last term's, kept though P4 no longer holds
        /// (<c>CON013</c>, status kept, rule P4); null when there is none or P4 is strict (then P4 is checked as for any pair).
        /// </summary>
        private ContinuityEntry? TolerationClaimed(SchoolPair p)
        {
            if (_options.StrictP4)
            {
                return null;
            }

            _tolerated ??= result.Continuity
                .Where(e => e.Level == PairingLevel.School && e.Status == ContinuityStatus.Kept && e.Code == ContinuityFindings.KeptShort.Code && e.Rule == PairingRule.P4)
                .GroupBy(e => (e.XinjiangId, e.InlandId))
                .ToDictionary(g => g.Key, g => g.First());
            return _tolerated.GetValueOrDefault((p.Xinjiang.Value, p.Inland.Value));
        }

        private Dictionary<(string, string), ContinuityEntry>? _tolerated;

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
                var about = Unit(PairingLevel.School, group.Key.Value);
                if (inland.Count < xinjiang.Count)
                {
                    Add(CheckFindings.SumClassesShort, group.Key.Value, about,
                        A("inland", group.Key.Value), A("available", inland.Count), A("schools", group.Count()), A("needed", xinjiang.Count));
                }

                long have = inland.Sum(c => (long)c.Size), need = xinjiang.Sum(c => (long)c.Size);
                if (have < need)
                {
                    Add(CheckFindings.SumStudentsShort, group.Key.Value, about,
                        A("inland", group.Key.Value), A("available", have), A("schools", group.Count()), A("needed", need));
                }
            }
        }

        private Dictionary<ClassId, ClassId> CheckClasses(Dictionary<SchoolId, SchoolId> schoolOf)
        {
            var partner = new Dictionary<ClassId, ClassId>();
            var taken = new HashSet<ClassId>();
            foreach (var p in result.ClassPairs)
            {
                Ambient.Poll(ref _polled);
                var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
                var about = PairSubject(PairingLevel.Class, p.Xinjiang.Value, p.Inland.Value);
                if (!roster.TryGetClass(p.Xinjiang, out var c) || !roster.TryGetClass(p.Inland, out var d))
                {
                    Add(CheckFindings.NoSuchClass, subject, about, A("missing", c is null ? p.Xinjiang.Value : p.Inland.Value));
                    continue;
                }

                var s = SchoolOfClass(c);
                var t = SchoolOfClass(d);
                if (!IsXinjiang(CountyOfSchool(s)) || IsXinjiang(CountyOfSchool(t)))
                {
                    Add(CheckFindings.ClassSides, subject, about, A("xinjiang", c.Id.Value), A("inland", d.Id.Value));
                    continue;
                }

                if (!schoolOf.TryGetValue(s.Id, out var paired) || paired != t.Id)
                {
                    Add(CheckFindings.ClassOutsidePairedSchool, subject, about, A("inland", d.Id.Value), A("inlandSchool", t.Id.Value), A("xinjiangSchool", s.Id.Value));
                }

                if (GradeIn(t, c.Grade) != d.Grade)
                {
                    Add(CheckFindings.ClassGrades, subject, about, A("xinjiangGrade", c.Grade), A("inlandGrade", d.Grade));
                }

                if (!partner.TryAdd(c.Id, d.Id))
                {
                    Add(CheckFindings.XinjiangClassTwice, subject, about, A("xinjiang", c.Id.Value), A("allowed", 1));
                }

                if (!taken.Add(d.Id))
                {
                    Add(CheckFindings.InlandClassTwice, subject, about, A("inland", d.Id.Value), A("allowed", 1));
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
                Ambient.Poll(ref _polled);
                var subject = Pair(p.Xinjiang.Value, p.Inland.Value);
                var about = PairSubject(PairingLevel.Student, p.Xinjiang.Value, p.Inland.Value);
                if (!roster.TryGetStudent(p.Xinjiang, out var x) || !roster.TryGetStudent(p.Inland, out var y))
                {
                    Add(CheckFindings.NoSuchStudent, subject, about, A("missing", x is null ? p.Xinjiang.Value : p.Inland.Value));
                    continue;
                }

                var c = roster.GetClass(x.ClassId);
                var d = roster.GetClass(y.ClassId);
                var s = SchoolOfClass(c);
                var t = SchoolOfClass(d);
                if (!IsXinjiang(CountyOfSchool(s)) || IsXinjiang(CountyOfSchool(t)))
                {
                    Add(CheckFindings.StudentSides, subject, about, A("xinjiang", x.Id.Value), A("inland", y.Id.Value));
                    continue;
                }

                if (!partner.TryAdd(x.Id, p))
                {
                    Add(CheckFindings.XinjiangStudentTwice, subject, about, A("xinjiang", x.Id.Value), A("allowed", 1));
                }

                if (!taken.Add(y.Id))
                {
                    Add(CheckFindings.InlandStudentTwice, subject, about, A("inland", y.Id.Value), A("allowed", 1));
                }

                if (!schoolOf.TryGetValue(s.Id, out var paired) || paired != t.Id)
                {
                    Add(CheckFindings.StudentOutsidePairedSchool, subject, about, A("inland", y.Id.Value), A("inlandSchool", t.Id.Value), A("xinjiangSchool", s.Id.Value));
                }

                if (GradeIn(t, c.Grade) != d.Grade)
                {
                    Add(CheckFindings.StudentGrades, subject, about, A("xinjiangGrade", c.Grade), A("inlandGrade", d.Grade));
                }

                var cross = !(classOf.TryGetValue(c.Id, out var pc) && pc == d.Id);
                if (cross != p.CrossClass)
                {
                    Add(p.CrossClass ? CheckFindings.MarkedCrossClass : CheckFindings.NotMarkedCrossClass, subject, about,
                        A("xinjiangClass", c.Id.Value), A("inlandClass", d.Id.Value));
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
                Ambient.Poll(ref _polled);
                var about = Unit(u.Level, u.Id);
                if (!listed.TryAdd((u.Level, u.Id), u))
                {
                    Add(CheckFindings.ListedTwice, u.Id, about, A("level", u.Level));
                }

                if (u.Rule is < PairingRule.P1 or > PairingRule.P6)
                {
                    Add(CheckFindings.RuleNotP1ToP6, u.Id, about, A("rule", u.Rule.ToString()));
                }

                if (!IsWellFormedId(u.Id))
                {
                    Add(CheckFindings.MalformedUnpairedId, u.Id, about, A("level", u.Level), A("id", u.Id));
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
                    Add(CheckFindings.ListedNotInRoster, u.Id, about, A("level", u.Level));
                }
                else
                {
                    CheckReason(u, countyOf, schoolOf);
                }
            }

            CheckGradeShortfalls(listed, schoolOf);

            void Account(PairingLevel level, string id, bool paired)
            {
                Ambient.Poll(ref _polled);
                var isListed = listed.ContainsKey((level, id));
                if (paired && isListed)
                {
                    Add(CheckFindings.PairedAndListed, id, Unit(level, id), A("level", level));
                }
                else if (!paired && !isListed)
                {
                    Add(CheckFindings.Lost, id, Unit(level, id), A("level", level));
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
            if (s.CoverageUpperBound is { } bound && bound < s.CoveredStudents)
            {
                // A bound below what this very result covers is no bound.
                Add(CheckFindings.BoundBelowCovered, "summary.coverage_upper_bound", Figure("coverage_upper_bound"), A("bound", bound), A("covered", s.CoveredStudents));
            }

            void Same<T>(string figure, T stated, T counted)
            {
                if (!EqualityComparer<T>.Default.Equals(stated, counted))
                {
                    if (stated is null)
                    {
                        Add(CheckFindings.FigureMissing, "summary." + figure, Figure(figure), A("figure", figure), A("counted", counted!));
                    }
                    else
                    {
                        Add(CheckFindings.FigureDiffers, "summary." + figure, Figure(figure), A("figure", figure), A("stated", stated), A("counted", counted!));
                    }
                }
            }

            // Another roster's result (or an edited one) is said once (a plan's too: the planning phase returns early below), as the cause of everything else that differs.
            var hash = RosterHash.Of(roster);
            if (!string.Equals(s.InputHash, hash, StringComparison.Ordinal))
            {
                Add(CheckFindings.OtherRoster, "summary.input_hash", Figure("input_hash"), A("stated", s.InputHash), A("counted", hash));
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
                Ambient.Poll(ref _polled);
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
        }
    
        /// <summary>continuity.csv against the previous result, recounted from the roster.</summary>
        private void CheckContinuity(PairingResult last)
        {
            var rows = new Dictionary<(PairingLevel, string, string), ContinuityEntry>();
            foreach (var e in result.Continuity)
            {
                if (!rows.TryAdd((e.Level, e.XinjiangId, e.InlandId), e))
                {
                    Add(CheckFindings.ContinuityRowTwice, Pair(e.XinjiangId, e.InlandId), PairSubject(e.Level, e.XinjiangId, e.InlandId), A("level", e.Level));
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

            // Every pair made this term that the previous result lacks has a row with status new.
            var made = new List<(PairingLevel Level, string X, string N)>();
            made.AddRange(result.CountyPairs.Select(p => (PairingLevel.County, p.Xinjiang.Value, p.Inland.Value)));
            made.AddRange(result.SchoolPairs.Select(p => (PairingLevel.School, p.Xinjiang.Value, p.Inland.Value)));
            made.AddRange(result.ClassPairs.Select(p => (PairingLevel.Class, p.Xinjiang.Value, p.Inland.Value)));
            made.AddRange(result.StudentPairs.Select(p => (PairingLevel.Student, p.Xinjiang.Value, p.Inland.Value)));
            foreach (var key in made.Where(k => !expectedSet.Contains(k)))
            {
                var subject = Pair(key.X, key.N);
                var about = PairSubject(key.Level, key.X, key.N);
                if (!rows.TryGetValue(key, out var row))
                {
                    Add(CheckFindings.NewPairNotListed, subject, about, A("level", key.Level), A("status", None), A("code", None));
                }
                else if (row.Status != ContinuityStatus.New || row.Code != ContinuityFindings.New.Code)
                {
                    Add(CheckFindings.NewPairNotListed, subject, about, A("level", key.Level), A("status", row.Status), A("code", row.Code));
                }

                expectedSet.Add(key);
            }

            foreach (var key in rows.Keys.Where(k => !expectedSet.Contains(k)))
            {
                Add(CheckFindings.ContinuityRowNotInPrevious, Pair(key.Item2, key.Item3), PairSubject(key.Item1, key.Item2, key.Item3), A("level", key.Item1));
            }

            var counties = result.CountyPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            var schools = result.SchoolPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            var classes = result.ClassPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            var students = result.StudentPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            var lastClasses = last.ClassPairs.Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            var lastCross = last.StudentPairs.Where(p => p.CrossClass).Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            var crossNow = result.StudentPairs.Where(p => p.CrossClass).Select(p => (p.Xinjiang.Value, p.Inland.Value)).ToHashSet();
            foreach (var (level, x, n) in expected.Distinct())
            {
                var subject = Pair(x, n);
                var about = PairSubject(level, x, n);
                if (!rows.TryGetValue((level, x, n), out var row))
                {
                    Add(CheckFindings.ContinuityRowMissing, subject, about, A("level", level));
                    continue;
                }

                var isMade = level switch
                {
                    PairingLevel.County => counties.Contains((x, n)),
                    PairingLevel.School => schools.Contains((x, n)),
                    PairingLevel.Class => classes.Contains((x, n)),
                    _ => students.Contains((x, n)),
                };
                var kept = row.Status == ContinuityStatus.Kept;
                var keptCode = row.Code == ContinuityFindings.Kept.Code
                    || (level == PairingLevel.School && row.Code == ContinuityFindings.KeptShort.Code)
                    || (level == PairingLevel.Student && row.Code == ContinuityFindings.KeptClassChanged.Code);
                if (kept != isMade || kept != keptCode || row.Status == ContinuityStatus.New)
                {
                    Add(isMade ? CheckFindings.ContinuityStatusButMade : CheckFindings.ContinuityStatusButNotMade, subject, about,
                        A("status", row.Status), A("code", row.Code));
                    continue;
                }

                if (kept && level == PairingLevel.Student && roster.TryGetStudent(new StudentId(x), out var xs) && roster.TryGetStudent(new StudentId(n), out var ns))
                {
                    // CON016 exactly when the students' classes are a class pair in one term and not in the other.
                    var classPair = (xs.ClassId.Value, ns.ClassId.Value);
                    var changed = lastClasses.Contains(classPair) != classes.Contains(classPair)
                        || lastCross.Contains((x, n)) != crossNow.Contains((x, n));
                    if (changed != (row.Code == ContinuityFindings.KeptClassChanged.Code))
                    {
                        Add(CheckFindings.ClassChangeWrong, subject, about, A("code", row.Code),
                            A("expected", changed ? ContinuityFindings.KeptClassChanged.Code : ContinuityFindings.Kept.Code));
                        continue;
                    }
                }

                if (!kept)
                {
                    CheckDropped(level, x, n, row, subject, about, last);
                }
            }

            if (result.Summary.ContinuityCounts is not { } counts)
            {
                Add(CheckFindings.NoContinuityCounts, "summary.continuity", Figure("continuity"));
                return;
            }

            foreach (var group in result.Continuity.GroupBy(e => e.Code))
            {
                if (counts.GetValueOrDefault(group.Key) != group.Count())
                {
                    Add(CheckFindings.ContinuityCountDiffers, "summary.continuity." + group.Key, Figure("continuity." + group.Key),
                        A("code", group.Key), A("stated", counts.GetValueOrDefault(group.Key)), A("counted", group.Count()));
                }
            }

            foreach (var (code, count) in counts.Where(c => c.Value != 0 && !result.Continuity.Any(e => e.Code == c.Key)))
            {
                Add(CheckFindings.ContinuityCountDiffers, "summary.continuity." + code, Figure("continuity." + code),
                    A("code", code), A("stated", count), A("counted", 0));
            }

            // Kept, dropped and new per level, recounted from the rows (summaries written before issue 24 have none).
            if (result.Summary.ContinuityByLevel is { } byLevel)
            {
                static string Status(ContinuityStatus s) => s switch
                {
                    ContinuityStatus.Kept => "kept",
                    ContinuityStatus.New => "new",
                    _ => "dropped",
                };
                var recounted = result.Continuity
                    .GroupBy(e => LevelText(e.Level) + "." + Status(e.Status))
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                foreach (var key in byLevel.Keys.Union(recounted.Keys).Order(StringComparer.Ordinal))
                {
                    var stated = byLevel.GetValueOrDefault(key);
                    var counted = recounted.GetValueOrDefault(key);
                    if (stated != counted)
                    {
                        Add(CheckFindings.ContinuityCountDiffers, "summary.continuity_levels." + key, Figure("continuity_levels." + key),
                            A("code", key), A("stated", stated), A("counted", counted));
                    }
                }
            }
        }

        /// <summary>Whether a dropped pair's reason is true, recomputed from the roster.</summary>
        private void CheckDropped(PairingLevel level, string x, string n, ContinuityEntry row, string subject, FindingSubject about, PairingResult last)
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
                    Add(CheckFindings.MemberLeftButBothIn, subject, about);
                }

                return;
            }

            if (left)
            {
                Add(CheckFindings.MemberLeftOtherCode, subject, about, A("code", row.Code));
                return;
            }

            // Whether the pair above is made this year, and whether every rule still holds for the pair itself.
            PairingLevel? above = null;
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
                    else if (xs.Count > 0 && !roster.SchoolsIn(nc.Id).Any(t => xs.Any(s => Fits(t, s) || Tolerated(last, s, t))))
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
                        above = PairingLevel.County;
                    }

                    var sc = roster.ClassesIn(s.Id);
                    var tc = roster.ClassesIn(t.Id);
                    if (Tolerated(last, s, t))
                    {
                        // Last term's pair, P4 not strict: a shortfall breaks no rule.
                    }
                    else if (tc.Count < sc.Count)
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
                        above = PairingLevel.School;
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
                ContinuityFindings.MoreKept.Code,
            ];
            if (row.Code == ContinuityFindings.PairAboveDropped.Code)
            {
                if (above is null)
                {
                    Add(CheckFindings.PairAboveMade, subject, about);
                }
            }
            else if (ruleCodes.Contains(row.Code))
            {
                if (ruleCode != row.Code || row.Rule != brokenRule)
                {
                    if (broken is null)
                    {
                        Add(CheckFindings.EveryRuleHolds, subject, about, A("code", row.Code), A("rule", RuleText(row.Rule)));
                    }
                    else
                    {
                        Add(CheckFindings.OtherRuleBroken, subject, about,
                            A("code", row.Code), A("rule", RuleText(row.Rule)), A("expected", ruleCode!), A("expectedRule", RuleText(brokenRule)));
                    }
                }
                else if (row.Counted != counted || row.Available != have || row.Needed != need)
                {
                    Add(CheckFindings.OtherContinuityNumbers, subject, about,
                        A("rowAvailable", NumberOrNone(row.Available)), A("rowNeeded", NumberOrNone(row.Needed)), A("rowCounted", row.Counted ?? None),
                        A("available", NumberOrNone(have)), A("needed", NumberOrNone(need)), A("counted", counted ?? None));
                }
            }
            else if (stillStands.Contains(row.Code))
            {
                if (above is { } aboveLevel)
                {
                    Add(CheckFindings.StillStandsPairAboveNotMade, subject, about, A("code", row.Code), A("above", aboveLevel));
                }
                else if (broken is not null)
                {
                    Add(CheckFindings.StillStandsRuleBroken, subject, about, A("code", row.Code), A("rule", RuleText(brokenRule)));
                }
                else if (row.Code == ContinuityFindings.MoreCovered.Code
                    && (row.Counted != "students" || row.Available is not { } with || row.Needed is not { } without || with >= without))
                {
                    Add(CheckFindings.NotALoss, subject, about, A("available", NumberOrNone(row.Available)), A("needed", NumberOrNone(row.Needed)));
                }
                else if (row.Code == ContinuityFindings.MoreKept.Code
                    && (row.Counted != "students" || row.Available is not { } kept || row.Needed is not { } made || kept <= made))
                {
                    // CON014 says the pair would have covered more: the numbers must say so too.
                    Add(CheckFindings.NotALoss, subject, about, A("available", NumberOrNone(row.Available)), A("needed", NumberOrNone(row.Needed)));
                }
            }
            else
            {
                Add(CheckFindings.UnknownContinuityCode, subject, about, A("code", row.Code));
            }
        }

        /// <summary>What an argument shows where a row or the roster has no number, rule or word: <c>-</c>.</summary>
        private const string None = "-";

        private static string LevelText(PairingLevel level) => level switch
        {
            PairingLevel.County => "county",
            PairingLevel.School => "school",
            PairingLevel.Class => "class",
            _ => "student",
        };

        private static string RuleText(PairingRule? rule) => rule?.ToString() ?? None;

        private static object NumberOrNone(long? n) => n is { } value ? value : None;

        private static object NumberOrNone(int? n) => n is { } value ? value : None;

        /// <summary>Whether school pair (s, t) is last term's and P4 is not strict: it may stand though P4 fails.</summary>
        private bool Tolerated(PairingResult last, School s, School t) =>
            !_options.StrictP4 && (_lastSchools ??= [.. last.SchoolPairs]).Contains(new SchoolPair(s.Id, t.Id));

        private HashSet<SchoolPair>? _lastSchools;

        /// <summary>P4 for one inland school alone: no fewer classes and no fewer students.</summary>
        private bool Fits(School t, School s)
        {
            var tc = roster.ClassesIn(t.Id);
            var sc = roster.ClassesIn(s.Id);
            return tc.Count >= sc.Count && tc.Sum(c => (long)c.Size) >= sc.Sum(c => (long)c.Size);
        }
}
}
