using System.Security.Cryptography;
using System.Text;
using Pairing.Core.Files;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Findings;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Testing;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Files.Results;

/// <summary>
/// Issue 27 item 4: the result writers format into pooled UTF-8 buffers now, in parallel, and summary.json goes
/// through Utf8JsonWriter. The bytes must not move: these hashes were computed with the writers as they were before
/// (StreamWriter per file, StringBuilder for the summary), on national-shaped results of both roster shapes, in every
/// language and both encodings of the file people open, with and without a previous result.
/// </summary>
public sealed class ResultBytesGoldenTests
{
    private static readonly Lazy<(Roster Roster, PairingResult Result, PairingResult Again)> Generated = new(() => Make(
        RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 20_000, Seed = 27 }),
        RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 20_000, Seed = 28 })));

    private static readonly Lazy<(Roster Roster, PairingResult Result, PairingResult Again)> OtherShape = new(() => Make(
        OtherShapeRoster.Generate(20_000, seed: 27), OtherShapeRoster.Generate(20_000, seed: 28)));

    private static (Roster, PairingResult, PairingResult) Make(Roster roster, Roster next)
    {
        var matcher = new PairingMatcher();
        var result = matcher.Match(roster);
        // The next year's roster against this one's result: continuity.csv with kept, dropped and new rows.
        var again = matcher.Match(next, previous: result);
        return (roster, result, again);
    }

    private static string Hash(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files)
    {
        var text = new StringBuilder();
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(' ').Append(Convert.ToHexString(SHA256.HashData(bytes.Span))[..16]).Append('\n');
        }

        return text.ToString();
    }

    private static string AllHashes(PairingResult result)
    {
        var text = new StringBuilder();
        foreach (var language in Enum.GetValues<FindingLanguage>())
        {
            foreach (var encoding in Enum.GetValues<TextFileEncoding>())
            {
                text.Append(language).Append(' ').Append(encoding).Append('\n')
                    .Append(Hash(PairingResultFiles.ToBytes(result, includeTimings: false, language, encoding)));
            }
        }

        return text.ToString();
    }

    public static TheoryData<string, string> Cases => new()
    {
        {
            "generated",
            "ChineseAndEnglish Utf8WithBom\n" +
            "class_pairs.csv 745A184AA694F668\n" +
            "county_pairs.csv 515B02B127A3CE86\n" +
            "school_pairs.csv 749070BC913BB63A\n" +
            "student_pairs.csv AAED35484A30055C\n" +
            "summary.json 36A4F20D116F27BE\n" +
            "unpaired.csv D357687C746635DF\n" +
            "ChineseAndEnglish Gb18030\n" +
            "class_pairs.csv 745A184AA694F668\n" +
            "county_pairs.csv 515B02B127A3CE86\n" +
            "school_pairs.csv 749070BC913BB63A\n" +
            "student_pairs.csv AAED35484A30055C\n" +
            "summary.json 36A4F20D116F27BE\n" +
            "unpaired.csv 0BDEB1220DD6FFED\n" +
            "Chinese Utf8WithBom\n" +
            "class_pairs.csv 745A184AA694F668\n" +
            "county_pairs.csv 515B02B127A3CE86\n" +
            "school_pairs.csv 749070BC913BB63A\n" +
            "student_pairs.csv AAED35484A30055C\n" +
            "summary.json 36A4F20D116F27BE\n" +
            "unpaired.csv 11D890A44DCE7EA6\n" +
            "Chinese Gb18030\n" +
            "class_pairs.csv 745A184AA694F668\n" +
            "county_pairs.csv 515B02B127A3CE86\n" +
            "school_pairs.csv 749070BC913BB63A\n" +
            "student_pairs.csv AAED35484A30055C\n" +
            "summary.json 36A4F20D116F27BE\n" +
            "unpaired.csv 12B5EA4D9D0C4E65\n" +
            "English Utf8WithBom\n" +
            "class_pairs.csv 745A184AA694F668\n" +
            "county_pairs.csv 515B02B127A3CE86\n" +
            "school_pairs.csv 749070BC913BB63A\n" +
            "student_pairs.csv AAED35484A30055C\n" +
            "summary.json 36A4F20D116F27BE\n" +
            "unpaired.csv 497E0E4C41451417\n" +
            "English Gb18030\n" +
            "class_pairs.csv 745A184AA694F668\n" +
            "county_pairs.csv 515B02B127A3CE86\n" +
            "school_pairs.csv 749070BC913BB63A\n" +
            "student_pairs.csv AAED35484A30055C\n" +
            "summary.json 36A4F20D116F27BE\n" +
            "unpaired.csv 84CCE9F7B89076CD\n" +
            "CurrentCulture Utf8WithBom\n" +
            "class_pairs.csv 745A184AA694F668\n" +
            "county_pairs.csv 515B02B127A3CE86\n" +
            "school_pairs.csv 749070BC913BB63A\n" +
            "student_pairs.csv AAED35484A30055C\n" +
            "summary.json 36A4F20D116F27BE\n" +
            "unpaired.csv 497E0E4C41451417\n" +
            "CurrentCulture Gb18030\n" +
            "class_pairs.csv 745A184AA694F668\n" +
            "county_pairs.csv 515B02B127A3CE86\n" +
            "school_pairs.csv 749070BC913BB63A\n" +
            "student_pairs.csv AAED35484A30055C\n" +
            "summary.json 36A4F20D116F27BE\n" +
            "unpaired.csv 84CCE9F7B89076CD\n"
        },
        {
            "generated-again",
            "ChineseAndEnglish Utf8WithBom\n" +
            "class_pairs.csv 082F70D4FAF12EC2\n" +
            "continuity.csv 11650BD14321A717\n" +
            "county_pairs.csv 88D23ECF91730709\n" +
            "school_pairs.csv C8B7C9871AB9BCD6\n" +
            "student_pairs.csv 2C8502E47652D908\n" +
            "summary.json B5BF2D733A637D87\n" +
            "unpaired.csv 081C687C7623A268\n" +
            "ChineseAndEnglish Gb18030\n" +
            "class_pairs.csv 082F70D4FAF12EC2\n" +
            "continuity.csv 11650BD14321A717\n" +
            "county_pairs.csv 88D23ECF91730709\n" +
            "school_pairs.csv C8B7C9871AB9BCD6\n" +
            "student_pairs.csv 2C8502E47652D908\n" +
            "summary.json B5BF2D733A637D87\n" +
            "unpaired.csv ACE2950D87F535AF\n" +
            "Chinese Utf8WithBom\n" +
            "class_pairs.csv 082F70D4FAF12EC2\n" +
            "continuity.csv 11650BD14321A717\n" +
            "county_pairs.csv 88D23ECF91730709\n" +
            "school_pairs.csv C8B7C9871AB9BCD6\n" +
            "student_pairs.csv 2C8502E47652D908\n" +
            "summary.json B5BF2D733A637D87\n" +
            "unpaired.csv 6905B46A1B969122\n" +
            "Chinese Gb18030\n" +
            "class_pairs.csv 082F70D4FAF12EC2\n" +
            "continuity.csv 11650BD14321A717\n" +
            "county_pairs.csv 88D23ECF91730709\n" +
            "school_pairs.csv C8B7C9871AB9BCD6\n" +
            "student_pairs.csv 2C8502E47652D908\n" +
            "summary.json B5BF2D733A637D87\n" +
            "unpaired.csv 365F6E794417BB6A\n" +
            "English Utf8WithBom\n" +
            "class_pairs.csv 082F70D4FAF12EC2\n" +
            "continuity.csv 11650BD14321A717\n" +
            "county_pairs.csv 88D23ECF91730709\n" +
            "school_pairs.csv C8B7C9871AB9BCD6\n" +
            "student_pairs.csv 2C8502E47652D908\n" +
            "summary.json B5BF2D733A637D87\n" +
            "unpaired.csv 5175BEBA2D75237D\n" +
            "English Gb18030\n" +
            "class_pairs.csv 082F70D4FAF12EC2\n" +
            "continuity.csv 11650BD14321A717\n" +
            "county_pairs.csv 88D23ECF91730709\n" +
            "school_pairs.csv C8B7C9871AB9BCD6\n" +
            "student_pairs.csv 2C8502E47652D908\n" +
            "summary.json B5BF2D733A637D87\n" +
            "unpaired.csv E1A16D4AC5D3721C\n" +
            "CurrentCulture Utf8WithBom\n" +
            "class_pairs.csv 082F70D4FAF12EC2\n" +
            "continuity.csv 11650BD14321A717\n" +
            "county_pairs.csv 88D23ECF91730709\n" +
            "school_pairs.csv C8B7C9871AB9BCD6\n" +
            "student_pairs.csv 2C8502E47652D908\n" +
            "summary.json B5BF2D733A637D87\n" +
            "unpaired.csv 5175BEBA2D75237D\n" +
            "CurrentCulture Gb18030\n" +
            "class_pairs.csv 082F70D4FAF12EC2\n" +
            "continuity.csv 11650BD14321A717\n" +
            "county_pairs.csv 88D23ECF91730709\n" +
            "school_pairs.csv C8B7C9871AB9BCD6\n" +
            "student_pairs.csv 2C8502E47652D908\n" +
            "summary.json B5BF2D733A637D87\n" +
            "unpaired.csv E1A16D4AC5D3721C\n"
        },
        {
            "other",
            "ChineseAndEnglish Utf8WithBom\n" +
            "class_pairs.csv AF8991B1CDDE9E5B\n" +
            "county_pairs.csv 9D8E1B154D087C68\n" +
            "school_pairs.csv 0ADEDE4727F6B135\n" +
            "student_pairs.csv 3ECD3091B17DE96A\n" +
            "summary.json F2BB08869229B15E\n" +
            "unpaired.csv 261E12EFB35A240A\n" +
            "ChineseAndEnglish Gb18030\n" +
            "class_pairs.csv AF8991B1CDDE9E5B\n" +
            "county_pairs.csv 9D8E1B154D087C68\n" +
            "school_pairs.csv 0ADEDE4727F6B135\n" +
            "student_pairs.csv 3ECD3091B17DE96A\n" +
            "summary.json F2BB08869229B15E\n" +
            "unpaired.csv A774605F282CC005\n" +
            "Chinese Utf8WithBom\n" +
            "class_pairs.csv AF8991B1CDDE9E5B\n" +
            "county_pairs.csv 9D8E1B154D087C68\n" +
            "school_pairs.csv 0ADEDE4727F6B135\n" +
            "student_pairs.csv 3ECD3091B17DE96A\n" +
            "summary.json F2BB08869229B15E\n" +
            "unpaired.csv B50E2C9E4DB8BCFE\n" +
            "Chinese Gb18030\n" +
            "class_pairs.csv AF8991B1CDDE9E5B\n" +
            "county_pairs.csv 9D8E1B154D087C68\n" +
            "school_pairs.csv 0ADEDE4727F6B135\n" +
            "student_pairs.csv 3ECD3091B17DE96A\n" +
            "summary.json F2BB08869229B15E\n" +
            "unpaired.csv C60BAA78D9C50D1B\n" +
            "English Utf8WithBom\n" +
            "class_pairs.csv AF8991B1CDDE9E5B\n" +
            "county_pairs.csv 9D8E1B154D087C68\n" +
            "school_pairs.csv 0ADEDE4727F6B135\n" +
            "student_pairs.csv 3ECD3091B17DE96A\n" +
            "summary.json F2BB08869229B15E\n" +
            "unpaired.csv 2189A43F56F127D2\n" +
            "English Gb18030\n" +
            "class_pairs.csv AF8991B1CDDE9E5B\n" +
            "county_pairs.csv 9D8E1B154D087C68\n" +
            "school_pairs.csv 0ADEDE4727F6B135\n" +
            "student_pairs.csv 3ECD3091B17DE96A\n" +
            "summary.json F2BB08869229B15E\n" +
            "unpaired.csv C1A366AAC9134DE4\n" +
            "CurrentCulture Utf8WithBom\n" +
            "class_pairs.csv AF8991B1CDDE9E5B\n" +
            "county_pairs.csv 9D8E1B154D087C68\n" +
            "school_pairs.csv 0ADEDE4727F6B135\n" +
            "student_pairs.csv 3ECD3091B17DE96A\n" +
            "summary.json F2BB08869229B15E\n" +
            "unpaired.csv 2189A43F56F127D2\n" +
            "CurrentCulture Gb18030\n" +
            "class_pairs.csv AF8991B1CDDE9E5B\n" +
            "county_pairs.csv 9D8E1B154D087C68\n" +
            "school_pairs.csv 0ADEDE4727F6B135\n" +
            "student_pairs.csv 3ECD3091B17DE96A\n" +
            "summary.json F2BB08869229B15E\n" +
            "unpaired.csv C1A366AAC9134DE4\n"
        },
        {
            "other-again",
            "ChineseAndEnglish Utf8WithBom\n" +
            "class_pairs.csv 23EFE3A822C25506\n" +
            "continuity.csv 95F516CB77FB8D24\n" +
            "county_pairs.csv 355E4C9DF258AA95\n" +
            "school_pairs.csv 97B4BEA7F1D5B145\n" +
            "student_pairs.csv A65E20D7806ADEB3\n" +
            "summary.json A3ECF9E71D7E8AAC\n" +
            "unpaired.csv 813D4E70C16F29C6\n" +
            "ChineseAndEnglish Gb18030\n" +
            "class_pairs.csv 23EFE3A822C25506\n" +
            "continuity.csv 95F516CB77FB8D24\n" +
            "county_pairs.csv 355E4C9DF258AA95\n" +
            "school_pairs.csv 97B4BEA7F1D5B145\n" +
            "student_pairs.csv A65E20D7806ADEB3\n" +
            "summary.json A3ECF9E71D7E8AAC\n" +
            "unpaired.csv 55FE15F893F1C30B\n" +
            "Chinese Utf8WithBom\n" +
            "class_pairs.csv 23EFE3A822C25506\n" +
            "continuity.csv 95F516CB77FB8D24\n" +
            "county_pairs.csv 355E4C9DF258AA95\n" +
            "school_pairs.csv 97B4BEA7F1D5B145\n" +
            "student_pairs.csv A65E20D7806ADEB3\n" +
            "summary.json A3ECF9E71D7E8AAC\n" +
            "unpaired.csv 0CE926CC516990C6\n" +
            "Chinese Gb18030\n" +
            "class_pairs.csv 23EFE3A822C25506\n" +
            "continuity.csv 95F516CB77FB8D24\n" +
            "county_pairs.csv 355E4C9DF258AA95\n" +
            "school_pairs.csv 97B4BEA7F1D5B145\n" +
            "student_pairs.csv A65E20D7806ADEB3\n" +
            "summary.json A3ECF9E71D7E8AAC\n" +
            "unpaired.csv 55AF160EDD2E6EAD\n" +
            "English Utf8WithBom\n" +
            "class_pairs.csv 23EFE3A822C25506\n" +
            "continuity.csv 95F516CB77FB8D24\n" +
            "county_pairs.csv 355E4C9DF258AA95\n" +
            "school_pairs.csv 97B4BEA7F1D5B145\n" +
            "student_pairs.csv A65E20D7806ADEB3\n" +
            "summary.json A3ECF9E71D7E8AAC\n" +
            "unpaired.csv 8E55CA57082D2D6D\n" +
            "English Gb18030\n" +
            "class_pairs.csv 23EFE3A822C25506\n" +
            "continuity.csv 95F516CB77FB8D24\n" +
            "county_pairs.csv 355E4C9DF258AA95\n" +
            "school_pairs.csv 97B4BEA7F1D5B145\n" +
            "student_pairs.csv A65E20D7806ADEB3\n" +
            "summary.json A3ECF9E71D7E8AAC\n" +
            "unpaired.csv 7CA95E290BE2627E\n" +
            "CurrentCulture Utf8WithBom\n" +
            "class_pairs.csv 23EFE3A822C25506\n" +
            "continuity.csv 95F516CB77FB8D24\n" +
            "county_pairs.csv 355E4C9DF258AA95\n" +
            "school_pairs.csv 97B4BEA7F1D5B145\n" +
            "student_pairs.csv A65E20D7806ADEB3\n" +
            "summary.json A3ECF9E71D7E8AAC\n" +
            "unpaired.csv 8E55CA57082D2D6D\n" +
            "CurrentCulture Gb18030\n" +
            "class_pairs.csv 23EFE3A822C25506\n" +
            "continuity.csv 95F516CB77FB8D24\n" +
            "county_pairs.csv 355E4C9DF258AA95\n" +
            "school_pairs.csv 97B4BEA7F1D5B145\n" +
            "student_pairs.csv A65E20D7806ADEB3\n" +
            "summary.json A3ECF9E71D7E8AAC\n" +
            "unpaired.csv 7CA95E290BE2627E\n"
        },
        {
            "generated-roster",
            "classes.csv 992F899A042EB53C\n" +
            "counties.csv 2D94276FECDDBCE5\n" +
            "schools.csv 9A46C37D0BF6671A\n" +
            "students.csv F006BB8B755C84EA\n"
        },
        {
            "other-roster",
            "classes.csv 1C869C5287AE6A2E\n" +
            "counties.csv A18314EA1E9E086B\n" +
            "schools.csv 1E0D274A42DD9E14\n" +
            "students.csv 3207B148EF42B416\n"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_national_shaped_result_writes_the_bytes_it_always_did(string which, string expected)
    {
        var (roster, result, again) = which.StartsWith("generated", StringComparison.Ordinal) ? Generated.Value : OtherShape.Value;
        var actual = which.EndsWith("-roster", StringComparison.Ordinal) ? Hash(RosterFiles.ToBytes(roster))
            : AllHashes(which.EndsWith("-again", StringComparison.Ordinal) ? again : result);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Write_WriteAsync_and_ToBytes_agree_on_a_national_shaped_result()
    {
        var result = OtherShape.Value.Again;
        foreach (var encoding in Enum.GetValues<TextFileEncoding>())
        {
            var bytes = PairingResultFiles.ToBytes(result, includeTimings: false, FindingLanguage.ChineseAndEnglish, encoding);
            using var sync = new TempDirectory();
            using var async = new TempDirectory();
            PairingResultFiles.Write(result, sync.Path, includeTimings: false, FindingLanguage.ChineseAndEnglish, encoding);
            await PairingResultFiles.WriteAsync(result, async.Path, includeTimings: false, FindingLanguage.ChineseAndEnglish, encoding);
            foreach (var dir in new[] { sync.Path, async.Path })
            {
                Assert.Equal(bytes.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
                foreach (var (name, content) in bytes)
                {
                    Assert.True(content.Span.SequenceEqual(File.ReadAllBytes(Path.Combine(dir, name))), $"{name} {encoding} {dir}");
                }
            }
        }
    }

    [Fact]
    public void Summary_json_through_Utf8JsonWriter_is_what_the_StringBuilder_wrote_timings_and_all()
    {
        var summaries = new List<PairingSummary>();
        foreach (var (_, result, again) in new[] { Generated.Value, OtherShape.Value })
        {
            summaries.AddRange([result.Summary, again.Summary, result.Summary.WithoutTimings(), again.Summary.WithoutTimings()]);
        }

        var plan = new PairingMatcher().Plan(Generated.Value.Roster);
        summaries.Add(plan.Summary);
        // Strings the default encoder escapes: non-ASCII and HTML-sensitive characters.
        summaries.Add(plan.Summary with { InputHash = "中文 <&> 'quote' \"q\" \\ é \u0001 +", LibraryVersion = "1.0+abc" });
        Assert.Contains(summaries, s => s.SecondsPerLevel.Count > 0);
        Assert.Contains(summaries, s => s.ContinuityCounts is not null);
        foreach (var summary in summaries)
        {
            var expected = Encoding.UTF8.GetBytes(StringBuilderSummaryJson.Write(summary));
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(SummaryJson.WriteUtf8(summary)));
            Assert.Equal(expected, SummaryJson.WriteUtf8(summary));
        }
    }
}
