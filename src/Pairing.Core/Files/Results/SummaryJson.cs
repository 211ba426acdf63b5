using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Files.Results;

/// <summary>
/// <c>summary.json</c>, written by hand so that its bytes are fixed: keys in a fixed order, two-space indents,
/// \n line ends on every platform, invariant numbers. Every key but <c>seconds_per_stage</c> follows from the
/// roster and options alone. The degree of parallelism is left out of the options written: it does not change the
/// result, and leaving it out keeps the files of a 1-thread and an N-thread run byte-identical.
/// </summary>
internal static class SummaryJson
{
    public const string TimingKey = "seconds_per_stage";

    public static string Write(PairingSummary s) => Encoding.UTF8.GetString(WriteUtf8(s));

    /// <summary>
    /// The summary's UTF-8 bytes, through <see cref="Utf8JsonWriter"/>: two-space indents and \n line ends, strings
    /// escaped by the default encoder (non-ASCII and HTML-sensitive characters as \uXXXX, as the serializer did),
    /// whole numbers as numbers. The one-line objects (each level's figures, the continuity counts) and the decimal
    /// numbers keep their fixed text as raw values, so that the bytes are those written before by hand.
    /// </summary>
#if NET9_0_OR_GREATER
    private static readonly JsonWriterOptions Options = new() { Indented = true, IndentSize = 2, IndentCharacter = ' ', NewLine = "\n" };
#else
    private static readonly JsonWriterOptions Options = new() { Indented = true };
#endif

