using Pairing.Core.Files;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Reference;

namespace Pairing.Core.Rosters;

/// <summary>
/// Builds a <see cref="Roster"/> from rows an integrator already has (a provincial database, say) rather than
/// from files. <see cref="Build"/> checks everything the file reader checks that is not about file syntax, and
/// lists every problem at once.
/// </summary>
/// <remarks>Not thread-safe; one builder builds one roster.</remarks>
public sealed class RosterBuilder
{
    private readonly SupportMap _map;
    private readonly List<Row<County>> _counties = [];
    private readonly List<Row<School>> _schools = [];
    private readonly List<ClassRow> _classes = [];
    private readonly StudentRows _students = new();
    private readonly CappedProblems _problems = [];
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Source>> _rejected = new(StringComparer.Ordinal);
    private bool _hasStudents;

    /// <summary>Creates a builder that checks against the notice's support map.</summary>
    public RosterBuilder()
        : this(SupportMap.Default)
    {
    }

    /// <summary>Creates a builder that checks against the given support map.</summary>
    /// <param name="supportMap">The support map to check areas and provinces against.</param>
    public RosterBuilder(SupportMap supportMap) => _map = Guard.NotNull(supportMap);

    /// <summary>Adds a county of either side.</summary>
    public RosterBuilder AddCounty(County county)
    {
        _counties.Add(new Row<County>(Guard.NotNull(county), Source.None));
        return this;
    }

    /// <summary>Adds a school.</summary>
    public RosterBuilder AddSchool(School school)
    {
        _schools.Add(new Row<School>(Guard.NotNull(school), Source.None));
        return this;
    }

    /// <summary>Adds a class.</summary>
    /// <param name="id">The class id.</param>
    /// <param name="schoolId">The school it belongs to.</param>
    /// <param name="grade">Its grade.</param>
    /// <param name="size">
    /// Its size: required when the roster has no students (planning on counts); when students are added too it
    /// may be left out, and if given must equal the number of students added to the class.
    /// </param>
    public RosterBuilder AddClass(ClassId id, SchoolId schoolId, Grade grade, int? size = null)
    {
        if (id.Value is null || schoolId.Value is null)
        {
            Throw.Argument(id.Value is null ? nameof(id) : nameof(schoolId), "must not be the default id");
        }

        if (size is { } s)
        {
            Guard.InRange(s, 0, SchoolClass.MaxSize, nameof(size));
        }

        _classes.Add(new ClassRow(id, schoolId, grade, size, Source.None));
        return this;
    }

    /// <summary>Adds a student; once any student is added, the roster is a full one and every class's size is its student count.</summary>
    public RosterBuilder AddStudent(Student student)
    {
        _students.Add(Guard.NotNull(student), Source.None);
        _hasStudents = true;
        return this;
    }

    /// <summary>Checks everything added and builds the roster, or lists every problem.</summary>
    public ReadResult<Roster> Build() => new RosterValidator(_map, _counties, _schools, _classes, _students, _hasStudents, _problems, _unreadable, _rejected).Run();

    // The file reader feeds the same builder, with where each row came from.
    internal void AddCounty(County county, Source source) => _counties.Add(new Row<County>(county, source));

    internal void AddSchool(School school, Source source) => _schools.Add(new Row<School>(school, source));

    internal void AddClass(ClassId id, SchoolId schoolId, Grade grade, int? size, Source source) =>
        _classes.Add(new ClassRow(id, schoolId, grade, size, source));

    internal void AddStudent(Student student, Source source) => _students.Add(student, source);

    internal void ExpectStudents() => _hasStudents = true;

    /// <summary>
    /// Marks a table whose rows could not be read at all (missing file, bad encoding, missing column): references
    /// into it are not reported as dangling, since the problem already reported is the cause.
    /// </summary>
    internal void MarkUnreadable(string table) => _unreadable.Add(table);

    internal void AddProblem(Finding problem) => _problems.Add(problem);

    /// <summary>
    /// Records a row that was read but rejected (its own problem is reported), so that rows naming its id are told so
    /// once, with where the row is, rather than each being told the id is not listed.
    /// </summary>
    internal void Reject(string table, string id, Source source)
    {
        if (!_rejected.TryGetValue(table, out var rows))
        {
            _rejected[table] = rows = new Dictionary<string, Source>(StringComparer.Ordinal);
        }

        rows.TryAdd(id, source);
    }

