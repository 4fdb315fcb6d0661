using GradRepl.Prelude;
using GradRepl.Repl;

namespace GradRepl.Tests.Repl;

/// <summary>A REPL session writing to a string, as unit tests use it.</summary>
internal sealed class TestSession
{
    public TestSession()
    {
        var output = new TextWriterScriptOutput(Out);
        Session = new ReplSession(() => new ScriptEnvironment { Output = output, PlotDirectory = Path.Combine(Path.GetTempPath(), "gradrepl-test-plots") }, Interrupts);
    }

    public StringWriter Out { get; } = new();

    public Interrupts Interrupts { get; } = new();

    public ReplSession Session { get; }

    /// <summary>Presses Ctrl+C once, 300 ms after submitted code has started running (on another thread).</summary>
    public Task InterruptWhenRunning() => Task.Run(async () =>
    {
        while (!Interrupts.IsRunning) await Task.Delay(20);
        await Task.Delay(300);
        Interrupts.OnCancelKeyPress();
    });

    /// <summary>Evaluates and asserts success; returns the value.</summary>
    public object? Run(string code)
    {
        var result = Session.Evaluate(code);
        var success = Assert.IsType<SubmissionResult.Success>(result);
        return success.Value;
    }
}

/// <summary>Test classes that run REPL sessions: never in parallel (one interrupt hook per process, as in the tool).</summary>
[CollectionDefinition(nameof(ReplSessionCollection), DisableParallelization = true)]
public sealed class ReplSessionCollection;
