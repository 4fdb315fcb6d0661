using GradRepl.Prelude.Display;
using GradRepl.Tensors;

namespace GradRepl.Prelude.Tests.Display;

public sealed class AutogradDisplayTests
{
    [Fact]
    public void Card_LeafAfterBackward_ListsFiveAttributesLikeTheLab()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        x.pow(2).backward();

        Assert.Equal("data: tensor(2.)\ngrad_fn: None\ngrad: tensor(4.)\nis_leaf: True\nrequires_grad: True", AutogradDisplay.Card(x));
    }

    [Fact]
    public void Card_NonLeaf_ShowsGradNone()
    {
        var y = torch.tensor(2.0, requires_grad: true).pow(2);

        var card = AutogradDisplay.Card(y);

        Assert.Contains("grad: None\nis_leaf: False", card);
        Assert.StartsWith("data: tensor(4.)\ngrad_fn: <PowBackward0 object at 0x", card);
    }

    // Expected text produced by walking next_functions in PyTorch 1.13 for the same expression.
    [Fact]
    public void Tree_Polynomial_MatchesPyTorchGraph()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var y = x.pow(2) + 2 * x + 1;

        Assert.Equal(
            "AddBackward0\n" +
            "└── AddBackward0\n" +
            "    ├── PowBackward0\n" +
            "    │   └── AccumulateGrad: tensor(2., requires_grad=True)\n" +
            "    └── MulBackward0\n" +
            "        └── AccumulateGrad: tensor(2., requires_grad=True)",
            AutogradDisplay.Tree(y.grad_fn!));
    }
}
