using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;

namespace Pairing.Core.Generation;

/// <summary>
/// The work of <see cref="RosterGenerator.NextYear"/>: decides per county which schools close and open, sizes the
/// intake across counties, then ages each county (its own pseudo-random stream, so in parallel) and assembles the
/// new roster in the old one's order.
/// </summary>
internal static class NextYearBuilder
{
    // Stream numbers apart from the first year's (RosterGenerator uses 1–3 << 20). Students' attributes draw from a
    // stream of their own, so that a counts-only roster ages into the same layout as the full one.
    private const ulong CountyStream = 4UL << 20;
    private const ulong StudentStream = 5UL << 20;

    /// <summary>The first intake grade of each stage.</summary>
    private static readonly int[] IntakeGrades = [7, 10];

    public static Roster Build(Roster roster, NextYearOptions options, long populationFallback)
    {
        var year = options.SchoolYear ?? InferYear(roster);
        var map = roster.SupportMap;
        var counties = new CountyYear[roster.Counties.Count];
        for (var k = 0; k < counties.Length; k++)
        {
            counties[k] = new CountyYear(roster, roster.Counties[k], options, year, new GeneratorRandom(options.Seed, CountyStream + (ulong)k),
                new GeneratorRandom(options.Seed, StudentStream + (ulong)k));
            counties[k].DecideSchools();
        }

        SizeIntake(roster, map, counties, populationFallback);

        // Each county from its own stream, so the result does not depend on how the work is spread over cores.
        Parallel.For(0, counties.Length, k => counties[k].Age());

        var builder = new RosterBuilder(map);
        if (roster.HasStudents)
        {
            builder.StudentCapacityHint = (int)Math.Min(int.MaxValue, counties.Sum(c => (long)c.Students.Count));
        }

        foreach (var county in counties)
        {
            builder.AddCounty(county.County);
            foreach (var school in county.Schools)
            {
                builder.AddSchool(school);
            }

            foreach (var (id, school, grade, size) in county.Classes)
            {
                builder.AddClass(id, school, new Grade(grade), size);
            }

            foreach (var student in county.Students)
            {
                builder.AddStudent(student);
            }
        }

        var result = builder.Build();
        if (!result.IsValid)
        {
            Throw.InvalidOperation(
                "The next year's roster is one that RosterBuilder rejects (a bug in the generator): "
                + string.Join(Environment.NewLine, result.Errors.Take(20)));
        }

        return result.Value;
    }

