using GradRepl.Commands;

namespace GradRepl.Repl;

/// <summary>
/// What Ctrl+C means in an interactive session: at the prompt it clears the line; while code runs it asks the code to
/// stop (it raises <see cref="OperationCanceledException"/> at the next loop iteration, method or lambda call or tensor
/// op, and <see cref="ReplSession"/> wakes a script thread blocked in a sleep or a wait);
/// a second Ctrl+C within a second, while something that cannot be interrupted still runs, exits with 130.
/// </summary>
internal sealed class Interrupts
{
    private static readonly TimeSpan ForceWindow = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private CancellationTokenSource? _run;
    private CancellationTokenSource? _prompt;
    private long _lastRunInterrupt;

    /// <summary>Called when the process gets SIGINT; returns true to keep the process alive.</summary>
    public bool OnCancelKeyPress()
    {
        lock (_lock)
        {
            if (_run is { } run)
            {
                var now = Environment.TickCount64;
                if (run.IsCancellationRequested && now - _lastRunInterrupt < ForceWindow.TotalMilliseconds)
                {
                    Console.Error.WriteLine();
                    Console.Error.WriteLine("Interrupted (forced exit)");
                    Environment.Exit(ExitCodes.Interrupted);
                }

                _lastRunInterrupt = now;
                run.Cancel();
                return true;
            }

            _prompt?.Cancel();
            return true;
        }
    }

    /// <summary>True while submitted code runs.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_lock) return _run is not null;
        }
    }

    /// <summary>Code starts running: Ctrl+C now cancels <paramref name="run"/>.</summary>
    public void BeginRun(CancellationTokenSource run)
    {
        lock (_lock) _run = run;
    }

    /// <summary>The code finished.</summary>
    public void EndRun()
    {
        lock (_lock) _run = null;
    }

    /// <summary>A prompt starts: Ctrl+C now cancels the returned token (the line being edited is dropped).</summary>
    public CancellationToken BeginPrompt()
    {
        lock (_lock)
        {
            _prompt?.Dispose();
            _prompt = new CancellationTokenSource();
            return _prompt.Token;
        }
    }
}
