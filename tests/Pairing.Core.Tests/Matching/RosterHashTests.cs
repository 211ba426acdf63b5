using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching.Internals;
using Pairing.Core.Rosters;
using Pairing.Core.Testing;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// The roster hash (summary.json's <c>input_hash</c>) is encoded straight into a buffer since stop 22; it must stay the
/// SHA-256 of the canonical text it always was, which this test builds the plain way, as a string.
/// </summary>
public sealed class RosterHashTests
{
    private static string Reference(Roster roster)
    {
        var text = new StringBuilder();
        foreach (var c in Enumerable.Range(0, roster.CountyArray.Length).OrderBy(c => roster.CountyArray[c].Id.Value, StringComparer.Ordinal))
        {
            var county = roster.CountyArray[c];
            text.Append("c\t").Append(county.Id.Value).Append('\t').Append(county.Side == Side.Xinjiang ? 'x' : 'i').Append('\t').Append(county.Unit).Append('\n');
            foreach (var s in roster.CountySchools.Of(c))
            {
                text.Append("s\t").Append(roster.SchoolArray[s].Id.Value).Append('\n');
                foreach (var k in roster.SchoolClasses.Of(s))
                {
                    var cls = roster.ClassArray[k];
                    text.Append("k\t").Append(cls.Id.Value).Append('\t').Append(cls.Grade.Number).Append('\t').Append(cls.Size).Append('\n');
                    foreach (var p in roster.ClassStudents.Of(k))
                    {
                        var st = roster.StudentArray[p];
                        text.Append("p\t").Append(st.Id.Value).Append('\t').Append((int)st.Gender).Append('\t')
                            .Append(st.BirthYear?.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(st.Language).Append('\t')
                            .AppendJoin(';', st.Interests).Append('\n');
                    }
                }
            }
        }

        return "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    [Theory]
    [InlineData(1_000, 1L, false)]
    [InlineData(3_000, 7L, false)]
    [InlineData(2_000, 9L, true)]
    public void The_hash_is_the_sha256_of_the_canonical_text(int students, long seed, bool countsOnly)
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = students, Seed = seed, CountsOnly = countsOnly });
        Assert.Equal(Reference(roster), RosterHash.Of(roster));
    }

    [Fact]
    public void Non_ascii_text_long_ids_and_missing_values_hash_as_the_text_does()
    {
        var roster = OtherShapeRoster.Generate(3_000, seed: 2);
        var builder = new RosterBuilder();
        foreach (var county in roster.Counties)
        {
            builder.AddCounty(county);
        }

        foreach (var school in roster.Schools)
        {
            builder.AddSchool(school);
        }

        foreach (var cls in roster.Classes)
        {
            builder.AddClass(cls.Id, cls.SchoolId, cls.Grade);
        }

        var i = 0;
        foreach (var student in roster.Students)
        {
            // Long ids (past the hash's buffer), Chinese interests, a lone surrogate and an emoji, no birth year or language on some.
            var id = i % 997 == 0 ? new StudentId(student.Id.Value + new string('长', 30_000)) : student.Id;
            builder.AddStudent(new Student(id, student.ClassId, student.Gender, i % 3 == 0 ? null : student.BirthYear,
                i % 5 == 0 ? null : "维吾尔语", i % 2 == 0 ? ["读书", "足球"] : i % 7 == 1 ? ["lone \uD800 surrogate", "emoji \U0001F600"] : []));
            i++;
        }

        var changed = builder.Build().GetValueOrThrow();
        Assert.Equal(Reference(changed), RosterHash.Of(changed));
    }
}
