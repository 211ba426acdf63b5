using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Rosters;

/// <summary>Invariants of reading and writing roster files, over generated rosters valid and broken.</summary>
public sealed class RosterFilesPropertyTests
{
    /// <summary>A roster to generate: a seed, how many Xinjiang counties, full or counts only, tricky names or not.</summary>
    public sealed record RosterCase(int Seed, int Counties, bool WithStudents, bool TrickyNames)
    {
        public Roster Build() => RosterSamples.Build(Seed, Counties, WithStudents, TrickyNames);
    }

    /// <summary>One fault to inject into a valid roster's files.</summary>
    public enum Fault
    {
        DropRequiredColumn,
        DuplicateId,
        BreakReference,
        BadGrade,
        SizeMismatch,
    }

    /// <summary>A random corruption of one file's bytes.</summary>
    public enum Corruption
    {
        Cut,
        DuplicateRange,
        GarbleBytes,
    }

    public static class Generators
    {
        public static Arbitrary<RosterCase> RosterCases() =>
            (from seed in Gen.Choose(0, int.MaxValue - 1)
             from counties in Gen.Choose(1, 5)
             from withStudents in Gen.Elements(true, false)
             from tricky in Gen.Elements(true, false)
             select new RosterCase(seed, counties, withStudents, tricky)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40)]
    public void A_roster_round_trips_through_its_files_unchanged(RosterCase sample)
    {
        var roster = sample.Build();
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        RosterFiles.Write(roster, first.Path);
        var result = RosterFiles.Read(first.Path);
        Assert.True(result.IsValid, string.Join("\n", result.Findings));
        Assert.Empty(result.Findings);
        var back = result.Value;
        RosterFiles.Write(back, second.Path);

        Assert.Equal(roster.HasStudents, back.HasStudents);
        Assert.Equal(Describe(roster), Describe(back));
        foreach (var name in Directory.GetFiles(first.Path).Select(Path.GetFileName))
        {
            Assert.Equal(File.ReadAllBytes(first.File(name!)), File.ReadAllBytes(second.File(name!)));
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public void Each_single_fault_is_rejected_and_named_at_its_line(RosterCase sample, Fault fault, PositiveInt pick)
    {
        // Tricky names carry commas and line breaks; faults are injected by line, so keep names plain here.
        var roster = (sample with { TrickyNames = false, WithStudents = sample.WithStudents || fault == Fault.SizeMismatch }).Build();
        using var dir = new TempDirectory();
        RosterFiles.Write(roster, dir.Path);
        var (file, line, kind, columnName) = Inject(dir, roster, fault, pick.Get);

        var result = RosterFiles.Read(dir.Path);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, p => p.Location?.File == file && ProblemKinds.Of(p) == kind && p.Location?.Line == line && p.Location?.ColumnName == columnName);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public void Random_corruption_never_crashes_or_hangs_the_reader(RosterCase sample, Corruption corruption, PositiveInt pick, PositiveInt length)
    {
        var roster = sample.Build();
        using var dir = new TempDirectory();
        RosterFiles.Write(roster, dir.Path);
        var files = Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal).ToArray();
        var path = files[pick.Get % files.Length];
        var bytes = File.ReadAllBytes(path);
        var random = new Random(pick.Get ^ length.Get);
        var at = random.Next(bytes.Length);
        var span = Math.Min(1 + (length.Get % 64), bytes.Length - at);
        byte[] corrupted = corruption switch
        {
            Corruption.Cut => bytes[..at],
            Corruption.DuplicateRange => [.. bytes[..(at + span)], .. bytes[at..]],
            _ => Garble(bytes, random, 1 + (length.Get % 8)),
        };
        File.WriteAllBytes(path, corrupted);

        var read = Task.Run(() => RosterFiles.Read(dir.Path));
        Assert.True(read.Wait(TimeSpan.FromSeconds(30)), "the reader did not finish");
        var result = read.Result;
        Assert.True(result.IsValid || result.Errors.Any(), "a rejected roster lists at least one error");
        Assert.All(result.Errors, p => Assert.False(string.IsNullOrWhiteSpace(p.ToString())));
        Assert.All(result.Errors, p => Assert.NotNull(p.Location?.File));
    }

    private static byte[] Garble(byte[] bytes, Random random, int count)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < count && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static (string File, int Line, string Kind, string? Column) Inject(TempDirectory dir, Roster roster, Fault fault, int pick)
    {
        string[] Lines(string name) => File.ReadAllText(dir.File(name)).TrimEnd('\n').Split('\n');
        void Save(string name, IEnumerable<string> lines) => File.WriteAllText(dir.File(name), string.Join('\n', lines) + "\n", new UTF8Encoding(false));

        switch (fault)
        {
            case Fault.DropRequiredColumn:
            {
                var (file, column) = new[] { ("counties.csv", 1), ("counties.csv", 2), ("counties.csv", 4), ("schools.csv", 1), ("schools.csv", 2), ("schools.csv", 3), ("classes.csv", 1), ("classes.csv", 3) }[pick % 8];
                var lines = Lines(file);
                var name = lines[0].Split(',')[column - 1];
                Save(file, lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != column - 1))));
                return (file, 1, "MissingColumn", name);
            }

