using System.Globalization;
using Pairing.Core.Matching;
using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary>The figures of a pairing result as people read them: coverage, balance, preferences, time per stage.</summary>
internal static class ResultReport
{
    public static void Write(PairingResult result, IAnsiConsole console)
    {
        var s = result.Summary;
        var table = new Table().AddColumns("figure", "value");
        table.Columns[1].RightAligned();
        table.AddRow("phase", s.Phase == PairingPhase.Planning ? "planning (counts)" : "roster (students)");
        table.AddRow("Xinjiang students covered", $"{N(s.CoveredStudents)} of {N(s.XinjiangStudents)} ({Share(s.CoveredStudents, s.XinjiangStudents)})");
        AddLevel(table, "counties", s.Counties);
        AddLevel(table, "schools", s.Schools);
        if (s.Classes is { } classes)
        {
            AddLevel(table, "classes", classes);
        }

        if (s.Students is { } students)
        {
            AddLevel(table, "students", students);
        }

        if (s.CrossClassPairs is { } cross && s.Students is { } st)
        {
            table.AddRow("cross-class pairs", $"{N(cross)} ({Share(cross, st.Paired)} of student pairs)");
        }

        if (s.ClassSizeDifference is { } diff)
        {
            table.AddRow("total size difference of class pairs", N(diff));
        }

        if (s.SameGenderShare is { } same)
        {
            table.AddRow("same-gender pairs", same.ToString("P1", CultureInfo.InvariantCulture));
        }

        foreach (var (level, seconds) in s.SecondsPerLevel.OrderBy(kv => kv.Key))
        {
            table.AddRow($"seconds, {MatchingProgress.LevelName(level)}", seconds.ToString("F2", CultureInfo.InvariantCulture));
        }

        console.Write(table);

        if (result.Unpaired.Count > 0)
        {
            var reasons = new Table().AddColumns("level", "rule", "unpaired");
            reasons.Columns[2].RightAligned();
            foreach (var group in result.Unpaired.GroupBy(u => (u.Level, u.Rule)).OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Rule))
            {
                reasons.AddRow(PairingResult.LevelName(group.Key.Level), group.Key.Rule.ToString(), N(group.Count()));
            }

            console.Write(reasons);
        }
    }

    private static void AddLevel(Table table, string name, LevelFigures figures) =>
        table.AddRow(name, string.Create(CultureInfo.InvariantCulture,
            $"{N(figures.Paired)} paired, {N(figures.Unpaired)} unpaired, {N(figures.InlandSurplus)} inland surplus{(figures.Kept > 0 ? $", {N(figures.Kept)} kept from before" : string.Empty)}"));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) =>
        whole == 0 ? "–" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);
}
