using System.Diagnostics.CodeAnalysis;
using Pairing.Core.Hierarchy;
using Pairing.Core.Reference;

namespace Pairing.Core.Rosters;

/// <summary>
/// A validated, immutable, indexed roster of both sides: counties, schools, classes and (in the roster phase)
/// students. This is what the matcher reads.
/// </summary>
/// <remarks>
/// Get one from <see cref="Pairing.Core.Files.Rosters.RosterFiles.Read(string, SupportMap?, CancellationToken, IProgress{Pairing.Core.Files.Rosters.RosterReadProgress}?, Pairing.Core.Files.InputFileLimits?)"/> or <see cref="RosterBuilder.Build"/>; both
/// reject a bad roster whole. The top-level lists keep the input's order; the children of a unit
/// (<see cref="SchoolsIn"/>, <see cref="ClassesIn"/>, <see cref="StudentsIn"/>) are sorted by id (ordinal), so
/// that anything computed from them does not depend on the order of input rows. A counts-only roster
/// (<see cref="HasStudents"/> false) is valid for planning. Safe to share between threads.
/// </remarks>
public sealed class Roster
{
    private readonly Dictionary<string, int> _countyIndex;
    private readonly Dictionary<string, int> _schoolIndex;
    private readonly Dictionary<string, int> _classIndex;
    private readonly StudentIdIndex _studentIndex;

    internal Roster(
        SupportMap supportMap,
        County[] counties,
        School[] schools,
        SchoolClass[] classes,
        Student[] students,
        bool hasStudents,
        Indexes index)
    {
        SupportMap = supportMap;
        CountyArray = counties;
        SchoolArray = schools;
        ClassArray = classes;
        StudentArray = students;
        HasStudents = hasStudents;
        _countyIndex = index.Counties;
        _schoolIndex = index.Schools;
        _classIndex = index.Classes;
        _studentIndex = index.Students;
        SchoolCounty = index.SchoolCounty;
        ClassSchool = index.ClassSchool;
        StudentClass = index.StudentClass;

        CountySchools = ChildIndex.Build(counties.Length, SchoolCounty, i => schools[i].Id.Value);
        SchoolClasses = ChildIndex.Build(schools.Length, ClassSchool, i => classes[i].Id.Value);
        ClassStudents = index.ClassStudents ?? ChildIndex.Build(classes.Length, StudentClass, i => students[i].Id.Value);

        CountyProvince = new ProvinceId[counties.Length];
        for (var i = 0; i < counties.Length; i++)
        {
            var county = counties[i];
            CountyProvince[i] = county.Side == Side.Inland
                ? new ProvinceId(county.Unit)
                : supportMap.GetArea(new AreaId(county.Unit)).ProvinceId;
        }
    }

    /// <summary>The support map the roster was checked against.</summary>
    public SupportMap SupportMap { get; }

    /// <summary>Every county of both sides, in input order.</summary>
    public IReadOnlyList<County> Counties => CountyArray;

    /// <summary>Every school of both sides, in input order.</summary>
    public IReadOnlyList<School> Schools => SchoolArray;

    /// <summary>Every class of both sides, in input order.</summary>
    public IReadOnlyList<SchoolClass> Classes => ClassArray;

    /// <summary>Every student of both sides, in input order; empty for a counts-only roster.</summary>
    public IReadOnlyList<Student> Students => StudentArray;

    /// <summary>Whether the roster names its students (roster phase), rather than giving class sizes only (planning).</summary>
    public bool HasStudents { get; }

    // Dense indexes for the matcher and the writers: positions into the arrays above.
    internal County[] CountyArray { get; }

    internal School[] SchoolArray { get; }

    internal SchoolClass[] ClassArray { get; }

    internal Student[] StudentArray { get; }

    internal int[] SchoolCounty { get; }

    internal int[] ClassSchool { get; }

    internal int[] StudentClass { get; }

    internal ChildIndex CountySchools { get; }

    internal ChildIndex SchoolClasses { get; }

    internal ChildIndex ClassStudents { get; }

    internal ProvinceId[] CountyProvince { get; }

    /// <summary>Finds a county by id.</summary>
    public bool TryGetCounty(CountyId id, [NotNullWhen(true)] out County? county) => TryGet(_countyIndex, CountyArray, id, out county);

    /// <summary>Finds a school by id.</summary>
    public bool TryGetSchool(SchoolId id, [NotNullWhen(true)] out School? school) => TryGet(_schoolIndex, SchoolArray, id, out school);

    /// <summary>Finds a class by id.</summary>
    public bool TryGetClass(ClassId id, [NotNullWhen(true)] out SchoolClass? schoolClass) => TryGet(_classIndex, ClassArray, id, out schoolClass);

    /// <summary>Finds a student by id.</summary>
    public bool TryGetStudent(StudentId id, [NotNullWhen(true)] out Student? student)
    {
        student = TryGetStudentIndex(id, out var i) ? StudentArray[i] : null;
        return student is not null;
    }

    /// <summary>The county with this id.</summary>
    /// <exception cref="KeyNotFoundException">The roster has no such county.</exception>
    public County GetCounty(CountyId id) => CountyArray[Index(_countyIndex, id, "county")];

