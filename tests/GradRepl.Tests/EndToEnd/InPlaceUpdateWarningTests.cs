namespace GradRepl.Tests.EndToEnd;

/// <summary>
/// Python's update step ported line by line (<c>w -= lr * w.grad</c> under no_grad) compiles in C# but rebinds w to a
/// new tensor that does not require grad: the host warns (GR0001) at the line, once, and the script still runs, from a
/// file, from the compile cache, in <c>check</c>, in the REPL and in <c>--step</c>.
/// </summary>
public sealed class InPlaceUpdateWarningTests : IDisposable
{
    private const string Warning =
        "update-step.csx(10,5): warning GR0001: 'w -= ...' makes a new tensor and rebinds w, unlike Python's in-place -=; "
        + "made under no_grad, the new w does not require grad (the next backward() fails, or w.grad stays None)\n"
        + "        w -= 0.1 * w.grad;\n"
        + "        ^~~~~~~~~~~~~~~~~\n"
        + "    write w.sub_(0.1 * w.grad) instead (or w = w - ... if a new tensor is what you mean)\n";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Run_UpdateStepWithMinusEqualsUnderNoGrad_WarnsOnceAndRunsTheScript()
    {
        var script = _tool.AddFixture("update-step.csx");

        var result = _tool.Run(script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("tensor(1.6000) False\n", result.Stdout);
        Assert.Equal(Warning, WithoutTrace(result.Stderr));
    }

    [Fact]
    public void Run_UpdateStepFromTheCompileCache_ShowsTheSameWarning()
    {
        var script = _tool.AddFixture("update-step.csx");
        var first = _tool.Run(script);

        var cached = _tool.Run(script);

        Assert.True(cached.ExitCode == 0, cached.ToString());
        Assert.Contains("[gradrepl] compile cache miss", first.Stderr);
        Assert.Contains("[gradrepl] compile cache hit", cached.Stderr);
        Assert.Contains("[gradrepl] roslyn not loaded", cached.Stderr);
        Assert.Equal(Warning, WithoutTrace(cached.Stderr));
        Assert.Equal("tensor(1.6000) False\n", cached.Stdout);
    }

    [Fact]
    public void Run_SubUnderscoreTotalsAndTensorSumOutsideNoGrad_NoWarning()
    {
        var script = _tool.AddFixture("update-step-correct.csx");

        var result = _tool.Run(script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("tensor([ 0.2160, -0.4320], requires_grad=True) 14.896000146865845 3\n", result.Stdout);
        Assert.Equal("", WithoutTrace(result.Stderr));
    }

    [Fact]
    public void Run_MinusEqualsOnAForeachParameter_CompilerErrorWithTheInPlaceHint()
    {
        var script = _tool.AddFixture("parameters-foreach.csx");

        var result = _tool.Run(script);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            "parameters-foreach.csx(4,29): error CS1656: Cannot assign to 'p' because it is a 'foreach iteration variable'\n"
            + "        using (torch.no_grad()) p -= 0.1 * p.grad;\n"
            + "                                ^\n"
            + "    to update the tensor p refers to in place, as Python's -= does, write p.sub_(0.1 * p.grad)\n",
            WithoutTrace(result.Stderr));
    }

    [Fact]
    public void Check_LessonWithTheUpdateStep_PassesAndShowsTheWarningOnce()
    {
        _tool.AddFixture("update-step.csx");
        _tool.AddFixture("update-step-correct.csx");

        var result = _tool.Run("check", "update-step.csx", "update-step-correct.csx");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Warning
            + "ok    update-step.csx (1 outputs match)\n"
            + "ok    update-step-correct.csx (1 outputs match)\n"
            + "2 passed, 0 failed\n",
            result.Stdout);
    }

    [Fact]
    public void Repl_UpdateStepTyped_WarnsBeforeTheEntryRunsAndKeepsTheSession()
    {
        var input = "var w = tensor(2.0, requires_grad: true);\n(w * w).backward();\n"
            + "using (torch.no_grad()) { w -= 0.1 * w.grad; }\n"
            + "print(w.requires_grad)\n"
            + "var total = tensor(0.0);\ntotal += w;\nprint(total)\n";

        var result = _tool.RunWithInput(input, Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("False\ntensor(1.6000)\n", result.Stdout);
        Assert.Equal(
            "warning GR0001: 'w -= ...' makes a new tensor and rebinds w, unlike Python's in-place -=; made under no_grad, "
            + "the new w does not require grad (the next backward() fails, or w.grad stays None)\n"
            + "    using (torch.no_grad()) { w -= 0.1 * w.grad; }\n"
            + "                              ^~~~~~~~~~~~~~~~~\n"
            + "    write w.sub_(0.1 * w.grad) instead (or w = w - ... if a new tensor is what you mean)\n",
            WithoutTrace(result.Stderr));
    }

    [Fact]
    public void Step_LessonWithTheUpdateStep_WarnsOnceAndTheStepMatches()
    {
        var lesson = _tool.AddFixture("update-step.csx");

        var result = _tool.RunWithInput("\n\n", Limit, lesson, "--step");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("✓ matches the lesson's expected output", result.Stdout);
        Assert.Equal(Warning, WithoutTrace(result.Stderr));
    }

    private static string WithoutTrace(string stderr) =>
        string.Concat(stderr.ReplaceLineEndings("\n").Split('\n').SkipLast(1).Where(line => !line.StartsWith("[gradrepl]", StringComparison.Ordinal)).Select(line => line + "\n"));
}
