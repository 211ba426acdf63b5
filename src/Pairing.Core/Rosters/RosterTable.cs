namespace Pairing.Core.Rosters;

/// <summary>The four tables of a roster, named as the files of a roster folder (see <see cref="Pairing.Core.Files.Rosters.RosterFiles"/>).</summary>
public enum RosterTable
{
    /// <summary><c>counties.csv</c>: the county league committees of both sides (县).</summary>
    Counties = 1,

    /// <summary><c>schools.csv</c> (学校).</summary>
    Schools,

    /// <summary><c>classes.csv</c> (班级).</summary>
    Classes,

    /// <summary><c>students.csv</c> (学生), absent from a counts-only roster.</summary>
    Students,
}
