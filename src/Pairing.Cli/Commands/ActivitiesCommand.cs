using System.CommandLine;
using System.Globalization;
using Pairing.Core.Activities;
using Pairing.Core.Files;
using Pairing.Core.Files.Activities;
using Pairing.Core.Files.Compliance;
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
        var roster = new Argument<string>("ROSTER") { Description = Strings.VerifyRoster };
        var result = new Argument<string>("RESULT") { Description = Strings.ActivitiesResult };
        var activities = new Argument<string>("ACTIVITIES") { Description = Strings.ActivitiesRecords };
        var holidays = CliOptions.Path("--holidays", Strings.ActivitiesHolidays, "FILE");
        var asOf = new Option<string?>("--as-of") { Description = Strings.ActivitiesAsOf, HelpName = "yyyy-MM-dd" };
        var output = CliOptions.Path("--out", Strings.ActivitiesOut);
        var encoding = CliOptions.Encoding();
        var command = new Command("activities", Strings.ActivitiesDescription)
        {
            roster, result, activities, holidays, asOf, output, encoding,
        };
        command.Validators.Add(r =>
        {
            CliOptions.Require(r, output);
            CliOptions.Writable(r, output, ComplianceReportFiles.FileNames);
            CliOptions.NotEmpty(r, holidays);
            if (r.GetResult(asOf) is { } given && !TryParseDate(given.GetValueOrDefault<string?>(), out _))
            {
                r.AddError(CliFindings.Line(CliFindings.BadDate, ("option", "--as-of"), ("value", given.GetValueOrDefault<string?>() ?? string.Empty)));
            }
        });
        command.SetAction((parsed, cancellationToken) =>
        {
            DateOnly? date = TryParseDate(parsed.GetValue(asOf), out var d) ? d : null;
            return Task.FromResult(Run(parsed.GetValue(roster)!, parsed.GetValue(result)!, parsed.GetValue(activities)!, parsed.GetValue(holidays), date,
                parsed.GetValue(output)!, CliConsole.Output(parsed), CliConsole.Error(parsed), cancellationToken, parsed.GetValue(encoding), clock));
        });
        return command;
    }

    internal static int Run(
        string rosterDir, string resultDir, string activitiesPath, string? holidaysPath, DateOnly? givenAsOf, string outDir, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default, TextFileEncoding encoding = TextFileEncoding.Utf8WithBom, TimeProvider? clock = null)
    {
        // Every input is read and every problem reported before anything is checked.
        var roster = RosterInput.Read(rosterDir, error, "activities", cancellationToken);
        var result = RosterInput.ReadResult(resultDir, error, "activities", Strings.WhatResult);
        // A workbook (.xlsx, .xls) for the records or the holidays is read through Pairing.Core.Excel, with the same checks.
        var records = Pairing.Core.Excel.RosterWorkbooks.IsWorkbook(activitiesPath) || (holidaysPath is not null && Pairing.Core.Excel.RosterWorkbooks.IsWorkbook(holidaysPath))
            ? Pairing.Core.Excel.ActivityWorkbooks.Read(activitiesPath, holidaysPath)
            : ActivityFiles.Read(activitiesPath, holidaysPath, cancellationToken);
        foreach (var problem in records.Findings)
        {
            error.WriteLine(ProblemLines.Render(problem));
        }

        if (roster is null || result is null || !records.IsValid || !RosterInput.BelongsTo(roster, result, rosterDir, resultDir, error, "activities", Strings.WhatResult, cancellationToken))
        {
            if (!records.IsValid)
            {
                error.WriteLine(Fmt.Of(Strings.ActivitiesRejected, records.Errors.Count()));
            }

            return Program.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Without --as-of the year checked is the one the records fall in (as of today when that is this year), never a
        // year that holds none of them: 2014-15 records checked in 2026 are checked as of 2015-06-30.
        var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetLocalNow().DateTime);
        var asOf = givenAsOf ?? ActivityValidator.DefaultAsOf(records.Value!.Records!, today);
        var report = ActivityValidator.Validate(roster, result, records.Value!.Records!, asOf, records.Value!.Holidays, cancellationToken: cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (ResultOutput.IsWorkbook(outDir))
            {
                Pairing.Core.Excel.ComplianceReportWorkbook.Write(report, outDir);
            }
            else
            {
                ComplianceReportFiles.Write(report, outDir, Pairing.Core.Findings.FindingLanguage.ChineseAndEnglish, encoding);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(CliFindings.CannotWriteLine("activities", outDir, e));
            return Program.Failed;
        }

        Cancellation.Written();

        foreach (var warning in report.Warnings)
        {
            error.WriteLine(ProblemLines.Render(warning));
        }

        if (givenAsOf is null)
        {
            CliConsole.Say(output, Fmt.Of(Strings.ActivitiesYearChosen, report.ProgrammeYearStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                report.ProgrammeYearEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        CliConsole.Say(output, Fmt.Of(Strings.ActivitiesChecked, records.Value!.Records!.Count, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            report.ProgrammeYearStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.ProgrammeYearEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), outDir));
        var table = CliTables.Create(1, Strings.ColRule, Strings.ColMet, Strings.ColMissing, Strings.ColViolated, Strings.ColWarning);

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
        return text is not null && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date >= ActivityValidator.MinAsOf && date <= ActivityValidator.MaxAsOf;
    }
}
