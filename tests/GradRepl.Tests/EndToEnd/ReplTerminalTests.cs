namespace GradRepl.Tests.EndToEnd;

/// <summary>The REPL and the lesson stepper driven like a person would, in a terminal under tmux.</summary>
public sealed class ReplTerminalTests : IDisposable
{
    private readonly TmuxTerminal _terminal = new();

    public void Dispose() => _terminal.Dispose();

    private void StartRepl()
    {
        Assert.SkipUnless(TmuxTerminal.Available, "tmux is not installed (.ci/run installs it)");
        _terminal.Start();
        _terminal.WaitForPrompt();
    }

    private void DefineGradient()
    {
        _terminal.Enter("var x = tensor(2.0, requires_grad: true);");
        _terminal.WaitForPrompt();
        _terminal.Enter("var y = x.pow(2); y.backward(); x.grad");
        _terminal.WaitFor("tensor(4.)");
        _terminal.WaitForPrompt();
    }

    [Fact]
    public void Repl_GradientOfSquare_ShowsTensorInPyTorchForm()
    {
        StartRepl();

        DefineGradient();

        Assert.Contains("> var y = x.pow(2); y.backward(); x.grad\ntensor(4.)\n", _terminal.Screen());
    }

    [Fact]
    public void Repl_TabAfterMemberPrefix_CompletesBackward()
    {
        StartRepl();
        DefineGradient();

        _terminal.Type("x.ba");
        _terminal.Press("Tab");

        _terminal.WaitFor("> x.backward");
    }

    [Fact]
    public void Repl_TabWithSeveralCandidates_ListsThemThenCycles()
    {
        StartRepl();
        DefineGradient();

        _terminal.Type("x.s");
        _terminal.Press("Tab");

        // Listed in columns under the line, then the same line again in a new prompt.
        var screen = _terminal.WaitFor("> x.s", times: 2).TrimEnd();
        Assert.EndsWith("\n> x.s", screen, StringComparison.Ordinal);
        var list = screen[(screen.IndexOf("> x.s\n", StringComparison.Ordinal) + 6)..screen.LastIndexOf("\n> x.s", StringComparison.Ordinal)];
        foreach (var name in new[] { "sigmoid", "sin", "sqrt", "sub", "sum", "shape" }) Assert.Contains(name, list);
        _terminal.Press("Tab");
        _terminal.WaitFor("> x.select");
    }

    [Fact]
    public void Repl_CtrlL_ClearsTheScreenAndKeepsTheLine()
    {
        StartRepl();
        DefineGradient();
        _terminal.Type("print(x.grad)");
        _terminal.Press("Left", "C-l");

        _terminal.WaitUntil(s => !s.Contains("tensor(4.)", StringComparison.Ordinal) && s.TrimEnd().EndsWith("> print(x.grad)", StringComparison.Ordinal), "a cleared screen with the line");
        _terminal.Type(" * 2");
        _terminal.Press("Enter");

        _terminal.WaitFor("> print(x.grad * 2)\ntensor(8.)");
    }

    [Fact]
    public void Repl_CtrlCInEndlessLoop_PrintsInterruptedAndKeepsVariables()
    {
        StartRepl();
        DefineGradient();

        _terminal.Enter("while (true) { }");
        Thread.Sleep(500); // let the loop start; Ctrl+C before it would only clear a line
        _terminal.Press("C-c");
        _terminal.WaitFor("Interrupted");
        _terminal.WaitForPrompt();
        _terminal.Enter("x.grad");

        var screen = _terminal.WaitFor("tensor(4.)", times: 2);
        Assert.True(screen.IndexOf("Interrupted", StringComparison.Ordinal) < screen.LastIndexOf("tensor(4.)", StringComparison.Ordinal), screen);
    }

    [Fact]
    public void Repl_MultiLineLoopAndErrors_RunsAndSessionContinues()
    {
        StartRepl();

        _terminal.Enter("for (int i = 0; i < 3; i++) {");
        _terminal.WaitFor(". ");
        _terminal.Enter("print(i * 10);");
        _terminal.Enter("}");
        var loop = _terminal.WaitFor("0\n10\n20\n");
        Assert.Contains(".     print(i * 10);\n. }\n", loop); // the brace typed on an indented line lines up with the for
        _terminal.WaitForPrompt();
        _terminal.Enter("undefinedName + 1");
        _terminal.WaitFor("error CS0103: The name 'undefinedName' does not exist in the current context");
        _terminal.WaitForPrompt();
        _terminal.Enter("print(6 * 7)");

        _terminal.WaitFor("\n42\n");
    }

