namespace GradRepl.Tests.EndToEnd;

/// <summary>
/// The REPL keeps its session through what used to end it: endless recursion (a stack overflow ends a .NET process)
/// and Ctrl+C inside code that had no check (expression lambdas, LINQ, sleeps and waits, one long matrix product),
/// where only the second Ctrl+C, which exits, used to work.
/// </summary>
public sealed class ReplInterruptTests : IDisposable
{
    private readonly TmuxTerminal _terminal = new();
    private readonly ToolProcess _tool = new();

    public void Dispose()
    {
        _terminal.Dispose();
        _tool.Dispose();
    }

    [Fact]
    public void Repl_UnboundedRecursion_RecursionErrorAndSessionKept()
    {
        var input = "var keep = 42;\ndouble F(double n) => F(n + 1);\nF(0)\nprint(keep)\n";

        var result = _tool.RunWithInput(input, TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("RecursionError: maximum recursion depth exceeded", result.Stderr);
        Assert.Contains("double F(double n) => F(n + 1);", result.Stderr);
        Assert.Equal("42\n", result.Stdout);
    }

    private void StartRepl()
    {
        Assert.SkipUnless(TmuxTerminal.Available, "tmux is not installed (.ci/run installs it)");
        _terminal.Start();
        _terminal.WaitForPrompt();
        _terminal.Enter("var keep = 7;");
        _terminal.WaitForPrompt();
    }

    // Runs `code`, presses Ctrl+C once it is under way, and expects `Interrupted` (the n-th), then the prompt.
    private void Interrupt(string code, int nth)
    {
        _terminal.Enter(code);
        Thread.Sleep(1000); // let it start; Ctrl+C before it would only clear a line
        _terminal.Press("C-c");
        _terminal.WaitFor("Interrupted", nth);
        _terminal.WaitForPrompt();
    }

    private void AssertSessionKept(int keepShown)
    {
        _terminal.Enter("keep");
        var screen = _terminal.WaitFor("\n7\n", keepShown);
        Assert.DoesNotContain("forced exit", screen);
    }

    [Fact]
    public void Repl_CtrlCInLinqLambda_Interrupted()
    {
        StartRepl();

        Interrupt("Enumerable.Range(0, int.MaxValue).Count(i => Math.Sqrt(i) > -1)", 1);

        AssertSessionKept(1);
        Assert.DoesNotContain("2147483647", _terminal.Screen());
    }

    [Fact]
    public void Repl_CtrlCInSleepAndWaits_Interrupted()
    {
        StartRepl();

        Interrupt("System.Threading.Thread.Sleep(60000);", 1);
        Interrupt("Task.Delay(60000).Wait();", 2);
        Interrupt("await Task.Delay(60000);", 3);

        AssertSessionKept(1);
    }

    [Fact]
    public void Repl_CtrlCInOneLongMatrixProduct_Interrupted()
    {
        StartRepl();
        _terminal.Enter("var a = torch.rand(3000, 3000);");
        _terminal.WaitForPrompt();

        // One product of several seconds, as one expression: only a check inside the product stops it; without one it
        // runs to the end and its value is shown.
        Interrupt("a.matmul(a)", 1);

        AssertSessionKept(1);
        Assert.DoesNotContain("tensor([[", _terminal.Screen());
    }
}
