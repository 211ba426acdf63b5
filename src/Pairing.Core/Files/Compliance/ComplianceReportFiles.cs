using System.Globalization;
using System.Text.Json;
using Pairing.Core.Activities;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Internals;
using Pairing.Core.Files;

namespace Pairing.Core.Files.Compliance;

/// <summary>
/// Writes a <see cref="ComplianceReport"/> as the programme's report folder: <c>compliance.csv</c>, <c>rollup.csv</c>
/// and <c>rollup.json</c>, fit for filing (备案).
/// </summary>
/// <remarks>
/// The CSV files are meant for people and spreadsheets: UTF-8 with a BOM (so Excel reads their Chinese; or GB18030 when
/// asked, <see cref="TextFileEncoding"/>), \n line
/// ends, RFC 4180 quoting and cells safe from spreadsheet formula injection; <c>rollup.json</c> is UTF-8 without one.
/// Rows are in the report's order (rule, level, subject id, status, code; roll-ups by level, then subject id). The
/// <c>detail</c> column is rendered from each entry's finding in the language asked for (by default
/// <see cref="FindingLanguage.ChineseAndEnglish"/>); every other column is data. The same report gives the same bytes,
/// whatever the order its records came in.
/// </remarks>
public static class ComplianceReportFiles
{
    /// <summary>The name of the file with one row per rule and subject.</summary>
    public const string ComplianceFile = "compliance.csv";

    /// <summary>The name of the roll-up file in CSV.</summary>
    public const string RollupCsvFile = "rollup.csv";

    /// <summary>The name of the roll-up file in JSON.</summary>
    public const string RollupJsonFile = "rollup.json";

    /// <summary>Every file a compliance folder holds; a write refuses a folder holding anything else, so nothing of anyone's is lost.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [ComplianceFile, RollupCsvFile, RollupJsonFile];

    /// <summary>
    /// Writes the report into a folder, replacing the folder whole: written beside it and swapped in at once, so the
    /// filed report is the old one or the new one, never a mix. A folder holding other files is refused, unchanged.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">The folder to write into.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The folder cannot be written, or holds files that are not the report's; nothing was changed.</exception>
    public static void Write(ComplianceReport report, string directory) => Write(report, directory, FindingLanguage.ChineseAndEnglish);

    /// <summary>
    /// Writes the report into a folder, replacing the folder whole: written beside it and swapped in at once, so the
    /// filed report is the old one or the new one, never a mix. A folder holding other files is refused, unchanged.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">The folder to write into.</param>
    /// <param name="language">The language of the <c>detail</c> column.</param>
    /// <param name="encoding">
    /// The encoding of <c>compliance.csv</c> and <c>rollup.csv</c>, the files people open: UTF-8 with a BOM, or
    /// GB18030; <c>rollup.json</c> is UTF-8 without a BOM either way. The default value is <see cref="TextFileEncoding.Utf8WithBom"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encoding"/> is not a <see cref="TextFileEncoding"/>; nothing was written.</exception>
    public static void Write(ComplianceReport report, string directory, FindingLanguage language, TextFileEncoding encoding = TextFileEncoding.Utf8WithBom)
    {
        Guard.NotNull(report);
        Guard.NotNull(directory);
        var peopleEncoding = TextEncodings.Of(encoding);
        // The whole folder is replaced at once: the filed report is the old one or the new one, never a mix.
        using var files = AtomicFiles.Folder(directory, FileNames);
        using (var stream = files.Create(ComplianceFile))
        {
            WriteCompliance(report, stream, language, peopleEncoding);
        }

        using (var stream = files.Create(RollupCsvFile))
        {
            WriteRollupCsv(report, stream, peopleEncoding);
        }

        using (var stream = files.Create(RollupJsonFile))
        {
            WriteRollupJson(report, stream);
        }

        files.Commit();
    }

