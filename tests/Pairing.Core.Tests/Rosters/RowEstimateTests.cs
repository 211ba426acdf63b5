using Pairing.Core.Files.Rosters;

namespace Pairing.Core.Tests.Rosters;

/// <summary>
/// The room made ahead for student rows follows what a file can hold, not its line breaks: a 1 GB upload of empty lines
/// once asked for a list of a billion rows and took the web sample down with an OutOfMemoryException (a 500).
/// </summary>
public sealed class RowEstimateTests
{
    [Fact]
    public void The_room_made_ahead_is_capped_whatever_the_file()
    {
        Assert.True((long)RosterCsvReader.MaxRowsHint * RosterCsvReader.MinRowBytes < int.MaxValue);
        Assert.True(RosterCsvReader.MaxRowsHint > 3_200_000, "the national roster's 3.1 million students fit without growing");
    }
}