    /// <summary>A builder for the rows of a later part of a file read beside this one: its problems and students only.</summary>
    internal RosterBuilder ForLaterRows() => new(_map);

    /// <summary>
    /// Adds what <paramref name="later"/> read (a later part of the same file) after what this one read: its problems
    /// (but those <paramref name="skip"/> says were said already), its students and its rejected rows, in its order.
    /// </summary>
    internal void Merge(RosterBuilder later, Func<Finding, bool> skip)
    {
        _problems.AddFrom(later._problems, skip);
        _students.AddFrom(later._students);
        foreach (var (table, rows) in later._rejected)
        {
            foreach (var (id, source) in rows)
            {
                Reject(table, id, source);
            }
        }
    }

    internal int StudentCapacityHint
    {
        set => _students.EnsureCapacity(value);
    }

    /// <summary>The room made for students so far.</summary>
    internal int StudentCapacity => _students.Capacity;

    /// <summary>Where a row came from: a file's columns and a line, or nowhere (the builder API).</summary>
    internal readonly record struct Source(FileColumns? File, int Line)
    {
        public static Source None => default;
    }

    internal readonly record struct Row<T>(T Item, Source Source);

    /// <summary>
    /// The students' rows in 12 bytes each instead of a <see cref="Row{T}"/>'s 24: the student and its line, with the one
    /// file they come from held once (a roster has one students table; rows added through the API have no file).
    /// </summary>
    internal sealed class StudentRows
    {
        private Student[] _students = [];
        private int[] _lines = [];
        private int _count;
        private FileColumns? _file;

        public int Count => _count;

        public int Capacity => _students.Length;

        public Student StudentAt(int i) => _students[i];

        public Row<Student> this[int i] => new(_students[i], _lines[i] == 0 ? Source.None : new Source(_file, _lines[i]));

        public void Add(Student student, Source source)
        {
            if (source.File is not null)
            {
                // One students table per roster: a second file is a caller's mistake, not a roster's problem.
                _file ??= source.File;
                if (!ReferenceEquals(_file, source.File) || source.Line <= 0)
                {
                    Throw.InvalidOperation("students come from one table, at lines from 1");
                }
            }

            if (_count == _students.Length)
            {
                // Past the room made ahead (a file's rows counted from its line feeds), a quarter more at a time.
                Resize(Math.Max(16, _count + (_count / 4)));
            }

            _students[_count] = student;
            _lines[_count++] = source.File is null ? 0 : source.Line;
        }

        public void EnsureCapacity(int capacity)
        {
            if (capacity > _students.Length)
            {
                Resize(capacity);
            }
        }

        /// <summary>
        /// The students as an array: the rows' own when the room made ahead was exactly filled (a national roster's 25 MB
        /// not copied), else a copy. A full array is never written again: any later add makes a new one first.
        /// </summary>
        public Student[] ToArray() => _count == _students.Length ? _students : _students.AsSpan(0, _count).ToArray();

        /// <summary>Adds another's rows after these (a later part of the same file).</summary>
        public void AddFrom(StudentRows later)
        {
            if (later._file is not null)
            {
                _file ??= later._file;
                if (!ReferenceEquals(_file, later._file))
                {
                    Throw.InvalidOperation("students come from one table");
                }
            }

            if (_count + later._count > _students.Length)
            {
                Resize(Math.Max(_students.Length, _count + later._count));
            }

            later._students.AsSpan(0, later._count).CopyTo(_students.AsSpan(_count));
            later._lines.AsSpan(0, later._count).CopyTo(_lines.AsSpan(_count));
            _count += later._count;
        }

        private void Resize(int capacity)
        {
            var students = new Student[capacity];
            var lines = new int[capacity];
            _students.AsSpan(0, _count).CopyTo(students);
            _lines.AsSpan(0, _count).CopyTo(lines);
            _students = students;
            _lines = lines;
        }
    }

    internal readonly record struct ClassRow(ClassId Id, SchoolId SchoolId, Grade Grade, int? Size, Source Source);

    /// <summary>A file's name and the field number of each known column in it.</summary>
    internal sealed class FileColumns(string fileName, string table, IReadOnlyDictionary<string, int> columns)
    {
        public string FileName { get; } = fileName;

