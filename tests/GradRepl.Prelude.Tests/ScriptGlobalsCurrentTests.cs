namespace GradRepl.Prelude.Tests;

/// <summary>Which globals the static members act on: those made current on the thread, carried to what it starts.</summary>
public sealed class ScriptGlobalsCurrentTests
{
    private static (ScriptGlobals Globals, StringWriter Output) Create()
    {
        var output = new StringWriter();
        return (new ScriptGlobals(new ScriptEnvironment { Output = new TextWriterScriptOutput(output) }), output);
    }

    [Fact]
    public void Print_TwoThreadsWithTheirOwnGlobals_EachPrintsToItsOwnOutput()
    {
        var (first, firstOutput) = Create();
        var (second, secondOutput) = Create();
        using var bothCurrent = new Barrier(2);
        void Speak(ScriptGlobals globals, string word)
        {
            globals.MakeCurrent();
            // both made current before either prints: a process-wide "current" would send both to the last one
            bothCurrent.SignalAndWait();
            for (int i = 0; i < 3; i++) ScriptGlobals.print(word, i);
        }

        var threads = new[] { new Thread(() => Speak(first, "first")), new Thread(() => Speak(second, "second")) };
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();

        Assert.Equal("first 0\nfirst 1\nfirst 2\n", firstOutput.ToString());
        Assert.Equal("second 0\nsecond 1\nsecond 2\n", secondOutput.ToString());
    }

    [Fact]
    public async Task Print_FromATaskTheScriptStarted_GoesToTheScriptsOutput()
    {
        var (globals, output) = Create();
        globals.MakeCurrent();

        await Task.Run(() => ScriptGlobals.print("from a task"), TestContext.Current.CancellationToken);
        var thread = new Thread(() => ScriptGlobals.print("from a thread"));
        thread.Start();
        thread.Join();

        Assert.Equal("from a task\nfrom a thread\n", output.ToString());
    }

    [Fact]
    public void Print_NoGlobalsMadeCurrent_ThrowsSayingWhy()
    {
        Exception? thrown = null;
        Thread thread;
        // a thread that inherits nothing: no globals made current (and no F# process default in this test process)
        using (ExecutionContext.SuppressFlow())
        {
            thread = new Thread(() => thrown = Record.Exception(() => ScriptGlobals.print(1)));
            thread.Start();
        }

        thread.Join();

        var error = Assert.IsType<InvalidOperationException>(thrown);
        Assert.StartsWith("The prelude's globals (print, plot, ...) were called from code that no script runs", error.Message, StringComparison.Ordinal);
    }
}
