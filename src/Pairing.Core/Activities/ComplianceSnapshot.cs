using Pairing.Core.Internals;

namespace Pairing.Core.Activities;

/// <summary>
/// What <see cref="Pairing.Core.Reports.PairingReport"/> shows of a compliance report: the status counts per rule, the programme's and
/// each supporting province's roll-up, and how many camps broke the 50-student and holiday rules (A5). Small
/// whatever the number of pairs; made from a <see cref="ComplianceReport"/> in memory or read back from the folder
/// <see cref="Pairing.Core.Files.Compliance.ComplianceReportFiles.Write(ComplianceReport, string)"/> wrote.
/// </summary>
/// <remarks>
/// Several snapshots of one programme year (as of different dates) give the report its "over time" chart. Immutable.
/// </remarks>
public sealed class ComplianceSnapshot
{
    private readonly int[,] _counts;

    internal ComplianceSnapshot(
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
}
