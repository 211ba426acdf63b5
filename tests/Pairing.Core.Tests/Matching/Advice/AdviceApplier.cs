using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>
/// Applies advice rows to a roster without the advisor's code: the roster's own units, then each new county, school and
/// class (a row's students spread as evenly as they go over its classes; on a full roster, with named students).
/// </summary>
internal static class AdviceApplier
{
    /// <summary>One row as <c>advice.csv</c> has it.</summary>
    public sealed record Row(string Action, string Province, string County, string School, int? Grade, int Classes, int Students);

    public static Roster Apply(Roster roster, IEnumerable<Row> rows)
    {
        var b = new RosterBuilder(roster.SupportMap);
        foreach (var c in roster.Counties)
        {
            b.AddCounty(c);
        }

        foreach (var s in roster.Schools)
        {
            b.AddSchool(s);
        }

        foreach (var k in roster.Classes)
        {
            b.AddClass(k.Id, k.SchoolId, k.Grade, roster.HasStudents ? null : k.Size);
        }

        foreach (var p in roster.Students)
        {
            b.AddStudent(p);
        }

        var n = 0;
        foreach (var row in rows)
        {
            switch (row.Action)
            {
                case "add-county":
                    b.AddCounty(new County(new CountyId(row.County), row.County, Side.Inland, row.Province));
                    break;
                case "add-school":
                    b.AddSchool(new School(new SchoolId(row.School), new CountyId(row.County), row.School));
                    break;
                case "add-classes":
                    for (var k = 0; k < row.Classes; k++)
                    {
                        var size = (row.Students / row.Classes) + (k < row.Students % row.Classes ? 1 : 0);
                        var id = new ClassId($"{row.School}-APPLIED-{n++}");
                        b.AddClass(id, new SchoolId(row.School), new Grade(row.Grade!.Value), roster.HasStudents ? null : size);
                        for (var i = 0; roster.HasStudents && i < size; i++)
                        {
                            b.AddStudent(new Student(new StudentId($"{id.Value}.{i}"), id, i % 2 == 0 ? Gender.Female : Gender.Male));
                        }
                    }

                    break;
                default:
                    throw new InvalidOperationException("unknown action " + row.Action);
            }
        }

        var result = b.Build();
        return result.Value ?? throw new InvalidOperationException("applied roster is invalid: " + string.Join("; ", result.Findings.Select(p => p.ToString())));
    }
}