        public string Table { get; } = table;

        /// <summary>The workbook's sheet the table was read from (see <see cref="FindingLocation.Sheet"/>); null for a CSV file.</summary>
        public string? Sheet { get; init; }

        public int? ColumnOf(string name) => columns.TryGetValue(name, out var c) ? c : null;
    }

    /// <summary>The cross-row checks shared by the builder API and the file reader.</summary>
    private sealed class RosterValidator(
        SupportMap map,
        List<Row<County>> counties,
        List<Row<School>> schools,
        List<ClassRow> classes,
        StudentRows students,
        bool hasStudents,
        CappedProblems problems,
        HashSet<string> unreadable,
        Dictionary<string, Dictionary<string, Source>> rejected)
    {
        // Rows naming a rejected row, counted per rejected id: reported once each, at the first row naming it.
        private readonly Dictionary<(string Table, string Id), (Source First, string Column, int Count)> _namingRejected = [];
        private readonly Dictionary<string, Dictionary<string, string>?> _unpadded = new(StringComparer.Ordinal);

        public ReadResult<Roster> Run()
        {
            var countyIndex = Unique(counties, r => r.Item.Id.Value, r => r.Source, "counties", "county_id", PairingLevel.County);
            CheckUnits();

            // Each reference is looked up once here; the roster keeps the parent positions found.
            var schoolIndex = Unique(schools, r => r.Item.Id.Value, r => r.Source, "schools", "school_id", PairingLevel.School);
            var schoolCounty = new int[schools.Count];
            for (var i = 0; i < schools.Count; i++)
            {
                var row = schools[i];
                if (!countyIndex.TryGetValue(row.Item.CountyId.Value, out schoolCounty[i]) && !unreadable.Contains("counties")
                    && !NamesRejected("counties", row.Item.CountyId.Value, row.Source, "county_id")
                    && !LeadingZerosLost(countyIndex, counties, r => r.Item.Id.Value, "counties", PairingLevel.County, row.Item.CountyId.Value, row.Source, "schools", "county_id"))
                {
                    Report(RosterFindings.SchoolCountyNotListed, row.Source, "schools", "county_id", Subject("school", row.Item.Id.Value),
                        Arg("school", row.Item.Id.Value), Arg("county", row.Item.CountyId.Value));
                }
            }

            var classIndex = Unique(classes, r => r.Id.Value, r => r.Source, "classes", "class_id", PairingLevel.Class);
            var classSchool = new int[classes.Count];
            for (var i = 0; i < classes.Count; i++)
            {
                var row = classes[i];
                if (!schoolIndex.TryGetValue(row.SchoolId.Value, out classSchool[i]) && !unreadable.Contains("schools")
                    && !NamesRejected("schools", row.SchoolId.Value, row.Source, "school_id")
                    && !LeadingZerosLost(schoolIndex, schools, r => r.Item.Id.Value, "schools", PairingLevel.School, row.SchoolId.Value, row.Source, "classes", "school_id"))
                {
                    Report(RosterFindings.ClassSchoolNotListed, row.Source, "classes", "school_id", Subject("class", row.Id.Value),
                        Arg("class", row.Id.Value), Arg("school", row.SchoolId.Value));
                }
            }

            Internals.Ambient.ThrowIfCancelled();

            // The students' classes are looked up on another core while their ids are checked for duplicates here;
            // the rows whose class is not found are reported afterwards, in row order, as when done one after the other.
            var resolving = students.Count >= ParallelFrom ? Task.Run(() => WithClassStudents(ResolveClasses(classIndex))) : null;
            var studentItems = students.ToArray();
            var studentIndex = StudentIdIndex.Build(studentItems, (i, first) => ReportDuplicate(
                students[i].Source, students[first].Source, students[i].Item.Id.Value, "students", "student_id", PairingLevel.Student));
            CheckStudentIds();
            var (studentClass, studentCounts, unresolved, classStudents) = resolving is null ? WithClassStudents(ResolveClasses(classIndex), compute: false) : resolving.GetAwaiter().GetResult();
            foreach (var i in unresolved)
            {
                var row = students[i];
                if (!unreadable.Contains("classes")
                    && !NamesRejected("classes", row.Item.ClassId.Value, row.Source, "class_id")
                    && !LeadingZerosLost(classIndex, classes, r => r.Id.Value, "classes", PairingLevel.Class, row.Item.ClassId.Value, row.Source, "students", "class_id"))
                {
                    Report(RosterFindings.StudentClassNotListed, row.Source, "students", "class_id", Subject("student", row.Item.Id.Value),
                        Arg("student", row.Item.Id.Value), Arg("class", row.Item.ClassId.Value));
                }
            }

            ReportRowsNamingRejected();
            var builtClasses = BuildClasses(classIndex, studentCounts);
            if (problems.Exists(p => p.Severity == FindingSeverity.Error))
            {
                return new ReadResult<Roster>(null, Sorted());
            }

            var roster = new Roster(
                map,
                Items(counties),
                Items(schools),
                builtClasses,
                studentItems,
                hasStudents,
                new Roster.Indexes(countyIndex, schoolIndex, classIndex, studentIndex, schoolCounty, classSchool, studentClass) { ClassStudents = classStudents });
            return new ReadResult<Roster>(roster, Sorted());
        }

        /// <summary>
        /// The students of each class, sorted by id, worked out on the core that found their classes while the other
        /// indexes their ids; null when some student's class was not found (no roster is built then).
        /// </summary>
        private (int[] StudentClass, int[] StudentCounts, List<int> Unresolved, ChildIndex? ClassStudents) WithClassStudents(
            (int[] StudentClass, int[] StudentCounts, List<int> Unresolved) resolved, bool compute = true) =>
            (resolved.StudentClass, resolved.StudentCounts, resolved.Unresolved,
                compute && resolved.Unresolved.Count == 0 ? ChildIndex.Build(classes.Count, resolved.StudentClass, i => students.StudentAt(i).Id.Value) : null);

        /// <summary>The number of students from which their classes are looked up beside the check of their ids.</summary>
        private const int ParallelFrom = 100_000;

        /// <summary>
        /// Each student's class (its position) and each class's number of students, and the students whose class is
        /// not listed, in row order: touches nothing but the classes' index, so it may run beside the other checks.
        /// </summary>
        private (int[] StudentClass, int[] StudentCounts, List<int> Unresolved) ResolveClasses(Dictionary<string, int> classIndex)
        {
            var studentCounts = new int[classes.Count];
            var studentClass = new int[students.Count];
            var unresolved = new List<int>();
            var polled = 0;
            string? lastId = null;
            var last = -1;
            for (var i = 0; i < students.Count; i++)
            {
                Internals.Ambient.Poll(ref polled);
                var id = students[i].Item.ClassId.Value;

                // Rows come class by class and share their class id's string: most look-ups are the one before.
                if (!ReferenceEquals(id, lastId))
                {
                    lastId = id;
                    last = classIndex.TryGetValue(id, out var c) ? c : -1;
                }

                if (last >= 0)
                {
                    studentClass[i] = last;
                    studentCounts[last]++;
                }
                else
                {
                    unresolved.Add(i);
                }
            }

            return (studentClass, studentCounts, unresolved);
        }

        private static T[] Items<T>(List<Row<T>> rows)
        {
            var items = new T[rows.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = rows[i].Item;
            }

            return items;
        }

        /// <summary>
        /// Refuses student ids shaped like resident ID-card numbers from the builder API, as the file reader does for
        /// students.csv (rows from a file were checked, and left without an id, as they were read).
        /// </summary>
        private void CheckStudentIds()
        {
            for (var i = 0; i < students.Count; i++)
            {
                var row = students[i];
                if (row.Source.File is null && PersonalData.LooksLikeIdCardNumber(row.Item.Id.Value))
                {
                    Report(RosterFindings.IdCardValue, row.Source, "students", "student_id", null, Arg("column", "student_id"));
                }
            }
        }

        private void CheckUnits()
        {
            foreach (var row in counties)
            {
                var county = row.Item;
                if (county.Side == Side.Xinjiang)
                {
                    if (!map.TryGetArea(new AreaId(county.Unit), out var area))
                    {
                        Report(RosterFindings.UnknownArea, row.Source, "counties", "unit", Subject("county", county.Id.Value),
                            Arg("county", county.Id.Value), Arg("unit", county.Unit));
                    }
                    else if (map.TryGetCounty(county.Id, out var known) && known.AreaId != area.Id)
                    {
                        Report(RosterFindings.WrongArea, row.Source, "counties", "unit", Subject("county", county.Id.Value),
                            Arg("county", county.Id.Value), Arg("name", known.Name), Arg("area", known.AreaId.Value), Arg("unit", county.Unit));
                    }
                }
                else if (!map.TryGetProvince(new ProvinceId(county.Unit), out _))
                {
                    Report(RosterFindings.UnknownProvince, row.Source, "counties", "unit", Subject("county", county.Id.Value),
                        Arg("county", county.Id.Value), Arg("unit", county.Unit));
                }
            }
        }

        private SchoolClass[] BuildClasses(Dictionary<string, int> classIndex, int[] studentCounts)
        {
            var built = new SchoolClass[classes.Count];
            for (var i = 0; i < classes.Count; i++)
            {
                var row = classes[i];
                int size;
                if (hasStudents && unreadable.Contains("students"))
                {
                    // students.csv could not be read; its problem is reported, and sizes cannot be checked.
                    size = row.Size ?? 0;
                }
                else if (hasStudents)
                {
                    // A duplicate row's students were counted against the first row of that id.
                    size = classIndex.TryGetValue(row.Id.Value, out var first) && first == i ? studentCounts[i] : 0;
                    if (row.Size is { } given && given != size && classIndex[row.Id.Value] == i)
                    {
                        Report(RosterFindings.SizeMismatch, row.Source, "classes", "size", Subject("class", row.Id.Value),
                            Arg("class", row.Id.Value), Arg("size", given), Arg("count", size));
                    }
                    else if (size == 0 && classIndex[row.Id.Value] == i)
                    {
                        Report(RosterFindings.EmptyClass, row.Source, "classes", "class_id", Subject("class", row.Id.Value), Arg("class", row.Id.Value));
                    }

                    size = Math.Min(size, SchoolClass.MaxSize);
                    if (studentCounts[i] > SchoolClass.MaxSize)
                    {
                        Report(RosterFindings.ClassTooLarge, row.Source, "classes", "class_id", Subject("class", row.Id.Value),
                            Arg("class", row.Id.Value), Arg("count", studentCounts[i]), Arg("max", SchoolClass.MaxSize));
                    }
                }
                else if (row.Size is { } given)
                {
                    size = given;
                }
                else
                {
                    size = 0;
                    Report(RosterFindings.MissingSize, row.Source, "classes", "size", Subject("class", row.Id.Value), Arg("class", row.Id.Value));
                }

                built[i] = new SchoolClass(row.Id, row.SchoolId, row.Grade, size);
            }

            return built;
        }

        private Dictionary<string, int> Unique<TRow>(
            List<TRow> rows, Func<TRow, string> idOf, Func<TRow, Source> sourceOf, string table, string column, PairingLevel level)
        {
            // Keyed by the string itself with the ordinal comparer, which .NET hashes faster than a struct key.
            var index = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                var id = idOf(rows[i]);
                if (!index.TryAdd(id, i))
                {
                    ReportDuplicate(sourceOf(rows[i]), sourceOf(rows[index[id]]), id, table, column, level);
                }
            }

            return index;
        }