    /// <summary>The school with this id.</summary>
    /// <exception cref="KeyNotFoundException">The roster has no such school.</exception>
    public School GetSchool(SchoolId id) => SchoolArray[Index(_schoolIndex, id, "school")];

    /// <summary>The class with this id.</summary>
    /// <exception cref="KeyNotFoundException">The roster has no such class.</exception>
    public SchoolClass GetClass(ClassId id) => ClassArray[Index(_classIndex, id, "class")];

    /// <summary>The student with this id.</summary>
    /// <exception cref="KeyNotFoundException">The roster has no such student.</exception>
    public Student GetStudent(StudentId id) => StudentArray[StudentIndexOf(id)];

    /// <summary>The schools of a county, sorted by id.</summary>
    /// <exception cref="KeyNotFoundException">The roster has no such county.</exception>
    public IReadOnlyList<School> SchoolsIn(CountyId county) =>
        CountySchools.Select(Index(_countyIndex, county, "county"), SchoolArray);

    /// <summary>The classes of a school, sorted by id.</summary>
    /// <exception cref="KeyNotFoundException">The roster has no such school.</exception>
    public IReadOnlyList<SchoolClass> ClassesIn(SchoolId school) =>
        SchoolClasses.Select(Index(_schoolIndex, school, "school"), ClassArray);

    /// <summary>The students of a class, sorted by id; empty for a counts-only roster.</summary>
    /// <exception cref="KeyNotFoundException">The roster has no such class.</exception>
    public IReadOnlyList<Student> StudentsIn(ClassId schoolClass) =>
        ClassStudents.Select(Index(_classIndex, schoolClass, "class"), StudentArray);

    /// <summary>The side a school is on (its county's).</summary>
    public Side SideOf(School school) => CountyArray[SchoolCounty[Index(_schoolIndex, school.Id, "school")]].Side;

    /// <summary>The side a class is on.</summary>
    public Side SideOf(SchoolClass schoolClass) => CountyArray[SchoolCounty[ClassSchool[Index(_classIndex, schoolClass.Id, "class")]]].Side;

    /// <summary>The side a student is on.</summary>
    public Side SideOf(Student student) =>
        CountyArray[SchoolCounty[ClassSchool[StudentClass[StudentIndexOf(Core.Internals.Guard.NotNull(student).Id)]]]].Side;

    /// <summary>
    /// The supporting province a county is tied to: its own province for an inland county, the province the
    /// support map assigns to its aided area for a Xinjiang county.
    /// </summary>
    public ProvinceId ProvinceOf(County county) => CountyProvince[Index(_countyIndex, Core.Internals.Guard.NotNull(county).Id, "county")];

    /// <summary>How many counties, schools, classes and students each side has, and their total class size.</summary>
    public RosterCounts CountsOf(Side side)
    {
        int counties = 0, schools = 0, classes = 0;
        long seats = 0;
        var sideOfCounty = new bool[CountyArray.Length];
        for (var i = 0; i < CountyArray.Length; i++)
        {
            sideOfCounty[i] = CountyArray[i].Side == side;
            counties += sideOfCounty[i] ? 1 : 0;
        }

        for (var i = 0; i < SchoolArray.Length; i++)
        {
            schools += sideOfCounty[SchoolCounty[i]] ? 1 : 0;
        }

        for (var i = 0; i < ClassArray.Length; i++)
        {
            if (sideOfCounty[SchoolCounty[ClassSchool[i]]])
            {
                classes++;
                seats += ClassArray[i].Size;
            }
        }

        return new RosterCounts(counties, schools, classes, seats);
    }

    private static bool TryGet<TId, T>(Dictionary<string, int> index, T[] items, TId id, [NotNullWhen(true)] out T? item)
        where TId : notnull
        where T : class
    {
        if (id.ToString() is { Length: > 0 } key && index.TryGetValue(key, out var i))
        {
            item = items[i];
            return true;
        }

        item = null;
        return false;
    }

    private static int Index<TId>(Dictionary<string, int> index, TId id, string what)
        where TId : notnull =>
        id.ToString() is { Length: > 0 } key && index.TryGetValue(key, out var i) ? i : throw new KeyNotFoundException($"The roster has no {what} '{id}'.");

    internal int CountyIndexOf(CountyId id) => _countyIndex[id.Value];

    internal int SchoolIndexOf(SchoolId id) => _schoolIndex[id.Value];

    internal int ClassIndexOf(ClassId id) => _classIndex[id.Value];

    internal bool TryGetStudentIndex(StudentId id, out int index)
    {
        index = -1;
        return id.Value is { Length: > 0 } value && _studentIndex.TryGetValue(value, out index);
    }

    private int StudentIndexOf(StudentId id) =>
        TryGetStudentIndex(id, out var i) ? i : throw new KeyNotFoundException($"The roster has no student '{id}'.");

    /// <summary>The positions the validator found: ids to positions, and each unit's parent position.</summary>
    internal sealed record Indexes(
        Dictionary<string, int> Counties,
        Dictionary<string, int> Schools,
        Dictionary<string, int> Classes,
        StudentIdIndex Students,
        int[] SchoolCounty,
        int[] ClassSchool,
        int[] StudentClass)
    {
        /// <summary>The students of each class, when already worked out (beside the other checks).</summary>
        public ChildIndex? ClassStudents { get; init; }
    }
}
