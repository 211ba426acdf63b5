using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// <c>summary.json</c>, written by hand so that its bytes are fixed: keys in a fixed order, two-space indents,
/// \n line ends on every platform, invariant numbers. Every key but <c>seconds_per_stage</c> follows from the
/// roster and options alone.
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
        Field(b, 2, "same_gender_weight", Num(o.SameGenderWeight));
        Field(b, 2, "shared_interest_weight", Num(o.SharedInterestWeight));
        Field(b, 2, "same_language_weight", Num(o.SameLanguageWeight));
        Field(b, 2, "close_birth_year_weight", Num(o.CloseBirthYearWeight));
        Field(b, 2, "max_degree_of_parallelism", Num(o.MaxDegreeOfParallelism));
        Field(b, 2, "seed", Num(o.Seed));
        Field(b, 2, "work_limit_per_subproblem", Dbl(o.WorkLimitPerSubproblem), last: true);
        b.Append("  },\n");
        b.Append("  \"levels\": {\n");
        Level(b, "county", s.Counties, last: s.Classes is null);
        Level(b, "school", s.Schools, last: s.Classes is null);
        if (s.Classes is { } c && s.Students is { } st)
        {
            Level(b, "class", c, last: false);
            Level(b, "student", st, last: true);
        }

        b.Append("  },\n");
        Field(b, 1, "xinjiang_students", Num(s.XinjiangStudents));
        Field(b, 1, "covered_students", Num(s.CoveredStudents));
        Field(b, 1, "cross_class_pairs", s.CrossClassPairs is { } x ? Num(x) : "null");
        Field(b, 1, "class_size_difference", s.ClassSizeDifference is { } d ? Num(d) : "null");
        Field(b, 1, "same_gender_pairs", s.SameGenderPairs is { } g ? Num(g) : "null");
        Field(b, 1, "same_gender_share", s.SameGenderShare is { } share ? Math.Round(share, 6).ToString("0.######", CultureInfo.InvariantCulture) : "null");
        Field(b, 1, "preference_score", s.PreferenceScore is { } p ? Num(p) : "null");
        b.Append("  \"").Append(TimingKey).Append("\": {");
        var first = true;
        foreach (var level in Enum.GetValues<PairingLevel>())
        {
            if (s.SecondsPerLevel.TryGetValue(level, out var seconds))
            {
                b.Append(first ? "\n" : ",\n");
                first = false;
                b.Append("    ").Append(Str(PairingResult.LevelName(level))).Append(": ").Append(Math.Round(seconds, 3).ToString("0.###", CultureInfo.InvariantCulture));
            }
        }

        b.Append(first ? "}\n" : "\n  }\n");
        b.Append("}\n");
        return b.ToString();
    }

    public static PairingSummary Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var o = root.GetProperty("options");
        var options = new PairingOptions
        {
            XinjiangCountiesPerInlandCounty = o.GetProperty("xinjiang_counties_per_inland_county").GetInt32(),
            XinjiangSchoolsPerInlandSchool = o.GetProperty("xinjiang_schools_per_inland_school").GetInt32(),
            SameGenderWeight = o.GetProperty("same_gender_weight").GetInt32(),
            SharedInterestWeight = o.GetProperty("shared_interest_weight").GetInt32(),
            SameLanguageWeight = o.GetProperty("same_language_weight").GetInt32(),
            CloseBirthYearWeight = o.GetProperty("close_birth_year_weight").GetInt32(),
            MaxDegreeOfParallelism = o.GetProperty("max_degree_of_parallelism").GetInt32(),
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
            CrossClassPairs = IntOrNull(root.GetProperty("cross_class_pairs")),
            ClassSizeDifference = LongOrNull(root.GetProperty("class_size_difference")),
            SameGenderPairs = IntOrNull(root.GetProperty("same_gender_pairs")),
            PreferenceScore = LongOrNull(root.GetProperty("preference_score")),
            InputHash = root.GetProperty("input_hash").GetString() ?? string.Empty,
            LibraryVersion = root.GetProperty("library_version").GetString() ?? string.Empty,
            OrToolsVersion = root.GetProperty("or_tools_version").GetString() ?? string.Empty,
            Options = options,
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
}
