using System.Globalization;
using System.Text;
using Pairing.Core.Activities;
using Pairing.Core.Files;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using static Pairing.Core.Reports.SvgCharts;

namespace Pairing.Core.Reports;

/// <summary>
/// A self-contained HTML report of a pairing result and, optionally, its activity compliance: coverage per supporting
/// province and aided area, class size differences, cross-class and same-gender shares, the three ones (A1–A3) per
/// province and over time, camps against A5, every unpaired unit with its rule and shortfall, and the run manifest.
/// </summary>
/// <remarks>
/// One file with its CSS and inline SVG charts: no script, no font and nothing else is fetched, so it opens offline,
/// on a phone and printed to A4. In Chinese with English labels. The markup is also well-formed XML (after the
/// doctype). Every figure the summary has is in an element with <c>data-figure</c> (its name) and <c>data-value</c>
/// (the number, invariant culture), so a program can check it. The output depends only on its inputs: the same
/// roster, result and snapshots give the same bytes (the only run-dependent figures are the result's own seconds per
/// level). Aggregates only, except the unpaired table, which lists every unpaired unit.
/// </remarks>
public static class PairingReport
{
    /// <summary>Renders the report of a result without activities.</summary>
    /// <param name="roster">The roster the result was made from.</param>
    /// <param name="result">The pairing result (planning or roster phase).</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Render(Roster roster, PairingResult result) => Render(roster, result, Array.Empty<ComplianceSnapshot>());

    /// <summary>Renders the report of a result with the figures of a compliance report of its activities.</summary>
    /// <param name="roster">The roster the result was made from.</param>
    /// <param name="result">The pairing result.</param>
    /// <param name="activities">A compliance report of the result's activities.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Render(Roster roster, PairingResult result, ComplianceReport activities) =>
        Render(roster, result, [ComplianceSnapshot.From(activities)]);

    /// <summary>Renders the report with any number of compliance snapshots (as of different dates: the "over time" chart).</summary>
    /// <param name="roster">The roster the result was made from.</param>
    /// <param name="result">The pairing result.</param>
    /// <param name="activities">Compliance snapshots, in any order; the latest gives the per-province figures.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Render(Roster roster, PairingResult result, IEnumerable<ComplianceSnapshot> activities) =>
        Render(roster, result, activities, CancellationToken.None);

    /// <summary>Renders the report as <see cref="Render(Roster, PairingResult, IEnumerable{ComplianceSnapshot})"/> does, stopping when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="roster">The roster the result was made from.</param>
    /// <param name="result">The pairing result.</param>
    /// <param name="activities">Compliance snapshots, in any order; the latest gives the per-province figures.</param>
    /// <param name="cancellationToken">Stops the rendering within milliseconds, between sections and rows.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static string Render(Roster roster, PairingResult result, IEnumerable<ComplianceSnapshot> activities, CancellationToken cancellationToken)
    {
        Guard.NotNull(roster);
        Guard.NotNull(result);
        Guard.NotNull(activities);
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = Ambient.Use(cancellationToken);
        var snapshots = activities.OrderBy(s => s.AsOf).ToArray();
        var figures = ReportFigures.Compute(roster, result);
        cancellationToken.ThrowIfCancellationRequested();
        return new Renderer(roster, result, figures, snapshots).Render();
    }

    /// <summary>Writes the report to a stream as UTF-8 without a BOM; the stream is left open.</summary>
    /// <param name="roster">The roster the result was made from.</param>
    /// <param name="result">The pairing result.</param>
    /// <param name="activities">Compliance snapshots; empty for none.</param>
    /// <param name="stream">The stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Roster roster, PairingResult result, IEnumerable<ComplianceSnapshot> activities, Stream stream) =>
        Write(roster, result, activities, stream, CancellationToken.None);

