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
