using System.Globalization;
using System.Text;
using Pairing.Core.Findings;
using Pairing.Core.Files;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Rosters;

public sealed partial class RosterFilesTests
{
    private const string Counties = "county_id,side,name,unit\n653128,xinjiang,岳普湖县,653128\n370901,inland,泰山区,370000\n";
    private const string Schools = "school_id,county_id,name\nXS1,653128,岳普湖县第一中学\nNS1,370901,泰安一中\n";
    private const string Classes = "class_id,school_id,grade,size\nXC1,XS1,8,2\nNC1,NS1,8,3\n";
    private const string Students = "student_id,class_id,gender\nx1,XC1,F\nx2,XC1,M\nn1,NC1,F\nn2,NC1,\nn3,NC1,M\n";

    private static ReadResult<Roster> ReadFolder(string counties = Counties, string schools = Schools, string classes = Classes, string? students = Students)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("counties.csv"), counties);
        File.WriteAllText(dir.File("schools.csv"), schools);
        File.WriteAllText(dir.File("classes.csv"), classes);
        if (students is not null)
        {
            File.WriteAllText(dir.File("students.csv"), students);
        }

        return RosterFiles.Read(dir.Path);
    }

    private static Finding Single(ReadResult<Roster> result, string kind) =>
        Assert.Single(result.Findings, p => ProblemKinds.Of(p) == kind);

    [Fact]
    public void Reads_a_small_full_roster_with_its_indexes()
    {
        var result = ReadFolder();
        Assert.True(result.IsValid, string.Join("\n", result.Findings));
        var roster = result.Value;
        Assert.True(roster.HasStudents);
        Assert.Equal(2, roster.Counties.Count);
        Assert.Equal("370000", roster.ProvinceOf(roster.GetCounty(new CountyId("653128"))).Value);
        Assert.Equal(["x1", "x2"], roster.StudentsIn(new ClassId("XC1")).Select(s => s.Id.Value));
        Assert.Equal(3, roster.GetClass(new ClassId("NC1")).Size);
        Assert.Equal(Side.Inland, roster.SideOf(roster.GetStudent(new StudentId("n2"))));
        Assert.Equal(new RosterCounts(1, 1, 1, 2), roster.CountsOf(Side.Xinjiang));
    }

    [Fact]
    public void The_control_characters_searched_for_in_ids_are_exactly_those_of_char_IsControl()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            Assert.True(char.IsControl(c) == Pairing.Core.Files.Rosters.CsvTable.ControlCharacters.Contains(c), $"U+{(int)c:X4}");
        }
    }

    [Theory]
    [InlineData("x\u0007y", "U+0007")]
    [InlineData("x\u0085y", "U+0085")]
    [InlineData("\u007Fx", "U+007F")]
    public void An_id_with_a_control_character_names_the_first_one(string escaped, string shown)
    {
        var id = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var found = Single(ReadFolder(students: Students.Replace("x2,", id + ",", StringComparison.Ordinal)), "BadId");
        Assert.Equal("ROS018", found.Code);
        Assert.Contains(found.Arguments, a => a.Name == "character" && (string)a.Value == shown);
    }

    [Fact]
    public void A_large_students_file_reports_unlisted_classes_in_row_order_after_its_duplicate_ids()
    {
        // 120,000 students: enough for their classes to be looked up beside the check of their ids.
        var students = new StringBuilder("student_id,class_id,gender\n");
        for (var i = 0; i < 120_000; i++)
        {
            var id = i % 50_000 == 3 && i > 3 ? "s3" : "s" + i.ToString(CultureInfo.InvariantCulture);
            var cls = i % 1_000 == 5 ? "ZZ" + (i % 7).ToString(CultureInfo.InvariantCulture) : i % 2 == 0 ? "XC1" : "NC1";
            students.Append(id).Append(',').Append(cls).Append(",F\n");
        }

        static int LineOf(Finding f) => f.Location?.Line ?? -1;
        var result = ReadFolder(classes: "class_id,school_id,grade\nXC1,XS1,8\nNC1,NS1,8\n", students: students.ToString());
        var codes = result.Findings.Select(f => f.Code).ToList();
        var unlisted = result.Findings.Where(f => f.Code == Pairing.Core.Rosters.RosterFindings.StudentClassNotListed.Code).ToList();
        var duplicates = result.Findings.Where(f => f.Code == Pairing.Core.Rosters.RosterFindings.DuplicateId.Code).ToList();

        Assert.Equal([50_005, 100_005], duplicates.Select(f => LineOf(f)));
        Assert.Equal(7, LineOf(unlisted[0]));
        Assert.Equal(unlisted.Select(f => LineOf(f)).Order(), unlisted.Select(f => LineOf(f)));
        Assert.Equal(Enumerable.Range(0, unlisted.Count).Select(k => 7 + (k * 1_000)), unlisted.Select(f => LineOf(f)));
        Assert.True(codes.IndexOf(duplicates[^1].Code) < codes.IndexOf(unlisted[0].Code), "a duplicate id (a cause) comes before an unlisted class");
    }

    [Fact]
    public void A_large_students_file_reads_every_interest_list_as_written()
    {
        // Over 4 MiB, so the interests are looked up on the tokenizing thread ahead of the rows (issue 27).
        (string Cell, string[] Tags)[] variants =
        [
            ("music", ["music"]),
            ("\"a,b;c\"", ["a,b", "c"]),
            ("\" x ; y \"", ["x", "y"]),
            ("", []),
            (";;", []),
            ("读书;足球", ["读书", "足球"]),
            ("\"say \"\"hi\"\";z\"", ["say \"hi\"", "z"]),
        ];
        var students = new StringBuilder("student_id,class_id,gender,interests\n");
        var classes = new StringBuilder("class_id,school_id,grade\n");
        const int Rows = 150_000;
        for (var k = 0; k < Rows / 50; k++)
        {
            classes.Append(CultureInfo.InvariantCulture, $"{(k % 2 == 0 ? "X" : "N")}C{k},{(k % 2 == 0 ? "XS1" : "NS1")},8\n");
        }

        for (var i = 0; i < Rows; i++)
        {
            var k = i / 50;
            students.Append(CultureInfo.InvariantCulture, $"student-{i:D7},{(k % 2 == 0 ? "X" : "N")}C{k},F,{variants[i % variants.Length].Cell}\n");
        }

        Assert.True(students.Length > 4 << 20);
        var result = ReadFolder(classes: classes.ToString(), students: students.ToString());
        Assert.True(result.IsValid, string.Join("\n", result.Findings.Take(5)));
        var roster = result.Value;
        Assert.Equal(Rows, roster.Students.Count);
        for (var i = 0; i < Rows; i++)
        {
            var student = roster.GetStudent(new StudentId($"student-{i:D7}"));
            Assert.Equal(variants[i % variants.Length].Tags, student.Interests);
        }
    }

    [Fact]
    public void A_large_students_file_reports_each_duplicate_id_at_its_row_with_its_first()
    {
        // Rows of 40 bytes or more and over 100,000 of them (a student index sized ahead from the file's lines);
        // duplicates near 16,384 rows, thrice, and in the last row.
        const int Rows = 120_000;
        var copies = new Dictionary<int, int> { [5] = 2, [16_383] = 16_380, [16_384] = 16_381, [70_000] = 2, [Rows - 1] = 16_390 };
        static string Id(int row) => $"student-{row:D7}-abcdefghijklmnop";
        var students = new StringBuilder("student_id,class_id,gender\n");
        for (var i = 0; i < Rows; i++)
        {
            students.Append(Id(copies.TryGetValue(i, out var of) ? of : i)).Append(",XC1,F\n");
        }

        var result = ReadFolder(classes: "class_id,school_id,grade\nXC1,XS1,8\nNC1,NS1,8\n", students: students.ToString());
        var duplicates = result.Findings.Where(f => f.Code == Pairing.Core.Rosters.RosterFindings.DuplicateId.Code)
            .Select(f => (Line: f.Location?.Line ?? -1, First: f.Arguments.Single(a => a.Name == "first").Value))
            .ToList();
        Assert.Equal(
            copies.OrderBy(kv => kv.Key).Select(kv => (kv.Key + 2, (object)(kv.Value + 2))),
            duplicates);
    }

    [Fact]
    public void Counts_only_roster_is_valid_for_planning()
    {
        var result = ReadFolder(students: null);
        Assert.True(result.IsValid);
        Assert.False(result.Value.HasStudents);
        Assert.Empty(result.Value.Students);
        Assert.Equal(3, result.Value.GetClass(new ClassId("NC1")).Size);
    }

    [Fact]
    public void Counts_only_class_without_size_is_an_error_at_its_line()
    {
        var result = ReadFolder(classes: "class_id,school_id,grade,size\nXC1,XS1,8,\nNC1,NS1,8,3\n", students: null);
        var problem = Single(result, "BadSize");
        Assert.Equal(("classes.csv", 2, 4), (problem.Location?.File, problem.Location?.Line, problem.Location?.Column));
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_unknown_ones_are_warned()
    {
        var result = ReadFolder(schools: "name,note,county_id,school_id\n岳普湖县第一中学,x,653128,XS1\n泰安一中,y,370901,NS1\n");
        Assert.True(result.IsValid);
        var warning = Single(result, "UnknownColumn");
        Assert.Equal((FindingSeverity.Warning, "schools.csv", 1, 2, "note"), (warning.Severity, warning.Location?.File, warning.Location?.Line, warning.Location?.Column, warning.Location?.ColumnName));
    }

    [Fact]
    public void Every_problem_of_every_file_is_listed_at_once()
    {
        var result = ReadFolder(
            counties: "county_id,side,name,unit\n653128,xinjiang,岳普湖县,999999\n370901,abroad,泰山区,370000\n370902,inland,x,500000\n",
            schools: "school_id,county_id,name\nXS1,653128,a\nXS1,653128,b\nNS1,000000,c\n",
            classes: "class_id,school_id,grade,size\nXC1,XS1,13,2\nNC1,NS9,8,3\n",
            students: "student_id,class_id,gender\nx1,XC1,F\nx2,XC1,Q\nn1,NC7,F\n");
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var codes = result.Errors.Select(p => (p.Location?.File, p.Location?.Line, p.Code)).ToList();
        Assert.Contains(("counties.csv", 2, "ROS030"), codes);
        Assert.Contains(("counties.csv", 3, "ROS029"), codes);
        Assert.Contains(("counties.csv", 4, "ROS032"), codes);
        Assert.Contains(("schools.csv", 3, "ROS020"), codes);
        Assert.Contains(("schools.csv", 4, "ROS022"), codes);
        Assert.Contains(("classes.csv", 2, "ROS014"), codes);
        Assert.Contains(("classes.csv", 3, "ROS023"), codes);
        Assert.Contains(("students.csv", 3, "ROS037"), codes);
        Assert.Contains(("students.csv", 4, "ROS024"), codes);
        var duplicate = result.Errors.Single(p => p.Code == "ROS020");
        Assert.Equal((PairingLevel.School, "XS1", 2), (duplicate["level"], duplicate["id"], duplicate["first"]));
        Assert.Equal("abroad", result.Errors.Single(p => p.Code == "ROS029")["value"]);
        Assert.Equal("13", result.Errors.Single(p => p.Code == "ROS014")["value"]);
        var dangling = result.Errors.Single(p => p.Code == "ROS024" && p.Location?.Line == 4);
        Assert.Equal(("n1", "NC7"), (dangling["student"], dangling["class"]));
        Assert.Throws<InputRejectedException>(result.GetValueOrThrow);
    }

    [Fact]
    public void A_known_county_in_the_wrong_area_is_refused()
    {
        // 库尔勒市 is aided through 巴音郭楞 (652800), not as a county of its own.
        var result = ReadFolder(counties: "county_id,side,name,unit\n653128,xinjiang,岳普湖县,652800\n370901,inland,泰山区,370000\n");
        var problem = Single(result, "UnknownArea");
        Assert.Equal("ROS031", problem.Code);
        Assert.Equal(("653128", "652800", "653128"), (problem["county"], problem["unit"], problem["area"]));
        Assert.Equal(4, problem.Location?.Column);
    }

    [Fact]
    public void Size_that_disagrees_with_the_students_is_named_with_both_numbers()
    {
        var result = ReadFolder(classes: "class_id,school_id,grade,size\nXC1,XS1,8,5\nNC1,NS1,8,3\n");
        var problem = Single(result, "SizeMismatch");
        Assert.Equal(("classes.csv", 2, 4), (problem.Location?.File, problem.Location?.Line, problem.Location?.Column));
        Assert.Equal(("ROS036", "XC1", 5, 2), (problem.Code, problem["class"], problem["size"], problem["count"]));
    }

    [Theory]
    [InlineData("姓名")]
    [InlineData("Home Address")]
    [InlineData("身份证号")]
    [InlineData("id_card")]
    [InlineData("phone")]
    [InlineData("birth_date")]
    [InlineData("家长")]
    [InlineData("学生姓名")]
    [InlineData("xm")]
    [InlineData("XM")]
    [InlineData("公民身份号码")]
    [InlineData("身份号码")]
    [InlineData("sfzh")]
    [InlineData("学籍号")]
    [InlineData("民族")]
    [InlineData("籍贯")]
    [InlineData("住址")]
    [InlineData("住所")]
    [InlineData("家庭住址")]
    [InlineData("电话")]
    [InlineData("手机")]
    [InlineData("联系方式")]
    [InlineData("tel")]
    [InlineData("cell")]
    [InlineData("照片")]
    [InlineData("photo")]
    [InlineData("出生日期")]
    [InlineData("ｎａｍｅ")]
    [InlineData("姓　名")]
    [InlineData("姓​名")]
    [InlineData("Student Name")]
    [InlineData("ＳＦＺＨ")]
    public void Columns_that_look_like_personal_data_are_refused(string column)
    {
        var result = ReadFolder(students: $"student_id,class_id,gender,{column}\nx1,XC1,F,a\nx2,XC1,M,b\nn1,NC1,F,c\nn2,NC1,,d\nn3,NC1,M,e\n");
        var problem = Single(result, "PersonalData");
        Assert.Equal(("students.csv", 1, 4, column), (problem.Location?.File, problem.Location?.Line, problem.Location?.Column, problem.Location?.ColumnName));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Institution_names_are_not_personal_data()
    {
        var result = ReadFolder(classes: "class_id,school_id,grade,size,class_name\nXC1,XS1,8,2,初二(1)班\nNC1,NS1,8,3,初二(3)班\n");
        Assert.True(result.IsValid);
        Assert.Contains(Assert.Single(result.Findings).Code, (string[])["ROS012", "ROS043", "ROS060"]);
    }

    [Fact]
    public void A_student_id_shaped_like_an_id_card_number_is_refused()
    {
        // 11010519491231002X is the checksum-valid sample number from GB 11643's own text.
        var result = ReadFolder(students: Students.Replace("x1,", "11010519491231002X,", StringComparison.Ordinal));
        var problem = Single(result, "PersonalData");
        Assert.Equal(("students.csv", 2, 1), (problem.Location?.File, problem.Location?.Line, problem.Location?.Column));
    }

    [Fact]
    public void Missing_files_and_folders_are_named()
    {
        using var dir = new TempDirectory();
        var result = RosterFiles.Read(dir.Path);
        Assert.Equal(["counties.csv", "schools.csv", "classes.csv"], result.Errors.Select(p => p.Location?.File));
        Assert.All(result.Errors, p => Assert.Contains(p.Code, (string[])["ROS001", "ROS002", "ROS044", "ROS046", "ROS050"]));
        Assert.Equal("MissingFile", ProblemKinds.Of(Assert.Single(RosterFiles.Read(dir.File("nowhere")).Findings)));
    }

    [Fact]
    public void Reads_utf8_with_bom_and_gb18030_from_chinese_excel()
    {
        using var dir = new TempDirectory();
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        File.WriteAllBytes(dir.File("counties.csv"), gb18030.GetBytes(Counties.Replace("\n", "\r\n", StringComparison.Ordinal)));
        File.WriteAllBytes(dir.File("schools.csv"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Schools)]);
        File.WriteAllText(dir.File("classes.csv"), Classes);
        var result = RosterFiles.Read(dir.Path);
        Assert.True(result.IsValid, string.Join("\n", result.Findings));
        Assert.Equal("岳普湖县", result.Value.GetCounty(new CountyId("653128")).Name);
        Assert.Equal("泰安一中", result.Value.GetSchool(new SchoolId("NS1")).Name);
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_gb18030_are_refused_with_their_line()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("counties.csv"), [.. Encoding.UTF8.GetBytes(Counties), 0xFF, 0xFF, (byte)'\n']);
        File.WriteAllText(dir.File("schools.csv"), Schools);
        File.WriteAllText(dir.File("classes.csv"), Classes);
        var problem = Assert.Single(RosterFiles.Read(dir.Path).Findings);
        Assert.Equal(("BadEncoding", "counties.csv", 4), (ProblemKinds.Of(problem), problem.Location?.File, problem.Location?.Line));
    }

    [Fact]
    public void Malformed_csv_is_reported_per_row_and_reading_goes_on()
    {
        var result = ReadFolder(schools: "school_id,county_id,name\nXS1,653128,\"unclosed\nNS1,370901,x\n");
        var problem = Single(result, "MalformedCsv");
        Assert.Equal(("schools.csv", 2, 3), (problem.Location?.File, problem.Location?.Line, problem.Location?.Column));

        result = ReadFolder(classes: "class_id,school_id,grade,size\nXC1,XS1,8\nNC1,NS1,8,3,9\nXC2,XS1,\"7\"x,1\n");
        Assert.Equal([2, 3, 4], result.Errors.Where(p => p.Code is ("ROS006" or "ROS007" or "ROS008" or "ROS009" or "ROS061" or "ROS062" or "ROS063" or "ROS064" or "ROS065")).Select(p => p.Location?.Line!.Value));
    }

    [Fact]
    public void Written_cells_cannot_run_as_spreadsheet_formulas_and_still_round_trip()
    {
        var roster = new RosterBuilder()
            .AddCounty(new County(new CountyId("653128"), "=cmd|' /C calc'!A0", Side.Xinjiang, "653128"))
            .AddCounty(new County(new CountyId("370901"), "@SUM(1+1)", Side.Inland, "370000"))
            .AddSchool(new School(new SchoolId("-XS1"), new CountyId("653128"), "+x"))
            .AddClass(new ClassId("XC1"), new SchoolId("-XS1"), new Grade(7), 30)
            .Build().GetValueOrThrow();
        using var dir = new TempDirectory();
        RosterFiles.Write(roster, dir.Path);
        var counties = File.ReadAllText(dir.File("counties.csv"));
        Assert.Contains("\"'=cmd|' /C calc'!A0\"", counties, StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(1+1)\"", counties, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", counties, StringComparison.Ordinal);
        var back = RosterFiles.Read(dir.Path).GetValueOrThrow();
        Assert.Equal("=cmd|' /C calc'!A0", back.GetCounty(new CountyId("653128")).Name);
        Assert.Equal("+x", back.GetSchool(new SchoolId("-XS1")).Name);
    }

    [Fact]
    public void Writing_a_counts_only_roster_removes_a_stale_students_file()
    {
        using var dir = new TempDirectory();
        RosterFiles.Write(RosterSamples.Build(1, withStudents: true), dir.Path);
        Assert.True(File.Exists(dir.File("students.csv")));
        RosterFiles.Write(RosterSamples.Build(1, withStudents: false), dir.Path);
        Assert.False(File.Exists(dir.File("students.csv")));
        Assert.True(RosterFiles.Read(dir.Path).IsValid);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Theory]
    [InlineData("７", 7)]
    [InlineData(" 8 ", 8)]
    [InlineData("9.0", 9)]
    [InlineData("初一", 7)]
    [InlineData("高三", 12)]
    [InlineData("七年级", 7)]
    [InlineData("十二年级", 12)]
    [InlineData("８年级", 8)]
    public void Grades_as_spreadsheets_and_offices_write_them_are_read(string grade, int number)
    {
        var result = ReadFolder(classes: $"class_id,school_id,grade,size\nXC1,XS1,\"{grade}\",2\nNC1,NS1,{grade},3\n");
        Assert.True(result.IsValid, string.Join("\n", result.Findings));
        Assert.Equal(number, result.Value.GetClass(new ClassId("XC1")).Grade.Number);
    }

    [Fact]
    public void Chinese_headers_genders_and_sides_and_trailing_empty_rows_and_columns_are_read()
    {
        var result = ReadFolder(
            counties: "县编号,所属方,名称,单位\n653128,新疆,岳普湖县,653128\n370901,内地,泰山区,３７００００\n",
            classes: "班级编号,学校编号,年级,人数,,\nXC1,XS1,8.0,2.0,,\nNC1,NS1,８,3,,\n,,,,,\n,,,,,\n",
            students: "学生编号,班级编号,性别,出生年份\nx1,XC1,女,2001.0\nx2,XC1,男,\nn1,NC1,F,\nn2,NC1,,\nn3,NC1,M,\n,,,\n");
        Assert.True(result.IsValid, string.Join("\n", result.Findings));
        Assert.Empty(result.Findings);
        Assert.Equal(Gender.Female, result.Value.GetStudent(new StudentId("x1")).Gender);
        Assert.Equal(2001, result.Value.GetStudent(new StudentId("x1")).BirthYear);
        Assert.Equal(Side.Inland, result.Value.GetCounty(new CountyId("370901")).Side);
    }

    [Fact]
    public void A_decimal_grade_is_named_as_such_and_anything_else_stays_an_error()
    {
        var result = ReadFolder(classes: "class_id,school_id,grade,size\nXC1,XS1,7.5,2\nNC1,NS1,初四,3\n");
        Assert.Equal([("ROS015", "7.5"), ("ROS014", "初四")], result.Errors.Where(p => p.Code is ("ROS014" or "ROS015")).Select(p => (p.Code, p["value"])));
    }

    [Fact]
    public void Students_of_a_rejected_class_are_told_so_once_with_where_the_class_is()
    {
        var result = ReadFolder(classes: "class_id,school_id,grade,size\nXC1,XS1,13,2\nNC1,NS1,8,3\n");
        Assert.DoesNotContain(result.Errors, p => p.Code == "ROS024");
        var rejected = Assert.Single(result.Errors, p => p.Code == "ROS027");
        Assert.Equal(("students.csv", 2, "XC1", "classes.csv", 2, 2),
            (rejected.Location?.File, rejected.Location?.Line, rejected["class"], rejected["file"], rejected["line"], rejected["count"]));
        Assert.Equal(2, result.Errors.Count());
    }

    [Fact]
    public void Spreadsheet_damage_to_ids_is_named_e_notation_and_lost_leading_zeros()
    {
        var result = ReadFolder(
            schools: "school_id,county_id,name\nXS1,653128,a\n0370,370901,b\n6.53201E+11,370901,c\n",
            classes: "class_id,school_id,grade,size\nXC1,XS1,8,2\nNC1,370,8,3\nNC2,6.53201E+11,8,1\n");
        Assert.Equal([("schools.csv", 4, "6.53201E+11"), ("classes.csv", 4, "6.53201E+11")],
            result.Errors.Where(p => p.Code == "ROS019").Select(p => (p.Location?.File, p.Location?.Line, p["value"])));
        var zeros = Assert.Single(result.Errors, p => p.Code == "ROS028");
        Assert.Equal(("classes.csv", 3, "370", "0370", PairingLevel.School), (zeros.Location?.File, zeros.Location?.Line, zeros["id"], zeros["candidate"], zeros["level"]));
    }

    [Theory]
    [InlineData(";", ";")]
    [InlineData("\t", "Tab")]
    [InlineData("|", "|")]
    public void A_file_with_another_separator_is_said_once_naming_the_separator_not_as_missing_columns(string separator, string shown)
    {
        // Issue 22, item 4: a semicolon file gave four "missing column" errors and called its header personal data.
        var result = ReadFolder(counties: Counties.Replace(",", separator, StringComparison.Ordinal));

        var problem = Assert.Single(result.Findings, p => p.Location?.File == "counties.csv");
        Assert.Equal("ROS061", problem.Code);
        Assert.Equal(1, problem.Location?.Line);
        Assert.Equal(shown, problem.Arguments.Single(a => a.Name == "separator").Value);
        Assert.DoesNotContain(result.Findings, p => p.Code is "ROS010" or "ROS013");
        var en = Pairing.Core.Findings.FindingRenderer.Default.Render(problem, Pairing.Core.Findings.FindingLanguage.English);
        var zh = Pairing.Core.Findings.FindingRenderer.Default.Render(problem, Pairing.Core.Findings.FindingLanguage.Chinese);
        Assert.Equal($"the header is separated by {shown}, not by commas; expected a comma-separated file (in Excel or WPS: save as CSV UTF-8, comma delimited)", en);
        Assert.StartsWith($"表头以 {shown} 分隔，而不是逗号", zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_column_header_that_no_separator_splits_into_known_columns_is_read_as_before()
    {
        var result = ReadFolder(counties: "a;b\n1;2\n");
        Assert.DoesNotContain(result.Findings, p => p.Code == "ROS061");
        Assert.Contains(result.Findings, p => p.Code == "ROS010" && p.Location?.File == "counties.csv");
    }

    [Theory]
    [InlineData("x2", "ROS020")]
    [InlineData("6.52E+11", "ROS019")]
    public void A_bad_student_row_is_listed_before_the_class_size_it_throws_off(string secondId, string cause)
    {
        // Issue 22, item 5: check printed the class-size mismatch (ROS036) before the duplicate (ROS020) or the id
        // Excel turned into a number (ROS019) that caused it.
        var result = ReadFolder(students: Students.Replace("x2,XC1,M", secondId == "x2" ? "x2,XC1,M\nx2,XC1,F" : secondId + ",XC1,M", StringComparison.Ordinal));

        var codes = result.Findings.Select(p => p.Code).ToList();
        Assert.Contains(cause, codes);
        Assert.Contains("ROS036", codes);
        Assert.True(codes.IndexOf(cause) < codes.IndexOf("ROS036"), string.Join(", ", codes));
    }

    [Fact]
    public void A_reference_that_does_not_resolve_is_listed_after_the_row_problems_of_every_file()
    {
        var result = ReadFolder(
            schools: "school_id,county_id,name\nXS1,653128,岳普湖县第一中学\nNS1,999999,泰安一中\n",
            students: "student_id,class_id,gender\nx1,XC1,F\nx2,XC1,Q\nn1,NC1,F\nn2,NC1,\nn3,NC1,M\n");

        var codes = result.Findings.Select(p => p.Code).ToList();
        Assert.Equal("ROS037", codes[0]);
        Assert.Contains("ROS022", codes);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_counted_once()
    {
        // Issue 28, item 1: a file of empty lines cost memory per line and said nothing.
        var result = ReadFolder(students: Students + new string('\n', 10_000));

        var problem = Assert.Single(result.Findings);
        Assert.Equal("ROS064", problem.Code);
        Assert.Equal(7, problem.Location?.Line);
        Assert.Equal(10_000L, Convert.ToInt64(problem.Arguments.Single(a => a.Name == "count").Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void A_field_over_the_limit_stops_the_files_reading_with_its_line_and_length_and_is_never_echoed()
    {
        var huge = new string('x', InputFileLimits.Current.MaxFieldChars + 1);
        var result = ReadFolder(counties: "county_id,side,name,unit," + huge + "\n653128,xinjiang,岳普湖县,653128\n");

        var problem = Assert.Single(result.Findings, p => p.Location?.File == "counties.csv");
        Assert.Equal("ROS062", problem.Code);
        Assert.Equal(1, problem.Location?.Line);
        Assert.Equal(5, problem.Location?.Column);
        Assert.DoesNotContain(huge[..100], problem.ToString(), StringComparison.Ordinal);
        Assert.Contains((InputFileLimits.Current.MaxFieldChars + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_over_the_limit_stops_the_files_reading()
    {
        var fields = string.Join(",", Enumerable.Repeat(new string('y', 1000), 70));
        var result = ReadFolder(students: Students + fields + "\nx9,XC1,F\n");

        var problem = Assert.Single(result.Findings, p => p.Location?.File == "students.csv");
        Assert.Equal("ROS063", problem.Code);
        Assert.Equal(7, problem.Location?.Line);
    }

    [Fact]
    public void Many_problems_of_one_code_are_listed_a_hundred_per_file_and_the_rest_counted_exactly()
    {
        // Issue 28, item 2: 500,000 malformed rows gave 501,435 lines of output.
        var rows = new StringBuilder(Students);
        for (var i = 0; i < 500; i++)
        {
            rows.Append("b").Append(i).Append(",XC1,Q\n");
        }

        var result = ReadFolder(students: rows.ToString());

        Assert.Equal(100, result.Findings.Count(p => p.Code == "ROS037"));
        var more = Assert.Single(result.Findings, p => p.Code == "ROS065");
        Assert.Equal("students.csv", more.Location?.File);
        Assert.Equal(400, more.Arguments.Single(a => a.Name == "count").Value);
        Assert.Equal("ROS037", more.Arguments.Single(a => a.Name == "code").Value);
        Assert.Equal(FindingSeverity.Error, more.Severity);
        // Said right after the last one listed of its code.
        var codes = result.Findings.Select(p => p.Code).ToList();
        Assert.Equal(codes.LastIndexOf("ROS037") + 1, codes.IndexOf("ROS065"));
    }
}