        private void ReportDuplicate(Source source, Source first, string id, string table, string column, PairingLevel level)
        {
            var subject = Subject(level.ToString().ToLowerInvariant(), id);
            if (first.File is null)
            {
                Report(RosterFindings.DuplicateIdAdded, source, table, column, subject, Arg("level", level), Arg("id", id));
            }
            else
            {
                Report(RosterFindings.DuplicateId, source, table, column, subject, Arg("level", level), Arg("id", id), Arg("first", first.Line));
            }
        }

        private bool NamesRejected(string table, string id, Source source, string column)
        {
            if (source.File is null || !rejected.TryGetValue(table, out var rows) || !rows.ContainsKey(id))
            {
                return false;
            }

            var key = (table, id);
            _namingRejected[key] = _namingRejected.TryGetValue(key, out var seen) ? seen with { Count = seen.Count + 1 } : (source, column, 1);
            return true;
        }

        private void ReportRowsNamingRejected()
        {
            foreach (var ((table, id), (first, column, count)) in _namingRejected)
            {
                var at = rejected[table][id];
                var (code, level) = table switch
                {
                    "counties" => (RosterFindings.CountyRejected, "county"),
                    "schools" => (RosterFindings.SchoolRejected, "school"),
                    _ => (RosterFindings.ClassRejected, "class"),
                };
                Report(code, first, table, column, Subject(level, id),
                    Arg(level, id), Arg("file", at.File?.FileName ?? table), Arg("line", at.Line), Arg("count", count));
            }
        }

