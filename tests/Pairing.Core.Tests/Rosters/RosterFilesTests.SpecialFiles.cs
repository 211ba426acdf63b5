using Pairing.Core.Findings;
using Pairing.Core.Files;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Rosters;
using Pairing.Core.Tests.Files;

namespace Pairing.Core.Tests.Rosters;

/// <summary>Files that are not regular files, or too large, or unreadable: problems with codes and paths, never a hang.</summary>
public sealed partial class RosterFilesTests
{
    private static ReadResult<Roster> ReadWith(string file, Action<string> make)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("counties.csv"), Counties);
        File.WriteAllText(dir.File("schools.csv"), Schools);
        File.WriteAllText(dir.File("classes.csv"), Classes);
        File.WriteAllText(dir.File("students.csv"), Students);
        File.Delete(dir.File(file));
        make(dir.File(file));
        return SpecialFiles.WithinSeconds(10, () => RosterFiles.Read(dir.Path));
    }

    private static Finding SingleError(ReadResult<Roster> result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Findings, p => p.Severity == FindingSeverity.Error);
    }

    [UnixFact]
    public void Students_csv_linked_to_dev_zero_is_refused_fast()
    {
        var problem = SingleError(ReadWith("students.csv", SpecialFiles.LinkToDevZero));
        Assert.Equal(("ROS052", "UnreadableFile", "students.csv"), (problem.Code, ProblemKinds.Of(problem), problem.Location?.File));
        Assert.EndsWith("students.csv", (string)problem.Arguments.Single(a => a.Name == "path").Value, StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_fifo_as_a_roster_file_is_refused_without_waiting_for_a_writer()
    {
        var problem = SingleError(ReadWith("classes.csv", SpecialFiles.Fifo));
        Assert.Equal(("ROS052", "classes.csv"), (problem.Code, problem.Location?.File));
    }

    [Fact]
    public void A_folder_named_students_csv_is_a_problem_not_a_counts_only_roster()
    {
        var result = ReadWith("students.csv", path => Directory.CreateDirectory(path));
        var problem = SingleError(result);
        Assert.Equal(("ROS053", "students.csv"), (problem.Code, problem.Location?.File));
    }

    [UnreadableFileFact]
    public void An_unreadable_roster_file_is_a_problem_with_its_path()
    {
        var problem = SingleError(ReadWith("schools.csv", path => SpecialFiles.Unreadable(path, Schools)));
        Assert.Equal(("ROS054", "schools.csv"), (problem.Code, problem.Location?.File));
    }

    [UnixFact]
    public void A_roster_file_over_the_size_cap_is_refused_before_it_is_read()
    {
        var problem = SingleError(ReadWith("students.csv", path => SpecialFiles.Sparse(path, InputFileLimits.DefaultMaxFileBytes + 1)));
        Assert.Equal("ROS055", problem.Code);
        Assert.Equal(InputFileLimits.DefaultMaxFileBytes + 1, problem.Arguments.Single(a => a.Name == "size").Value);
        Assert.Equal(InputFileLimits.DefaultMaxFileBytes, problem.Arguments.Single(a => a.Name == "max").Value);
    }
}