            case Fault.DuplicateId:
            {
                var file = new[] { "counties.csv", "schools.csv", "classes.csv" }[pick % 3];
                var lines = Lines(file);
                var copy = lines[1 + (pick % (lines.Length - 1))];
                Save(file, [.. lines, copy]);
                var idColumn = lines[0].Split(',')[0];
                return (file, lines.Length + 1, "DuplicateId", idColumn);
            }

            case Fault.BreakReference:
            {
                var (file, column) = new[] { ("schools.csv", 1), ("classes.csv", 1) }[pick % 2];
                var lines = Lines(file);
                var line = 1 + (pick % (lines.Length - 1));
                var fields = lines[line].Split(',');
                fields[column] = "NO-SUCH-PARENT";
                lines[line] = string.Join(',', fields);
                Save(file, lines);
                return (file, line + 1, "DanglingReference", lines[0].Split(',')[column]);
            }

            case Fault.BadGrade:
            {
                var lines = Lines("classes.csv");
                var line = 1 + (pick % (lines.Length - 1));
                var fields = lines[line].Split(',');
                fields[2] = new[] { "6", "13", "x", "8.5", "" }[pick % 5];
                lines[line] = string.Join(',', fields);
                Save("classes.csv", lines);
                return ("classes.csv", line + 1, "BadGrade", "grade");
            }

            default:
            {
                var lines = Lines("classes.csv");
                var line = 1 + (pick % (lines.Length - 1));
                var fields = lines[line].Split(',');
                fields[3] = (int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture) + 1 + (pick % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                lines[line] = string.Join(',', fields);
                Save("classes.csv", lines);
                _ = roster;
                return ("classes.csv", line + 1, "SizeMismatch", "size");
            }
        }
    }

    private static string Describe(Roster roster)
    {
        var text = new StringBuilder();
        foreach (var c in roster.Counties)
        {
            text.Append(c.Id).Append('|').Append(c.Side).Append('|').Append(c.Name).Append('|').Append(c.Unit).Append('\n');
        }

        foreach (var s in roster.Schools)
        {
            text.Append(s.Id).Append('|').Append(s.CountyId).Append('|').Append(s.Name).Append('\n');
        }

        foreach (var c in roster.Classes)
        {
            text.Append(c.Id).Append('|').Append(c.SchoolId).Append('|').Append(c.Grade).Append('|').Append(c.Size).Append('\n');
        }

        foreach (var s in roster.Students)
        {
            text.Append(s.Id).Append('|').Append(s.ClassId).Append('|').Append(s.Gender).Append('|').Append(s.BirthYear)
                .Append('|').Append(s.Language).Append('|').Append(string.Join(';', s.Interests)).Append('\n');
        }

        return text.ToString();
    }
}
