using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Pairing.Core.Activities;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Reports;
using Pairing.Core.Files;

namespace Pairing.Core.Tests.Reports;

/// <summary>The HTML report: well-formed, self-contained, deterministic, and every figure equal to the result's.</summary>
public sealed class PairingReportTests(ReportSamples samples) : IClassFixture<ReportSamples>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static XDocument Parse(string html)
    {
        const string doctype = "<!DOCTYPE html>\n";
        Assert.StartsWith(doctype, html, StringComparison.Ordinal);
        return XDocument.Parse(html[doctype.Length..]);
    }

    private string Full() => PairingReport.Render(samples.Roster, samples.Result,
        [ComplianceSnapshot.From(samples.Compliance), ComplianceSnapshot.From(samples.EarlyCompliance)]);

    private static Dictionary<string, string> Figures(XDocument doc)
    {
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in doc.Descendants().Where(e => e.Attribute("data-figure") is not null))
        {
            // A figure shown twice must say the same both times.
            var name = e.Attribute("data-figure")!.Value;
            var value = e.Attribute("data-value")!.Value;
            Assert.True(figures.TryAdd(name, value) || figures[name] == value, $"figure {name} appears with two values");
        }

        return figures;
    }

    private static Dictionary<string, string> Expected(PairingResult result, ComplianceReport? compliance)
    {
        var s = result.Summary;
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["input-hash"] = s.InputHash,
            ["manifest-input-hash"] = s.InputHash,
            ["library-version"] = s.LibraryVersion,
            ["or-tools-version"] = s.OrToolsVersion,
            ["phase"] = result.Phase == PairingPhase.Roster ? "roster" : "planning",
            ["xinjiang-students"] = L(s.XinjiangStudents),
            ["covered-students"] = L(s.CoveredStudents),
            ["uncovered-students"] = L(s.XinjiangStudents - s.CoveredStudents),
            ["coverage-share"] = ((double)s.CoveredStudents / s.XinjiangStudents).ToString("R", Inv),
            ["unpaired-units"] = L(result.Unpaired.Count),
            ["option-counties-per-inland-county"] = L(s.Options.XinjiangCountiesPerInlandCounty),
            ["option-schools-per-inland-school"] = L(s.Options.XinjiangSchoolsPerInlandSchool),
            ["option-relax-grade"] = s.Options.RelaxGradeToNearest ? "true" : "false",
            ["option-same-gender-weight"] = L(s.Options.SameGenderWeight),
            ["option-interest-weight"] = L(s.Options.SharedInterestWeight),
            ["option-language-weight"] = L(s.Options.SameLanguageWeight),
            ["option-birth-year-weight"] = L(s.Options.CloseBirthYearWeight),
            ["option-seed"] = L(s.Options.Seed),
            ["option-work-limit"] = s.Options.WorkLimitPerSubproblem.ToString("R", Inv),
        };
        Level("county", s.Counties);
        Level("school", s.Schools);
        if (s.Classes is { } classes)
        {
            Level("class", classes);
        }

        if (s.Students is { } students)
        {
            Level("student", students);
            expected["cross-class-pairs"] = L(s.CrossClassPairs!.Value);
            expected["cross-class-share"] = ((double)s.CrossClassPairs.Value / students.Paired).ToString("R", Inv);
            expected["same-gender-pairs"] = L(s.SameGenderPairs!.Value);
            expected["same-gender-share"] = s.SameGenderShare!.Value.ToString("R", Inv);
            expected["class-size-difference"] = L(s.ClassSizeDifference!.Value);
            expected["preference-score"] = L(s.PreferenceScore!.Value);
        }

        foreach (var (level, seconds) in s.SecondsPerLevel)
        {
            expected[$"seconds-{PairingResult.LevelName(level)}"] = seconds.ToString("F3", Inv);
        }

        if (compliance is not null)
        {
            var p = compliance.Programme;
            expected["activity-pairs"] = L(p.Pairs);
            expected["a1-completed"] = L(p.A1Completed);
            expected["a2-completed"] = L(p.A2Completed);
            expected["a3-completed"] = L(p.A3Completed);
            expected["camps-held"] = L(p.CampsHeld ?? 0);
            expected["camps-valid"] = L(p.CampsValid ?? 0);
            expected["families-reached"] = L(p.FamiliesReached ?? 0);
            // The typed findings, counted here, must be what the report shows from the roll-up's fields.
            var camps = compliance.Entries.Where(e => e.Rule == ActivityRule.A5 && e.Level == ComplianceLevel.Record).ToList();
            expected["camps-too-small"] = L(camps.Count(e => e.Finding.Descriptor == ComplianceFindings.CampTooSmall));
            expected["camps-outside-holiday"] = L(camps.Count(e => e.Finding.Descriptor == ComplianceFindings.CampOutsideHolidays));
            foreach (var rule in Enum.GetValues<ActivityRule>())
            {
                foreach (var status in Enum.GetValues<ComplianceStatus>())
                {
                    expected[$"{rule.ToString().ToLowerInvariant()}-{status.ToString().ToLowerInvariant()}"] = L(compliance.Count(rule, status));
                }
            }
        }

        return expected;

        void Level(string name, LevelFigures f)
        {
            expected[$"{name}-paired"] = L(f.Paired);
            expected[$"{name}-unpaired"] = L(f.Unpaired);
            expected[$"{name}-inland-surplus"] = L(f.InlandSurplus);
            expected[$"{name}-kept"] = L(f.Kept);
        }
    }

    private static string L(long value) => value.ToString(Inv);

    [Fact]
    public void Report_is_well_formed_markup_with_a_head_a_body_and_its_charts()
    {
        var doc = Parse(Full());

        Assert.Equal("html", doc.Root!.Name.LocalName);
        Assert.Equal("zh-CN", doc.Root.Attribute("lang")!.Value);
        Assert.NotNull(doc.Root.Element("head")!.Element("style"));
        var charts = doc.Descendants("svg").Select(e => e.Attribute("data-chart")?.Value).OfType<string>().ToHashSet();
        Assert.Superset(new HashSet<string> { "coverage", "shares", "size-difference", "three-ones", "three-ones-over-time", "camps" }, charts);
    }

    [Fact]
    public void Every_figure_in_the_report_equals_the_summary_and_the_compliance_report()
    {
        var doc = Parse(Full());
        var figures = Figures(doc);
        var expected = Expected(samples.Result, samples.Compliance);

        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), figures.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.True(samples.Compliance.Programme.CampsHeld > 0);
        Assert.NotEqual("0", figures["camps-too-small"]);
        Assert.NotEqual("0", figures["camps-outside-holiday"]);
    }

    [Fact]
    public void Provinces_areas_and_the_size_difference_chart_add_up_to_the_summary()
    {
        var doc = Parse(Full());
        var s = samples.Result.Summary;

        foreach (var (table, attribute) in new[] { ("provinces", "data-province"), ("areas", "data-area") })
        {
            var rows = doc.Descendants("table").Single(t => t.Attribute("id")?.Value == table).Descendants("tr")
                .Where(r => r.Attribute(attribute) is not null).ToList();
            Assert.NotEmpty(rows);
            Assert.Equal(s.XinjiangStudents, rows.Sum(r => long.Parse(r.Attribute("data-students")!.Value, Inv)));
            Assert.Equal(s.CoveredStudents, rows.Sum(r => long.Parse(r.Attribute("data-covered")!.Value, Inv)));
            Assert.Equal(samples.Result.Unpaired.Count, rows.Sum(r => long.Parse(r.Attribute("data-unpaired")!.Value, Inv)));
        }

        var histogram = doc.Descendants("svg").Single(e => e.Attribute("data-chart")?.Value == "size-difference");
        Assert.Equal(s.ClassSizeDifference, long.Parse(histogram.Attribute("data-difference-sum")!.Value, Inv));
        Assert.Equal(s.Classes!.Value.Paired, histogram.Descendants("rect").Sum(r => long.Parse(r.Attribute("data-count")!.Value, Inv)));

        var provinces = doc.Descendants("table").Single(t => t.Attribute("id")?.Value == "provinces").Descendants("tr").Count(r => r.Attribute("data-province") is not null);
        Assert.Equal(provinces, doc.Descendants("svg").Single(e => e.Attribute("data-chart")?.Value == "coverage").Elements("text").Count(t => t.Attribute("class") is null));
    }

    [Fact]
    public void Planning_result_gives_a_report_whose_figures_equal_its_summary()
    {
        var doc = Parse(PairingReport.Render(samples.Roster, samples.Plan));

        Assert.Equal(Expected(samples.Plan, null).OrderBy(kv => kv.Key, StringComparer.Ordinal), Figures(doc).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.DoesNotContain(doc.Descendants("svg"), e => e.Attribute("data-chart")?.Value == "size-difference");
    }

    [Fact]
    public void Same_input_gives_the_same_bytes_through_every_entry_point()
    {
        var first = Full();
        var second = Full();
        Assert.Equal(first, second);

        using var stream = new MemoryStream();
        PairingReport.Write(samples.Roster, samples.Result, [ComplianceSnapshot.From(samples.EarlyCompliance), ComplianceSnapshot.From(samples.Compliance)], stream);
        Assert.Equal(Encoding.UTF8.GetBytes(first), stream.ToArray());

        var path = Path.Combine(Path.GetTempPath(), "pairing-report-" + Guid.NewGuid().ToString("N"), "report.html");
        try
        {
            PairingReport.Write(samples.Roster, samples.Result, [ComplianceSnapshot.From(samples.Compliance), ComplianceSnapshot.From(samples.EarlyCompliance)], path);
            Assert.Equal(Encoding.UTF8.GetBytes(first), File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }

        Assert.Equal(PairingReport.Render(samples.Roster, samples.Result, samples.Compliance),
            PairingReport.Render(samples.Roster, samples.Result, [ComplianceSnapshot.From(samples.Compliance)]));
    }

    [Fact]
    public void Report_fetches_nothing_and_runs_no_script()
    {
        var html = Full();

        foreach (var forbidden in new[] { "http://", "https://", "<script", "@import", "url(", "<link", "<iframe", "<img", "src=" })
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Unpaired_table_lists_every_unpaired_unit_once_in_order_with_its_rule_and_escaped_shortfall()
    {
        var extra = new[]
        {
            UnpairedUnit.Of(PairingLevel.School, samples.Roster.Schools[0].Id.Value, UnpairedFindings.SchoolClassesShort,
                FindingArgument.Of("inland", "<N1> & \"friends\""), FindingArgument.Of("available", 3), FindingArgument.Of("needed", 5)),
            UnpairedUnit.Of(PairingLevel.Student, "not-in-roster", UnpairedFindings.StudentSchoolUnpaired),
            UnpairedUnit.Of(PairingLevel.County, samples.Roster.Counties[0].Id.Value, UnpairedFindings.NoInlandCounty,
                FindingArgument.Of("inland", "11"), FindingArgument.Of("available", 0), FindingArgument.Of("needed", 1)),
        };
        var r = samples.Result;
        var result = new PairingResult(r.CountyPairs, r.SchoolPairs, r.ClassPairs, r.StudentPairs, [.. r.Unpaired, .. extra], r.Summary);
        Assert.True(r.Unpaired.Count > 100);

        var doc = Parse(PairingReport.Render(samples.Roster, result));

        // A row holds a run of units with the same level, rule, shortfall and place; every unit is in exactly one row,
        // causes first (counties, schools, classes, students) and in the result's order within a level, beside its own
        // rule and shortfall.
        var rows = doc.Descendants("table").Single(t => t.Attribute("id")?.Value == "unpaired-units").Element("tbody")!.Elements("tr").ToList();
        var listed = new List<(string Level, string Id, string Rule, string Reason)>();
        foreach (var row in rows)
        {
            var cells = row.Elements("td").ToList();
            var ids = cells[1].Elements("span").Select(e => e.Value).ToList();
            Assert.Equal(int.Parse(row.Attribute("data-units")!.Value, Inv), ids.Count);
            listed.AddRange(ids.Select(id => (cells[0].Value, id, cells[4].Value, cells[5].Value)));
        }

        // Level names and shortfalls are Chinese first, then English; the shortfall is the finding rendered, never
        // "1 are needed".
        Assert.Equal(
            result.Unpaired.OrderBy(u => (int)u.Level)
                .Select(u => (PairingResult.LevelName(u.Level), u.Id, u.Rule.ToString(), FindingRenderer.Default.Render(u.Finding, FindingLanguage.ChineseAndEnglish))),
            listed.Select(l => (l.Level.Split(' ')[1], l.Id, l.Rule, l.Reason)));
        Assert.All(listed, l => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", l.Level));
        Assert.All(listed, l => Assert.Matches(@"^\P{IsBasicLatin}", l.Reason.TrimStart('<', ' ')));
        Assert.DoesNotContain(listed, l => l.Reason.Contains(" 1 are needed", StringComparison.Ordinal));
        Assert.Contains("P4 班数、学生数不少于新疆学校", doc.Descendants("p").Single(p => p.Attribute("id")?.Value == "rule-legend").Value, StringComparison.Ordinal);
        Assert.True(rows.Count < result.Unpaired.Count, "runs of units with one reason share a row");
        Assert.Contains(listed, l => l.Reason.Contains("<N1> & \"friends\"", StringComparison.Ordinal));

        var byRule = doc.Descendants("table").Single(t => t.Attribute("id")?.Value == "unpaired-by-rule").Element("tbody")!.Elements("tr");
        Assert.Equal(result.Unpaired.Count, byRule.SelectMany(tr => tr.Elements("td")).Sum(td => long.Parse(td.Value.Replace(",", "", StringComparison.Ordinal), Inv)));
    }

    [Fact]
    public void Compliance_snapshot_read_from_its_folder_equals_the_one_made_in_memory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pairing-report-compliance-" + Guid.NewGuid().ToString("N"));
        try
        {
            ComplianceReportFiles.Write(samples.Compliance, dir);
            var read = ComplianceReportFiles.ReadSnapshot(dir).GetValueOrThrow();
            var made = ComplianceSnapshot.From(samples.Compliance);

            Assert.Equal(made.AsOf, read.AsOf);
            Assert.Equal(made.ProgrammeYearStart, read.ProgrammeYearStart);
            Assert.Equal(made.ProgrammeYearEnd, read.ProgrammeYearEnd);
            Assert.Equal(made.Programme, read.Programme);
            Assert.Equal(made.Provinces, read.Provinces);
            Assert.Equal(made.CampsTooSmall, read.CampsTooSmall);
            Assert.Equal(made.CampsOutsideHoliday, read.CampsOutsideHoliday);
            foreach (var rule in Enum.GetValues<ActivityRule>())
            {
                foreach (var status in Enum.GetValues<ComplianceStatus>())
                {
                    Assert.Equal(made.Count(rule, status), read.Count(rule, status));
                }
            }

            Assert.Equal(PairingReport.Render(samples.Roster, samples.Result, [made]), PairingReport.Render(samples.Roster, samples.Result, [read]));
            // rollup.json carries every figure the snapshot holds, so compliance.csv is not needed to read it.
            File.Delete(Path.Combine(dir, ComplianceReportFiles.ComplianceFile));
            Assert.Equal(PairingReport.Render(samples.Roster, samples.Result, [made]), PairingReport.Render(samples.Roster, samples.Result, [ComplianceReportFiles.ReadSnapshot(dir).GetValueOrThrow()]));
            File.Delete(Path.Combine(dir, ComplianceReportFiles.RollupJsonFile));
            Assert.Throws<InputRejectedException>(() => ComplianceReportFiles.ReadSnapshot(dir).GetValueOrThrow());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Names_come_from_the_support_map()
    {
        var html = Full();
        var province = samples.Roster.SupportMap.Provinces.First(p => samples.Roster.Counties.Any(c => c.Side == Side.Xinjiang && samples.Roster.ProvinceOf(c) == p.Id));
        Assert.Contains(province.Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_list_puts_causes_first_counties_before_schools_classes_and_students()
    {
        // Issue 22, item 5: the report listed classes before counties (unpaired.csv's order, by its first column).
        var doc = Parse(PairingReport.Render(samples.Roster, samples.Result, []));
        var table = doc.Descendants("table").Single(t => (string?)t.Attribute("id") == "unpaired-units");
        var ids = table.Descendants("tbody").Single().Elements("tr")
            .SelectMany(tr => tr.Elements("td").ElementAt(1).Elements("span").Select(span => span.Value)).ToList();
        var level = samples.Result.Unpaired.ToDictionary(u => u.Id, u => (int)u.Level, StringComparer.Ordinal);
        var levels = ids.Select(id => level[id]).ToList();

        Assert.Equal(samples.Result.Unpaired.Count, ids.Count);
        Assert.True(levels.Distinct().Count() > 1, "the sample should leave units of more than one level unpaired");
        Assert.Equal(levels.Order().ToList(), levels);
    }

    [Fact]
    public void The_a1_card_and_the_rule_table_are_reconciled_in_a_note()
    {
        // Issue 22, item 12: the A1 card (pairs with both friendship letters) and the table (met plus warnings) disagreed
        // with nothing to say why.
        var doc = Parse(Full());
        var note = doc.Descendants("p").Single(p => (string?)p.Attribute("id") == "a1-note");
        var met = int.Parse(note.Attribute("data-a1-met")!.Value, Inv);
        var behind = int.Parse(note.Attribute("data-a1-behind")!.Value, Inv);

        Assert.Equal(samples.Compliance.Count(ActivityRule.A1, ComplianceStatus.Met), met);
        Assert.Equal(samples.Compliance.Count(ActivityRule.A1, ComplianceStatus.Warning), behind);
        Assert.Equal(samples.Compliance.Programme.A1Completed, met + behind);
        Assert.Contains("A1 卡片中的", note.Value, StringComparison.Ordinal);
        Assert.Contains("(met)", note.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FindingLanguage.Chinese, "湖南省（430000）")]
    [InlineData(FindingLanguage.English, "Hunan (430000)")]
    public void Reasons_name_a_province_by_its_name_with_the_code_beside_it(FindingLanguage language, string expected)
    {
        // Issue 22, item 12: "省市 430000".
        var unit = UnpairedUnit.Of(PairingLevel.County, "652122", UnpairedFindings.InlandCountiesTaken,
            FindingArgument.Of("inland", "430000"), FindingArgument.Of("available", 0), FindingArgument.Of("needed", 1));
        var school = UnpairedUnit.Of(PairingLevel.School, "652122-C001", UnpairedFindings.SchoolClassesShort,
            FindingArgument.Of("inland", "430000"), FindingArgument.Of("available", 3), FindingArgument.Of("needed", 5));

        Assert.Contains(expected, FindingRenderer.Default.Render(unit.Finding, language), StringComparison.Ordinal);
        // An inland school's id is never taken for a province, even one that reads like a province code.
        Assert.DoesNotContain(expected, FindingRenderer.Default.Render(school.Finding, language), StringComparison.Ordinal);
        Assert.Equal("430000", unit.InlandId);
    }
}
