using System.Text.Json;
using Pairing.Core.Activities.Internals;
using Pairing.Core.Internals;
using Pairing.Core.Internals.Csv;

namespace Pairing.Core.Activities;

/// <summary>
/// Writes a <see cref="ComplianceReport"/> as the programme's report folder: <c>compliance.csv</c>, <c>rollup.csv</c>
/// and <c>rollup.json</c>, fit for filing (备案).
/// </summary>
/// <remarks>
/// The files are UTF-8 without a BOM with \n line ends, CSV with RFC 4180 quoting and cells safe from spreadsheet
/// formula injection, rows in the report's order (rule, level, subject id; roll-ups by level, then subject id).
/// The same report gives the same bytes, whatever the order its records came in.
/// </remarks>
public static class ComplianceReportFiles
{
    /// <summary>The name of the file with one row per rule and subject.</summary>
    public const string ComplianceFile = "compliance.csv";

    /// <summary>The name of the roll-up file in CSV.</summary>
    public const string RollupCsvFile = "rollup.csv";

    /// <summary>The name of the roll-up file in JSON.</summary>
    public const string RollupJsonFile = "rollup.json";

    /// <summary>Writes the report into a folder (created if needed), replacing the report's files there all at once.</summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">The folder to write into.</param>
    public static void Write(ComplianceReport report, string directory)
    {
        Guard.NotNull(report);
        Guard.NotNull(directory);
        Directory.CreateDirectory(directory);
        using var files = new AtomicFiles(directory);
        using (var stream = files.Create(ComplianceFile))
        {
            WriteCompliance(report, stream);
        }

        using (var stream = files.Create(RollupCsvFile))
        {
            WriteRollupCsv(report, stream);
        }

        using (var stream = files.Create(RollupJsonFile))
        {
            WriteRollupJson(report, stream);
        }

        files.Commit();
    }

    /// <summary>Writes <c>compliance.csv</c> to a stream; the stream is left open.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">The stream.</param>
    public static void WriteCompliance(ComplianceReport report, Stream stream)
    {
        Guard.NotNull(report);
        Guard.NotNull(stream);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using var csv = new CsvWriter(writer);
        csv.WriteHeader("rule", "level", "subject_id", "status", "detail");
        foreach (ref readonly var row in report.Rows)
        {
            csv.Write(Names.Of(row.Rule));
            csv.Write(Names.Of(row.Level));
            csv.Write(row.Subject);
            csv.Write(Names.Of(row.Status));
            csv.Write(report.DetailOf(row));
            csv.EndRow();
        }
    }

    /// <summary>Writes <c>rollup.csv</c> to a stream; the stream is left open.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">The stream.</param>
    public static void WriteRollupCsv(ComplianceReport report, Stream stream)
    {
        Guard.NotNull(report);
        Guard.NotNull(stream);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using var csv = new CsvWriter(writer);
        csv.WriteHeader("level", "subject_id", "pairs", "a1_completed", "a2_completed", "a3_completed", "camps_held", "camps_valid", "families_reached");
        foreach (var r in report.Rollups)
        {
            csv.Write(Names.Of(r.Level));
            csv.Write(r.SubjectId);
            csv.Write(r.Pairs);
            csv.Write(r.A1Completed);
            csv.Write(r.A2Completed);
            csv.Write(r.A3Completed);
            csv.Write(r.CampsHeld?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.Write(r.CampsValid?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.Write(r.FamiliesReached?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.EndRow();
        }
    }

    /// <summary>Writes <c>rollup.json</c> to a stream; the stream is left open.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">The stream.</param>
    public static void WriteRollupJson(ComplianceReport report, Stream stream)
    {
        Guard.NotNull(report);
        Guard.NotNull(stream);
        var options = new JsonWriterOptions
        {
            Indented = true,
#if NET9_0_OR_GREATER
            NewLine = "\n",
#endif
        };
#if NET9_0_OR_GREATER
        using (var json = new Utf8JsonWriter(stream, options))
        {
            WriteRollupJson(report, json);
        }
#else
        // Before .NET 9 the writer's line end is the machine's; the same report must give the same bytes on every
        // machine, so write to memory and fix the line ends (JSON strings escape CR and LF, so only line ends match).
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            WriteRollupJson(report, json);
        }

        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).Replace("\r\n", "\n", StringComparison.Ordinal);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
#endif
        stream.WriteByte((byte)'\n');
    }

    private static void WriteRollupJson(ComplianceReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("as_of", Iso(report.AsOf));
        json.WriteStartObject("programme_year");
        json.WriteString("start", Iso(report.ProgrammeYearStart));
        json.WriteString("end", Iso(report.ProgrammeYearEnd));
        json.WriteEndObject();

        json.WriteStartObject("statuses");
        foreach (var rule in Enum.GetValues<ActivityRule>())
        {
            json.WriteStartObject(Names.Of(rule));
            foreach (var status in Enum.GetValues<ComplianceStatus>())
            {
                json.WriteNumber(Names.Of(status), report.Count(rule, status));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();

        json.WritePropertyName("programme");
        WriteRollup(json, report.Programme);
        foreach (var (name, level) in (ReadOnlySpan<(string, RollupLevel)>)[("provinces", RollupLevel.Province), ("county_pairs", RollupLevel.CountyPair), ("school_pairs", RollupLevel.SchoolPair)])
        {
            json.WriteStartArray(name);
            foreach (var r in report.Rollups)
            {
                if (r.Level == level)
                {
                    WriteRollup(json, r);
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteRollup(Utf8JsonWriter json, ComplianceRollup r)
    {
        json.WriteStartObject();
        json.WriteString("level", Names.Of(r.Level));
        json.WriteString("subject_id", r.SubjectId);
        json.WriteNumber("pairs", r.Pairs);
        json.WriteNumber("a1_completed", r.A1Completed);
        json.WriteNumber("a2_completed", r.A2Completed);
        json.WriteNumber("a3_completed", r.A3Completed);
        if (r.CampsHeld is { } held)
        {
            json.WriteNumber("camps_held", held);
        }

        if (r.CampsValid is { } valid)
        {
            json.WriteNumber("camps_valid", valid);
        }

        if (r.FamiliesReached is { } families)
        {
            json.WriteNumber("families_reached", families);
        }

        json.WriteEndObject();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
