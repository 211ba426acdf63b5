using Pairing.Core.Files.Tables;
using Pairing.Core.Files.Results;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;
using Pairing.Core.Files;

namespace Pairing.Core.Tests.Integration;

/// <summary>A roster or a result that arrives as an upload or a database export needs no folder: in memory, as streams, or read asynchronously, the same checks give the same values.</summary>
public sealed class InMemoryAndAsyncReadsTests : IDisposable
{
    private readonly Rosters.TempDirectory _temp = new();

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_roster_reads_the_same_from_a_folder_from_bytes_from_streams_and_asynchronously()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000, Seed = 8 });
        RosterFiles.Write(roster, Dir);
        // A broken row, so that the problems are compared too.
        File.AppendAllText(Path.Combine(Dir, RosterFiles.ClassesFile), "K-bad,no-such-school,13,40\n");
        var bytes = Directory.GetFiles(Dir).ToDictionary(f => Path.GetFileName(f).ToUpperInvariant(), f => (ReadOnlyMemory<byte>)File.ReadAllBytes(f));
        bytes["notes.txt"] = "not a roster file"u8.ToArray();

        var folder = RosterFiles.Read(Dir);
        var memory = RosterFiles.Parse(bytes);
        var asynchronous = await RosterFiles.ReadAsync(Dir);
        var streams = bytes.ToDictionary(kv => kv.Key, kv => (Stream)new MemoryStream(kv.Value.ToArray()));
        var fromStreams = await RosterFiles.ParseAsync(streams);

        Assert.False(folder.IsValid);
        Assert.Equal(Codes(folder), Codes(asynchronous));
        Assert.Equal(Codes(folder).Append("ROS060").Order(StringComparer.Ordinal), Codes(memory).Order(StringComparer.Ordinal));
        Assert.Equal(Codes(memory), Codes(fromStreams));
        Assert.Contains(memory.Findings, p => p.Code == "ROS060" && p.Location!.Value.File == "notes.txt");

        // Valid input gives the same roster every way.
        File.WriteAllBytes(Path.Combine(Dir, RosterFiles.ClassesFile), File.ReadAllLines(Path.Combine(Dir, RosterFiles.ClassesFile)).SkipLast(1).Select(l => l + "\n").SelectMany(System.Text.Encoding.UTF8.GetBytes).ToArray());
        var valid = RosterFiles.Read(Dir);
        var validMemory = RosterFiles.Parse(Directory.GetFiles(Dir).ToDictionary(f => Path.GetFileName(f), f => (ReadOnlyMemory<byte>)File.ReadAllBytes(f)));
        Assert.True(valid.IsValid);
        Assert.True(validMemory.IsValid);
        Assert.Equal(
            PairingResultChecker.CheckBelongsTo(valid.Value, new PairingMatcher().Match(validMemory.Value)).Violations,
            []);
    }

    [Fact]
    public void A_result_as_bytes_is_what_the_folder_holds_and_reads_back_the_same()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000, Seed = 8 });
        var result = new PairingMatcher().Match(roster);
        PairingResultFiles.Write(result, Dir, includeTimings: false);

        var bytes = PairingResultFiles.ToBytes(result, includeTimings: false);

        Assert.Equal(Directory.GetFiles(Dir).Select(Path.GetFileName).Order(StringComparer.Ordinal), bytes.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, content) in bytes)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Dir, name)), content.ToArray());
        }
        var problemsRead = PairingResultFiles.Parse(bytes);
        var problems = problemsRead.Findings;
        Assert.True(problemsRead.IsValid, string.Join("\n", problems));
        var back = problemsRead.Value;
        Assert.Equal(result.StudentPairs, back.StudentPairs);
        Assert.Equal(result.Unpaired, back.Unpaired);
        Assert.True(PairingResultChecker.Check(roster, back).IsValid);
        var missingRead = PairingResultFiles.Parse(new Dictionary<string, ReadOnlyMemory<byte>>());
        var missing = missingRead.Findings;
        Assert.False(missingRead.IsValid);
        Assert.Contains(missing, p => p.Code == "RES001" && (string)p["file"] == PairingResultFiles.SummaryFile);
    }

    [Fact]
    public async Task Results_activity_records_and_compliance_reports_read_and_write_asynchronously_to_the_same_bytes()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000, Seed = 8 });
        var result = new PairingMatcher().Match(roster);
        var records = ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { SchoolYear = 2014 });
        var report = Pairing.Core.Activities.ActivityValidator.Validate(roster, result, records, new DateOnly(2015, 6, 30));
        string In(string name) => Path.Combine(Dir, name);

        PairingResultFiles.Write(result, In("sync-result"), includeTimings: false);
        await PairingResultFiles.WriteAsync(result, In("async-result"), includeTimings: false);
        Pairing.Core.Files.Activities.ActivityFiles.Write(records, In("sync.csv"));
        await Pairing.Core.Files.Activities.ActivityFiles.WriteAsync(records, In("async.csv"));
        Pairing.Core.Files.Compliance.ComplianceReportFiles.Write(report, In("sync-compliance"));
        await Pairing.Core.Files.Compliance.ComplianceReportFiles.WriteAsync(report, In("async-compliance"));

        foreach (var (a, b) in new[] { ("sync-result", "async-result"), ("sync-compliance", "async-compliance") })
        {
            Assert.Equal(Directory.GetFiles(In(a)).Select(Path.GetFileName).Order(StringComparer.Ordinal), Directory.GetFiles(In(b)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.All(Directory.GetFiles(In(a)), f => Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(In(b), Path.GetFileName(f)))));
        }

        Assert.Equal(File.ReadAllBytes(In("sync.csv")), File.ReadAllBytes(In("async.csv")));

        var read = await PairingResultFiles.ReadAsync(In("async-result"));
        Assert.True(read.IsValid, string.Join("\n", read.Findings));
        Assert.True(PairingResultChecker.Check(roster, read.Value!).IsValid);
        var missing = await PairingResultFiles.ReadAsync(In("nowhere"));
        Assert.Equal("RES006", Assert.Single(missing.Findings).Code);

        var activities = await Pairing.Core.Files.Activities.ActivityFiles.ReadAsync(In("async.csv"));
        await using var stream = File.OpenRead(In("async.csv"));
        var fromStream = await Pairing.Core.Files.Activities.ActivityFiles.ParseAsync(stream);
        Assert.True(activities.IsValid);
        Assert.Equal(records, activities.Value!.Records);
        Assert.Equal(records, fromStream.Value!.Records);

        // A cancelled write leaves the folder as it was.
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PairingResultFiles.WriteAsync(result, In("cancelled"), cancellationToken: cancelled.Token));
        Assert.False(Directory.Exists(In("cancelled")));
        Assert.Empty(Directory.GetFileSystemEntries(Dir, ".cancelled*"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_roster_as_bytes_is_what_the_folder_holds_and_parses_back_the_same(bool countsOnly)
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000, Seed = 3, CountsOnly = countsOnly });
        RosterFiles.Write(roster, Dir);

        var bytes = RosterFiles.ToBytes(roster);

        Assert.Equal(Directory.GetFiles(Dir).Select(Path.GetFileName).Order(StringComparer.Ordinal), bytes.Keys.Order(StringComparer.Ordinal));
        Assert.All(bytes, kv => Assert.Equal(File.ReadAllBytes(Path.Combine(Dir, kv.Key)), kv.Value.ToArray()));
        var back = RosterFiles.Parse(bytes); // what ToBytes returns, Parse takes
        Assert.True(back.IsValid);
        Assert.Equal(roster.HasStudents, back.Value.HasStudents);
        Assert.Equal(RosterFiles.ToBytes(back.Value).ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), bytes.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }

    [Fact]
    public async Task A_long_read_reports_its_progress_file_by_file_and_every_65536_rows()
    {
        RosterFiles.Write(RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 70_000, Seed = 2 }), Dir);
        var reports = new List<RosterReadProgress>();
        var progress = new Recorder(reports);

        var read = await RosterFiles.ReadAsync(Dir, progress: progress);

        Assert.True(read.IsValid);
        var students = reports.Where(r => r.File == RosterFiles.StudentsFile && !r.Done).Select(r => r.Rows).ToList();
        Assert.True(students.Count >= 3, string.Join(", ", students)); // 65,536, 131,072 and the end of ~147,000 rows
        Assert.Equal(students.Order(), students);
        Assert.Equal(read.Value.Students.Count, students[^1]);
        Assert.Contains(reports, r => r.File == RosterFiles.CountiesFile && r.FilesRead == 0);
        var last = reports[^1];
        Assert.Equal((true, 4, 4), (last.Done, last.FilesRead, last.Files));
    }

    private sealed class Recorder(List<RosterReadProgress> reports) : IProgress<RosterReadProgress>
    {
        public void Report(RosterReadProgress value) => reports.Add(value);
    }

    [Fact]
    public void A_result_as_tables_of_cells_reads_back_the_same_and_locates_a_bad_cell_at_its_sheet_row()
    {
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 1_000, Seed = 4 });
        var result = new PairingMatcher().Match(roster);
        var tables = PairingResultFiles.ToTables(result, out var summaryJson, includeTimings: false);

        var back = PairingResultFiles.ParseTables(tables, summaryJson);
        Assert.True(back.IsValid, string.Join("; ", back.Findings));
        Assert.Equal(PairingResultFiles.ToBytes(result, includeTimings: false).ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            PairingResultFiles.ToBytes(back.Value, includeTimings: false).ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));

        // One cell of the student pairs changed to a value the format refuses: located at that table's row.
        var students = tables[PairingResultFiles.StudentPairsFile];
        var rows = students.Rows.ToList();
        rows[3] = new CellRow(rows[3].Number, [.. rows[3].Cells.Take(2), "maybe"]);
        var broken = new Dictionary<string, CellTable>(tables) { [PairingResultFiles.StudentPairsFile] = new CellTable("result.xlsx", "学生对子", rows) };
        var bad = PairingResultFiles.ParseTables(broken, summaryJson);
        var problem = Assert.Single(bad.Findings);
        Assert.Equal(("RES025", "result.xlsx", "学生对子", 4), (problem.Code, problem.Location?.File, problem.Location?.Sheet, problem.Location?.Line));
        Assert.Throws<InputRejectedException>(() => bad.GetValueOrThrow());
    }

    private static List<string> Codes(ReadResult<Roster> result) => [.. result.Findings.Select(p => p.Code)];
}
