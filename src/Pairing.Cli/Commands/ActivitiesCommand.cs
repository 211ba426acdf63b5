using System.CommandLine;
using System.Globalization;
using Pairing.Core.Activities;
using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary>
/// <c>pairing activities ROSTER RESULT ACTIVITIES.csv [--holidays FILE] [--as-of DATE] --out DIR</c>: checks the
/// activity records against rules A1–A6 and writes the compliance report (compliance.csv, rollup.csv, rollup.json).
/// </summary>
internal static class ActivitiesCommand
{
    public static Command Create(TimeProvider clock)
    {
        var roster = new Argument<string>("ROSTER") { Description = "The roster folder." };
        var result = new Argument<string>("RESULT") { Description = "The pairing result folder (from 'pairing match')." };
        var activities = new Argument<string>("ACTIVITIES.csv") { Description = "The activity records." };
        var holidays = new Option<string?>("--holidays") { Description = "holidays.csv: each province's winter and summer holidays (default 15 Jan–28 Feb and 1 Jul–31 Aug)." };
        var asOf = new Option<string?>("--as-of") { Description = "The date the report is as of (yyyy-MM-dd); today when left out." };
        var output = new Option<string>("--out") { Description = "The folder to write the compliance report into (created if needed). Required." };
        var command = new Command("activities", "Check letters, books, deeds, school contacts, camps and family events against A1–A6 and write a compliance report for filing (备案).")
        {
            roster, result, activities, holidays, asOf, output,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(output) is null)
            {
                r.AddError("Option '--out' is required.");
            }

            if (r.GetResult(asOf) is { } given && !TryParseDate(given.GetValueOrDefault<string?>(), out _))
            {
                r.AddError($"Option '--as-of' is '{given.GetValueOrDefault<string?>()}'; expected a date as yyyy-MM-dd, such as 2015-06-30.");
            }
        });
        command.SetAction(parsed =>
        {
            var date = TryParseDate(parsed.GetValue(asOf), out var d) ? d : DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            return Run(parsed.GetValue(roster)!, parsed.GetValue(result)!, parsed.GetValue(activities)!, parsed.GetValue(holidays), date,
                parsed.GetValue(output)!, CliConsole.Output(parsed), CliConsole.Error(parsed));
        });
        return command;
    }

    internal static int Run(
        string rosterDir, string resultDir, string activitiesPath, string? holidaysPath, DateOnly asOf, string outDir, TextWriter output, TextWriter error)
    {
        // Every input is read and every problem reported before anything is checked.
        var roster = RosterInput.Read(rosterDir, error, "activities");
        var result = RosterInput.ReadResult(resultDir, error, "activities", "result");
        var records = ActivityFiles.Read(activitiesPath, holidaysPath);
        foreach (var problem in records.Problems)
        {
            error.WriteLine(ProblemLines.Render(problem));
        }

        if (roster is null || result is null || !records.IsValid)
        {
            if (!records.IsValid)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pairing activities: the records are rejected with {records.Errors.Count()} error(s); nothing was checked."));
            }

            return Program.BadInput;
        }

        var report = ActivityValidator.Validate(roster, result, records.Records!, asOf, records.Holidays);
        try
        {
            if (ResultOutput.IsWorkbook(outDir))
            {
                Pairing.Core.Excel.ComplianceReportWorkbook.Write(report, outDir);
            }
            else
            {
                ComplianceReportFiles.Write(report, outDir);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pairing activities: cannot write to '{outDir}': {e.Message}");
            return Program.Failed;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checked {records.Records!.Count:N0} records as of {asOf:yyyy-MM-dd} (programme year {report.ProgrammeYearStart:yyyy-MM-dd} to {report.ProgrammeYearEnd:yyyy-MM-dd}); wrote the report to {outDir}."));
        var table = new Table().AddColumns("rule", "met", "missing", "violated", "warning");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var rule in Enum.GetValues<ActivityRule>())
        {
            var counts = Enum.GetValues<ComplianceStatus>().Select(s => report.Count(rule, s)).ToArray();
            if (counts.Any(c => c > 0))
            {
                table.AddRow([rule.ToString(), .. counts.Select(c => c.ToString("N0", CultureInfo.InvariantCulture))]);
            }
        }

        CliConsole.Create(output).Write(table);
        return Program.Ok;
    }

    private static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
