using System.Diagnostics.CodeAnalysis;
using Pairing.Core.Activities;
using Pairing.Core.Rosters;

namespace Pairing.Core.Files.Activities;

/// <summary>
/// The outcome of reading activity records (and holidays): the records and calendar when the files are valid, and
/// every problem found either way. A bad file is rejected whole.
/// </summary>
public sealed class ActivityRecordsResult
{
    internal ActivityRecordsResult(IReadOnlyList<ActivityRecord>? records, HolidayCalendar? holidays, IReadOnlyList<ActivityProblem> problems)
    {
        var valid = records is not null && holidays is not null && !problems.Any(p => p.Severity == ProblemSeverity.Error);
        Records = valid ? records : null;
        Holidays = valid ? holidays : null;
        // A hundred problems of a code per file are kept; how many more there were is said after them (ACF047).
        Problems = problems is ActivityProblems capped ? capped.WithOmitted() : problems;
    }

    /// <summary>The records in file order, or <see langword="null"/> when any problem is an error.</summary>
    public IReadOnlyList<ActivityRecord>? Records { get; }

    /// <summary>The holiday calendar (<see cref="HolidayCalendar.Default"/> when no holidays file was given), or <see langword="null"/> when any problem is an error.</summary>
    public HolidayCalendar? Holidays { get; }

    /// <summary>Every problem found, errors and warnings, in file and line order.</summary>
    public IReadOnlyList<ActivityProblem> Problems { get; }

    /// <summary>Whether the files were accepted.</summary>
    [MemberNotNullWhen(true, nameof(Records), nameof(Holidays))]
    public bool IsValid => Records is not null && Holidays is not null;

    /// <summary>The problems that reject the files.</summary>
    public IEnumerable<ActivityProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The problems that do not.</summary>
    public IEnumerable<ActivityProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

    /// <summary>The records, or an exception listing every error.</summary>
    /// <exception cref="ActivityRecordsRejectedException">The files have errors.</exception>
    public IReadOnlyList<ActivityRecord> GetRecordsOrThrow() => Records ?? throw new ActivityRecordsRejectedException(Problems);
}
