using Pairing.Core.Findings;
using System.Globalization;
using System.Text.Json;
using Pairing.Core.Activities;
using Pairing.Core.Activities.Internals;
using Pairing.Core.Internals;
using Pairing.Core.Matching;

namespace Pairing.Core.Reports;

/// <summary>
/// What <see cref="PairingReport"/> shows of a compliance report: the status counts per rule, the programme's and
/// each supporting province's roll-up, and how many camps broke the 50-student and holiday rules (A5). Small
/// whatever the number of pairs; made from a <see cref="ComplianceReport"/> in memory or read back from the folder
/// <see cref="ComplianceReportFiles.Write(ComplianceReport, string)"/> wrote.
/// </summary>
/// <remarks>
/// Several snapshots of one programme year (as of different dates) give the report its "over time" chart. Immutable.
/// </remarks>
public sealed class ComplianceSnapshot
{
    private readonly int[,] _counts;

    private ComplianceSnapshot(
        DateOnly asOf, DateOnly yearStart, DateOnly yearEnd, int[,] counts, ComplianceRollup programme, ComplianceRollup[] provinces,
        int campsPerYear, IReadOnlyDictionary<string, int> campMinimum)
    {
        AsOf = asOf;
        ProgrammeYearStart = yearStart;
        ProgrammeYearEnd = yearEnd;
        _counts = counts;
        Programme = programme;
        Provinces = provinces;
        CampsTooSmall = programme.CampsTooSmall ?? 0;
        CampsOutsideHoliday = programme.CampsOutsideHolidays ?? 0;
        CampsPerYear = campsPerYear;
        CampMinimumByProvince = campMinimum;
    }

    /// <summary>The date the compliance report is as of.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The first day of the programme year checked.</summary>
    public DateOnly ProgrammeYearStart { get; }

    /// <summary>The last day of the programme year checked.</summary>
    public DateOnly ProgrammeYearEnd { get; }

    /// <summary>The roll-up of the whole programme.</summary>
    public ComplianceRollup Programme { get; }

    /// <summary>The roll-up of each supporting province, by province id (ordinal).</summary>
    public IReadOnlyList<ComplianceRollup> Provinces { get; }

    /// <summary>Valid camps a province needs a year, as the validator used it (A5).</summary>
    public int CampsPerYear { get; }

    /// <summary>The camp minimum of aided-area students the validator used, per supporting province id (50名以上 by default).</summary>
    public IReadOnlyDictionary<string, int> CampMinimumByProvince { get; }

    /// <summary>Camp records that invited fewer aided-area students than the minimum (A5, 50名以上 by default).</summary>
    public int CampsTooSmall { get; }

    /// <summary>Camp records not wholly inside a winter or summer holiday of the hosting province (A5).</summary>
    public int CampsOutsideHoliday { get; }

    /// <summary>How many entries of a rule have a status.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="status">The status.</param>
    public int Count(ActivityRule rule, ComplianceStatus status) =>
        rule is >= ActivityRule.A1 and <= ActivityRule.S4 && status is >= ComplianceStatus.Met and <= ComplianceStatus.Warning
            ? _counts[(int)rule, (int)status]
            : 0;

    /// <summary>The snapshot of a compliance report in memory.</summary>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ComplianceSnapshot From(ComplianceReport report)
    {
        Guard.NotNull(report);
        var counts = new int[(int)ActivityRule.S4 + 1, (int)ComplianceStatus.Warning + 1];
        foreach (var rule in Enum.GetValues<ActivityRule>())
        {
            foreach (var status in Enum.GetValues<ComplianceStatus>())
            {
                counts[(int)rule, (int)status] = report.Count(rule, status);
            }
        }

        var provinces = report.Rollups.Where(r => r.Level == RollupLevel.Province).OrderBy(r => r.SubjectId, StringComparer.Ordinal).ToArray();
        var minimum = report.Thresholds.CampMinimumByProvince.ToDictionary(p => p.Key.Value, p => p.Value, StringComparer.Ordinal);
        return new ComplianceSnapshot(
            report.AsOf, report.ProgrammeYearStart, report.ProgrammeYearEnd, counts, report.Programme, provinces, report.Thresholds.CampsPerYear, minimum);
    }

