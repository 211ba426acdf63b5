namespace Pairing.Core.Files.Rosters;

/// <summary>How far reading a roster has come: which file, its rows read so far, and the files done of the files there are.</summary>
/// <param name="File">The file being read (<c>students.csv</c>), or the last one when <paramref name="Done"/> is true.</param>
/// <param name="Rows">Its rows read so far (every 65,536 rows and once at its end).</param>
/// <param name="FilesRead">The files read to their end so far.</param>
/// <param name="Files">The files the roster has (3 for class sizes only, 4 with students).</param>
/// <param name="Done">Whether every file is read and only the checks across the files remain.</param>
public sealed record RosterReadProgress(string File, long Rows, int FilesRead, int Files, bool Done);
