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

    public static string Write(PairingSummary s)
    {
        var o = s.Options;
        var b = new StringBuilder();
        b.Append("{\n");
        Field(b, 1, "format", Str("pairing-result/1"));
        Field(b, 1, "phase", Str(s.Phase == PairingPhase.Planning ? "planning" : "roster"));
        Field(b, 1, "input_hash", Str(s.InputHash));
        Field(b, 1, "library_version", Str(s.LibraryVersion));
        Field(b, 1, "or_tools_version", Str(s.OrToolsVersion));
        b.Append("  \"options\": {\n");
        Field(b, 2, "xinjiang_counties_per_inland_county", Num(o.XinjiangCountiesPerInlandCounty));
        Field(b, 2, "xinjiang_schools_per_inland_school", Num(o.XinjiangSchoolsPerInlandSchool));
        Field(b, 2, "relax_grade_to_nearest", o.RelaxGradeToNearest ? "true" : "false");
        Field(b, 2, "continuity_first", o.ContinuityFirst ? "true" : "false");
        Field(b, 2, "continuity", Str(ObjectiveName(o.ContinuityFirst ? ContinuityObjective.ContinuityFirst : o.Continuity)));
        if (o.StrictP4)
        {
            // Only when on, so that results made without it read and write as before.
            Field(b, 2, "strict_p4", "true");
        }

        Field(b, 2, "same_gender_weight", Num(o.SameGenderWeight));
        Field(b, 2, "shared_interest_weight", Num(o.SharedInterestWeight));
        Field(b, 2, "same_language_weight", Num(o.SameLanguageWeight));
        Field(b, 2, "close_birth_year_weight", Num(o.CloseBirthYearWeight));
        Field(b, 2, "seed", Num(o.Seed));
        Field(b, 2, "work_limit_per_subproblem", Dbl(o.WorkLimitPerSubproblem), last: true);
        b.Append("  },\n");
        b.Append("  \"levels\": {\n");
        Level(b, "county", s.Counties, last: false);
        Level(b, "school", s.Schools, last: s.Classes is null);
        if (s.Classes is { } c && s.Students is { } st)
        {
            Level(b, "class", c, last: false);
            Level(b, "student", st, last: true);
        }

        b.Append("  },\n");
        Field(b, 1, "xinjiang_students", Num(s.XinjiangStudents));
        Field(b, 1, "covered_students", Num(s.CoveredStudents));
        if (s.CoverageUpperBound is { } bound)
        {
            Field(b, 1, "coverage_upper_bound", Num(bound));
        }
        Field(b, 1, "cross_class_pairs", s.CrossClassPairs is { } x ? Num(x) : "null");
        Field(b, 1, "class_size_difference", s.ClassSizeDifference is { } d ? Num(d) : "null");
        Field(b, 1, "same_gender_pairs", s.SameGenderPairs is { } g ? Num(g) : "null");
        Field(b, 1, "same_gender_share", s.SameGenderShare is { } share ? Math.Round(share, 6).ToString("0.######", CultureInfo.InvariantCulture) : "null");
        var timed = Enum.GetValues<PairingLevel>().Where(s.SecondsPerLevel.ContainsKey).ToList();
        var uncovered = s.ContinuityFirstUncovered is { } u ? u : (long?)null;
        Field(b, 1, "preference_score", s.PreferenceScore is { } p ? Num(p) : "null", last: timed.Count == 0 && uncovered is null && s.ContinuityCounts is null && s.ContinuityByLevel is null);
        if (uncovered is { } left)
        {
            // Only with continuity first and a previous result: the students that choice leaves out.
            Field(b, 1, "continuity_first_uncovered", Num(left), last: timed.Count == 0 && s.ContinuityCounts is null && s.ContinuityByLevel is null);
        }

        if (s.ContinuityCounts is { } counts)
        {
            // Only with a previous result: its pairs (rows of continuity.csv) by code.
            b.Append("  \"continuity\": {");
            var i = 0;
            foreach (var (code, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                b.Append(i++ == 0 ? " " : ", ").Append(Str(code)).Append(": ").Append(Num(count));
            }

            b.Append(s.ContinuityByLevel is null && timed.Count == 0 ? " }\n" : " },\n");
        }

        if (s.ContinuityByLevel is { } byLevel)
        {
            // Only with a previous result: the rows per level and status (kept, dropped, new).
            b.Append("  \"continuity_levels\": {");
            var i = 0;
            foreach (var (key, count) in byLevel.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                b.Append(i++ == 0 ? " " : ", ").Append(Str(key)).Append(": ").Append(Num(count));
            }

            b.Append(timed.Count == 0 ? " }\n" : " },\n");
        }

        if (timed.Count > 0)
        {
            // The one key that changes from run to run; left out entirely when the caller asks for plain files.
            b.Append("  \"").Append(TimingKey).Append("\": {\n");
            for (var i = 0; i < timed.Count; i++)
            {
                b.Append("    ").Append(Str(PairingResult.LevelName(timed[i]))).Append(": ")
                    .Append(Math.Round(s.SecondsPerLevel[timed[i]], 3).ToString("0.###", CultureInfo.InvariantCulture))
                    .Append(i + 1 < timed.Count ? ",\n" : "\n");
            }

            b.Append("  }\n");
        }

        b.Append("}\n");
        return b.ToString();
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

    private static void Level(StringBuilder b, string name, LevelFigures f, bool last)
    {
        b.Append("    ").Append(Str(name)).Append(": { ")
            .Append("\"paired\": ").Append(Num(f.Paired))
            .Append(", \"unpaired\": ").Append(Num(f.Unpaired))
            .Append(", \"inland_surplus\": ").Append(Num(f.InlandSurplus))
            .Append(", \"kept\": ").Append(Num(f.Kept))
            .Append(last ? " }\n" : " },\n");
    }

    private static void Field(StringBuilder b, int depth, string key, string value, bool last = false) =>
        b.Append(' ', depth * 2).Append(Str(key)).Append(": ").Append(value).Append(last ? "\n" : ",\n");

    private static string Str(string value) => JsonSerializer.Serialize(value);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Dbl(double value) => value.ToString("R", CultureInfo.InvariantCulture);

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
