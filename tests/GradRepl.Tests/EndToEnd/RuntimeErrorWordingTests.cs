namespace GradRepl.Tests.EndToEnd;

/// <summary>Runtime errors a learner meets early, worded as Python and PyTorch word them.</summary>
public sealed class RuntimeErrorWordingTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Run_GradZeroBeforeBackward_SaysAttributeErrorAndNamesTheNone()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "nograd.csx"),
            "var x = tensor(2.0, requires_grad: true);\nx.grad.zero_();\n");

        var result = _tool.Run("nograd.csx");

        Assert.True(result.ExitCode == 1, result.ToString());
        // PyTorch: AttributeError: 'NoneType' object has no attribute 'zero_'
        Assert.Contains("nograd.csx(2): error: AttributeError: 'NoneType' object has no attribute 'zero_' (x.grad is None)\n    x.grad.zero_();", result.Stderr);
        Assert.DoesNotContain("NullReferenceException", result.Stderr);
    }

    [Fact]
    public void Repl_GradZeroBeforeBackward_SaysAttributeErrorAndKeepsTheSession()
    {
        var result = _tool.RunWithInput("var x = tensor(2.0, requires_grad: true);\nx.grad.zero_();\nprint(x)\n", TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("AttributeError: 'NoneType' object has no attribute 'zero_' (x.grad is None)", result.Stderr);
        Assert.Equal("tensor(2., requires_grad=True)\n", result.Stdout);
    }

    [Fact]
    public void Run_OutUnderProc_SaysItCannotCreateTheFigureDirectory()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "fig.csx"), "print(1);\nplot(linspace(0, 1, 3), linspace(0, 1, 3));\nshow();\n");

        var result = _tool.Run("fig.csx", "--out", "/proc/gradrepl-figures");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("1\n", result.Stdout);
        Assert.Contains("fig.csx(3): error: OSError: cannot create the figure directory /proc/gradrepl-figures: No such file or directory\n    show();", result.Stderr);
    }

    [Fact]
    public void Run_OutIsAFile_IsAUsageError()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "taken"), "a file");
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "fig.csx"), "plot(linspace(0, 1, 3), linspace(0, 1, 3));\nshow();\n");

        var result = _tool.Run("fig.csx", "--out", "taken");

        // An --out that is already a file is refused before the script runs (exit 2), naming it.
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--out 'taken' is a file, not a directory", result.Stderr);
    }
}