    [Fact]
    public void Repl_KeysTypedBeforeThePromptAndDuringEvaluation_RunLineByLine()
    {
        Assert.SkipUnless(TmuxTerminal.Available, "tmux is not installed (.ci/run installs it)");
        _terminal.Start();
        _terminal.TypeAhead("var a = 2;", "a*a"); // before the program has even started

        _terminal.WaitFor("> a*a\n4\n");
        _terminal.WaitForPrompt();
        _terminal.TypeAhead("System.Threading.Thread.Sleep(1500)", "a+5", "a*10"); // the last two while it sleeps

        var screen = _terminal.WaitFor("> a*10\n20\n");
        Assert.Contains("> a+5\n7\n", screen);
    }

    [Fact]
    public void Repl_BracketedPasteOfSeveralStatements_IsOneSubmission()
    {
        StartRepl();

        _terminal.Paste("var c = 3;\nfor (var i = 0; i < 2; i++)\n{\n\tprint(c + i);\n}");
        _terminal.WaitFor(". }");
        _terminal.Press("Enter");

        var screen = _terminal.WaitFor("\n3\n4\n");
        Assert.Contains("> var c = 3;\n. for (var i = 0; i < 2; i++)\n. {\n.     print(c + i);\n. }\n3\n4\n", screen);
    }

    [Fact]
    public void Repl_HistoryAfterRestart_RecallsLastEntry()
    {
        StartRepl();
        _terminal.Enter("var answer = 42;");
        _terminal.WaitForPrompt();
        _terminal.Press("C-d");
        Assert.Equal(0, _terminal.WaitForExit());

        _terminal.Start();
        _terminal.WaitForPrompt();
        _terminal.Press("Up");

        _terminal.WaitFor("> var answer = 42;");
        Assert.Contains("var answer = 42;", File.ReadAllText(Path.Combine(_terminal.DataHome, "gradrepl", "history")));
    }

    [Fact]
    public void Step_PolynomialWithSolution_WalksEveryStep()
    {
        Assert.SkipUnless(TmuxTerminal.Available, "tmux is not installed (.ci/run installs it)");
        _terminal.Start(Path.Combine(ToolProcess.RepositoryRoot, "scripts", "polynomial.csx"), "--step");
        _terminal.WaitFor("A polynomial");
        _terminal.WaitForPrompt("step 1>");

        _terminal.Press("Enter");
        _terminal.WaitFor("y at x = 2: tensor(9., grad_fn=<AddBackward0>)");
        _terminal.WaitForPrompt("step 2>");
        _terminal.Enter("x.grad is null");
        _terminal.WaitFor("True");
        _terminal.WaitForPrompt("step 2>");
        _terminal.Press("Enter");
        _terminal.WaitFor("dy/dx at x = 2: tensor(6.)");
        _terminal.WaitForPrompt("step 3>");
        _terminal.Press("Enter");
        _terminal.WaitForPrompt("step 4>");
        _terminal.Press("Enter");
        _terminal.WaitFor("x.grad after zero_(): tensor(0.)");
        _terminal.WaitForPrompt("step 5>");
        Assert.DoesNotContain("var y1 = 2 * x1.pow(3) + x1;", _terminal.Screen());
        _terminal.WaitFor(Matches, times: 4); // steps 1 to 4 printed what the lesson expects

        // A wrong answer shows where it differs, a right one that it matches.
        const string answer = "y1.backward(); print(\"y at x = 1:\", y1); print(\"dy/dx at x = 1:\", x1.grad);";
        _terminal.Enter("var x1 = tensor(1.0, requires_grad: true); var y1 = 2 * x1.pow(3);");
        _terminal.WaitForPrompt("step 5>");
        _terminal.Enter(answer);
        _terminal.WaitFor("✗ differs from the lesson's expected output:\n    --- expected\n    +++ actual\n    -y at x = 1: tensor(3., grad_fn=<AddBackward0>)\n    -dy/dx at x = 1: tensor(7.)\n    +y at x = 1: tensor(2., grad_fn=<MulBackward0>)\n    +dy/dx at x = 1: tensor(6.)");
        _terminal.WaitForPrompt("step 5>");
        _terminal.Enter("var x1 = tensor(1.0, requires_grad: true); var y1 = 2 * x1.pow(3) + x1;");
        _terminal.WaitForPrompt("step 5>");
        _terminal.Enter(answer);
        _terminal.WaitFor(Matches, times: 5);
        _terminal.WaitForPrompt("step 5>");
        _terminal.Enter(":solution");
        _terminal.WaitFor("var y1 = 2 * x1.pow(3) + x1;");
        _terminal.WaitForPrompt("step 5>");
        _terminal.Press("Enter");

        _terminal.WaitFor(Matches, times: 6);
        _terminal.WaitFor("Lesson complete: 5 of 5 steps run");
        // Then the REPL, with the lesson's variables.
        _terminal.WaitForPrompt();
        _terminal.Press("Enter");
        _terminal.WaitForPrompt();
        _terminal.Enter("x.grad");
        _terminal.WaitFor("> x.grad\ntensor(0.)");
        _terminal.WaitForPrompt();
        _terminal.Press("C-d");
        Assert.Equal(0, _terminal.WaitForExit());
    }

