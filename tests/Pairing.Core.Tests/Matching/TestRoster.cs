using System.Collections.Immutable;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// Builds small rosters by hand for worked cases: Beijing (110000) supports aided area 653221 (和田县) and Tianjin
/// (120000) supports 653225 (策勒县); Xinjiang county ids here are made up, so any number of them can sit in an area.
/// </summary>
internal sealed class TestRoster
{
    public const string Beijing = "110000";
    public const string Tianjin = "120000";
    public const string BeijingArea = "653221";
    public const string TianjinArea = "653225";

    private readonly RosterBuilder _builder = new();
    private readonly bool _students;
    private int _nextStudent;

    public TestRoster(bool students = true) => _students = students;

    public TestRoster XinjiangCounty(string id, string area = BeijingArea)
    {
        _builder.AddCounty(new County(new CountyId(id), id, Side.Xinjiang, area));
        return this;
    }

    public TestRoster InlandCounty(string id, string province = Beijing)
    {
        _builder.AddCounty(new County(new CountyId(id), id, Side.Inland, province));
        return this;
    }

    public TestRoster School(string id, string county)
    {
        _builder.AddSchool(new School(new SchoolId(id), new CountyId(county), id));
        return this;
    }

    /// <summary>Adds a class; with students on, adds <paramref name="size"/> students with the given genders (cycled), ids class-id.n.</summary>
    public TestRoster Class(string id, string school, int grade, int size, string genders = "FM")
    {
        if (_students)
        {
            _builder.AddClass(new ClassId(id), new SchoolId(school), new Grade(grade));
            for (var i = 0; i < size; i++)
            {
                var g = genders.Length == 0 ? ' ' : genders[i % genders.Length];
                Student(id, g == 'F' ? Gender.Female : g == 'M' ? Gender.Male : Gender.Unknown);
            }
        }
        else
        {
            _builder.AddClass(new ClassId(id), new SchoolId(school), new Grade(grade), size);
        }

        return this;
    }

    public TestRoster Student(string classId, Gender gender, string? id = null, int? birthYear = null, string? language = null, params string[] interests)
    {
        id ??= $"{classId}.{_nextStudent++}";
        _builder.AddStudent(new Student(new StudentId(id), new ClassId(classId), gender, birthYear, language, [.. interests]));
        return this;
    }

    public Roster Build()
    {
        var result = _builder.Build();
        if (result.Value is null)
        {
            throw new InvalidOperationException("test roster is invalid: " + string.Join("; ", result.Findings.Select(p => p.ToString())));
        }

        return result.Value;
    }
}
