using Pairing.Core.Files.Rosters;

namespace Pairing.Core.Tests.Rosters;

/// <summary>
/// The room made ahead for student rows follows what a file can hold, not its line breaks: a 1 GB upload of empty lines
/// once asked for a list of a billion rows and took the web sample down with an OutOfMemoryException (a 500).
/// </summary>
public sealed class RowEstimateTests
{
    [Fact]
    public void Empty_lines_and_junk_make_room_for_no_more_rows_than_their_bytes_could_hold()
    {
        var blank = new byte[1 << 24];
        Array.Fill(blank, (byte)'\n');
        Assert.Equal(blank.Length / RosterCsvReader.MinRowBytes, RosterCsvReader.EstimateRows(blank));

        var rows = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("S0000001,C001,F,2001,维吾尔语,读书;音乐\n", 1_000)));
        Assert.Equal(1_000, RosterCsvReader.EstimateRows(rows));
    }

    [Fact]
    public void The_room_made_ahead_is_capped_whatever_the_file()
    {
        Assert.True((long)RosterCsvReader.MaxRowsHint * RosterCsvReader.MinRowBytes < int.MaxValue);
        Assert.True(RosterCsvReader.MaxRowsHint > 3_200_000, "the national roster's 3.1 million students fit without growing");
    }
}
