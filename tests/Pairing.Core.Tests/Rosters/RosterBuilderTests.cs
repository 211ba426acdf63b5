using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;
using Pairing.Core.Files.Tables;

namespace Pairing.Core.Tests.Rosters;

public sealed class RosterBuilderTests
{
    [Fact]
    public void Builder_problems_name_the_table_and_the_id()
    {
        var result = new RosterBuilder()
            .AddCounty(new County(new CountyId("653128"), "岳普湖县", Side.Xinjiang, "653128"))
            .AddSchool(new School(new SchoolId("S1"), new CountyId("999999"), "x"))
            .AddClass(new ClassId("C1"), new SchoolId("S1"), new Grade(8))
            .Build();
        Assert.False(result.IsValid);
        var dangling = Assert.Single(result.Errors, p => p.Code is ("ROS022" or "ROS023" or "ROS024" or "ROS025" or "ROS026" or "ROS027" or "ROS028"));
        Assert.Equal(("ROS022", "schools", (int?)null), (dangling.Code, dangling.Location?.File, dangling.Location?.Line));
        Assert.Equal(("S1", "999999"), (dangling["school"], dangling["county"]));
        Assert.Equal(new FindingSubject("school", "S1"), dangling.Subject);
        var size = Assert.Single(result.Errors, p => p.Code is ("ROS033" or "ROS034" or "ROS035"));
        Assert.Equal(("ROS034", "C1"), (size.Code, size["class"]));
    }

    [Fact]
    public void A_student_id_shaped_like_an_id_card_number_is_refused_as_from_a_file()
    {
        // 11010519491231002X is the checksum-valid sample number from GB 11643's own text; the message never repeats it.
        var result = new RosterBuilder()
            .AddCounty(new County(new CountyId("653128"), "岳普湖县", Side.Xinjiang, "653128"))
            .AddSchool(new School(new SchoolId("S1"), new CountyId("653128"), "x"))
            .AddClass(new ClassId("C1"), new SchoolId("S1"), new Grade(8))
            .AddStudent(new Student(new StudentId("11010519491231002X"), new ClassId("C1")))
            .AddStudent(new Student(new StudentId("110105194912310021"), new ClassId("C1")))
            .Build();

        var problem = Assert.Single(result.Errors);
        Assert.Equal(("PersonalData", "ROS040", "students", "student_id"), (ProblemKinds.Of(problem), problem.Code, problem.Location?.File, problem.Location?.ColumnName));
        Assert.DoesNotContain(problem.Arguments, a => a.Value is string s && s.Contains("1949", StringComparison.Ordinal));
        Assert.DoesNotContain("11010519491231002X", FindingRenderer.Default.RenderLine(problem, FindingLanguage.ChineseAndEnglish), StringComparison.Ordinal);
    }

    [Fact]
    public void Children_are_sorted_by_id_whatever_the_input_order()
    {
        var builder = new RosterBuilder()
            .AddCounty(new County(new CountyId("653128"), "岳普湖县", Side.Xinjiang, "653128"))
            .AddSchool(new School(new SchoolId("S1"), new CountyId("653128"), "x"))
            .AddClass(new ClassId("C1"), new SchoolId("S1"), new Grade(8));
        foreach (var id in new[] { "s3", "s1", "s2" })
        {
            builder.AddStudent(new Student(new StudentId(id), new ClassId("C1")));
        }

        var roster = builder.Build().GetValueOrThrow();
        Assert.Equal(["s1", "s2", "s3"], roster.StudentsIn(new ClassId("C1")).Select(s => s.Id.Value));
        Assert.Equal(["s3", "s1", "s2"], roster.Students.Select(s => s.Id.Value));
        Assert.Equal(3, roster.GetClass(new ClassId("C1")).Size);
    }

    [Fact]
    public void Programmer_errors_throw_at_once()
    {
        var builder = new RosterBuilder();
        Assert.Throws<ArgumentNullException>(() => builder.AddCounty(null!));
        Assert.Throws<ArgumentException>(() => builder.AddClass(default, new SchoolId("S"), new Grade(7)));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddClass(new ClassId("C"), new SchoolId("S"), new Grade(7), -1));
    }

    [Fact]
    public void A_roster_built_from_rows_that_filled_their_room_exactly_keeps_its_students_when_the_builder_goes_on()
    {
        // The roster takes the rows' array itself when the room made ahead was filled exactly; the builder copies it
        // before adding more, so that a second Build does not change the first roster.
        var builder = new RosterBuilder()
            .AddCounty(new County(new CountyId("653128"), "岳普湖县", Side.Xinjiang, "653128"))
            .AddSchool(new School(new SchoolId("S1"), new CountyId("653128"), "x"))
            .AddClass(new ClassId("C1"), new SchoolId("S1"), new Grade(8));
        builder.StudentCapacityHint = 3;
        builder.AddStudent(new Student(new StudentId("A"), new ClassId("C1")))
            .AddStudent(new Student(new StudentId("B"), new ClassId("C1")))
            .AddStudent(new Student(new StudentId("C"), new ClassId("C1")));
        var first = builder.Build().Value!;

        builder.AddStudent(new Student(new StudentId("D"), new ClassId("C1")));
        var second = builder.Build().Value!;

        Assert.Equal(["A", "B", "C"], first.Students.Select(s => s.Id.Value));
        Assert.Equal(["A", "B", "C", "D"], second.Students.Select(s => s.Id.Value));
        Assert.Equal(3, first.GetClass(new ClassId("C1")).Size);
    }
}
