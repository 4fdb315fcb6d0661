namespace GradRepl.Tests.EndToEnd;

/// <summary>A course-style training loop run by the tool: the prelude imports torch.optim's and torch.utils.data's types.</summary>
public sealed class TrainingEndToEndTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Run_DataLoaderAndSGDLoop_PrintsWhatPyTorchPrints()
    {
        var script = _tool.AddFixture("training.csx");

        var result = _tool.Run(script);

        Assert.True(result.ExitCode == 0, result.ToString());
        // written by PyTorch 1.13 running the same loop in Python
        Assert.Equal(
            "12\n0 tensor(-3.0013, requires_grad=True) tensor(0.4816, requires_grad=True)\n1 tensor(-3.0023, requires_grad=True) tensor(0.9661, requires_grad=True)\n{'params': [tensor(-3.0023, requires_grad=True), tensor(0.9661, requires_grad=True)], 'lr': 0.01, 'momentum': 0, 'dampening': 0, 'weight_decay': 0, 'nesterov': False, 'maximize': False, 'foreach': None, 'differentiable': False}\n(tensor([4., 5.]), tensor(2))\ntensor([[0., 1.],\n        [2., 3.]]) tensor([0, 1])\ntensor([[4., 5.]]) tensor([2])\n",
            result.Stdout);
    }
}
