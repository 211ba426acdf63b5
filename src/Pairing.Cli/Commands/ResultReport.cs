using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary>The figures of a pairing result as people read them: coverage, balance, preferences, time per stage.</summary>
internal static class ResultReport
{
    public static void Write(PairingResult result, IAnsiConsole console)
    {
        var s = result.Summary;
        var table = CliTables.Create(1, Strings.ColFigure, Strings.ColValue);
        table.AddRow(Strings.FigPhase, s.Phase == PairingPhase.Planning ? Strings.PhasePlanning : Strings.PhaseRoster);
        table.AddRow(Strings.FigCovered, Fmt.Of(Strings.FigCoveredValue, N(s.CoveredStudents), N(s.XinjiangStudents), Share(s.CoveredStudents, s.XinjiangStudents)));
        if (s.CoverageUpperBound is { } bound)
        {
            table.AddRow(Strings.FigBound, bound == s.CoveredStudents ? Strings.FigBoundProven : Fmt.Of(Strings.FigBoundGap, N(bound - s.CoveredStudents)));
        }
        if (s.CrossClassPairs is { } cross && s.Students is { } st)
        {
            table.AddRow(Strings.FigCrossClass, Fmt.Of(Strings.FigCrossClassValue, N(cross), Share(cross, st.Paired)));
        }

        if (s.ClassSizeDifference is { } diff)
        {
            table.AddRow(Strings.FigSizeDifference, N(diff));
        }

        if (s.SameGenderShare is { } same)
        {
            table.AddRow(Strings.FigSameGender, CheckCommand.Percent(same));
        }

        foreach (var (level, seconds) in s.SecondsPerLevel.OrderBy(kv => kv.Key))
        {
            table.AddRow(Fmt.Of(Strings.FigSeconds, MatchingProgress.LevelName(level)), seconds.ToString("F2", CultureInfo.InvariantCulture));
        }

        console.Write(table);

        // Each level in a table of its own, numbers in columns: at 80 columns a sentence per level would squeeze the labels.
        var levels = new List<(PairingLevel Level, LevelFigures Figures)> { (PairingLevel.County, s.Counties), (PairingLevel.School, s.Schools) };
        if (s.Classes is { } classes)
        {
            levels.Add((PairingLevel.Class, classes));
        }

        if (s.Students is { } students)
        {
            levels.Add((PairingLevel.Student, students));
        }

        var kept = levels.Any(l => l.Figures.Kept > 0);
        var byLevel = kept
            ? CliTables.Create(1, Strings.ColLevel, Strings.ColPaired, Strings.ColUnpaired, Strings.ColInlandSurplus, Strings.ColKept)
            : CliTables.Create(1, Strings.ColLevel, Strings.ColPaired, Strings.ColUnpaired, Strings.ColInlandSurplus);
        foreach (var (level, figures) in levels)
        {
            string[] row = [MatchingProgress.LevelName(level), N(figures.Paired), N(figures.Unpaired), N(figures.InlandSurplus)];
            byLevel.AddRow(kept ? [.. row, N(figures.Kept)] : row);
        }

        console.Write(byLevel);

        if (result.Unpaired.Count > 0)
        {
            var reasons = CliTables.Create(2, Strings.ColLevel, Strings.ColRule, Strings.ColUnpaired);
            foreach (var group in result.Unpaired.GroupBy(u => (u.Level, u.Rule)).OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Rule))
            {
                reasons.AddRow(MatchingProgress.LevelName(group.Key.Level), group.Key.Rule.ToString(), N(group.Count()));
            }

            console.Write(reasons);
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) =>
        whole == 0 ? "–" : CheckCommand.Percent((double)part / whole);
}
