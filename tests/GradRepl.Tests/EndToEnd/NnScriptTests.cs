namespace GradRepl.Tests.EndToEnd;

/// <summary>A script defining a torch.nn model as a lesson does, run by the tool: it prints what PyTorch 1.13 prints.</summary>
public sealed class NnScriptTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Run_ModuleScript_PrintsAsPyTorchAndReportsWrongWidth()
    {
        var script = _tool.AddFixture("nn-module.csx");

        var result = _tool.Run(script);

        // stdout as PyTorch 1.13 printed the same program (the Python twin: print(model), state_dict(), ...)
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            """
            LR(
              (linear): Linear(in_features=1, out_features=1, bias=True)
            )
            OrderedDict([('linear.weight', tensor([[0.5153]])), ('linear.bias', tensor([-0.4414]))])
            [Parameter containing:
            tensor([[0.5153]], requires_grad=True), Parameter containing:
            tensor([-0.4414], requires_grad=True)]
            [('linear.weight', Parameter containing:
            tensor([[0.5153]], requires_grad=True)), ('linear.bias', Parameter containing:
            tensor([-0.4414], requires_grad=True))]
            OrderedDict([('linear.weight', tensor([[-15.]])), ('linear.bias', tensor([-0.4414]))])
            tensor(613.4982, grad_fn=<MseLossBackward0>)
            [tensor([[-78.3241]]), tensor([-46.8828])]
            <All keys matched successfully>
            OrderedDict([('linear.weight', tensor([[-15.]])), ('linear.bias', tensor([-0.4414]))])
            2
            Sequential(
              (0): Linear(in_features=2, out_features=3, bias=True)
              (1): Sigmoid()
              (2): Linear(in_features=3, out_features=1, bias=True)
            )

            """, result.Stdout);
        Assert.Contains("nn-module.csx(10): error: RuntimeError: mat1 and mat2 shapes cannot be multiplied (5x3 and 1x1)", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Run_LoadMissingStateDict_NamesThePath()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "load.csx"), "var sd = torch.load(\"missing.pt\");\n");

        var result = _tool.Run("load.csx");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("load.csx(1): error: FileNotFoundError: [Errno 2] No such file or directory: 'missing.pt'", result.Stderr);
    }
}
