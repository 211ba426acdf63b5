using System.Globalization;
using System.Text;
using System.Text.Json;
using Pairing.Core.Files.Results;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Tests.Files.Results;

/// <summary>
/// summary.json as it was written before issue 27 item 4 (by hand into a StringBuilder), kept as the oracle that the
/// Utf8JsonWriter version must match byte for byte, timings and all.
/// </summary>
internal static class StringBuilderSummaryJson
{
    private const string TimingKey = SummaryJson.TimingKey;

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
        Field(b, 2, "continuity", Str(SummaryJson.ObjectiveName(o.ContinuityFirst ? ContinuityObjective.ContinuityFirst : o.Continuity)));
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
