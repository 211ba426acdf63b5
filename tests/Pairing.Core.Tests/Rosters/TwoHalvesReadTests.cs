using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pairing.Core.Files;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Rosters;

/// <summary>
/// students.csv read in two halves at once (issue 27 item 3) gives exactly what one reader gives: the same roster, the
/// same problems at the same lines and columns, in the same order and under the same caps, over generated rosters
/// with faults spread over both halves.
/// </summary>
public sealed class TwoHalvesReadTests
{
    /// <summary>The faults a line may get; several kinds per file, at a rate that passes the cap of 100 a code sometimes.</summary>
    public enum Fault
    {
        BadGender,
        BadBirthYear,
        IdCardId,
        PhoneNote,
        EmailNote,
        BlankLine,
        CommasOnly,
        DuplicateRow,
        UnlistedClass,
        FieldCount,
        SpacedId,
        QuotedNote,
        LongLine,
        ChineseGender,
    }

    /// <summary>How the file is saved: UTF-8, UTF-8 with a byte order mark, or GB18030 as Chinese Excel saves it.</summary>
    public enum Saved
    {
        Utf8,
        Utf8Bom,
        Gb18030,
    }

    public sealed record Case(int Seed, int Counties, Fault[] Faults, int PerMille, string LineEnd, Saved Saved);