    /// <summary>
    /// The year after the latest one found in the ids of classes an earlier next year made
    /// (<c>{school}-{year}-{grade}-{n}</c>), or the year after the generator's first.
    /// </summary>
    internal static int InferYear(Roster roster)
    {
        var latest = StudentFactory.SchoolYear;
        foreach (var schoolClass in roster.Classes)
        {
            var id = schoolClass.Id.Value.AsSpan();
            var prefix = schoolClass.SchoolId.Value;
            if (id.Length >= prefix.Length + 6
                && id.StartsWith(prefix, StringComparison.Ordinal)
                && id[prefix.Length] == '-'
                && id[prefix.Length + 5] == '-'
                && int.TryParse(id.Slice(prefix.Length + 1, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && year is >= NextYearOptions.MinSchoolYear and <= NextYearOptions.MaxSchoolYear)
            {
                latest = Math.Max(latest, year);
            }
        }

        return Math.Min(latest + 1, NextYearOptions.MaxSchoolYear);
    }

    /// <summary>
    /// Sets each county's intake of grades 7 and 10. Xinjiang: the first year's share of a grade in the roster's
    /// Xinjiang students, split by population over the counties that teach the stage. Inland: each county's own last
    /// year scaled as its province's Xinjiang counties are.
    /// </summary>
    private static void SizeIntake(Roster roster, SupportMap map, CountyYear[] counties, long populationFallback)
    {
        const long Total = SchoolLayout.XinjiangJunior2014 + SchoolLayout.XinjiangSenior2014;
        long xinjiangStudents = 0;
        foreach (var county in counties)
        {
            if (county.County.Side == Side.Xinjiang)
            {
                xinjiangStudents += county.LastYearStudents;
            }
        }

        // Rounded half up in integers, as the first year splits junior from senior.
        ReadOnlySpan<long> wanted =
        [
            ((2 * xinjiangStudents * SchoolLayout.XinjiangJunior2014) + (3 * Total)) / (6 * Total),
            ((2 * 103 * xinjiangStudents * SchoolLayout.XinjiangSenior2014) + (300 * Total)) / (600 * Total),
        ];

        var xinjiang = counties.Where(c => c.County.Side == Side.Xinjiang).ToArray();
        var intakeOfProvince = new Dictionary<ProvinceId, long[]>();
        var lastYearOfProvince = new Dictionary<ProvinceId, long[]>();
        for (var s = 0; s < IntakeGrades.Length; s++)
        {
            var grade = IntakeGrades[s];
            var weights = new long[xinjiang.Length];
            for (var i = 0; i < xinjiang.Length; i++)
            {
                weights[i] = xinjiang[i].Teaches(grade)
                    ? map.TryGetCounty(xinjiang[i].County.Id, out var reference) ? reference.Population ?? populationFallback : populationFallback
                    : 0;
            }

            var shares = weights.Any(w => w > 0) ? Apportionment.Split((int)Math.Min(int.MaxValue, wanted[s]), weights) : new int[xinjiang.Length];
            for (var i = 0; i < xinjiang.Length; i++)
            {
                xinjiang[i].Intake[s] = shares[i];
                var province = roster.ProvinceOf(xinjiang[i].County);
                Add(intakeOfProvince, province, s, shares[i]);
                Add(lastYearOfProvince, province, s, xinjiang[i].LastYearOf(grade));
            }
        }

        foreach (var county in counties)
        {
            if (county.County.Side != Side.Inland)
            {
                continue;
            }

            var province = roster.ProvinceOf(county.County);
            for (var s = 0; s < IntakeGrades.Length; s++)
            {
                var basis = county.IntakeBasis(IntakeGrades[s]);
                var intake = intakeOfProvince.TryGetValue(province, out var i) ? i[s] : 0;
                var last = lastYearOfProvince.TryGetValue(province, out var l) ? l[s] : 0;

                // Rounded half up: basis × intake / last, or the basis itself where the province had no such grade.
                county.Intake[s] = last > 0
                    ? (int)Math.Min(int.MaxValue, ((2 * basis * intake) + last) / (2 * last))
                    : (int)Math.Min(int.MaxValue, basis);
            }
        }
    }

    private static void Add(Dictionary<ProvinceId, long[]> sums, ProvinceId province, int stage, long value)
    {
        if (!sums.TryGetValue(province, out var row))
        {
            sums[province] = row = new long[IntakeGrades.Length];
        }

        row[stage] += value;
    }

    /// <summary>One county's next year: what it keeps, closes and opens, and the units it ends with.</summary>
    private sealed class CountyYear(
        Roster roster, County county, NextYearOptions options, int year, GeneratorRandom random, GeneratorRandom studentRandom)
    {
        private readonly List<OldSchool> _kept = [];
        private readonly List<NewSchool> _opened = [];
        private GeneratorRandom _random = random;
        private GeneratorRandom _studentRandom = studentRandom;
        private int _nextStudent;

        public County County { get; } = county;

        /// <summary>This year's intake of grade 7 (index 0) and grade 10 (index 1), set once schools are decided.</summary>
        public int[] Intake { get; } = new int[IntakeGrades.Length];

        /// <summary>Students of the county in the old roster, whatever happens to their schools.</summary>
        public long LastYearStudents { get; private set; }

        public List<School> Schools { get; } = [];

        public List<(ClassId Id, SchoolId School, int Grade, int Size)> Classes { get; } = [];

        public List<Student> Students { get; } = [];

        private long[] LastYearGrades { get; } = new long[Grade.MaxNumber + 1];

        /// <summary>Closes some schools (never the last one) and opens some, drawing in school id order.</summary>
        public void DecideSchools()
        {
            var schools = roster.SchoolsIn(County.Id);
            var open = schools.Count;
            foreach (var school in schools)
            {
                var old = new OldSchool(school, roster.ClassesIn(school.Id));
                foreach (var c in old.Classes)
                {
                    LastYearGrades[c.Grade.Number] += c.Size;
                    LastYearStudents += c.Size;
                }

                if (open > 1 && _random.Chance(options.SchoolCloseRate))
                {
                    open--;
                    continue;
                }

                _kept.Add(old);
            }

            var junior = _kept.Any(s => s.Teaches(7));
            var senior = _kept.Any(s => s.Teaches(10));
            foreach (var _ in schools)
            {
                if (!_random.Chance(options.SchoolOpenRate) || !(junior || senior))
                {
                    continue;
                }

                var r = _random.NextDouble();
                var kind = junior && senior
                    ? r < 0.55 ? SchoolKind.Junior : r < 0.8 ? SchoolKind.Senior : SchoolKind.Complete
                    : junior ? SchoolKind.Junior : SchoolKind.Senior;
                _opened.Add(new NewSchool(kind));
            }
        }

        /// <summary>Whether a school this year (kept or opened) teaches the stage that <paramref name="grade"/> starts.</summary>
        public bool Teaches(int grade) => _kept.Any(s => s.Teaches(grade)) || _opened.Any(s => s.Teaches(grade));

        /// <summary>Last year's students of one grade in the county, in every school.</summary>
        public long LastYearOf(int grade) => LastYearGrades[grade];

        /// <summary>What an inland county's intake of a grade is scaled from: its schools' bases, opened ones included.</summary>
        public long IntakeBasis(int grade)
        {
            var kept = _kept.Sum(s => s.Basis(grade).Students);
            return kept + (_opened.Count(s => s.Teaches(grade)) * AverageBasis(grade));
        }

        /// <summary>Ages the county: graduation, moving up, transfers, intake; then gives out ids.</summary>
        public void Age()
        {
            var languages = StudentFactory.LanguagesOf(County, roster.SupportMap);
            var newClasses = new List<(int School, int Grade, int Size)>[_kept.Count + _opened.Count];
            for (var i = 0; i < newClasses.Length; i++)
            {
                newClasses[i] = [];
            }

            // Intake first, so that its draws do not depend on how many students transfer.
            for (var s = 0; s < IntakeGrades.Length; s++)
            {
                var grade = IntakeGrades[s];
                var weights = new long[newClasses.Length];
                var classes = new int[newClasses.Length];
                var average = AverageBasis(grade);
                for (var i = 0; i < _kept.Count; i++)
                {
                    (weights[i], classes[i]) = _kept[i].Basis(grade);
                }

                for (var i = 0; i < _opened.Count; i++)
                {
                    weights[_kept.Count + i] = _opened[i].Teaches(grade) ? average : 0;
                }

                var shares = Apportionment.Split(Intake[s], weights);
                for (var i = 0; i < shares.Length; i++)
                {
                    if (shares[i] == 0)
                    {
                        continue;
                    }

                    var count = classes[i] > 0 ? classes[i] : Math.Max(1, (shares[i] + 22) / 45);
                    foreach (var size in ClassSizes(shares[i], count))
                    {
                        newClasses[i].Add((i, grade, size));
                    }
                }
            }

            var emptied = new HashSet<School>();
            for (var i = 0; i < _kept.Count; i++)
            {
                var old = _kept[i];
                var before = Classes.Count;
                Schools.Add(old.School);
                foreach (var c in old.Classes)
                {
                    if (c.Grade.Number is 9 or 12)
                    {
                        continue; // graduates
                    }

                    MoveUp(c, languages);
                }

                AddIntake(old.School.Id, newClasses[i], languages);
                if (Classes.Count == before)
                {
                    emptied.Add(old.School);
                }
            }

            var sequence = 0;
            for (var i = 0; i < _opened.Count; i++)
            {
                if (newClasses[_kept.Count + i].Count == 0)
                {
                    continue; // an opened school that this year's intake does not reach does not open
                }

                SchoolId id;
                var letter = _opened[i].Kind switch
                {
                    SchoolKind.Junior => "J",
                    SchoolKind.Senior => "S",
                    _ => "C",
                };
                do
                {
                    sequence++;
                    id = new SchoolId(string.Create(CultureInfo.InvariantCulture, $"{County.Id.Value}-{letter}{year}-{sequence:D2}"));
                }
                while (roster.TryGetSchool(id, out _));

                Schools.Add(new School(id, County.Id, string.Create(CultureInfo.InvariantCulture, $"{County.Name}{year}年新建第{sequence}中学")));
                AddIntake(id, newClasses[_kept.Count + i], languages);
            }

            // A school left without a class (its last grades graduated, no intake reached it) closes, unless it is
            // the county's last.
            if (Schools.Count > emptied.Count)
            {
                Schools.RemoveAll(emptied.Contains);
            }
        }

        /// <summary>The average intake basis of the county's kept schools teaching the stage (at least 1).</summary>
        private long AverageBasis(int grade)
        {
            var teaching = _kept.Where(s => s.Teaches(grade)).ToArray();
            return teaching.Length == 0 ? 45 : Math.Max(1, teaching.Sum(s => s.Basis(grade).Students) / teaching.Length);
        }

        private void MoveUp(SchoolClass c, (string Language, int PerMille)[] languages)
        {
            var grade = c.Grade.Number + 1;
            var before = c.Size;
            var arriving = (int)(before * options.TransferInRate);
            if (_random.Chance((before * options.TransferInRate) - arriving))
            {
                arriving++;
            }

            if (!roster.HasStudents)
            {
                var staying = 0;
                for (var k = 0; k < before; k++)
                {
                    staying += _random.Chance(options.TransferOutRate) ? 0 : 1;
                }

                var size = Math.Min(SchoolClass.MaxSize, staying + arriving);
                if (size > 0)
                {
                    Classes.Add((c.Id, c.SchoolId, grade, size));
                }

                return;
            }

            var first = Students.Count;
            foreach (var student in roster.StudentsIn(c.Id))
            {
                if (!_random.Chance(options.TransferOutRate))
                {
                    Students.Add(student);
                }
            }

            arriving = Math.Min(arriving, SchoolClass.MaxSize - (Students.Count - first));
            for (var k = 0; k < arriving; k++)
            {
                Students.Add(StudentFactory.Make(NewStudentId(), c.Id, grade, year, languages, ref _studentRandom));
            }

            if (Students.Count > first)
            {
                Classes.Add((c.Id, c.SchoolId, grade, Students.Count - first));
            }
        }

        private void AddIntake(SchoolId school, List<(int School, int Grade, int Size)> classes, (string Language, int PerMille)[] languages)
        {
            var inGrade = new int[Grade.MaxNumber + 1];
            foreach (var (_, grade, size) in classes)
            {
                ClassId id;
                do
                {
                    var n = ++inGrade[grade];
                    id = new ClassId(string.Create(CultureInfo.InvariantCulture, $"{school.Value}-{year}-{grade:D2}-{n:D2}"));
                }
                while (roster.TryGetClass(id, out _));

                Classes.Add((id, school, grade, size));
                if (roster.HasStudents)
                {
                    for (var k = 0; k < size; k++)
                    {
                        Students.Add(StudentFactory.Make(NewStudentId(), id, grade, year, languages, ref _studentRandom));
                    }
                }
            }
        }

        /// <summary>The next id for a new student of the county, one that the old roster does not use.</summary>
        private StudentId NewStudentId()
        {
            StudentId id;
            do
            {
                _nextStudent++;
                id = new StudentId(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(County.Side == Side.Xinjiang ? "X" : "N")}{County.Id.Value}-{year}-{_nextStudent:D6}"));
            }
            while (roster.TryGetStudent(id, out _));

            return id;
        }

        /// <summary>Sizes of <paramref name="count"/> classes sharing <paramref name="students"/>: within ±10%, each 1 to 200.</summary>
        private int[] ClassSizes(int students, int count)
        {
            count = Math.Clamp(count, (students + SchoolClass.MaxSize - 1) / SchoolClass.MaxSize, students);
            var weights = new double[count];
            for (var i = 0; i < count; i++)
            {
                weights[i] = _random.Uniform(0.9, 1.1);
            }

            var sizes = Apportionment.Split(students, weights);
            for (var i = 0; i < sizes.Length; i++)
            {
                while (sizes[i] == 0)
                {
                    var largest = Array.IndexOf(sizes, sizes.Max());
                    sizes[largest]--;
                    sizes[i]++;
                }

                // Near 200 a class, the spread could push one over: the count leaves room in the others.
                while (sizes[i] > SchoolClass.MaxSize)
                {
                    var smallest = Array.IndexOf(sizes, sizes.Min());
                    sizes[smallest]++;
                    sizes[i]--;
                }
            }

            return sizes;
        }
    }

    /// <summary>A school of the old roster that stays open, with its classes of last year.</summary>
    private sealed class OldSchool(School school, IReadOnlyList<SchoolClass> classes)
    {
        public School School { get; } = school;

        public IReadOnlyList<SchoolClass> Classes { get; } = classes;

        /// <summary>Whether the school taught any grade of the stage <paramref name="grade"/> belongs to.</summary>
        public bool Teaches(int grade) => Classes.Any(c => c.Grade.Stage == new Grade(grade).Stage);

        /// <summary>
        /// What the school's intake of <paramref name="grade"/> is sized after: last year's students and classes of
        /// that grade, or where it had none, the average over the stage's grades that it taught; zero when it teaches
        /// no grade of the stage.
        /// </summary>
        public (long Students, int Classes) Basis(int grade)
        {
            var students = 0L;
            var classes = 0;
            foreach (var c in Classes)
            {
                if (c.Grade.Number == grade)
                {
                    students += c.Size;
                    classes++;
                }
            }

            if (classes > 0)
            {
                return (students, classes);
            }

            var stage = new Grade(grade).Stage;
            var grades = Classes.Where(c => c.Grade.Stage == stage).Select(c => c.Grade.Number).Distinct().Count();
            if (grades == 0)
            {
                return (0, 0);
            }

            students = Classes.Where(c => c.Grade.Stage == stage).Sum(c => (long)c.Size);
            classes = Classes.Count(c => c.Grade.Stage == stage);
            return (Math.Max(1, students / grades), Math.Max(1, (classes + (grades / 2)) / grades));
        }
    }

    /// <summary>A school that opens this year: it teaches the stages of its kind, starting with their intake grades.</summary>
    private sealed class NewSchool(SchoolKind kind)
    {
        public SchoolKind Kind { get; } = kind;

        public bool Teaches(int grade) => grade <= 9 ? Kind != SchoolKind.Senior : Kind != SchoolKind.Junior;
    }
}
