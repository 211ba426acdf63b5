using Pairing.Core.Excel;
using Pairing.Core.Findings;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Cli.Commands;

/// <summary>Reading a command's inputs: a roster or a pairing result, with every problem printed when it is rejected.</summary>
internal static class RosterInput
{
    /// <summary>The roster in a folder or workbook, or null after printing every problem to <paramref name="error"/>.</summary>
    public static Roster? Read(string directory, TextWriter error, string command)
    {
        var result = Load(directory, out var conflict);
        foreach (var problem in result?.Problems ?? [])
        {
            error.WriteLine(ProblemLines.Render(problem));
        }

        if (conflict is not null)
        {
            error.WriteLine(conflict);
        }

        if (result is not { IsValid: true } || conflict is not null)
        {
            error.WriteLine(Fmt.Of(Strings.RosterRejected, command, directory, (result?.Errors.Count() ?? 0) + (conflict is null ? 0 : 1)));
            return null;
        }

        return result.Roster;
    }

    /// <summary>
    /// Reads a roster from what the user named: a workbook (.xlsx, .xls), a folder of CSV files, or a folder of
    /// workbooks. <paramref name="conflict"/> is one more error line when the input is ambiguous: a workbook beside
    /// the CSV files (it would be ignored), or a file that is neither a folder nor a workbook; the result is then null
    /// when nothing could be read.
    /// </summary>
    public static RosterResult? Load(string path, out string? conflict)
    {
        conflict = null;
        if (File.Exists(path))
        {
            if (RosterWorkbooks.IsWorkbook(path))
            {
                return RosterWorkbooks.Read(path);
            }

            conflict = ProblemLines.Render(new RosterProblem(RosterFindings.NotRosterInput.Create(
                null, new FindingLocation(path), FindingArgument.Of("path", path))));
            return null;
        }

        if (!Directory.Exists(path))
        {
            return RosterFiles.Read(path);
        }

        var tables = new[] { RosterFiles.CountiesFile, RosterFiles.SchoolsFile, RosterFiles.ClassesFile, RosterFiles.StudentsFile };
        var csv = tables.Where(t => File.Exists(Path.Combine(path, t))).ToList();
        var books = tables
            .SelectMany(t => RosterWorkbooks.Extensions.Select(e => Path.GetFileNameWithoutExtension(t) + e))
            .Where(b => File.Exists(Path.Combine(path, b)))
            .ToList();
        if (csv.Count == 0 && books.Count > 0)
        {
            return RosterWorkbooks.Read(path);
        }

        if (books.Count > 0)
        {
            conflict = ProblemLines.Render(new RosterProblem(RosterFindings.WorkbookBesideCsv.Create(
                null, new FindingLocation(Path.Combine(path, books[0])),
                FindingArgument.Of("workbooks", string.Join(", ", books)), FindingArgument.Of("files", string.Join(", ", csv)))));
        }

        return RosterFiles.Read(path);
    }

    /// <summary>The pairing result in a folder or an .xlsx workbook, or null after printing why it cannot be read.</summary>
    /// <param name="directory">The folder or workbook.</param>
    /// <param name="error">Where to print.</param>
    /// <param name="command">The command, for the message.</param>
    /// <param name="what">What the result is to the command, in the run's language (<see cref="Strings.WhatResult"/>, <see cref="Strings.WhatPlan"/>, <see cref="Strings.WhatPrevious"/>).</param>
    public static PairingResult? ReadResult(string directory, TextWriter error, string command, string what)
    {
        try
        {
            return File.Exists(directory) && RosterWorkbooks.IsWorkbook(directory)
                ? PairingResultWorkbook.Read(directory)
                : PairingResultFiles.Read(directory);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pairing {command}: " + CliFindings.Line(CliFindings.ResultUnreadable, ("what", what), ("path", directory), ("error", e.Message)));
            return null;
        }
    }
}