        /// <summary>
        /// A reference that is all digits and matches a listed id once leading zeros are put back (a spreadsheet read
        /// the id as a number): said with the id it matches, instead of "not listed".
        /// </summary>
        private bool LeadingZerosLost<TRow>(
            Dictionary<string, int> index, List<TRow> rows, Func<TRow, string> idOf, string table, PairingLevel level, string id, Source source, string fromTable, string column)
        {
            if (id.Length == 0 || id.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            if (!_unpadded.TryGetValue(table, out var unpadded))
            {
                // Built once per table, and only when a reference fails to resolve.
                unpadded = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var key in index.Keys)
                {
                    if (key.Length > 1 && key[0] == '0' && !key.AsSpan().ContainsAnyExceptInRange('0', '9'))
                    {
                        unpadded.TryAdd(key.TrimStart('0'), key);
                    }
                }

                _unpadded[table] = unpadded;
            }

            if (unpadded is null || !unpadded.TryGetValue(id.TrimStart('0'), out var candidate))
            {
                return false;
            }

            Report(RosterFindings.LeadingZerosLost, source, fromTable, column, null,
                Arg("level", level), Arg("id", id), Arg("candidate", candidate), Arg("file", table + ".csv"));
            return true;
        }

        private static FindingArgument Arg(string name, object value) => FindingArgument.Of(name, value);

