using System.Globalization;
using Pairing.Core.Excel.Internals;
using Pairing.Core.Files.Results;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel.Tests;

public class PairingResultWorkbookTests
{
    [Fact]
    public void A_result_workbook_reads_back_as_the_same_result()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5 });
        var result = new PairingMatcher().Match(roster);
        var book = folder.File("result.xlsx");
        PairingResultWorkbook.Write(result, book, roster);

        var read = PairingResultWorkbook.Read(book).GetValueOrThrow();

        PairingResultFiles.Write(result, folder.File("a"), includeTimings: false);
        PairingResultFiles.Write(read, folder.File("b"), includeTimings: false);
        Assert.Equal(TestFolder.Contents(folder.File("a")), TestFolder.Contents(folder.File("b")));
    }

    [Fact]
    public void A_result_with_a_previous_year_has_a_continuity_sheet_and_reads_back_equal()
    {
        using var folder = new TestFolder();
        var year1 = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5 });
        var previous = new PairingMatcher().Match(year1);
        var year2 = RosterGenerator.NextYear(year1, NextYearOptions.LargeChanges());
        var result = new PairingMatcher().Match(year2, previous: previous);
        Assert.NotEmpty(result.Continuity);
        Assert.Contains(result.Continuity, e => e.Status == ContinuityStatus.Dropped);
        var book = folder.File("result.xlsx");
        PairingResultWorkbook.Write(result, book, year2);

        var read = PairingResultWorkbook.Read(book).GetValueOrThrow();

        Assert.Equal(result.Continuity, read.Continuity);
        Assert.Equal(result.Summary.ContinuityCounts, read.Summary.ContinuityCounts);
        PairingResultFiles.Write(result, folder.File("a"), includeTimings: false);
        PairingResultFiles.Write(read, folder.File("b"), includeTimings: false);
        Assert.Equal(TestFolder.Contents(folder.File("a")), TestFolder.Contents(folder.File("b")));
        Assert.True(File.Exists(folder.File("a/continuity.csv")));
    }

    [Fact]
    public void The_continuity_sheet_has_chinese_headers_values_and_names_beside_county_and_school_ids()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5 });
        var previous = new PairingMatcher().Match(roster);
        var result = new PairingMatcher().Match(roster, previous: previous);
        var book = folder.File("result.xlsx");
        PairingResultWorkbook.Write(result, book, roster);

        using var workbook = Workbook.Open(File.OpenRead(book));
        Assert.Equal(["县结对", "学校结对", "班级结对", "学生结对", "未结对", "结对延续", "摘要", "说明"], workbook.SheetNames);
        var rows = Rows(workbook, PairingResultWorkbook.ContinuitySheet);
        Assert.Equal(["层级", "新疆单位编号", "新疆单位名称", "内地单位编号", "内地单位名称", "状态"], rows[0][..6]);
        var county = rows.Skip(1).First(r => r[0] == "县");
        Assert.Equal(roster.Counties.Single(c => c.Id.Value == county[1]).Name, county[2]);
        Assert.Equal("保留", county[5]);
        var student = rows.Skip(1).First(r => r[0] == "学生");
        Assert.Equal(string.Empty, student[2]);
        Assert.Equal(result.Continuity.Count, rows.Count - 1);
        Assert.Equal(result.Continuity, PairingResultWorkbook.Read(book).GetValueOrThrow().Continuity);
        Assert.Contains(Rows(workbook, "摘要"), r => r[0] == "上一年结对的去向：CON001（行数）" && r[2] == "continuity.CON001");
    }

    [Fact]
    public void Result_workbook_has_chinese_sheet_names_and_a_readable_summary()
    {
        // Issue 22, item 13: the sheets were county_pairs …, the summary was summary.json pasted a line a row
        // ("format": …), values read class and false, and every sheet had a second header row in English.
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5 });
        var result = new PairingMatcher().Match(roster);
        var book = folder.File("result.xlsx");
        PairingResultWorkbook.Write(result, book, roster);

        using var workbook = Workbook.Open(File.OpenRead(book));
        Assert.Equal(["县结对", "学校结对", "班级结对", "学生结对", "未结对", "摘要", "说明"], workbook.SheetNames);

        // One header row, in Chinese; values in Chinese.
        var students = Rows(workbook, "学生结对");
        Assert.Equal(["新疆学生编号", "内地学生编号", "跨班"], students[0]);
        Assert.All(students.Skip(1), r => Assert.Contains(r[2], new[] { "是", "否" }));
        Assert.Equal(result.StudentPairs.Count(p => p.CrossClass), students.Count(r => r[2] == "是"));
        var counties = Rows(workbook, "县结对");
        Assert.Equal(["新疆县编号", "新疆县名称", "内地县编号", "内地县名称"], counties[0]);
        Assert.Equal(result.CountyPairs.Count, counties.Count - 1);
        var unpaired = Rows(workbook, "未结对");
        Assert.Equal(["层级", "编号", "名称", "规则", "代码"], unpaired[0][..5]);
        Assert.All(unpaired.Skip(1), r => Assert.Contains(r[0], new[] { "县", "学校", "班级", "学生" }));
        var everyCell = workbook.SheetNames.Where(s => s is not "说明" and not "摘要").SelectMany(s => Rows(workbook, s)).SelectMany(r => r).ToHashSet();
        Assert.DoesNotContain("false", everyCell);
        Assert.DoesNotContain("class", everyCell);
        Assert.DoesNotContain("xinjiang_student_id", everyCell);

        // 摘要: a table of figures with Chinese labels, the key and JSON value beside them for reading back.
        var summary = Rows(workbook, "摘要");
        Assert.Equal(["项目", "数值", "字段", "原值"], summary[0]);
        Assert.DoesNotContain(summary, r => r[0].Contains('"', StringComparison.Ordinal));
        string Figure(string label) => summary.Single(r => r[0] == label)[1];
        Assert.Equal(result.Summary.XinjiangStudents.ToString(CultureInfo.InvariantCulture), Figure("新疆学生总数"));
        Assert.Equal(result.Summary.CoveredStudents.ToString(CultureInfo.InvariantCulture), Figure("已覆盖的新疆学生"));
        Assert.EndsWith("%", Figure("覆盖率（已覆盖 ÷ 新疆学生）"), StringComparison.Ordinal);
        Assert.Equal(result.Summary.Counties.Paired.ToString(CultureInfo.InvariantCulture), Figure("县：已结对"));
        Assert.Equal(result.Summary.Students!.Value.Unpaired.ToString(CultureInfo.InvariantCulture), Figure("学生：未结对"));
        Assert.Equal(result.Summary.CrossClassPairs!.Value.ToString(CultureInfo.InvariantCulture), Figure("跨班学生结对"));
        Assert.EndsWith("%", Figure("同性别学生结对占比"), StringComparison.Ordinal);
        Assert.Equal("否", Figure("选项：同年级不足时放宽到相邻年级"));
        Assert.Equal(result.Summary.InputHash, Figure("名册的哈希值（核对结果是否出自此名册）"));
        Assert.Equal(result.Summary.LibraryVersion, Figure("程序库版本"));
        Assert.Equal("名册阶段（县、学校、班级、学生）", Figure("阶段"));
        Assert.Equal(["options.relax_grade_to_nearest", "false"], summary.Single(r => r[0] == "选项：同年级不足时放宽到相邻年级")[2..4]);

        // 说明: each sheet's file, each header's column name, each shown value's value in the format.
        var legend = Rows(workbook, "说明");
        Assert.Equal(["工作表", "表头或取值", "文件中的名称", "备注"], legend[0]);
        Assert.Contains(legend, r => r[0] == "县结对" && r[1] == string.Empty && r[2] == "county_pairs.csv");
        Assert.Contains(legend, r => r[0] == "摘要" && r[2] == "summary.json");
        Assert.Contains(legend, r => r[0] == "学生结对" && r[1] == "跨班" && r[2] == "cross_class");
        Assert.Contains(legend, r => r[0] == "学生结对" && r[1] == "否" && r[2] == "false");
        Assert.Contains(legend, r => r[0] == "未结对" && r[1] == "班级" && r[2] == "class");
        Assert.Single(legend, r => r[0] == "县结对" && r[2] == "xinjiang_county_id");

        // Read back: the same result, summary included, with the seconds per stage.
        var read = PairingResultWorkbook.Read(book).GetValueOrThrow();
        PairingResultFiles.Write(result, folder.File("a"));
        PairingResultFiles.Write(read, folder.File("b"));
        Assert.Equal(TestFolder.Contents(folder.File("a")), TestFolder.Contents(folder.File("b")));
        Assert.Equal(result.Summary.WithoutTimings(), read.Summary.WithoutTimings());
    }

    [Fact]
    public void A_workbook_of_the_older_layout_with_english_sheet_names_still_reads()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5 });
        var result = new PairingMatcher().Match(roster);
        PairingResultFiles.Write(result, folder.File("csv"), includeTimings: false);
        var tables = PairingResultFiles.ToTables(result, out var summaryJson, includeTimings: false);
        var sheets = new List<SheetData>();
        foreach (var name in new[] { "county_pairs", "school_pairs", "class_pairs", "student_pairs", "unpaired" })
        {
            sheets.Add(TableRows.Sheet(name, tables[name + ".csv"]));
        }

        var lines = summaryJson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        sheets.Add(new SheetData("summary", ["summary.json"], [.. lines.Select(l => new[] { l })]));
        var book = folder.File("old.xlsx");
        WorkbookWriter.Write(book, sheets, HeaderRows.ChineseAndEnglish);

        var read = PairingResultWorkbook.Read(book).GetValueOrThrow();

        PairingResultFiles.Write(read, folder.File("b"), includeTimings: false);
        Assert.Equal(TestFolder.Contents(folder.File("csv")), TestFolder.Contents(folder.File("b")));
    }

    private static List<string[]> Rows(Workbook workbook, string sheet) =>
        [.. workbook.Rows(sheet).Select(r => r.Cells.ToArray())];

    [Fact]
    public void A_planning_result_has_no_class_or_student_sheets_and_reads_back()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 5, CountsOnly = true });
        var plan = new PairingMatcher().Plan(roster);
        var book = folder.File("plan.xlsx");
        PairingResultWorkbook.Write(plan, book);

        var read = PairingResultWorkbook.Read(book).GetValueOrThrow();

        Assert.Equal(plan.CountyPairs, read.CountyPairs);
        Assert.Equal(plan.SchoolPairs, read.SchoolPairs);
        Assert.Empty(read.ClassPairs);
    }
}