    public static class Generators
    {
        public static Arbitrary<Case> Cases() =>
            (from seed in Gen.Choose(0, int.MaxValue - 1)
             from counties in Gen.Choose(1, 4)
             from faults in Gen.Elements(Enum.GetValues<Fault>()).ArrayOf()
             from perMille in Gen.Elements(0, 5, 30, 200, 600)
             from lineEnd in Gen.Elements("\n", "\r\n", "\r")
             from saved in Gen.Elements(Enum.GetValues<Saved>())
             select new Case(seed, counties, faults, perMille, lineEnd, saved)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void Two_halves_read_what_one_reader_reads(Case sample)
    {
        var roster = RosterSamples.Build(sample.Seed, sample.Counties);
        using var dir = new TempDirectory();
        RosterFiles.Write(roster, dir.Path);
        Encoding encoding = sample.Saved switch
        {
            Saved.Utf8 => new UTF8Encoding(false),
            Saved.Utf8Bom => new UTF8Encoding(true),
            _ => CodePagesEncodingProvider.Instance.GetEncoding(54936)!,
        };
        File.WriteAllText(dir.File("students.csv"), Corrupt(File.ReadAllText(dir.File("students.csv")), sample), encoding);

        // A line of more than 256 characters stops the reading (LineTooLong): in the first half, the second is dropped.
        using var limits = InputFileLimits.Use(new InputFileLimits { MaxLineChars = 256 });
        var one = RosterFiles.Read(dir.Path);
        ReadResult<Roster> two;
        using (CsvTableReader.ReadInTwoFrom(0))
        {
            two = RosterFiles.Read(dir.Path);
        }

        Assert.Equal(Describe(one), Describe(two));
    }

    [Fact]
    public void A_file_in_memory_is_read_in_two_halves_with_its_lines_counted_across_every_line_end()
    {
        // Line ends of all three kinds before the middle, so that the second half's first line is counted from them.
        var text = new StringBuilder("student_id,class_id,gender\r\n");
        for (var i = 0; i < 400; i++)
        {
            text.Append("S").Append(i).Append(",C1,").Append(i == 350 ? "X" : "F").Append((i % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" });
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var builder = new RosterBuilder();
        using (CsvTableReader.ReadInTwoFrom(0))
        {
            RosterCsvReader.ReadStudents(builder, bytes);
        }

        var result = builder.Build();
        var bad = Assert.Single(result.Findings, f => f.Code == RosterFindings.BadGender.Code);
        Assert.Equal(352, bad.Location?.Line);
    }

    [Fact]
    public void A_read_in_two_halves_cancelled_midway_stops_with_the_cancellation()
    {
        // 200,000 rows: the first half reports its 65,536th row, which cancels; both halves poll the token.
        var roster = RosterSamples.Build(7, 2);
        using var dir = new TempDirectory();
        RosterFiles.Write(roster, dir.Path);
        var lines = File.ReadAllLines(dir.File("students.csv"));
        File.WriteAllLines(dir.File("students.csv"), [lines[0], .. Enumerable.Range(0, 200_000).Select(i => lines[1 + (i % (lines.Length - 1))])]);
        using var cancelled = new CancellationTokenSource();
        var progress = new Inline(p =>
        {
            if (p.File == "students.csv" && p.Rows > 0 && !p.Done)
            {
                cancelled.Cancel();
            }
        });

        using (CsvTableReader.ReadInTwoFrom(0))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => RosterFiles.Read(dir.Path, null, cancelled.Token, progress));
        }

        Assert.True(cancelled.IsCancellationRequested, "the read was cancelled midway, not before it began");
    }

    private sealed class Inline(Action<RosterReadProgress> report) : IProgress<RosterReadProgress>
    {
        public void Report(RosterReadProgress value) => report(value);
    }

    private static string Corrupt(string students, Case sample)
    {
        var random = new Random(sample.Seed);
        var lines = students.TrimEnd('\n').Split('\n');
        var withNote = sample.Faults.Any(f => f is Fault.PhoneNote or Fault.EmailNote or Fault.QuotedNote);
        var output = new List<string> { withNote ? lines[0] + ",note" : lines[0] };
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',').ToList();
            var note = string.Empty;
            var extra = new List<string>();
            if (sample.Faults.Length > 0 && random.Next(1000) < sample.PerMille)
            {
                switch (sample.Faults[random.Next(sample.Faults.Length)])
                {
                    case Fault.BadGender: fields[2] = "x"; break;
                    case Fault.BadBirthYear: fields[3] = "1800"; break;
                    case Fault.IdCardId: fields[0] = "11010519491231002X"; break;
                    case Fault.PhoneNote: note = "13800138000"; break;
                    case Fault.EmailNote: note = "kid@example.com"; break;
                    case Fault.BlankLine: extra.Add(string.Empty); break;
                    case Fault.CommasOnly: extra.Add(new string(',', fields.Count - 1 + (withNote ? 1 : 0))); break;
                    case Fault.DuplicateRow: extra.Add(lines[1 + random.Next(lines.Length - 1)] + (withNote ? "," : string.Empty)); break;
                    case Fault.UnlistedClass: fields[1] = "NO-SUCH-CLASS"; break;
                    case Fault.FieldCount: fields.Add("surplus"); break;
                    case Fault.SpacedId: fields[0] = " " + fields[0]; break;
                    case Fault.LongLine: fields[^1] = new string('a', 300); break;
                    case Fault.ChineseGender: fields[2] = random.Next(3) == 0 ? "女生" : "女"; break;
                    default: note = "\"a, \"\"quoted\"\" note\""; break;
                }
            }

            output.Add(string.Join(',', fields) + (withNote ? "," + note : string.Empty));
            output.AddRange(extra);
        }

        return string.Join(sample.LineEnd, output) + sample.LineEnd;
    }

    private static string Describe(ReadResult<Roster> result)
    {
        var text = new StringBuilder();
        foreach (var f in result.Findings)
        {
            text.Append(f.Code).Append('|').Append(f.Location?.File).Append('|').Append(f.Location?.Line).Append('|')
                .Append(f.Location?.Column).Append('|').Append(f).Append('\n');
        }

        if (result.Value is { } roster)
        {
            foreach (var s in roster.Students)
            {
                text.Append(s.Id).Append('|').Append(s.ClassId).Append('|').Append(s.Gender).Append('|').Append(s.BirthYear)
                    .Append('|').Append(s.Language).Append('|').Append(string.Join(';', s.Interests)).Append('\n');
            }
        }

        return text.ToString();
    }
}
