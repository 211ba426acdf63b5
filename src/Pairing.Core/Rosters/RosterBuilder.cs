using System.Collections.Immutable;
using System.Globalization;
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
    private readonly List<Row<Student>> _students = [];
    private readonly List<RosterProblem> _problems = [];
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);
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
        _students.Add(new Row<Student>(Guard.NotNull(student), Source.None));
        _hasStudents = true;
        return this;
    }

    /// <summary>Checks everything added and builds the roster, or lists every problem.</summary>
    public RosterResult Build() => new RosterValidator(_map, _counties, _schools, _classes, _students, _hasStudents, _problems, _unreadable).Run();

    // The file reader feeds the same builder, with where each row came from.
    internal void AddCounty(County county, Source source) => _counties.Add(new Row<County>(county, source));

    internal void AddSchool(School school, Source source) => _schools.Add(new Row<School>(school, source));

    internal void AddClass(ClassId id, SchoolId schoolId, Grade grade, int? size, Source source) =>
        _classes.Add(new ClassRow(id, schoolId, grade, size, source));

    internal void AddStudent(Student student, Source source) => _students.Add(new Row<Student>(student, source));

    internal void ExpectStudents() => _hasStudents = true;

    /// <summary>
    /// Marks a table whose rows could not be read at all (missing file, bad encoding, missing column): references
    /// into it are not reported as dangling, since the problem already reported is the cause.
    /// </summary>
    internal void MarkUnreadable(string table) => _unreadable.Add(table);

    internal void AddProblem(RosterProblem problem) => _problems.Add(problem);

    internal int StudentCapacityHint
    {
        set => _students.Capacity = Math.Max(_students.Capacity, value);
    }

    /// <summary>Where a row came from: a file's columns and a line, or nowhere (the builder API).</summary>
    internal readonly record struct Source(FileColumns? File, int Line)
    {
        public static Source None => default;
    }

    internal readonly record struct Row<T>(T Item, Source Source);

    internal readonly record struct ClassRow(ClassId Id, SchoolId SchoolId, Grade Grade, int? Size, Source Source);

    /// <summary>A file's name and the field number of each known column in it.</summary>
    internal sealed class FileColumns(string fileName, string table, IReadOnlyDictionary<string, int> columns)
    {
        public string FileName { get; } = fileName;

        public string Table { get; } = table;

        /// <summary>The workbook's sheet the table was read from (see <see cref="RosterProblem.Sheet"/>); null for a CSV file.</summary>
        public string? Sheet { get; init; }

        public int? ColumnOf(string name) => columns.TryGetValue(name, out var c) ? c : null;
    }

    /// <summary>The cross-row checks shared by the builder API and the file reader.</summary>
    private sealed class RosterValidator(
        SupportMap map,
        List<Row<County>> counties,
        List<Row<School>> schools,
        List<ClassRow> classes,
        List<Row<Student>> students,
        bool hasStudents,
        List<RosterProblem> problems,
        HashSet<string> unreadable)
    {
        public RosterResult Run()
        {
            var countyIndex = Unique(counties, r => r.Item.Id.Value, r => r.Source, "counties", "county_id", "county");
            CheckUnits();

            // Each reference is looked up once here; the roster keeps the parent positions found.
            var schoolIndex = Unique(schools, r => r.Item.Id.Value, r => r.Source, "schools", "school_id", "school");
            var schoolCounty = new int[schools.Count];
            for (var i = 0; i < schools.Count; i++)
            {
                var row = schools[i];
                if (!countyIndex.TryGetValue(row.Item.CountyId.Value, out schoolCounty[i]) && !unreadable.Contains("counties"))
                {
                    Report(RosterProblemKind.DanglingReference, row.Source, "schools", "county_id",
                        $"school '{row.Item.Id}' is in county '{row.Item.CountyId}', which counties.csv does not list",
                        "the county_id of a county in counties.csv");
                }
            }

            var classIndex = Unique(classes, r => r.Id.Value, r => r.Source, "classes", "class_id", "class");
            var classSchool = new int[classes.Count];
            for (var i = 0; i < classes.Count; i++)
            {
                var row = classes[i];
                if (!schoolIndex.TryGetValue(row.SchoolId.Value, out classSchool[i]) && !unreadable.Contains("schools"))
                {
                    Report(RosterProblemKind.DanglingReference, row.Source, "classes", "school_id",
                        $"class '{row.Id}' belongs to school '{row.SchoolId}', which schools.csv does not list",
                        "the school_id of a school in schools.csv");
                }
            }

            var studentIndex = Unique(students, r => r.Item.Id.Value, r => r.Source, "students", "student_id", "student");
            CheckStudentIds();
            var studentCounts = new int[classes.Count];
            var studentClass = new int[students.Count];
            for (var i = 0; i < students.Count; i++)
            {
                var row = students[i];
                if (classIndex.TryGetValue(row.Item.ClassId.Value, out var c))
                {
                    studentClass[i] = c;
                    studentCounts[c]++;
                }
                else if (!unreadable.Contains("classes"))
                {
                    Report(RosterProblemKind.DanglingReference, row.Source, "students", "class_id",
                        $"student '{row.Item.Id}' is in class '{row.Item.ClassId}', which classes.csv does not list",
                        "the class_id of a class in classes.csv");
                }
            }

            var builtClasses = BuildClasses(classIndex, studentCounts);
            if (problems.Exists(p => p.Severity == ProblemSeverity.Error))
            {
                return new RosterResult(null, Sorted());
            }

            var roster = new Roster(
                map,
                Items(counties),
                Items(schools),
                builtClasses,
                Items(students),
                hasStudents,
                new Roster.Indexes(countyIndex, schoolIndex, classIndex, studentIndex, schoolCounty, classSchool, studentClass));
            return new RosterResult(roster, Sorted());
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
            foreach (var row in students)
            {
                if (row.Source.File is null && PersonalData.LooksLikeIdCardNumber(row.Item.Id.Value))
                {
                    Report(RosterProblemKind.PersonalData, row.Source, "students", "student_id",
                        "student_id looks like a resident ID-card number (18 characters with a valid check digit)",
                        "a pseudonymous id that does not identify the child outside the programme");
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
                        Report(RosterProblemKind.UnknownArea, row.Source, "counties", "unit",
                            $"Xinjiang county '{county.Id}' has unit '{county.Unit}', which is not an aided area of the notice's table",
                            "the area_id of an aided area (such as 653200's county 653201, 652800 or XPCC-14)");
                    }
                    else if (map.TryGetCounty(county.Id, out var known) && known.AreaId != area.Id)
                    {
                        Report(RosterProblemKind.UnknownArea, row.Source, "counties", "unit",
                            $"Xinjiang county '{county.Id}' ({known.Name}) is in aided area {known.AreaId}, not '{county.Unit}'",
                            $"unit {known.AreaId} for county {county.Id}");
                    }
                }
                else if (!map.TryGetProvince(new ProvinceId(county.Unit), out _))
                {
                    Report(RosterProblemKind.UnknownProvince, row.Source, "counties", "unit",
                        $"inland county '{county.Id}' has unit '{county.Unit}', which is not one of the 19 supporting provinces and cities",
                        "the province_id of a supporting province (such as 110000 for Beijing or 440300 for Shenzhen)");
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
                        Report(RosterProblemKind.SizeMismatch, row.Source, "classes", "size",
                            $"class '{row.Id}' has size {given.ToString(CultureInfo.InvariantCulture)}, but students.csv lists {size.ToString(CultureInfo.InvariantCulture)} students in it",
                            "a size equal to the number of the class's students, or no size");
                    }
                    else if (size == 0 && classIndex[row.Id.Value] == i)
                    {
                        Report(RosterProblemKind.EmptyClass, row.Source, "classes", "class_id",
                            $"class '{row.Id}' has no students in students.csv; it takes part in no pairing",
                            "at least one student per class", ProblemSeverity.Warning);
                    }

                    size = Math.Min(size, SchoolClass.MaxSize);
                    if (studentCounts[i] > SchoolClass.MaxSize)
                    {
                        Report(RosterProblemKind.BadSize, row.Source, "classes", "class_id",
                            $"class '{row.Id}' has {studentCounts[i].ToString(CultureInfo.InvariantCulture)} students in students.csv",
                            $"at most {SchoolClass.MaxSize.ToString(CultureInfo.InvariantCulture)} students per class");
                    }
                }
                else if (row.Size is { } given)
                {
                    size = given;
                }
                else
                {
                    size = 0;
                    Report(RosterProblemKind.BadSize, row.Source, "classes", "size",
                        $"class '{row.Id}' has no size, and there is no students.csv to count its students from",
                        "a class size (a whole number) when the roster gives counts only");
                }

                built[i] = new SchoolClass(row.Id, row.SchoolId, row.Grade, size);
            }

            return built;
        }

        private Dictionary<string, int> Unique<TRow>(
            List<TRow> rows, Func<TRow, string> idOf, Func<TRow, Source> sourceOf, string table, string column, string what)
        {
            // Keyed by the string itself with the ordinal comparer, which .NET hashes faster than a struct key.
            var index = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                var id = idOf(rows[i]);
                if (!index.TryAdd(id, i))
                {
                    var first = sourceOf(rows[index[id]]);
                    var where = first.File is null ? "earlier" : $"first at line {first.Line.ToString(CultureInfo.InvariantCulture)}";
                    Report(RosterProblemKind.DuplicateId, sourceOf(rows[i]), table, column,
                        $"{what} id '{id}' appears twice ({where})", $"each {column} once in its file");
                }
            }

            return index;
        }

        private void Report(
            RosterProblemKind kind, Source source, string table, string column, string message, string expected,
            ProblemSeverity severity = ProblemSeverity.Error)
        {
            problems.Add(source.File is { } file
                ? new RosterProblem(kind, severity, file.FileName, source.Line, file.ColumnOf(column), column, message, expected) { Sheet = file.Sheet }
                : new RosterProblem(kind, severity, table, null, null, column, message, expected));
        }

        private List<RosterProblem> Sorted()
        {
            // Stable sort: file order of the format, then line; builder problems keep their order.
            static int FileRank(string? f) => f switch
            {
                "counties.csv" or "counties" => 0,
                "schools.csv" or "schools" => 1,
                "classes.csv" or "classes" => 2,
                "students.csv" or "students" => 3,
                _ => 4,
            };

            return [.. problems
                .Select((p, i) => (p, i))
                .OrderBy(t => FileRank(t.p.Sheet is null ? t.p.File : RosterTableReader.TableOf(t.p.File, t.p.Sheet)))
                .ThenBy(t => t.p.Line ?? 0)
                .ThenBy(t => t.p.Column ?? 0)
                .ThenBy(t => t.i)
                .Select(t => t.p)];
        }
    }
}
