using Pairing.Core.Rosters;

namespace Pairing.Core.Files.Activities;

/// <summary>Thrown by <see cref="ActivityRecordsResult.GetRecordsOrThrow"/> when the files have errors; it carries all of them.</summary>
public sealed class ActivityRecordsRejectedException : Exception
{
    /// <summary>Creates the exception with no problems listed.</summary>
    public ActivityRecordsRejectedException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no problems listed.</summary>
    /// <param name="message">The message.</param>
    public ActivityRecordsRejectedException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ActivityRecordsRejectedException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Creates the exception from the problems that rejected the files.</summary>
    /// <param name="problems">Every problem found.</param>
    public ActivityRecordsRejectedException(IReadOnlyList<ActivityProblem> problems)
        : base(Describe(problems ?? [])) => Problems = problems ?? [];

    /// <summary>Every problem found, errors and warnings.</summary>
    public IReadOnlyList<ActivityProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ActivityProblem> problems)
    {
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        var head = string.Join(Environment.NewLine, errors.Take(20));
        var more = errors.Count > 20 ? $"{Environment.NewLine}… and {errors.Count - 20} more errors." : string.Empty;
        return $"The activity records were rejected with {errors.Count} error(s):{Environment.NewLine}{head}{more}";
    }
}