    /// <summary>
    /// Writes the report into a folder as <see cref="Write(ComplianceReport, string, FindingLanguage, TextFileEncoding)"/>
    /// does (the folder replaced whole, at once), without blocking a thread on the disk.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">The folder to write into.</param>
    /// <param name="language">The language of the <c>detail</c> column.</param>
    /// <param name="encoding">The encoding of the files people open (<c>compliance.csv</c>, <c>rollup.csv</c>).</param>
    /// <param name="cancellationToken">Stops the write; the folder is then left as it was.</param>
    /// <returns>A task that completes when the new folder is in place.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="directory"/> is null.</exception>
    /// <exception cref="IOException">The folder cannot be written, or holds files that are not the report's; nothing was changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was changed.</exception>
    public static async Task WriteAsync(
        ComplianceReport report, string directory, FindingLanguage language = FindingLanguage.ChineseAndEnglish,
        TextFileEncoding encoding = TextFileEncoding.Utf8WithBom, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(report);
        Guard.NotNull(directory);
        var peopleEncoding = TextEncodings.Of(encoding);
        var contents = new (string Name, Action<Stream> Write)[]
        {
            (ComplianceFile, stream => WriteCompliance(report, stream, language, peopleEncoding)),
            (RollupCsvFile, stream => WriteRollupCsv(report, stream, peopleEncoding)),
            (RollupJsonFile, stream => WriteRollupJson(report, stream)),
        };
        using var files = AtomicFiles.Folder(directory, FileNames);
        foreach (var (name, write) in contents)
        {
            using var buffer = new MemoryStream();
            write(buffer);
            cancellationToken.ThrowIfCancellationRequested();
            await using var stream = files.Create(name);
            await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        files.Commit();
    }

    /// <summary>Writes <c>compliance.csv</c> to a stream; the stream is left open.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">The stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteCompliance(ComplianceReport report, Stream stream) => WriteCompliance(report, stream, FindingLanguage.ChineseAndEnglish);

    /// <summary>Writes <c>compliance.csv</c> to a stream (left open), its <c>detail</c> column in <paramref name="language"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="language">The language of the <c>detail</c> column.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteCompliance(ComplianceReport report, Stream stream, FindingLanguage language) =>
        WriteCompliance(report, stream, language, TextEncodings.Of(TextFileEncoding.Utf8WithBom));

    private static void WriteCompliance(ComplianceReport report, Stream stream, FindingLanguage language, System.Text.Encoding encoding)
    {
        Guard.NotNull(report);
        Guard.NotNull(stream);
        using var writer = new StreamWriter(stream, encoding, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using var csv = new CsvWriter(writer);
        WriteComplianceRows(csv, report, language);
    }

    /// <summary>
    /// <c>compliance.csv</c> and <c>rollup.csv</c> as tables of cells holding exactly what
    /// <see cref="Write(ComplianceReport, string, FindingLanguage, TextFileEncoding)"/> writes, keyed by file name: for a
    /// workbook or a grid, with no CSV text to parse back.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="language">The language of the detail column.</param>
    /// <returns>The two tables by file name, header first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static IReadOnlyDictionary<string, CellTable> ToTables(ComplianceReport report, FindingLanguage language = FindingLanguage.ChineseAndEnglish)
    {
        Guard.NotNull(report);
        List<CellRow> compliance = [];
        using (var csv = new CsvWriter(compliance))
        {
            WriteComplianceRows(csv, report, language);
        }

        List<CellRow> rollup = [];
        using (var csv = new CsvWriter(rollup))
        {
            WriteRollupRows(csv, report);
        }

        return new SortedDictionary<string, CellTable>(StringComparer.Ordinal)
        {
            [ComplianceFile] = new CellTable(ComplianceFile, Path.GetFileNameWithoutExtension(ComplianceFile), compliance),
            [RollupCsvFile] = new CellTable(RollupCsvFile, Path.GetFileNameWithoutExtension(RollupCsvFile), rollup),
        };
    }

    /// <summary>compliance.csv's rows, header first.</summary>
    private static void WriteComplianceRows(CsvWriter csv, ComplianceReport report, FindingLanguage language)
    {
        csv.WriteHeader("rule", "level", "subject_id", "status", "code", "unit_id", "count", "required", "detail");
        var renderer = FindingRenderer.Default;
        foreach (ref readonly var row in report.Rows)
        {
            var finding = report.FindingOf(row);
            csv.Write(Names.Of(row.Rule));
            csv.Write(Names.Of(row.Level));
            csv.Write(row.Subject);
            csv.Write(Names.Of(row.Status));
            csv.Write(finding.Code);
            csv.Write(row.Unit);
            csv.Write(finding.TryGetArgument<int>("count", out var count) ? Number(count) : null);
            csv.Write(finding.TryGetArgument<int>("required", out var required) ? Number(required) : null);
            csv.Write(renderer.Render(finding, language));
            csv.EndRow();
        }
    }

    /// <summary>
    /// Reads the entries of <c>compliance.csv</c> back from a compliance report folder, listing every problem: the file
    /// missing or not a regular file, not UTF-8, without its header or columns, every row that does not fit the format
    /// (located <c>RES…</c> findings).
    /// </summary>
    /// <param name="directory">The folder <see cref="Write(ComplianceReport, string)"/> wrote.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The entries in the file's order when they could be read, and every problem found either way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static ReadResult<IReadOnlyList<ComplianceEntry>> ReadEntries(string directory, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(directory);
        if (!ByteSource.TryOpenFile(Path.Combine(directory, ComplianceFile), out var bytes, out var fileError))
        {
            return new(null, [ResultFileFindings.FromFileError(fileError, ComplianceFile, directory)]);
        }

        // Read a chunk at a time, never whole; at most 100 problems of a code are listed, the rest counted (RES026).
        var found = new CappedFindings(ResultFileFindings.MoreProblems);
        var read = new List<ComplianceEntry>();
        using (bytes)
        {
            if (!ByteSource.TryPass(bytes, () => ReadEntryRows(bytes, found, read), out var failed))
            {
                return new(null, [ResultFileFindings.FromFileError(failed, ComplianceFile, directory)]);
            }
        }

        return new(found.Count == 0 ? read : null, found.WithOmitted());
    }

    private static void ReadEntryRows(ByteSource bytes, CappedFindings found, List<ComplianceEntry> read)
    {
        var at0 = new FindingLocation(ComplianceFile);
        var scan = bytes.Scanned ??= TextDecoding.Scan(bytes, long.MaxValue);
        if (scan.Error is { } encodingError)
        {
            found.Add(ResultFileFindings.BadEncoding.Create(null, at0 with { Line = encodingError.Line },
                FindingArgument.Of("file", ComplianceFile), FindingArgument.Of("error", encodingError.Message)));
            return;
        }

        var reader = new CsvReader(TextDecoding.Open(bytes, scan));
        string[] columns = ["rule", "level", "subject_id", "status", "code", "unit_id", "count", "required"];
        if (!reader.TryRead(out var header) || header.Error is not null)
        {
            found.Add(ResultFileFindings.NoHeader.Create(null, at0 with { Line = 1 }, FindingArgument.Of("file", ComplianceFile)));
            return;
        }

        var at = CsvHeader.Locate(header, columns, column => found.Add(ResultFileFindings.MissingColumn.Create(
            null, at0 with { Line = 1 }, FindingArgument.Of("file", ComplianceFile), FindingArgument.Of("column", column))));
        if (found.Count > 0)
        {
            return;
        }

        var descriptors = FindingCatalog.All.Where(d => d.Category == "compliance").ToDictionary(d => d.Code, StringComparer.Ordinal);
        while (reader.TryRead(out var record))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (record.Error is { } error)
            {
                found.Add(ResultFileFindings.BadRecord.Create(null, at0 with { Line = error.Line },
                    FindingArgument.Of("file", ComplianceFile), FindingArgument.Of("error", error.Message)));
                if (error.StopsReading)
                {
                    // A field or a line past the limits: the rest of the file is not read.
                    return;
                }

                continue;
            }

            string Cell(int k) => at[k] < record.Count ? record.GetString(at[k]) : string.Empty;
            var line = record.Line;
            var wrong = new List<string>();
            var rule = Parse(Cell(0), Enum.GetValues<ActivityRule>(), Names.Of, "rule", wrong);
            var level = Parse(Cell(1), Enum.GetValues<ComplianceLevel>(), Names.Of, "level", wrong);
            var subject = Cell(2);
            var status = Parse(Cell(3), Enum.GetValues<ComplianceStatus>(), Names.Of, "status", wrong);
            var unit = Cell(5);
            if (subject.Length == 0)
            {
                wrong.Add("subject_id is empty");
            }

            if (!descriptors.TryGetValue(Cell(4), out var code))
            {
                wrong.Add($"code is '{Excerpt.Of(Cell(4))}', expected a compliance code (CMP…, docs/rules.md)");
            }

            var arguments = new List<FindingArgument>();
            if (code is not null)
            {
                if (code.ArgumentNames.Contains("unit"))
                {
                    arguments.Add(FindingArgument.Of("unit", unit));
                }

                foreach (var (name, k) in (ReadOnlySpan<(string, int)>)[("count", 6), ("required", 7)])
                {
                    var cell = Cell(k);
                    var takes = code.ArgumentNames.Contains(name);
                    if (takes && int.TryParse(cell, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
                    {
                        arguments.Add(FindingArgument.Of(name, n));
                    }
                    else if (takes || cell.Length > 0)
                    {
                        wrong.Add(takes ? $"{name} is '{Excerpt.Of(cell)}', expected a whole number for code {code.Code}" : $"{name} is '{Excerpt.Of(cell)}', but code {code.Code} has no {name}");
                    }
                }

                if (code.Rule is { } r && wrong.Count == 0 && r != Names.Of(rule))
                {
                    wrong.Add($"rule is {Names.Of(rule)}, but code {code.Code} is an {r} code");
                }
            }

            if (wrong.Count > 0)
            {
                found.AddRange(wrong.Select(w => ResultFileFindings.BadRow.Create(null, at0 with { Line = line },
                    FindingArgument.Of("file", ComplianceFile), FindingArgument.Of("error", w))));
                continue;
            }

            var finding = code!.Create(new FindingSubject(Names.Of(level), subject), null, [.. arguments]);
            read.Add(new ComplianceEntry(rule, level, subject, status, unit, finding));
        }

    }

    private static T Parse<T>(string text, T[] values, Func<T, string> name, string column, List<string> wrong)
        where T : struct, Enum
    {
        foreach (var v in values)
        {
            if (string.Equals(name(v), text, StringComparison.Ordinal))
            {
                return v;
            }
        }

        wrong.Add($"{column} is '{Excerpt.Of(text)}', expected one of {string.Join(", ", values.Select(name))}");
        return default;
    }

    /// <summary>Writes <c>rollup.csv</c> to a stream; the stream is left open.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">The stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteRollupCsv(ComplianceReport report, Stream stream) => WriteRollupCsv(report, stream, TextEncodings.Of(TextFileEncoding.Utf8WithBom));

    private static void WriteRollupCsv(ComplianceReport report, Stream stream, System.Text.Encoding encoding)
    {
        Guard.NotNull(report);
        Guard.NotNull(stream);
        using var writer = new StreamWriter(stream, encoding, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using var csv = new CsvWriter(writer);
        WriteRollupRows(csv, report);
    }

    /// <summary>rollup.csv's rows, header first.</summary>
    private static void WriteRollupRows(CsvWriter csv, ComplianceReport report)
    {
        csv.WriteHeader(
            "level", "subject_id", "pairs", "a1_completed", "a2_completed", "a3_completed", "camps_held", "camps_valid", "families_reached",
            "camps_too_small", "camps_outside_holidays", "camp_minimum");
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
            csv.Write(r.CampsTooSmall?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.Write(r.CampsOutsideHolidays?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.Write(r.CampMinimum?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.EndRow();
        }
    }

    /// <summary>Writes <c>rollup.json</c> to a stream; the stream is left open.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">The stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
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

        var thresholds = report.Thresholds;
        json.WriteStartObject("thresholds");
        json.WriteNumber("camps_per_year", thresholds.CampsPerYear);
        json.WriteNumber("regular_letter_interval_days", thresholds.RegularLetterIntervalDays);
        json.WriteStartObject("camp_minimum");
        foreach (var (province, minimum) in thresholds.CampMinimumByProvince)
        {
            json.WriteNumber(province.Value, minimum);
        }

        json.WriteEndObject();
        json.WriteStartArray("holidays");
        foreach (var holiday in thresholds.Holidays)
        {
            json.WriteStartObject();
            json.WriteString("province_id", holiday.Province.Value);
            json.WriteString("kind", holiday.Kind == HolidayKind.Winter ? "winter" : "summer");
            json.WriteString("start", Iso(holiday.Start));
            json.WriteString("end", Iso(holiday.End));
            json.WriteEndObject();
        }

        json.WriteEndArray();
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

        if (r.CampsTooSmall is { } tooSmall)
        {
            json.WriteNumber("camps_too_small", tooSmall);
        }

        if (r.CampsOutsideHolidays is { } outside)
        {
            json.WriteNumber("camps_outside_holidays", outside);
        }

        if (r.CampMinimum is { } minimum)
        {
            json.WriteNumber("camp_minimum", minimum);
        }

        json.WriteEndObject();
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a compliance report folder's roll-up back as a <see cref="ComplianceSnapshot"/>: <c>rollup.json</c> carries
    /// every figure it holds (the status counts, the roll-ups with their camps too small and outside the holidays, the
    /// thresholds used), so <c>compliance.csv</c> is not read. A problem (<c>rollup.json</c> missing, not a regular file,
    /// or not a roll-up) is a located finding (<c>RES…</c>).
    /// </summary>
    /// <param name="directory">The folder <see cref="Write(ComplianceReport, string)"/> wrote.</param>
    /// <param name="limits">The limits the input is held to; <see cref="InputFileLimits.Default"/> when null.</param>
    /// <returns>The snapshot when it could be read, and the problem otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static ReadResult<ComplianceSnapshot> ReadSnapshot(string directory, InputFileLimits? limits = null)
    {
        using var limitsScope = InputFileLimits.Use(limits);
        Guard.NotNull(directory);
        var file = RollupJsonFile;
        // A roll-up holds counts for a few dozen provinces: kilobytes. It is read whole, so it is held to far less than a table.
        if (!SafeFile.TryReadAllBytes(Path.Combine(directory, file), Math.Min(MaxRollupBytes, InputFileLimits.Current.MaxFileBytes), out var bytes, out var error))
        {
            return new(null, [ResultFileFindings.FromFileError(error, file, directory)]);
        }

        try
        {
            return new(ParseSnapshot(bytes), []);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new(null, [ResultFileFindings.BadRollup.Create(null, new FindingLocation(file), FindingArgument.Of("error", Excerpt.Of(e.Message)))]);
        }
    }

    /// <summary>The most bytes a <c>rollup.json</c> may have.</summary>
    private const long MaxRollupBytes = 16 << 20;


    private static ComplianceSnapshot ParseSnapshot(byte[] bytes)
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

        var programme = SnapshotRollup(root.GetProperty("programme"), RollupLevel.Programme);
        var provinces = root.GetProperty("provinces").EnumerateArray().Select(p => SnapshotRollup(p, RollupLevel.Province))
            .OrderBy(r => r.SubjectId, StringComparer.Ordinal).ToArray();
        var thresholds = root.GetProperty("thresholds");
        var minimum = thresholds.GetProperty("camp_minimum").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        return new ComplianceSnapshot(
            SnapshotDate(root.GetProperty("as_of")),
            SnapshotDate(root.GetProperty("programme_year").GetProperty("start")),
            SnapshotDate(root.GetProperty("programme_year").GetProperty("end")),
            counts, programme, provinces, thresholds.GetProperty("camps_per_year").GetInt32(), minimum);
    }

    private static DateOnly SnapshotDate(JsonElement e) =>
        DateOnly.ParseExact(e.GetString() ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ComplianceRollup SnapshotRollup(JsonElement e, RollupLevel level) => new(
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
