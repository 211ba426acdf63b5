using Pairing.Core.Files;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Rosters;

/// <summary>ID-card numbers, phones and e-mail addresses found in the cells of a roster, wherever they are, never shown.</summary>
public sealed partial class RosterFilesTests
{
    private const string StudentsHeader = "student_id,class_id,gender,birth_year,language,interests,remark\n";

    public static TheoryData<string> IdCardShapes => new()
    {
        PersonalDataTests.Valid18,
        PersonalDataTests.Valid15,
        "１１０１０５１９４９１２３１００２Ｘ",
        "110105 1949 1231 002X",
        "110105-19491231-002X",
        "110105\u300019491231\u3000002X",
    };

    public static TheoryData<string, string> IdCardShapesInColumns()
    {
        var data = new TheoryData<string, string>();
        foreach (var column in new[] { "student_id", "class_id", "gender", "birth_year", "language", "interests", "remark" })
        {
            foreach (var shape in IdCardShapes)
            {
                data.Add(column, shape);
            }
        }

        return data;
    }

    private static string StudentRow(string column, string value)
    {
        string[] cells = ["x9", "XC1", "F", "2001", "汉语", "篮球", "好学生"];
        var index = Array.IndexOf(StudentsHeader.TrimEnd().Split(','), column);
        cells[index] = value.Contains(' ', StringComparison.Ordinal) ? $"\"{value}\"" : value;
        return string.Join(',', cells) + "\n";
    }

