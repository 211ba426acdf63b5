using System.Collections.Concurrent;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Spectre.Console;

namespace Pairing.Cli.Commands;

/// <summary>
/// Shows a pairing run's progress: bars per level on a terminal, one plain line per finished level when the output
/// is redirected (a log file should not fill with redraws).
/// </summary>
internal static class MatchingProgress
{
    public static T Run<T>(TextWriter output, Func<IProgress<PairingProgress>, T> work)
    {
        // Reports come from the solver's worker threads, whose UI culture may not be this run's: the texts are
        // looked up here, once.
        var names = Enum.GetValues<PairingLevel>().ToDictionary(l => l, LevelName);
        var solved = Strings.SubproblemsSolved;
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            T result = default!;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var tasks = new Dictionary<PairingLevel, ProgressTask>();
                    var progress = new SynchronousProgress(p =>
                    {
                        // Reports come from the solver's worker threads.
                        lock (tasks)
                        {
                            if (!tasks.TryGetValue(p.Level, out var task))
                            {
                                task = context.AddTask(names[p.Level], maxValue: Math.Max(1, p.Total));
                                tasks.Add(p.Level, task);
                            }

                            task.Value = Math.Max(task.Value, p.Completed);
                        }
                    });
                    result = work(progress);
                    foreach (var task in tasks.Values)
                    {
                        task.Value = task.MaxValue;
                    }
                });
            return result;
        }

        var done = new ConcurrentDictionary<PairingLevel, bool>();
        var lines = new SynchronousProgress(p =>
        {
            if (p.Completed >= p.Total && done.TryAdd(p.Level, true))
            {
                lock (output)
                {
                    output.WriteLine(Fmt.Of(solved, names[p.Level], p.Total));
                }
            }
        });
        return work(lines);
    }

    /// <summary>A level's name in the run's language, as a heading or row label (plural in English).</summary>
    public static string LevelName(PairingLevel level) => level switch
    {
        PairingLevel.County => Strings.LevelCounties,
        PairingLevel.School => Strings.LevelSchools,
        PairingLevel.Class => Strings.LevelClasses,
        _ => Strings.LevelStudents,
    };

    /// <summary>Reports on the calling thread at once, unlike <see cref="Progress{T}"/>, which posts to a context.</summary>
    private sealed class SynchronousProgress(Action<PairingProgress> report) : IProgress<PairingProgress>
    {
        public void Report(PairingProgress value) => report(value);
    }
}