        private static FindingSubject Subject(string level, string id) => new(level, id);

        private void Report(FindingDescriptor code, Source source, string table, string column, FindingSubject? subject, params FindingArgument[] arguments)
        {
            var location = source.File is { } file
                ? new FindingLocation(file.FileName, file.Sheet, source.Line, file.ColumnOf(column), column)
                : new FindingLocation(table, null, null, null, column);
            problems.Add(code.Create(subject, location, arguments));
        }

        private List<Finding> Sorted()
        {
            // Causes before their consequences, then the file order of the format, then line; builder problems keep their
            // order. A row's own problems (a duplicate id, an id Excel turned into 6.52E+11) come first; a reference that
            // does not resolve follows, since a bad row above is often why; a class size that disagrees with students.csv,
            // or a class left empty, comes last, since a duplicate or misplaced student row is usually the cause.
            static int Stage(Finding p) => StageOf(p.Code == RosterFindings.MoreProblems.Code && p.TryGetArgument<string>("code", out var of) ? of : p.Code);
            static int StageOf(string code) => code switch
            {
                _ when code == RosterFindings.SchoolCountyNotListed.Code || code == RosterFindings.ClassSchoolNotListed.Code
                    || code == RosterFindings.StudentClassNotListed.Code || code == RosterFindings.CountyRejected.Code
                    || code == RosterFindings.SchoolRejected.Code || code == RosterFindings.ClassRejected.Code
                    || code == RosterFindings.LeadingZerosLost.Code => 1,
                _ when code == RosterFindings.SizeMismatch.Code || code == RosterFindings.EmptyClass.Code => 2,
                _ => 0,
            };

            // The count of problems left out comes right after the last one of its code that is listed.
            static int Line(Finding p) => p.Code == RosterFindings.MoreProblems.Code ? int.MaxValue : p.Location?.Line ?? 0;

            static int FileRank(string? f) => f switch
            {
                "counties.csv" or "counties" => 0,
                "schools.csv" or "schools" => 1,
                "classes.csv" or "classes" => 2,
                "students.csv" or "students" => 3,
                _ => 4,
            };

            return [.. problems.WithOmitted()
                .Select((p, i) => (p, i))
                .OrderBy(t => Stage(t.p))
                .ThenBy(t => FileRank(t.p.Location is { Sheet: { } sheet } at ? RosterTableNames.Of(at.File, sheet) : t.p.Location?.File))
                .ThenBy(t => Line(t.p))
                .ThenBy(t => t.p.Location?.Column ?? 0)
                .ThenBy(t => t.i)
                .Select(t => t.p)];
        }
    }
}
