using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors.Tests.Optim;

/// <summary>How a step writes parameters and what the optimizer's options accept (the numbers are in OptimGoldenTests).</summary>
public sealed class OptimizerTests
{
    [Fact]
    public void Step_ParameterWithView_WritesItsStorageAndBumpsVersionOnce()
    {
        var w = torch.tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
        var view = w.detach()[1..];
        var optimizer = torch.optim.SGD(new[] { w }, 0.5);
        (w * w).sum().backward();
        var before = w._version;

        optimizer.step();

        // w - 0.5 * 2w = 0, written into the storage the view shares
        Assert.Equal("tensor([0., 0., 0.], requires_grad=True)", w.ToString());
        Assert.Equal("tensor([0., 0.])", view.ToString());
        Assert.Equal(before + 1, w._version);
        Assert.True(w.is_leaf);
    }

    [Fact]
    public void Step_NonContiguousParameter_UpdatesEveryElementInPlace()
    {
        var w = torch.tensor(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }).t().detach().requires_grad_();
        var optimizer = torch.optim.SGD(new[] { w }, 0.25);
        (w * torch.tensor(new double[,] { { 4, 8, 12 }, { 0, 4, 8 } })).sum().backward();

        optimizer.step();

        // w - 0.25 * coefficient, element by element, through the transposed view
        Assert.Equal("tensor([[0., 1., 2.],\n        [2., 3., 4.]], requires_grad=True)", w.ToString());
    }

    [Fact]
    public void Step_GradientOfASum_OneValueRepeatedStillUpdatesEveryElement()
    {
        var w = torch.zeros(2, 3, requires_grad: true);
        var optimizer = torch.optim.SGD(new[] { w }, 0.5, momentum: 0.9);
        w.sum().backward();

        optimizer.step();
        optimizer.step();

        // the momentum buffer holds 1, then 0.9 + 1: w = -0.5 - 0.95
        Assert.Equal("tensor([[-1.4500, -1.4500, -1.4500],\n        [-1.4500, -1.4500, -1.4500]], requires_grad=True)", w.ToString());
    }

    [Fact]
    public void Step_WithGradRecordingOn_RecordsNoGraph()
    {
        var w = torch.tensor(new[] { 1.0 }, requires_grad: true);
        var optimizer = torch.optim.Adam(new[] { w }, lr: 0.1);
        (w * 3).sum().backward();

        optimizer.step();

        Assert.Null(w.grad_fn);
        Assert.True(w.requires_grad);
        Assert.True(torch.is_grad_enabled());
    }

    [Fact]
    public void Step_WithClosure_RunsItWithGradAndReturnsItsLoss()
    {
        var w = torch.tensor(new[] { 2.0 }, requires_grad: true);
        var optimizer = torch.optim.SGD(new[] { w }, 0.1);
        Tensor? loss;
        using (torch.no_grad())
        {
            loss = optimizer.step(() =>
            {
                optimizer.zero_grad();
                var l = (w * w).sum();
                l.backward();
                return l;
            });
        }

        Assert.Equal("tensor(4., grad_fn=<SumBackward0>)", loss!.ToString());
        Assert.Equal("tensor([1.6000], requires_grad=True)", w.ToString());
    }

    [Fact]
    public void ZeroGrad_GradientInAGraph_ReplacedByPlainZeros()
    {
        var w = torch.tensor(new[] { 3.0 }, requires_grad: true);
        var optimizer = torch.optim.SGD(new[] { w }, 0.1);
        w.pow(3).sum().backward(create_graph: true);
        Assert.NotNull(w.grad!.grad_fn);

        optimizer.zero_grad();

        Assert.Equal("tensor([0.])", w.grad!.ToString());
    }

    [Fact]
    public void ParamGroups_LearningRateSetThroughIndexer_ReadBackEitherWay()
    {
        var optimizer = torch.optim.SGD(new[] { torch.ones(1, requires_grad: true) }, lr: 0.1);

        optimizer.param_groups[0]["lr"] = 0.05;
        Assert.Equal(0.05, optimizer.param_groups[0].LearningRate);
        optimizer.param_groups[0].LearningRate = 1;
        Assert.Equal(1.0, optimizer.param_groups[0]["lr"]);
    }

    [Fact]
    public void Step_LearningRateNotANumber_NamesTheOption()
    {
        var w = torch.ones(1, requires_grad: true);
        var optimizer = torch.optim.SGD(new[] { w }, 0.1);
        w.sum().backward();
        optimizer.param_groups[0]["lr"] = "fast";

        var error = Assert.Throws<ValueError>(() => optimizer.step());

        Assert.Equal("param group option 'lr' must be a number, got 'fast'", error.Message);
    }

    [Fact]
    public void SGD_LearningRateGivenTwice_Refused()
    {
        var error = Assert.Throws<ValueError>(() => torch.optim.SGD(new[] { torch.ones(1, requires_grad: true) }, learningRate: 0.1, lr: 0.2));
        Assert.Equal("SGD got the learning rate twice: give learningRate or lr, not both", error.Message);
    }

    [Fact]
    public void Optimizer_NullParameter_Refused()
    {
        var error = Assert.Throws<ValueError>(() => torch.optim.Adam(new Tensor[] { null! }));
        Assert.Equal("optimizer can only optimize Tensors, but one of the params is NoneType", error.Message);
    }
}
