using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pairing.Cli;

/// <summary>
/// Ctrl+C and SIGTERM: the run's token is cancelled, so the command stops at its next step (the solver within a
/// sub-problem) with nothing written and exit code 130. A step that cannot stop (reading a file, say) gets one second;
/// then what was printed is flushed, the same line is printed and the process exits 130 all the same. Writes are
/// whole-folder swaps, so stopping at any moment leaves the old output or the new one, never a mix.
/// </summary>
internal sealed class Cancellation : IDisposable
{
    /// <summary>The exit code of a cancelled run (128 + SIGINT), as shells use.</summary>
    public const int ExitCode = 130;

    /// <summary>What a cancelled run prints, in both languages (a script may look for either).</summary>
    public const string NothingWritten = "已取消 / cancelled: nothing was written";

    private const string AfterWriting = "已取消 / cancelled: the output was already written in full";

    // Whether this run's output is in place: per run (tests run the tool in parallel in one process), and shared
    // with the signal handler's thread through the object, not the flow.
    private static readonly AsyncLocal<StrongBox<bool>?> s_written = new();

    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly StrongBox<bool> _written = new();
    private int _signalled;

    public Cancellation(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
        foreach (var signal in (ReadOnlySpan<PosixSignal>)[PosixSignal.SIGINT, PosixSignal.SIGTERM])
        {
            _signals.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Marks that the command's output is in place: a cancellation from now on no longer says nothing was written.</summary>
    public static void Written()
    {
        if (s_written.Value is { } written)
        {
            written.Value = true;
        }
    }

    /// <summary>The line a cancelled run prints.</summary>
    public static string Message => s_written.Value is { Value: true } ? AfterWriting : NothingWritten;

    /// <summary>Starts a run's record of whether its output is written (Program.Run calls it; the process's run shares the signal handler's).</summary>
    public static void BeginRun(Cancellation? process) => s_written.Value = process?._written ?? new StrongBox<bool>();

    public void Dispose()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the run stops itself, and says so
        if (Interlocked.Exchange(ref _signalled, 1) == 1)
        {
            return;
        }

        _source.Cancel();
        _ = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ =>
        {
            // The command did not reach a point where it could stop: stop it here, after what it printed.
            try
            {
                _output.Flush();
                _error.WriteLine(_written.Value ? AfterWriting : NothingWritten);
                _error.Flush();
            }
            finally
            {
                Environment.Exit(ExitCode);
            }
        }, TaskScheduler.Default);
    }
}