    private const string Matches = "✓ matches the lesson's expected output";

    [Fact]
    public void Step_BackThenEnter_RunsThePreviousStepAgainInItsState()
    {
        Assert.SkipUnless(TmuxTerminal.Available, "tmux is not installed (.ci/run installs it)");
        _terminal.Start(Path.Combine(ToolProcess.RepositoryRoot, "scripts", "polynomial.csx"), "--step");
        _terminal.WaitForPrompt("step 1>");
        _terminal.Press("Enter");
        _terminal.WaitForPrompt("step 2>");
        _terminal.Press("Enter");
        _terminal.WaitFor("dy/dx at x = 2: tensor(6.)");
        _terminal.WaitForPrompt("step 3>");

        _terminal.Enter(":back");
        _terminal.WaitForPrompt("step 2>");
        _terminal.Press("Enter");

        // y.backward() runs on a fresh graph, and x.grad starts from nothing again.
        var screen = _terminal.WaitFor("dy/dx at x = 2: tensor(6.)", times: 2);
        _terminal.WaitForPrompt("step 3>");
        Assert.DoesNotContain("backward through the graph a second time", _terminal.Screen());
        Assert.Contains("Back to step 2", screen);
    }

    [Fact]
    public void Step_OutputDiffersOrStepFails_SaidAfterTheStepAndInTheSummary()
    {
        Assert.SkipUnless(TmuxTerminal.Available, "tmux is not installed (.ci/run installs it)");
        foreach (var name in new[] { "mismatch.csx", "failing-step.csx" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", name), Path.Combine(_terminal.WorkingDirectory, name));
        }

        _terminal.Start("mismatch.csx", "--step");
        _terminal.WaitForPrompt("step 1>");
        _terminal.Press("Enter");
        _terminal.WaitFor("one\n" + Matches);
        _terminal.WaitForPrompt("step 2>");
        _terminal.Press("Enter");
        _terminal.WaitFor("two\nthree\n✗ differs from the lesson's expected output:\n    --- expected\n    +++ actual\n     two\n    -four\n    +three\n");
        _terminal.WaitFor("Lesson complete: 2 of 2 steps run");
        _terminal.WaitForPrompt();
        _terminal.Enter(":quit");
        Assert.Equal(0, _terminal.WaitForExit());

        _terminal.Start("failing-step.csx", "--step");
        _terminal.WaitForPrompt("step 1>");
        _terminal.Press("Enter");
        _terminal.WaitForPrompt("step 2>");
        _terminal.Press("Enter");
        _terminal.WaitFor("DivideByZeroException");

        _terminal.WaitFor("Lesson complete: 1 of 2 steps run, 1 failed, 0 things tried.");
    }
}
