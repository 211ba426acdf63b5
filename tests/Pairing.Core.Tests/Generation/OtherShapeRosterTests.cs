using Pairing.Core.Files.Rosters;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Testing;
using Pairing.Core.Tests.Rosters;

namespace Pairing.Core.Tests.Generation;

/// <summary>
/// The test-side roster of another shape (tests/Shared/OtherShapeRoster.cs), the second yardstick beside the
/// generator's rosters for issues 24, 25 and 27: it must be valid, repeatable, and really of another shape.
/// </summary>
public sealed class OtherShapeRosterTests
{
    [Fact]
    public void It_is_valid_exact_in_size_and_twice_as_large_inland()
    {
        var roster = OtherShapeRoster.Generate(47_000, seed: 3);
        var xinjiang = roster.CountsOf(Side.Xinjiang);
        var inland = roster.CountsOf(Side.Inland);

        Assert.Equal(47_000, xinjiang.Students);
        Assert.Equal(2 * 47_000, inland.Students);

        // Few, large inland schools: on average each holds well over a Xinjiang school's students.
        Assert.True(inland.Students / (double)inland.Schools > 1.5 * xinjiang.Students / xinjiang.Schools, $"{inland} {xinjiang}");
    }

    [Fact]
    public void Same_seed_same_files_other_seed_other_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var third = new TempDirectory();
        RosterFiles.Write(OtherShapeRoster.Generate(5_000, seed: 7), first.Path);
        RosterFiles.Write(OtherShapeRoster.Generate(5_000, seed: 7), second.Path);
        RosterFiles.Write(OtherShapeRoster.Generate(5_000, seed: 8), third.Path);

        foreach (var file in new[] { RosterFiles.CountiesFile, RosterFiles.SchoolsFile, RosterFiles.ClassesFile, RosterFiles.StudentsFile })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, file)), File.ReadAllBytes(Path.Combine(second.Path, file)));
        }

        Assert.NotEqual(
            File.ReadAllBytes(Path.Combine(first.Path, RosterFiles.StudentsFile)),
            File.ReadAllBytes(Path.Combine(third.Path, RosterFiles.StudentsFile)));
    }

    [Fact]
    public void Sharing_matters_on_it_where_the_generators_rosters_hide_it()
    {
        // Some provinces have a third as many inland counties as aided ones: with one Xinjiang county per inland
        // county a part of the Xinjiang side cannot be paired at all, which two per inland county would reach.
        var roster = OtherShapeRoster.Generate(20_000, seed: 5);
        var single = new PairingMatcher().Match(roster);
        var unpairedCounties = single.Unpaired.Count(u => u.Level == PairingLevel.County);

        Assert.True(unpairedCounties > 0, $"the Jiangxi-shaped provinces leave counties unpaired at K = 1 {unpairedCounties} {single.Summary.CoveredStudents}");
        Assert.True(single.Summary.CoveredStudents > 10_000);
    }
}