    /// <summary>Writes the report to a stream as UTF-8 without a BOM, stopping when <paramref name="cancellationToken"/> is cancelled; the stream is left open.</summary>
    /// <param name="roster">The roster the result was made from.</param>
    /// <param name="result">The pairing result.</param>
    /// <param name="activities">Compliance snapshots; empty for none.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Stops the rendering before anything is written to the stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was written.</exception>
    public static void Write(Roster roster, PairingResult result, IEnumerable<ComplianceSnapshot> activities, Stream stream, CancellationToken cancellationToken)
    {
        Guard.NotNull(stream);
        var bytes = new UTF8Encoding(false).GetBytes(Render(roster, result, activities, cancellationToken));
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Writes the report to a file, replacing it whole or not at all.</summary>
    /// <param name="roster">The roster the result was made from.</param>
    /// <param name="result">The pairing result.</param>
    /// <param name="activities">Compliance snapshots; empty for none.</param>
    /// <param name="path">The file to write (its folder is created if needed).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file cannot be written; it is as it was.</exception>
    public static void Write(Roster roster, PairingResult result, IEnumerable<ComplianceSnapshot> activities, string path) =>
        Write(roster, result, activities, path, CancellationToken.None);

    /// <summary>Writes the report to a file, replacing it whole or not at all, stopping when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="roster">The roster the result was made from.</param>
    /// <param name="result">The pairing result.</param>
    /// <param name="activities">Compliance snapshots; empty for none.</param>
    /// <param name="path">The file to write (its folder is created if needed).</param>
    /// <param name="cancellationToken">Stops the rendering; the file is then left as it was.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the file is as it was.</exception>
    /// <exception cref="IOException">The file cannot be written; it is as it was.</exception>
    public static void Write(Roster roster, PairingResult result, IEnumerable<ComplianceSnapshot> activities, string path, CancellationToken cancellationToken)
    {
        Guard.NotNull(path);
        var full = Path.GetFullPath(path);
        // Rendered first, so a cancelled or failed rendering creates nothing at all; then written beside and renamed.
        var bytes = new UTF8Encoding(false).GetBytes(Render(roster, result, activities, cancellationToken));
        using var files = AtomicFiles.InPlace(Path.GetDirectoryName(full)!);
        using (var stream = files.Create(Path.GetFileName(full)))
        {
            stream.Write(bytes, 0, bytes.Length);
        }

        files.Commit();
    }

    /// <summary>Writes the report to a file as <see cref="Write(Roster, PairingResult, IEnumerable{ComplianceSnapshot}, string, CancellationToken)"/> does, without blocking a thread on the disk.</summary>
    /// <param name="roster">The roster the result was made from.</param>
    /// <param name="result">The pairing result.</param>
    /// <param name="activities">Compliance snapshots; empty for none.</param>
    /// <param name="path">The file to write (its folder is created if needed).</param>
    /// <param name="cancellationToken">Stops the rendering or the write; the file is then left as it was.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the file is as it was.</exception>
    /// <exception cref="IOException">The file cannot be written; it is as it was.</exception>
    public static async Task WriteAsync(Roster roster, PairingResult result, IEnumerable<ComplianceSnapshot> activities, string path, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(path);
        var full = Path.GetFullPath(path);
        var bytes = new UTF8Encoding(false).GetBytes(Render(roster, result, activities, cancellationToken));
        using var files = AtomicFiles.InPlace(Path.GetDirectoryName(full)!);
        await using (var stream = files.Create(Path.GetFileName(full)))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        files.Commit();
    }

    private sealed class Renderer(Roster roster, PairingResult result, ReportFigures figures, ComplianceSnapshot[] snapshots)
    {
        private readonly HtmlWriter _w = new();
        private readonly PairingSummary _s = result.Summary;

        public string Render()
        {
            var w = _w;
            w.Raw("<!DOCTYPE html>\n");
            w.Open("html", "lang", "zh-CN");
            w.Open("head");
            w.Empty("meta", "charset", "utf-8");
            w.Empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
            w.Element("title", "结对子报告 Pairing report");
            w.Element("style", Css);
            w.Close();
            w.Open("body");
            w.Open("header");
            w.Open("h1").Text("各民族中学生结对子报告 ").Element("span", "Pairing and compliance report", "class", "en").Close();
            w.Open("p", "class", "meta");
            w.Text(result.Phase == PairingPhase.Roster ? "名册阶段（班级与学生）" : "规划阶段（县与学校）");
            w.Element("span", result.Phase == PairingPhase.Roster ? " Roster phase (classes and students)" : " Planning phase (counties and schools)", "class", "en");
            w.Text(" · ");
            w.Element("code", _s.InputHash, "data-figure", "input-hash", "data-value", _s.InputHash);
            w.Close();
            w.Close();

            Overview();
            Coverage();
            FullCoverage();
            Classes();
            if (snapshots.Length > 0)
            {
                Activities();
            }

            Unpaired();
            KeptShort();
            Manifest();
            w.Open("footer");
            w.Element("p", "本报告为单一文件，不加载任何外部资源。 This report is one file and loads nothing from anywhere.", "class", "en");
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        private void Section(string id, string zh, string en)
        {
            _w.Open("section", "id", id);
            _w.Open("h2").Text(zh + " ").Element("span", en, "class", "en").Close();
        }

        private void Card(string figure, string zh, string en, string shown, string value)
        {
            _w.Open("div", "class", "card");
            _w.Open("div", "class", "k").Text(zh + " ").Element("span", en, "class", "en").Close();
            _w.Element("div", shown, "class", "v", "data-figure", figure, "data-value", value);
            _w.Close();
        }

        private void Card(string figure, string zh, string en, long value) =>
            Card(figure, zh, en, HtmlWriter.Number(value), HtmlWriter.Raw(value));

        private void Overview()
        {
            Section("overview", "概览", "Overview");
            _w.Open("div", "class", "cards");
            Card("xinjiang-students", "新疆学生", "Xinjiang students", _s.XinjiangStudents);
            Card("covered-students", "已覆盖学生", "Students covered", _s.CoveredStudents);
            Card("uncovered-students", "未覆盖学生", "Students not covered", _s.XinjiangStudents - _s.CoveredStudents);
            if (_s.XinjiangStudents > 0)
            {
                var share = (double)_s.CoveredStudents / _s.XinjiangStudents;
                Card("coverage-share", "覆盖率", "Coverage", HtmlWriter.Percent(share), HtmlWriter.Raw(share));
            }

            if (_s.CrossClassPairs is { } cross)
            {
                Card("cross-class-pairs", "跨班结对", "Cross-class pairs", cross);
                if (_s.Students is { Paired: > 0 } students)
                {
                    var share = (double)cross / students.Paired;
                    Card("cross-class-share", "跨班比例", "Cross-class share", HtmlWriter.Percent(share), HtmlWriter.Raw(share));
                }
            }

            if (_s.SameGenderPairs is { } same)
            {
                Card("same-gender-pairs", "同性别结对", "Same-gender pairs", same);
            }

            if (_s.SameGenderShare is { } sameShare)
            {
                Card("same-gender-share", "同性别比例", "Same-gender share", HtmlWriter.Percent(sameShare), HtmlWriter.Raw(sameShare));
            }

            if (_s.ClassSizeDifference is { } difference)
            {
                Card("class-size-difference", "班级人数差合计", "Class size difference (total)", difference);
            }

            if (_s.PreferenceScore is { } score)
            {
                Card("preference-score", "偏好得分", "Preference score", score);
            }

            Card("unpaired-units", "未结对单位", "Unpaired units", result.Unpaired.Count);
            _w.Close();

            _w.Open("div", "class", "scroll");
            _w.Open("table", "class", "levels");
            _w.Open("thead").Open("tr");
            Th("层级", "Level", false);
            Th("已结对", "Paired", true);
            Th("未结对", "Unpaired", true);
            Th("内地剩余", "Inland surplus", true);
            Th("沿用去年", "Kept from last year", true);
            _w.Close().Close();
            _w.Open("tbody");
            LevelRow("county", "县级团委", "Counties", _s.Counties);
            LevelRow("school", "学校", "Schools", _s.Schools);
            if (_s.Classes is { } classes)
            {
                LevelRow("class", "班级", "Classes", classes);
            }

            if (_s.Students is { } studentFigures)
            {
                LevelRow("student", "学生", "Students", studentFigures);
            }

            _w.Close().Close().Close();
            if (_s.SameGenderShare is { } g && _s.Students is { Paired: > 0 } s2 && _s.CrossClassPairs is { } c)
            {
                var crossShare = (double)c / s2.Paired;
                HorizontalBars(_w, "shares", "跨班与同性别比例 Cross-class and same-gender shares",
                [
                    new Row("同性别 Same gender", [new Bar([new Segment(g, "c-covered", HtmlWriter.Percent(g))], HtmlWriter.Percent(g))]),
                    new Row("跨班 Cross-class", [new Bar([new Segment(crossShare, "c-uncovered", HtmlWriter.Percent(crossShare))], HtmlWriter.Percent(crossShare))]),
                ]);
            }

            _w.Close();
        }

        private void LevelRow(string level, string zh, string en, LevelFigures f)
        {
            _w.Open("tr");
            _w.Open("th").Text(zh + " ").Element("span", en, "class", "en").Close();
            NumberCell($"{level}-paired", f.Paired);
            NumberCell($"{level}-unpaired", f.Unpaired);
            NumberCell($"{level}-inland-surplus", f.InlandSurplus);
            NumberCell($"{level}-kept", f.Kept);
            _w.Close();
        }

        private void NumberCell(string? figure, long value, string? extraName = null, string? extraValue = null) =>
            _w.Element("td", HtmlWriter.Number(value), "class", "n", "data-figure", figure, "data-value", figure is null ? null : HtmlWriter.Raw(value), extraName, extraValue);

        private void Th(string zh, string en, bool number)
        {
            _w.Open("th", "class", number ? "n" : null).Text(zh).Empty("br").Element("span", en, "class", "en").Close();
        }

        private void Coverage()
        {
            var roster = result.Phase == PairingPhase.Roster;
            Section("coverage", "覆盖情况：按支援省市与受援地区", "Coverage per supporting province and aided area");
            if (!roster)
            {
                _w.Element("p", "规划阶段按已结对学校的学生计。 In the planning phase, a student counts as covered when the school is paired.", "class", "note");
            }

            var max = Math.Max(1, figures.Provinces.Count == 0 ? 1 : figures.Provinces.Max(p => p.Students));
            HorizontalBars(_w, "coverage", "各支援省市覆盖情况 Coverage per supporting province", [.. figures.Provinces.Select(p => new Row(p.Name,
            [
                new Bar(
                [
                    new Segment((double)p.Covered / max, "c-covered", $"{p.Name}: {HtmlWriter.Number(p.Covered)}"),
                    new Segment((double)(p.Students - p.Covered) / max, "c-uncovered", $"{p.Name}: {HtmlWriter.Number(p.Students - p.Covered)}"),
                ], $"{HtmlWriter.Percent(p.Covered, p.Students)} / {HtmlWriter.Number(p.Students)}"),
            ]))], ("c-covered", "已覆盖 Covered"), ("c-uncovered", "未覆盖 Not covered"));
            UnitTable("provinces", "支援省市", "Supporting province", figures.Provinces, "data-province");
            UnitTable("areas", "受援地区", "Aided area", figures.Areas, "data-area");
            _w.Close();
        }

        /// <summary>
        /// What full coverage would take (issue 26), when the result leaves Xinjiang students uncovered: the capacity
        /// advice for the roster with the result's options, per supporting province and in all (pairing advise lists
        /// every addition).
        /// </summary>
        private void FullCoverage()
        {
            if (_s.CoveredStudents >= _s.XinjiangStudents)
            {
                return;
            }

            var advice = PairingAdvisor.Advise(roster, _s.Options.ToOptions(), Ambient.Token);
            Section("full-coverage", "全覆盖需要什么", "What full coverage would take");
            _w.Open("p");
            _w.Text(FindingRenderer.Default.Render(advice.Summary, FindingLanguage.Chinese));
            _w.Element("span", " " + FindingRenderer.Default.Render(advice.Summary, FindingLanguage.English), "class", "en");
            _w.Close();
            _w.Element("p", "只在内地一方增加，不改动已列出的单位；逐项建议（增加哪个县、哪所学校、哪个年级几个班）见 pairing advise 写出的 advice.csv。 "
                + "Additions on the inland side only, never changing a listed unit; pairing advise writes each one (which county, school, grade and how many classes) to advice.csv.", "class", "note");
            _w.Open("div", "class", "scroll");
            _w.Open("table", "id", "advice");
            _w.Open("thead").Open("tr");
            Th("支援省市", "Supporting province", false);
            Th("新增县", "New counties", true);
            Th("新增学校", "New schools", true);
            Th("新增班级", "New classes", true);
            Th("新增学生", "Their students", true);
            Th("新疆学生", "Xinjiang students", true);
            Th("目前覆盖", "Covered now", true);
            _w.Close().Close();
            _w.Open("tbody");
            foreach (var p in advice.Provinces.Where(p => p.Counties + p.Schools + p.Classes > 0))
            {
                var name = roster.SupportMap.TryGetProvince(p.ProvinceId, out var province) ? province.Name : p.ProvinceId.Value;
                _w.Open("tr", "data-province", p.ProvinceId.Value);
                _w.Open("th").Text(name).Element("span", " " + p.ProvinceId.Value, "class", "en").Close();
                NumberCell(null, p.Counties);
                NumberCell(null, p.Schools);
                NumberCell(null, p.Classes);
                NumberCell(null, p.Students);
                NumberCell(null, p.XinjiangStudents);
                NumberCell(null, p.CoveredBefore);
                _w.Close();
            }

            _w.Close().Close().Close();
            _w.Close();
        }

        private void UnitTable(string id, string zh, string en, IReadOnlyList<ReportFigures.Unit> units, string attribute)
        {
            _w.Open("div", "class", "scroll");
            _w.Open("table", "id", id);
            _w.Open("thead").Open("tr");
            Th(zh, en, false);
            Th("县（已结对）", "Counties (paired)", true);
            Th("新疆学生", "Xinjiang students", true);
            Th("已覆盖", "Covered", true);
            Th("覆盖率", "Coverage", true);
            Th("未结对单位", "Unpaired units", true);
            Th("原因（规则）", "Reasons (rule)", false);
            _w.Close().Close();
            _w.Open("tbody");
            foreach (var u in units)
            {
                _w.Open("tr", attribute, u.Id, "data-students", HtmlWriter.Raw(u.Students), "data-covered", HtmlWriter.Raw(u.Covered), "data-unpaired", HtmlWriter.Raw(u.Unpaired));
                _w.Open("th").Text(u.Name).Element("span", " " + u.Id, "class", "en").Close();
                _w.Element("td", $"{HtmlWriter.Number(u.Counties)} ({HtmlWriter.Number(u.PairedCounties)})", "class", "n");
                NumberCell(null, u.Students);
                NumberCell(null, u.Covered);
                _w.Element("td", HtmlWriter.Percent(u.Covered, u.Students), "class", "n");
                NumberCell(null, u.Unpaired);
                var reasons = string.Join(", ", Enumerable.Range(0, 8).Where(r => u.UnpairedByRule[r] > 0)
                    .Select(r => $"{(r == 0 ? "?" : "P" + r.ToString(CultureInfo.InvariantCulture))}: {HtmlWriter.Number(u.UnpairedByRule[r])}"));
                _w.Element("td", reasons.Length == 0 ? "—" : reasons);
                _w.Close();
            }

            _w.Close().Close().Close();
        }

        private void Classes()
        {
            if (result.Phase != PairingPhase.Roster)
            {
                return;
            }

            Section("classes", "班级结对人数差", "Size difference of class pairs");
            _w.Element("p", "每个班级对两班人数之差的分布；合计应等于摘要中的班级人数差。 Class pairs by the difference of their two class sizes; the differences add up to the summary's total.", "class", "note");
            var columns = figures.DifferenceBuckets.Select((count, i) => (ReportFigures.BucketLabel(i), count)).ToArray();
            Columns(_w, "size-difference", "班级人数差分布 Size-difference distribution", columns,
                "data-difference-sum", HtmlWriter.Raw(figures.DifferenceSum), "data-class-pairs", HtmlWriter.Raw(result.ClassPairs.Count));
            _w.Close();
        }

        private void Activities()
        {
            var latest = snapshots[^1];
            Section("activities", "三个一与同心营", "The three ones and unity camps");
            _w.Open("p", "class", "meta");
            _w.Text($"截至 {Iso(latest.AsOf)}（学年 {Iso(latest.ProgrammeYearStart)} 至 {Iso(latest.ProgrammeYearEnd)}） ");
            _w.Element("span", $"As of {Iso(latest.AsOf)} (programme year {Iso(latest.ProgrammeYearStart)} to {Iso(latest.ProgrammeYearEnd)})", "class", "en");
            _w.Close();
            var p = latest.Programme;
            _w.Open("div", "class", "cards");
            Card("activity-pairs", "学生结对", "Student pairs", p.Pairs);
            Card("a1-completed", "A1 结对交友信", "A1 friendship letters", p.A1Completed);
            Card("a2-completed", "A2 读一本书", "A2 read one book", p.A2Completed);
            Card("a3-completed", "A3 做一件事", "A3 do one thing", p.A3Completed);
            Card("camps-held", "同心营（举办）", "Camps held", p.CampsHeld ?? 0);
            Card("camps-valid", "同心营（合规）", "Camps valid", p.CampsValid ?? 0);
            Card("camps-too-small", "不足规定人数的营", "Camps under the student minimum", latest.CampsTooSmall);
            Card("camps-outside-holiday", "不在寒暑假的营", "Camps outside the holidays", latest.CampsOutsideHoliday);
            Card("families-reached", "参与家庭", "Families reached", p.FamiliesReached ?? 0);
            _w.Close();

            HorizontalBars(_w, "three-ones", "各省市三个一完成率 The three ones per province",
                [.. latest.Provinces.Select(r => new Row(ProvinceName(r.SubjectId), ThreeOnes(r)))], ThreeOnesLegend);
            if (snapshots.Length > 0)
            {
                HorizontalBars(_w, "three-ones-over-time", "三个一完成率随时间 The three ones over time",
                    [.. snapshots.Select(s => new Row(Iso(s.AsOf), ThreeOnes(s.Programme)))], ThreeOnesLegend);
            }

            var maxCamps = Math.Max(1, latest.Provinces.Count == 0 ? 1 : latest.Provinces.Max(r => r.CampsHeld ?? 0));
            // The minimum shown is the one the validator used: the same for every province, or each province's own.
            var minima = latest.CampMinimumByProvince.Values.Distinct().ToArray();
            var (minZh, minEn) = minima.Length == 1
                ? (string.Create(CultureInfo.InvariantCulture, $"{minima[0]}人以上"), string.Create(CultureInfo.InvariantCulture, $"{minima[0]}+ students"))
                : ("各省市规定人数以上", "each province's student minimum");
            HorizontalBars(_w, "camps", $"各省市同心营（{minZh}、寒暑假期间） Camps per province ({minEn}, in a holiday)",
                [.. latest.Provinces.Select(r => new Row(ProvinceName(r.SubjectId) + (minima.Length > 1 && r.CampMinimum is { } m ? string.Create(CultureInfo.InvariantCulture, $"（{m}人以上）") : string.Empty),
                [
                    new Bar(
                    [
                        new Segment((double)(r.CampsValid ?? 0) / maxCamps, "c-valid", $"合规 valid {r.CampsValid ?? 0}"),
                        new Segment((double)((r.CampsHeld ?? 0) - (r.CampsValid ?? 0)) / maxCamps, "c-invalid", $"不合规 against A5 {(r.CampsHeld ?? 0) - (r.CampsValid ?? 0)}"),
                    ], $"{r.CampsValid ?? 0} / {r.CampsHeld ?? 0}"),
                ]))], ("c-valid", "合规 Valid"), ("c-invalid", "不合规 Against A5"));

            _w.Open("div", "class", "scroll");
            _w.Open("table", "id", "statuses");
            _w.Open("thead").Open("tr");
            Th("规则", "Rule", false);
            Th("达成", "Met", true);
            Th("未完成", "Missing", true);
            Th("违规", "Violated", true);
            Th("提醒", "Warning", true);
            _w.Close().Close();
            _w.Open("tbody");
            foreach (var rule in Enum.GetValues<ActivityRule>())
            {
                var name = rule.ToString();
                _w.Open("tr");
                _w.Element("th", name);
                foreach (var status in Enum.GetValues<ComplianceStatus>())
                {
                    NumberCell($"{name.ToLowerInvariant()}-{status.ToString().ToLowerInvariant()}", latest.Count(rule, status));
                }

                _w.Close();
            }

            _w.Close().Close().Close();

            // The A1 card counts the pairs whose friendship letters went both ways; the table splits them into those that
            // keep up their regular letters (met) and those behind on them (a warning), so the two agree when added.
            var a1Met = latest.Count(ActivityRule.A1, ComplianceStatus.Met);
            var a1Behind = latest.Count(ActivityRule.A1, ComplianceStatus.Warning);
            _w.Open("p", "id", "a1-note", "class", "note", "data-a1-met", HtmlWriter.Raw(a1Met), "data-a1-behind", HtmlWriter.Raw(a1Behind));
            _w.Text($"A1 卡片中的 {HtmlWriter.Number(p.A1Completed)} 对是双方都已写交友信的结对：其中 {HtmlWriter.Number(a1Met)} 对此后也按时写信（达成），{HtmlWriter.Number(a1Behind)} 对此后的书信落后（提醒）。 ");
            _w.Element("span", $"The A1 card's {HtmlWriter.Number(p.A1Completed)} pairs wrote their friendship letters both ways: {HtmlWriter.Number(a1Met)} keep up their regular letters since (met), {HtmlWriter.Number(a1Behind)} are behind on them (warning).", "class", "en");
            _w.Close();
            _w.Close();
        }

        private static readonly (string, string)[] ThreeOnesLegend = [("c-a1", "A1 交友信 Letters"), ("c-a2", "A2 读一本书 Book"), ("c-a3", "A3 做一件事 Deed")];

        private static Bar[] ThreeOnes(ComplianceRollup r)
        {
            return [One(r.A1Completed, "c-a1", "A1"), One(r.A2Completed, "c-a2", "A2"), One(r.A3Completed, "c-a3", "A3")];

            Bar One(int done, string cls, string rule)
            {
                var share = r.Pairs > 0 ? (double)done / r.Pairs : 0;
                return new Bar([new Segment(share, cls, $"{rule}: {HtmlWriter.Number(done)} / {HtmlWriter.Number(r.Pairs)}")], $"{rule} {HtmlWriter.Percent(done, r.Pairs)}");
            }
        }

        private string ProvinceName(string id) =>
            roster.SupportMap.TryGetProvince(new Hierarchy.ProvinceId(id), out var p) ? p.Name : id;

        private void Unpaired()
        {
            Section("unpaired", "未结对单位", "Unpaired units");
            _w.Open("div", "class", "scroll");
            _w.Open("table", "id", "unpaired-by-rule");
            _w.Open("thead").Open("tr");
            Th("层级", "Level", false);
            for (var r = 1; r <= 7; r++)
            {
                _w.Element("th", "P" + r.ToString(CultureInfo.InvariantCulture), "class", "n");
            }

            _w.Close().Close();
            _w.Open("tbody");
            foreach (var level in Enum.GetValues<PairingLevel>())
            {
                _w.Open("tr");
                _w.Element("th", LevelLabel(level));
                for (var r = 1; r <= 7; r++)
                {
                    NumberCell(null, figures.UnpairedByLevelAndRule[(int)level, r]);
                }

                _w.Close();
            }

            _w.Close().Close().Close();

            // What each rule asks, Chinese first, so the counts above can be read without the programme's text.
            _w.Open("p", "class", "legend", "id", "rule-legend");
            foreach (var rule in Enum.GetValues<PairingRule>())
            {
                var zh = FindingRenderer.Default.RenderTerm(rule, FindingRenderer.CultureOf(FindingLanguage.Chinese));
                var en = FindingRenderer.Default.RenderTerm(rule, FindingRenderer.CultureOf(FindingLanguage.English));
                _w.Element("span", $"{rule} {zh} {en}", "class", "key");
                _w.Text(" ");
            }

            _w.Close();

            if (result.Unpaired.Count == 0)
            {
                _w.Element("p", "没有未结对的单位。 No unit is left unpaired.", "class", "note");
                _w.Close();
                return;
            }

            _w.Open("div", "class", "scroll");
            _w.Open("table", "id", "unpaired-units");
            _w.Open("colgroup");
            foreach (var width in (ReadOnlySpan<string>)["8%", "32%", "10%", "12%", "5%", "33%"])
            {
                _w.Empty("col", "style", "width: " + width);
            }

            _w.Close();
            _w.Open("thead").Open("tr");
            Th("层级", "Level", false);
            Th("编号（每个单位）", "Ids (every unit)", false);
            Th("支援省市", "Province", false);
            Th("受援地区", "Aided area", false);
            Th("规则", "Rule", false);
            Th("缺口", "Shortfall", false);
            _w.Close().Close();
            _w.Open("tbody");

            // One row per run of units (in the result's order) that share level, rule, shortfall, province and area,
            // with every id of the run in it: a national run's 100,000 unpaired students are mostly whole classes
            // and schools left for one reason, and one row each made a page browsers took half a minute to open.
            // The shortfall in Chinese, then English, rendered from the finding; the same finding (code and numbers) in a
            // run shares one row.
            // Causes first: counties, then schools, classes and students (unpaired.csv keeps the format's order, by its
            // first column), each level in the result's order.
            var order = Enumerable.Range(0, result.Unpaired.Count).OrderBy(k => LevelRank(result.Unpaired[k].Level)).ToArray();
            UnpairedUnit At(int k) => result.Unpaired[order[k]];
            (string? Province, string? Area) PlaceAt(int k) => figures.UnpairedPlaces[order[k]];
            string Shortfall(int k) => FindingRenderer.Default.Render(At(k).Finding, FindingLanguage.ChineseAndEnglish);
            var polled = 0;
            for (var i = 0; i < result.Unpaired.Count;)
            {
                Ambient.Poll(ref polled);
                var u = At(i);
                var place = PlaceAt(i);
                var end = i + 1;
                while (end < result.Unpaired.Count && At(end) is var next && next.Level == u.Level && next.Rule == u.Rule
                    && SameNumbers(next, u) && PlaceAt(end) == place)
                {
                    end++;
                }

                _w.Open("tr", "data-units", I(end - i), "data-code", u.Code);
                _w.Element("td", LevelLabel(u.Level));
                _w.Open("td", "class", "ids");
                for (var k = i; k < end; k++)
                {
                    _w.Element("span", At(k).Id);
                    if (k + 1 < end)
                    {
                        _w.Text(" ");
                    }
                }

                _w.Close();
                _w.Element("td", place.Province is null ? "—" : ProvinceName(place.Province));
                _w.Element("td", place.Area is null ? "—" : AreaName(place.Area));
                _w.Element("td", u.Rule.ToString());
                _w.Element("td", Shortfall(i));
                _w.Close();
                i = end;
            }

            _w.Close().Close().Close();
            _w.Close();
        }

        /// <summary>
        /// Last term's school pairs (CON013) and the plan's (CON017) kept though the inland school fell short of P4: a
        /// warning for the office, listed with both ids and the numbers, since the pair stands only because it already existed.
        /// </summary>
        private void KeptShort()
        {
            var rows = result.Continuity.Where(e => e.Code == ContinuityFindings.KeptShort.Code || e.Code == ContinuityFindings.PlanKeptShort.Code).ToList();
            if (rows.Count == 0)
            {
                return;
            }

            Section("kept-short", "保留但低于 P4 的学校结对（提醒）", "School pairs kept though short of P4 (warning)");
            _w.Open("p", "class", "note");
            _w.Text("这些学校结对上学期已结成（或在所给计划中）；内地学校因人员流失已少于新疆学校的班数或学生数，为不拆散已建立的友谊而保留（--strict-p4 则解除）。 ");
            _w.Element("span", "These school pairs existed last term (or are the plan's); the inland school has since fallen below its Xinjiang partner in classes or students, and the pair is kept so that friendships already made are not broken (--strict-p4 drops it).", "class", "en");
            _w.Close();
            _w.Open("div", "class", "cards");
            Card("kept-short-pairs", "保留的学校结对", "School pairs kept short", rows.Count);
            _w.Close();
            _w.Open("div", "class", "scroll");
            _w.Open("table", "id", "kept-short");
            _w.Open("thead").Open("tr");
            Th("新疆学校", "Xinjiang school", false);
            Th("内地学校", "Inland school", false);
            Th("缺口", "Shortfall", false);
            _w.Close().Close();
            _w.Open("tbody");
            foreach (var e in rows)
            {
                _w.Open("tr", "data-code", e.Code);
                _w.Element("td", e.XinjiangId);
                _w.Element("td", e.InlandId);
                _w.Element("td", e.Reason);
                _w.Close();
            }

            _w.Close().Close().Close();
            _w.Close();
        }

        private static int LevelRank(PairingLevel level) => level switch
        {
            PairingLevel.County => 0,
            PairingLevel.School => 1,
            PairingLevel.Class => 2,
            _ => 3,
        };

        private static bool SameNumbers(UnpairedUnit a, UnpairedUnit b) =>
            a.Code == b.Code && a.InlandId == b.InlandId && a.Grade == b.Grade && a.Available == b.Available && a.Needed == b.Needed;

        private static string LevelLabel(PairingLevel level) => level switch
        {
            PairingLevel.County => "县 county",
            PairingLevel.School => "学校 school",
            PairingLevel.Class => "班级 class",
            _ => "学生 student",
        };

        private string AreaName(string id) =>
            roster.SupportMap.TryGetArea(new Hierarchy.AreaId(id), out var a) ? a.Name : id;

        private void Manifest()
        {
            Section("manifest", "运行清单", "Run manifest");
            _w.Open("div", "class", "scroll");
            _w.Open("table", "id", "manifest");
            _w.Open("tbody");
            ManifestRow("阶段", "Phase", "phase", result.Phase == PairingPhase.Roster ? "roster" : "planning");
            ManifestRow("名册哈希值", "Input hash", "manifest-input-hash", _s.InputHash);
            ManifestRow("库版本", "Library version", "library-version", _s.LibraryVersion);
            ManifestRow("OR-Tools 版本", "OR-Tools version", "or-tools-version", _s.OrToolsVersion);
            var o = _s.Options;
            ManifestRow("每个内地县的新疆县数", "Xinjiang counties per inland county", "option-counties-per-inland-county", I(o.XinjiangCountiesPerInlandCounty));
            ManifestRow("每所内地学校的新疆学校数", "Xinjiang schools per inland school", "option-schools-per-inland-school", I(o.XinjiangSchoolsPerInlandSchool));
            ManifestRow("放宽年级", "Relax grade to nearest", "option-relax-grade", o.RelaxGradeToNearest ? "true" : "false");
            ManifestRow("同性别权重", "Same-gender weight", "option-same-gender-weight", I(o.SameGenderWeight));
            ManifestRow("共同兴趣权重", "Shared-interest weight", "option-interest-weight", I(o.SharedInterestWeight));
            ManifestRow("同语言权重", "Same-language weight", "option-language-weight", I(o.SameLanguageWeight));
            ManifestRow("出生年份相近权重", "Close-birth-year weight", "option-birth-year-weight", I(o.CloseBirthYearWeight));
            ManifestRow("随机种子", "Seed", "option-seed", I(o.Seed));
            ManifestRow("每组计算的工作量上限", "Work limit per sub-problem", "option-work-limit", HtmlWriter.Raw(o.WorkLimitPerSubproblem));
            foreach (var (level, seconds) in _s.SecondsPerLevel.OrderBy(kv => kv.Key))
            {
                var name = PairingResult.LevelName(level);
                ManifestRow($"用时（{name}）", $"Seconds ({name})", $"seconds-{name}", HtmlWriter.Fixed(seconds, 3));
            }

            _w.Close().Close().Close();
            _w.Close();
        }

        private void ManifestRow(string zh, string en, string figure, string value)
        {
            _w.Open("tr");
            _w.Open("th").Text(zh + " ").Element("span", en, "class", "en").Close();
            _w.Open("td").Element("code", value, "data-figure", figure, "data-value", value).Close();
            _w.Close();
        }

        private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    // Print (A4) and narrow screens are handled here; there is deliberately nothing that loads a resource.
    private const string Css = """
        @page { size: A4; margin: 12mm; }
        :root { color-scheme: light; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", system-ui, sans-serif; margin: 0 auto; max-width: 1000px; padding: 16px; color: #1a1a1a; line-height: 1.45; background: #fff; }
        h1 { font-size: 1.5em; margin: 0 0 4px; }
        h2 { font-size: 1.2em; border-bottom: 2px solid #b22222; padding-bottom: 2px; margin-top: 28px; }
        .en { color: #555; font-size: 0.85em; font-weight: normal; }
        .meta, .note { color: #444; font-size: 0.9em; }
        code { font-size: 0.85em; word-break: break-all; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; margin: 8px 0 12px; }
        .card { border: 1px solid #ddd; border-radius: 6px; padding: 6px 8px; }
        .card .v { font-size: 1.35em; font-weight: 600; font-variant-numeric: tabular-nums; }
        .scroll { overflow-x: auto; margin: 8px 0; }
        table { border-collapse: collapse; width: 100%; font-size: 0.88em; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: 3px 6px; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #999; }
        .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        svg.chart { width: 100%; max-width: 760px; height: auto; display: block; margin: 6px 0; }
        svg text { font-size: 12px; fill: #1a1a1a; }
        svg text.v { fill: #333; }
        .axis { stroke: #999; stroke-width: 1; }
        .chart-title { font-size: 0.95em; font-weight: 600; margin: 14px 0 2px; }
        .legend { font-size: 0.85em; margin: 4px 0; }
        .legend .key { margin-right: 14px; white-space: nowrap; }
        .c-track { fill: #eef1f3; }
        .c-covered, .c-valid { fill: #2e7d32; }
        .c-uncovered { fill: #ef6c00; }
        .c-invalid { fill: #c62828; }
        .c-bar { fill: #455a64; }
        .c-a1 { fill: #1565c0; }
        .c-a2 { fill: #6a1b9a; }
        .c-a3 { fill: #00838f; }
        footer { margin-top: 32px; border-top: 1px solid #ddd; }
        #unpaired-units { table-layout: fixed; }
        #unpaired-units td { overflow-wrap: anywhere; }
        @media screen {
          /* A national run lists about 100,000 unpaired units: lay the table out only when it is scrolled to. */
          #unpaired-units tbody { content-visibility: auto; contain-intrinsic-size: auto 20000px; }
        }
        @media (max-width: 600px) {
          body { padding: 8px; font-size: 14px; }
          table { font-size: 0.78em; }
          th, td { padding: 2px 3px; }
          .cards { grid-template-columns: repeat(2, 1fr); }
          /* Charts keep a readable size and scroll sideways rather than shrink their text below 9 px. */
          .chart-box { overflow-x: auto; }
          svg.chart { min-width: 540px; }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; }
          svg.chart, .cards, tr { break-inside: avoid; }
          .chart-title { break-after: avoid; }
          .scroll { overflow: visible; }
          thead { display: table-header-group; }
          td.ids { font-size: 6.5pt; }
        }
        """;
}
