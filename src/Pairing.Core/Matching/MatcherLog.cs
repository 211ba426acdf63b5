using Microsoft.Extensions.Logging;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

/// <summary>
/// What <see cref="PairingMatcher"/> logs. Information carries counts and timings only, never a student, class or
/// school id, since a provincial system's logs are read more widely than its database; ids appear at Debug and below.
/// </summary>
internal static partial class MatcherLog
{
    [LoggerMessage(EventId = 1, EventName = "RunStarting", Level = LogLevel.Debug,
        Message = "Pairing {Phase} phase on {Counties} counties, {Schools} schools, {Classes} classes and {Students} students")]
    public static partial void RunStarting(ILogger logger, PairingPhase phase, int counties, int schools, int classes, int students);

    [LoggerMessage(EventId = 2, EventName = "LevelFinished", Level = LogLevel.Information,
        Message = "Paired the {Level} level in {Seconds:0.000} s")]
    public static partial void LevelFinished(ILogger logger, PairingLevel level, double seconds);

    [LoggerMessage(EventId = 3, EventName = "RunFinished", Level = LogLevel.Information,
        Message = "{Phase} phase done: {CountyPairs} county pairs, {SchoolPairs} school pairs, {ClassPairs} class pairs, {StudentPairs} student pairs; {Unpaired} Xinjiang units unpaired; {CoveredStudents} of {XinjiangStudents} Xinjiang students covered")]
    public static partial void RunFinished(
        ILogger logger, PairingPhase phase, int countyPairs, int schoolPairs, int classPairs, int studentPairs, int unpaired, long coveredStudents, long xinjiangStudents);

    [LoggerMessage(EventId = 4, EventName = "UnitUnpaired", Level = LogLevel.Debug,
        Message = "Unpaired {Level} {Id} ({Rule}): {Reason}")]
    public static partial void UnitUnpaired(ILogger logger, PairingLevel level, string id, PairingRule rule, string reason);

    // One line per unpaired student can run to hundreds of thousands on a national roster: Trace, not Debug.
    [LoggerMessage(EventId = 5, EventName = "StudentUnpaired", Level = LogLevel.Trace,
        Message = "Unpaired student {Id} ({Rule}): {Reason}")]
    public static partial void StudentUnpaired(ILogger logger, string id, PairingRule rule, string reason);

    /// <summary>Logs a finished run: the summary at Information, each unpaired unit below it.</summary>
    public static void Finished(ILogger logger, PairingResult result)
    {
        RunFinished(
            logger, result.Phase, result.CountyPairs.Count, result.SchoolPairs.Count, result.ClassPairs.Count, result.StudentPairs.Count,
            result.Unpaired.Count, result.Summary.CoveredStudents, result.Summary.XinjiangStudents);
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        foreach (var unit in result.Unpaired)
        {
            if (unit.Level == PairingLevel.Student)
            {
                StudentUnpaired(logger, unit.Id, unit.Rule, unit.Reason);
            }
            else
            {
                UnitUnpaired(logger, unit.Level, unit.Id, unit.Rule, unit.Reason);
            }
        }
    }
}
