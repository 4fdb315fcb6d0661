namespace GradRepl.Tests.EndToEnd;

/// <summary><c>gradrepl</c> with snippets piped to stdin: no editor, results printed, exit 1 when a snippet failed.</summary>
public sealed class ReplPipeTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Repl_PipedSnippets_PrintsResultsAndExitsZero()
    {
        var input = "print(1 + 1)\nvar x = tensor(2.0, requires_grad: true);\nvar y = x.pow(2); y.backward(); x.grad\n"
            + "for (int i = 0; i < 2; i++)\n{\n    print(i);\n}\nnull\n\"text\"\n";

        var result = _tool.RunWithInput(input, Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("2\ntensor(4.)\n0\n1\n\"text\"\n", result.Stdout);
    }

    [Fact]
    public void Repl_SeedSetInOneEntry_HoldsInTheNext()
    {
        // Each entry runs on a thread of its own; the generator must still be the session's (PyTorch 1.13:
        // manual_seed(1) then randn(1) twice gives 0.6614, 0.2669). #reset seeds as at process start again.
        var result = _tool.RunWithInput("torch.manual_seed(1);\nprint(torch.randn(1));\nprint(torch.randn(1));\n#reset\nprint(torch.initial_seed());\n", Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("tensor([0.6614])\ntensor([0.2669])\nSession reset: every variable and figure is gone.\n67280421310721\n", result.Stdout);
    }

    [Fact]
    public void Repl_PipedSnippetFails_ReportsAndExitsOne()
    {
        var result = _tool.RunWithInput("var a = 1;\nundefinedName\nprint(a + 1)\nthrow new InvalidOperationException(\"boom\");\n", Limit);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("2\n", result.Stdout);
        Assert.Contains("error CS0103: The name 'undefinedName' does not exist in the current context", result.Stderr);
        Assert.Contains("InvalidOperationException: boom", result.Stderr);
    }

    [Fact]
    public void Repl_MisspeltTensorMember_SuggestsTheClosestName()
    {
        var result = _tool.RunWithInput("var x = tensor(2.0);\nx.pwo(2)\n", Limit);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error CS1061: 'Tensor' does not contain a definition for 'pwo'", result.Stderr);
        Assert.Contains("\n    x.pwo(2)\n      ^~~\n    did you mean pow?\n", result.Stderr);
    }

    [Fact]
    public void Repl_PythonWaysToLeaveOrGetHelp_AnsweredAsPythonDoes()
    {
        var result = _tool.RunWithInput("exit\nquit\nhelp\n#foo\nprint(1)\nexit()\nprint(2)\n", Limit);

        Assert.True(result.ExitCode == 1, result.ToString()); // #foo failed
        Assert.Equal("Use #exit or Ctrl-D (i.e. EOF) to exit\nUse #exit or Ctrl-D (i.e. EOF) to exit\n#help lists the commands\n1\n", result.Stdout);
        Assert.Equal("error: unknown command #foo; #help lists the commands\n", result.Stderr);
    }

    [Fact]
    public void Repl_NamesTheSessionDefined_AreNotPythonHabits()
    {
        var result = _tool.RunWithInput("var help = 5;\nhelp\nvoid quit() => print(\"own quit\");\nquit()\nprint(3)\n#nullable enable\n", Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("5\nown quit\n3\n", result.Stdout);
    }

    [Fact]
    public void Repl_InteractiveAfterScript_SeesScriptVariables()
    {
        var script = _tool.AddFixture("hello.csx");
        _tool.AddFixture("helper.csx");

        var result = _tool.RunWithInput("print(\"after\")\n", Limit, script, "-i");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("after\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Repl_SaveThenRun_SavedScriptReproducesOutput()
    {
        var result = _tool.RunWithInput("var x = tensor(3.0, requires_grad: true);\nvar y = x * x; y.backward(); x.grad\n#save saved.csx\n", Limit);
        Assert.True(result.ExitCode == 0, result.ToString());

        var run = _tool.Run("saved.csx");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("tensor(6.)\n", run.Stdout);
    }

    [Fact]
    public void Step_PipedEnters_RunsTheLesson()
    {
        var lesson = Path.Combine(ToolProcess.RepositoryRoot, "scripts", "polynomial.csx");

        var result = _tool.RunWithInput("\n\n\n\n:solution\n\n", Limit, lesson, "--step");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("dy/dx at x = 2: tensor(6.)", result.Stdout);
        Assert.Contains("dy/dx at x = 1: tensor(7.)", result.Stdout);
        Assert.Contains("Lesson complete: 5 of 5 steps run, 1 exercise (1 solution viewed)", result.Stdout);
    }
}
