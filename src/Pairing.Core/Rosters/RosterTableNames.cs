namespace Pairing.Core.Rosters;

/// <summary>
/// Which roster table a problem is in, from its file (<c>students.csv</c>, <c>students.xlsx</c>) or sheet (<c>学生</c>, <c>students</c>):
/// <c>counties</c>, <c>schools</c>, <c>classes</c> or <c>students</c>, or null for none.
/// </summary>
internal static class RosterTableNames
{
    public static string? Of(string? file, string? sheet)
    {
        static string? Table(string? name) => name switch
        {
            "counties" or "县" => "counties",
            "schools" or "学校" => "schools",
            "classes" or "班级" => "classes",
            "students" or "学生" => "students",
            _ => null,
        };

        return Table(sheet?.Trim()) ?? Table(file is null ? null : Path.GetFileNameWithoutExtension(file));
    }
}
