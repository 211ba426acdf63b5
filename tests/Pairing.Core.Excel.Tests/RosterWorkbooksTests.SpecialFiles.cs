using System.Diagnostics;
using Pairing.Core.Files;
using Pairing.Core.Generation;
using Pairing.Core.Rosters;

namespace Pairing.Core.Excel.Tests;

/// <summary>Workbook paths that are not regular files: problems with codes, never a hang or an exception.</summary>
public sealed class RosterWorkbooksSpecialFileTests
{
    private static ReadResult<Roster> ReadFast(string path)
    {
        var task = Task.Run(() => RosterWorkbooks.Read(path));
        Assert.True(task.Wait(TimeSpan.FromSeconds(10)), "reading did not end within 10 s");
        return task.Result;
    }

    [Fact]
    public void A_workbook_linked_to_dev_zero_or_a_fifo_is_refused_fast()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs and /dev/zero: Linux CI runs this
        }

        using var folder = new TestFolder();
        File.CreateSymbolicLink(folder.File("zero.xlsx"), "/dev/zero");
        using (var mkfifo = Process.Start("mkfifo", folder.File("pipe.xlsx")))
        {
            mkfifo.WaitForExit();
        }

        Assert.Equal("ROS052", ReadFast(folder.File("zero.xlsx")).Findings[0].Code);
        Assert.Equal("ROS052", ReadFast(folder.File("pipe.xlsx")).Findings[0].Code);
    }

    [Fact]
    public void A_folder_in_the_place_of_students_xlsx_is_a_problem_not_a_counts_only_roster()
    {
        using var folder = new TestFolder();
        var roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 504, Seed = 3 });
        var whole = folder.File("roster.xlsx");
        RosterWorkbooks.Write(roster, whole);
        var dir = Directory.CreateDirectory(folder.File("separate")).FullName;
        foreach (var name in new[] { "counties", "schools", "classes" })
        {
            File.Copy(whole, Path.Combine(dir, name + ".xlsx"));
        }

        Directory.CreateDirectory(Path.Combine(dir, "students.xlsx"));
        var result = ReadFast(dir);

        Assert.False(result.IsValid);
        Assert.Contains(result.Findings, p => p.Code == "ROS053" && p.Location?.File == "students.xlsx");
    }
}
