using GradRepl.Repl;

namespace GradRepl.Tests.Repl;

// Sessions share the process-wide interrupt hook (ScriptEnvironment.Interrupt), so they run one at a time.
[Collection(nameof(ReplSessionCollection))]
public sealed class SaveTests
{
    [Fact]
    public void SaveText_SessionWithValuesAndErrors_RoundTripsThroughLoad()
    {
        var first = new TestSession();
        first.Run("var x = tensor(2.0, requires_grad: true);");
        first.Run("var y = x.pow(2); y.backward(); x.grad");
        Assert.IsType<SubmissionResult.CompileFailed>(first.Session.Evaluate("undefinedName + 1"));
        Assert.IsType<SubmissionResult.Failed>(first.Session.Evaluate("y.backward();"));
        first.Run("int Twice(int n)\n{\n    return 2 * n;\n}");
        first.Run("null");
        first.Run("Twice(21)");

        var saved = first.Session.SaveText();

        Assert.DoesNotContain("undefinedName", saved);
        Assert.Contains("print(x.grad);", saved);
        Assert.Contains("print(Twice(21));", saved);
        var second = new TestSession();
        var load = second.Session.Evaluate(saved, "session.csx");
        Assert.True(load is SubmissionResult.Success, load.ToString());
        Assert.Equal("tensor(4.)\n42\n", second.Out.ToString());
        Assert.Equal("tensor(4.)", second.Run("x.grad")!.ToString());
    }

    [Fact]
    public void SaveText_DeclarationsEnteredAgain_SavedFileRebuildsTheSessionState()
    {
        var first = new TestSession();
        const string square = "class SQ\n{\n    public int Of(int n) => n * n;\n}";
        first.Run(square);
        first.Run("var a = new SQ().Of(3);");
        first.Run(square); // recalled from history
        first.Run("int Twice(int n) => 2 * n;");
        first.Run("int Twice(int n) => 2 * n;");
        first.Run("var b = 1;");
        first.Run("var b = 2;");
        first.Run("var c = 5;");
        first.Run("var c = tensor(3.0);"); // another type
        first.Run("var d = c * b + a;");

        var saved = first.Session.SaveText();

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(saved, "class SQ"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(saved, "int Twice"));
        var second = new TestSession();
        var load = second.Session.Evaluate(saved, "session.csx");
        Assert.True(load is SubmissionResult.Success, load.ToString() + "\n" + saved);
        Assert.Equal(9, second.Run("a"));
        Assert.Equal(2, second.Run("b"));
        Assert.Equal("tensor(3.)", second.Run("c")!.ToString());
        Assert.Equal("tensor(15.)", second.Run("d")!.ToString());
        Assert.Equal(8, second.Run("Twice(4)"));
        Assert.Equal(4, second.Run("new SQ().Of(2)"));
    }

    [Fact]
    public async Task SaveText_InterruptedEntries_AreLeftOut()
    {
        var session = new TestSession();
        session.Run("var kept = 1;");
        var interrupt = session.InterruptWhenRunning();
        Assert.IsType<SubmissionResult.Interrupted>(session.Session.Evaluate("var spins = 0L;\nwhile (true) { spins++; }"));
        await interrupt;
        // A call that does not look at Ctrl+C and finishes anyway was still interrupted by the user.
        interrupt = session.InterruptWhenRunning();
        Assert.IsType<SubmissionResult.Interrupted>(session.Session.Evaluate("System.Threading.Thread.Sleep(1500)"));
        await interrupt;

        var saved = session.Session.SaveText();

        Assert.Contains("var kept = 1;", saved);
        Assert.DoesNotContain("spins", saved);
        Assert.DoesNotContain("Sleep", saved);
    }

    [Fact]
    public void SaveText_SavedFile_CompilesAsAScript()
    {
        var session = new TestSession();
        session.Run("var a = 3;");
        session.Run("a * 2");
        session.Run("print(a)");

        var compiled = GradRepl.Scripting.RoslynCompiler.Compile(GradRepl.Scripting.ScriptSource.Create("saved.csx", session.Session.SaveText()));

        Assert.IsType<GradRepl.Scripting.CompileResult.Compiled>(compiled);
    }
}