    /// <summary>Every finding in both languages, with its location: none may hold the value in any form.</summary>
    internal static void AssertNeverShown(IEnumerable<Finding> findings, string value)
    {
        var digits = new string([.. value.Normalize(System.Text.NormalizationForm.FormKC).Where(c => char.IsAsciiDigit(c) || c is 'X' or 'x')]);
        foreach (var finding in findings)
        {
            foreach (var language in new[] { FindingLanguage.English, FindingLanguage.Chinese })
            {
                var text = FindingRenderer.Default.RenderLine(finding, language);
                Assert.DoesNotContain(value.Trim(), text, StringComparison.Ordinal);
                if (digits.Length >= 15)
                {
                    // Nor its digits once folded, nor its first twelve (area code and birth date).
                    Assert.DoesNotContain(digits, text, StringComparison.Ordinal);
                    Assert.DoesNotContain(digits[..12], text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(IdCardShapesInColumns))]
    public void An_ID_card_number_in_any_column_is_refused_at_its_cell_and_never_shown(string column, string value)
    {
        var students = StudentsHeader + "x1,XC1,F,2001,汉语,篮球,\n" + StudentRow(column, value) + "x2,XC1,M,2001,汉语,,\n";
        var result = ReadFolder(students: students);

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Findings, p => p.Code == "ROS040");
        Assert.Equal(("students.csv", 3, column), (problem.Location?.File, problem.Location?.Line, problem.Location?.ColumnName));
        Assert.Contains(problem.Code, (string[])["ROS013", "ROS040", "ROS041", "ROS051"]);
        AssertNeverShown(result.Findings.Select(p => p), value);
    }

    [Theory]
    [MemberData(nameof(IdCardShapes))]
    public void An_ID_card_number_as_a_class_id_is_refused_in_both_files_and_never_shown(string value)
    {
        var quoted = $"\"{value}\"";
        var result = ReadFolder(
            classes: $"class_id,school_id,grade,size\n{quoted},XS1,8,2\nNC1,NS1,8,3\n",
            students: $"student_id,class_id,gender\nx1,{quoted},F\nx2,{quoted},M\nn1,NC1,F\nn2,NC1,\nn3,NC1,M\n");

        Assert.False(result.IsValid);
        Assert.Equal(
            [("classes.csv", 2), ("students.csv", 2), ("students.csv", 3)],
            result.Findings.Where(p => p.Code == "ROS040").Select(p => (p.Location?.File, p.Location?.Line ?? 0)));
        AssertNeverShown(result.Findings.Select(p => p), value);
    }

    [Fact]
    public void Eighteen_digits_whose_check_character_is_wrong_are_an_ordinary_value()
    {
        var result = ReadFolder(students: "student_id,class_id,gender,interests\nx1,XC1,F,110105194912310021\nx2,XC1,M,\nn1,NC1,F,\nn2,NC1,,\nn3,NC1,M,\n");
        Assert.True(result.IsValid, string.Join("\n", result.Findings));
    }

    [Fact]
    public void County_and_school_codes_in_columns_outside_the_format_are_only_warned_about()
    {
        var result = ReadFolder(schools: "school_id,county_id,name,code\nXS1,653128,岳普湖县第一中学,653128000001\nNS1,370901,泰安一中,370901000002\n");
        Assert.True(result.IsValid, string.Join("\n", result.Findings));
        Assert.Equal("ROS012", Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("13812345678", "ROS041")]
    [InlineData("138 1234 5678", "ROS041")]
    [InlineData("li.ming@example.com", "ROS051")]
    public void A_column_outside_the_format_with_phones_or_e_mail_is_refused_once(string value, string code)
    {
        var students = $"student_id,class_id,gender,contact\nx1,XC1,F,\nx2,XC1,M,{value}\nn1,NC1,F,{value}\nn2,NC1,,\nn3,NC1,M,\n";
        var result = ReadFolder(students: students);

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Findings, p => p.Code == code);
        Assert.Equal(("PersonalData", "students.csv", 3, 4, "contact"), (ProblemKinds.Of(problem), problem.Location?.File, problem.Location?.Line, problem.Location?.Column, problem.Location?.ColumnName));
        AssertNeverShown(result.Findings.Select(p => p), value);
    }

    [Fact]
    public void Phones_in_a_column_of_the_format_are_left_to_its_own_checks()
    {
        // A mobile number in student_id is an odd id, not a column to refuse: the format's columns are read as such.
        var result = ReadFolder(students: "student_id,class_id,gender\n13812345678,XC1,F\nx2,XC1,M\nn1,NC1,F\nn2,NC1,\nn3,NC1,M\n");
        Assert.DoesNotContain(result.Findings, p => p.Code is "ROS041" or "ROS051");
    }

    [Fact]
    public void A_sheet_is_scanned_as_a_file_is_including_cells_past_its_header()
    {
        var reader = new RosterTableReader();
        var rows = new CellRow[]
        {
            new(1, ["student_id", "class_id", "gender", "interests", "remark"]),
            new(2, ["x1", "XC1", "F", PersonalDataTests.Valid18, ""]),
            new(3, ["x2", "XC1", "M", "", "13812345678"]),
            new(5, ["x3", "XC1", "M", "", "", "", PersonalDataTests.Valid15]),
        };
        reader.Read(RosterTable.Students, new CellTable("roster.xlsx", "学生", rows));
        var problems = reader.Build().Findings;

        Assert.Equal(
            [("ROS040", 2, "interests"), ("ROS041", 3, "remark"), ("ROS040", 5, "G")],
            problems.Where(p => p.Code is ("ROS013" or "ROS040" or "ROS041" or "ROS051")).Select(p => (p.Code, p.Location?.Line ?? 0, p.Location?.ColumnName ?? string.Empty)));
        AssertNeverShown(problems.Select(p => p), PersonalDataTests.Valid18);
        AssertNeverShown(problems.Select(p => p), PersonalDataTests.Valid15);
    }

    [Fact]
    public void A_sheet_cell_or_row_past_the_limits_stops_the_sheet_as_a_long_field_or_line_stops_a_file()
    {
        // Found reading stop 23's workbook reader, which held cells only to its scanner's 16 MB.
        static IReadOnlyList<Finding> Read(params CellRow[] rows)
        {
            var reader = new RosterTableReader();
            reader.Read(RosterTable.Students, new CellTable("roster.xlsx", "学生", rows));
            return reader.Build().Findings;
        }

        CellRow header = new(1, ["student_id", "class_id", "gender", "interests"]);
        var longCell = Read(header, new(2, ["x1", "XC1", "F", new string('a', InputFileLimits.DefaultMaxFieldChars + 1)]), new(3, ["x2", "XC1", "Q", ""]));
        var field = Assert.Single(longCell, p => p.Code == RosterFindings.FieldTooLong.Code);
        Assert.Equal((2, 4), (field.Location?.Line, field.Location?.Column));
        Assert.Equal((long)InputFileLimits.DefaultMaxFieldChars + 1, field["length"]);
        Assert.DoesNotContain(longCell, p => p.Code == RosterFindings.BadGender.Code); // not read further

        var wide = Enumerable.Repeat(new string('b', 4000), 20).ToArray();
        var longRow = Read(header, new(2, ["x1", "XC1", "F", .. wide]));
        var line = Assert.Single(longRow, p => p.Code == RosterFindings.LineTooLong.Code);
        Assert.Equal(2, line.Location?.Line);
    }
}