    /// <summary>
    /// Reads the snapshot back from a compliance report folder: <c>rollup.json</c> carries every figure it holds (the
    /// status counts, the roll-ups with their camps too small and outside the holidays, the thresholds used), so
    /// <c>compliance.csv</c> is not read.
    /// </summary>
    /// <param name="directory">The folder <see cref="ComplianceReportFiles.Write(ComplianceReport, string)"/> wrote.</param>
    /// <exception cref="FileNotFoundException">A file of the folder is missing.</exception>
    /// <exception cref="InvalidDataException"><c>rollup.json</c> is not what <see cref="ComplianceReportFiles"/> writes, or not a regular file that can be read within <see cref="InputFileLimits.MaxFileBytes"/>.</exception>
    public static ComplianceSnapshot Read(string directory)
    {
        if (TryRead(directory, out var snapshot, out var problems))
        {
            return snapshot;
        }

        var problem = problems[0];
        var text = FindingRenderer.Default.RenderLine(problem, FindingLanguage.English);
        throw problem.Descriptor == ResultFileFindings.MissingFile
            ? new FileNotFoundException(text, Path.Combine(directory, ComplianceReportFiles.RollupJsonFile))
            : new InvalidDataException(text);
    }

    /// <summary>
    /// Reads a compliance report folder's roll-up as <see cref="Read"/> does, listing the problem instead of throwing:
    /// <c>rollup.json</c> missing, not a regular file, or not a roll-up (a located finding, <c>RES…</c>).
    /// </summary>
    /// <param name="directory">The folder <see cref="ComplianceReportFiles.Write(ComplianceReport, string)"/> wrote.</param>
    /// <param name="snapshot">The snapshot, when there is no problem; otherwise null.</param>
    /// <param name="problems">Every problem found; empty when the snapshot was read.</param>
    /// <returns>Whether the snapshot was read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static bool TryRead(string directory, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ComplianceSnapshot? snapshot, out IReadOnlyList<Finding> problems)
    {
        Guard.NotNull(directory);
        snapshot = null;
        var file = ComplianceReportFiles.RollupJsonFile;
        if (!SafeFile.TryReadAllBytes(Path.Combine(directory, file), out var bytes, out var error))
        {
            problems = [ResultFileFindings.FromFileError(error, file, directory)];
            return false;
        }

        try
        {
            snapshot = Parse(bytes);
            problems = [];
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problems = [ResultFileFindings.BadRollup.Create(null, new FindingLocation(file), FindingArgument.Of("error", e.Message))];
            return false;
        }
    }

    private static ComplianceSnapshot Parse(byte[] bytes)
    {
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        var counts = new int[(int)ActivityRule.S4 + 1, (int)ComplianceStatus.Warning + 1];
        var statuses = root.GetProperty("statuses");
        foreach (var rule in Enum.GetValues<ActivityRule>())
        {
            if (!statuses.TryGetProperty(Names.Of(rule), out var byStatus))
            {
                continue;
            }

            foreach (var status in Enum.GetValues<ComplianceStatus>())
            {
                counts[(int)rule, (int)status] = byStatus.TryGetProperty(Names.Of(status), out var n) ? n.GetInt32() : 0;
            }
        }

        var programme = Rollup(root.GetProperty("programme"), RollupLevel.Programme);
        var provinces = root.GetProperty("provinces").EnumerateArray().Select(p => Rollup(p, RollupLevel.Province))
            .OrderBy(r => r.SubjectId, StringComparer.Ordinal).ToArray();
        var thresholds = root.GetProperty("thresholds");
        var minimum = thresholds.GetProperty("camp_minimum").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        return new ComplianceSnapshot(
            Date(root.GetProperty("as_of")),
            Date(root.GetProperty("programme_year").GetProperty("start")),
            Date(root.GetProperty("programme_year").GetProperty("end")),
            counts, programme, provinces, thresholds.GetProperty("camps_per_year").GetInt32(), minimum);
    }

    private static DateOnly Date(JsonElement e) =>
        DateOnly.ParseExact(e.GetString() ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ComplianceRollup Rollup(JsonElement e, RollupLevel level) => new(
        level,
        e.GetProperty("subject_id").GetString() ?? string.Empty,
        e.GetProperty("pairs").GetInt32(),
        e.GetProperty("a1_completed").GetInt32(),
        e.GetProperty("a2_completed").GetInt32(),
        e.GetProperty("a3_completed").GetInt32(),
        e.TryGetProperty("camps_held", out var held) ? held.GetInt32() : null,
        e.TryGetProperty("camps_valid", out var valid) ? valid.GetInt32() : null,
        e.TryGetProperty("families_reached", out var families) ? families.GetInt64() : null,
        e.TryGetProperty("camps_too_small", out var tooSmall) ? tooSmall.GetInt32() : null,
        e.TryGetProperty("camps_outside_holidays", out var outside) ? outside.GetInt32() : null,
        e.TryGetProperty("camp_minimum", out var minimum) ? minimum.GetInt32() : null);
}