    public static byte[] WriteUtf8(PairingSummary s)
    {
        var o = s.Options;
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("format", "pairing-result/1");
            w.WriteString("phase", s.Phase == PairingPhase.Planning ? "planning" : "roster");
            w.WriteString("input_hash", s.InputHash);
            w.WriteString("library_version", s.LibraryVersion);
            w.WriteString("or_tools_version", s.OrToolsVersion);
            w.WriteStartObject("options");
            w.WriteNumber("xinjiang_counties_per_inland_county", o.XinjiangCountiesPerInlandCounty);
            w.WriteNumber("xinjiang_schools_per_inland_school", o.XinjiangSchoolsPerInlandSchool);
            w.WriteBoolean("relax_grade_to_nearest", o.RelaxGradeToNearest);
            w.WriteBoolean("continuity_first", o.ContinuityFirst);
            w.WriteString("continuity", ObjectiveName(o.ContinuityFirst ? ContinuityObjective.ContinuityFirst : o.Continuity));
            if (o.StrictP4)
            {
                // Only when on, so that results made without it read and write as before.
                w.WriteBoolean("strict_p4", true);
            }

            w.WriteNumber("same_gender_weight", o.SameGenderWeight);
            w.WriteNumber("shared_interest_weight", o.SharedInterestWeight);
            w.WriteNumber("same_language_weight", o.SameLanguageWeight);
            w.WriteNumber("close_birth_year_weight", o.CloseBirthYearWeight);
            w.WriteNumber("seed", o.Seed);
            Raw(w, "work_limit_per_subproblem", o.WorkLimitPerSubproblem.ToString("R", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteStartObject("levels");
            Level(w, "county", s.Counties);
            Level(w, "school", s.Schools);
            if (s.Classes is { } c && s.Students is { } st)
            {
                Level(w, "class", c);
                Level(w, "student", st);
            }

            w.WriteEndObject();
            w.WriteNumber("xinjiang_students", s.XinjiangStudents);
            w.WriteNumber("covered_students", s.CoveredStudents);
            if (s.CoverageUpperBound is { } bound)
            {
                w.WriteNumber("coverage_upper_bound", bound);
            }

            NumberOrNull(w, "cross_class_pairs", s.CrossClassPairs);
            NumberOrNull(w, "class_size_difference", s.ClassSizeDifference);
            NumberOrNull(w, "same_gender_pairs", s.SameGenderPairs);
            if (s.SameGenderShare is { } share)
            {
                Raw(w, "same_gender_share", Math.Round(share, 6).ToString("0.######", CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNull("same_gender_share");
            }

            NumberOrNull(w, "preference_score", s.PreferenceScore);
            if (s.ContinuityFirstUncovered is { } left)
            {
                // Only with continuity first and a previous result: the students that choice leaves out.
                w.WriteNumber("continuity_first_uncovered", left);
            }

            if (s.ContinuityCounts is { } counts)
            {
                // Only with a previous result: its pairs (rows of continuity.csv) by code, on one line.
                Raw(w, "continuity", OneLine(counts));
            }

            if (s.ContinuityByLevel is { } byLevel)
            {
                // Only with a previous result: the rows per level and status (kept, dropped, new), on one line.
                Raw(w, "continuity_levels", OneLine(byLevel));
            }

            var timed = Enum.GetValues<PairingLevel>().Where(s.SecondsPerLevel.ContainsKey).ToList();
            if (timed.Count > 0)
            {
                // The one key that changes from run to run; left out entirely when the caller asks for plain files.
                w.WriteStartObject(TimingKey);
                foreach (var level in timed)
                {
                    Raw(w, PairingResult.LevelName(level), Math.Round(s.SecondsPerLevel[level], 3).ToString("0.###", CultureInfo.InvariantCulture));
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
#if NET9_0_OR_GREATER
        return buffer.WrittenSpan.ToArray();
#else
        // Before .NET 9 the writer ends lines as the platform does: \r\n on Windows. No string or raw value holds a CR
        // (strings are escaped), so every CR is a line end's.
        return [.. buffer.WrittenSpan.ToArray().Where(b => b != (byte)'\r')];
#endif
    }

    private static void Raw(Utf8JsonWriter w, string key, string json)
    {
        w.WritePropertyName(key);
        w.WriteRawValue(json, skipInputValidation: true);
    }

    private static void NumberOrNull(Utf8JsonWriter w, string key, long? value)
    {
        if (value is { } n)
        {
            w.WriteNumber(key, n);
        }
        else
        {
            w.WriteNull(key);
        }
    }

    private static void Level(Utf8JsonWriter w, string name, LevelFigures f) =>
        Raw(w, name, "{ \"paired\": " + Num(f.Paired) + ", \"unpaired\": " + Num(f.Unpaired)
            + ", \"inland_surplus\": " + Num(f.InlandSurplus) + ", \"kept\": " + Num(f.Kept) + " }");

    private static string OneLine(IReadOnlyDictionary<string, int> counts)
    {
        var b = new StringBuilder("{");
        var i = 0;
        foreach (var (code, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            b.Append(i++ == 0 ? " " : ", ").Append(Str(code)).Append(": ").Append(Num(count));
        }

        return b.Append(" }").ToString();
    }

    public static PairingSummary Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var o = root.GetProperty("options");
        var options = new PairingOptionsSnapshot
        {
            XinjiangCountiesPerInlandCounty = o.GetProperty("xinjiang_counties_per_inland_county").GetInt32(),
            XinjiangSchoolsPerInlandSchool = o.GetProperty("xinjiang_schools_per_inland_school").GetInt32(),
            RelaxGradeToNearest = o.GetProperty("relax_grade_to_nearest").GetBoolean(),
            ContinuityFirst = o.TryGetProperty("continuity_first", out var first) && first.GetBoolean(),

            // Results written before the balanced objective have no such field: they were made coverage first.
            Continuity = o.TryGetProperty("continuity", out var objective) ? ObjectiveOf(objective.GetString())
                : first.ValueKind == JsonValueKind.True ? ContinuityObjective.ContinuityFirst : ContinuityObjective.CoverageFirst,
            StrictP4 = o.TryGetProperty("strict_p4", out var strict) && strict.GetBoolean(),
            SameGenderWeight = o.GetProperty("same_gender_weight").GetInt32(),
            SharedInterestWeight = o.GetProperty("shared_interest_weight").GetInt32(),
            SameLanguageWeight = o.GetProperty("same_language_weight").GetInt32(),
            CloseBirthYearWeight = o.GetProperty("close_birth_year_weight").GetInt32(),
            Seed = o.GetProperty("seed").GetInt32(),
            WorkLimitPerSubproblem = o.GetProperty("work_limit_per_subproblem").GetDouble(),
        };
        var levels = root.GetProperty("levels");
        static LevelFigures LevelOf(JsonElement e) => new(
            e.GetProperty("paired").GetInt32(), e.GetProperty("unpaired").GetInt32(),
            e.GetProperty("inland_surplus").GetInt32(), e.GetProperty("kept").GetInt32());
        static int? IntOrNull(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();
        static long? LongOrNull(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();
        var seconds = new Dictionary<PairingLevel, double>();
        if (root.TryGetProperty(TimingKey, out var timing))
        {
            foreach (var level in Enum.GetValues<PairingLevel>())
            {
                if (timing.TryGetProperty(PairingResult.LevelName(level), out var value))
                {
                    seconds[level] = value.GetDouble();
                }
            }
        }

        var phase = root.GetProperty("phase").GetString() switch
        {
            "planning" => PairingPhase.Planning,
            "roster" => PairingPhase.Roster,
            var other => throw new InvalidDataException($"summary.json: phase '{other}' is neither 'planning' nor 'roster'."),
        };
        return new PairingSummary
        {
            Phase = phase,
            Counties = LevelOf(levels.GetProperty("county")),
            Schools = LevelOf(levels.GetProperty("school")),
            Classes = levels.TryGetProperty("class", out var c) ? LevelOf(c) : null,
            Students = levels.TryGetProperty("student", out var st) ? LevelOf(st) : null,
            XinjiangStudents = root.GetProperty("xinjiang_students").GetInt64(),
            CoveredStudents = root.GetProperty("covered_students").GetInt64(),
            CoverageUpperBound = root.TryGetProperty("coverage_upper_bound", out var bound) ? bound.GetInt64() : null,
            CrossClassPairs = IntOrNull(root.GetProperty("cross_class_pairs")),
            ClassSizeDifference = LongOrNull(root.GetProperty("class_size_difference")),
            SameGenderPairs = IntOrNull(root.GetProperty("same_gender_pairs")),
            PreferenceScore = LongOrNull(root.GetProperty("preference_score")),
            InputHash = root.GetProperty("input_hash").GetString() ?? string.Empty,
            LibraryVersion = root.GetProperty("library_version").GetString() ?? string.Empty,
            OrToolsVersion = root.GetProperty("or_tools_version").GetString() ?? string.Empty,
            Options = options,
            ContinuityFirstUncovered = root.TryGetProperty("continuity_first_uncovered", out var left) ? left.GetInt64() : null,
            ContinuityCounts = root.TryGetProperty("continuity", out var counts)
                ? counts.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32(), StringComparer.Ordinal)
                : null,
            ContinuityByLevel = root.TryGetProperty("continuity_levels", out var byLevel)
                ? byLevel.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32(), StringComparer.Ordinal)
                : null,
            SecondsPerLevel = seconds,
        };
    }

    private static string Str(string value) => JsonSerializer.Serialize(value);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The name of an objective in <c>summary.json</c> and on the command line.</summary>
    public static string ObjectiveName(ContinuityObjective objective) => objective switch
    {
        ContinuityObjective.CoverageFirst => "coverage-first",
        ContinuityObjective.ContinuityFirst => "continuity-first",
        _ => "balanced",
    };

    private static ContinuityObjective ObjectiveOf(string? name) => name switch
    {
        "coverage-first" => ContinuityObjective.CoverageFirst,
        "continuity-first" => ContinuityObjective.ContinuityFirst,
        "balanced" => ContinuityObjective.Balanced,
        _ => throw new FormatException($"unknown continuity objective '{name}'"),
    };
}
