namespace GradRepl.Tensors.Tests.Formatting;

/// <summary>What PyTorch returns as a tuple prints as PyTorch 1.13 prints it (expected texts from real PyTorch).</summary>
public sealed class PythonTupleTests
{
    [Fact]
    public void AutogradGrad_OneInput_PrintsAsOneElementTuple()
    {
        var x = torch.tensor(2.0, requires_grad: true);

        // print(torch.autograd.grad(x * x, x))
        Assert.Equal("(tensor(4.),)", torch.autograd.grad(x * x, x).ToString());
    }

    [Fact]
    public void AutogradGrad_UnusedInputAllowed_PrintsNone()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var u = torch.tensor(1.0, requires_grad: true);

        // print(torch.autograd.grad(x * 2, [x, u], allow_unused=True))
        var grads = torch.autograd.grad([x * 2], [x, u], allow_unused: true);

        Assert.Equal("(tensor(2.), None)", grads.ToString());
        Assert.Equal(2, grads.Length);
    }

    [Fact]
    public void NextFunctions_OpAndConstant_PrintsTupleOfPairs()
    {
        var x = torch.tensor(2.0, requires_grad: true);

        // print((x.pow(2) + torch.tensor(3.0)).grad_fn.next_functions)
        var text = (x.pow(2) + torch.tensor(3.0)).grad_fn!.next_functions.ToString();

        Assert.Matches(@"^\(\(<PowBackward0 object at 0x[0-9a-f]+>, 0\), \(None, 0\)\)$", text);
    }

    [Fact]
    public void NextFunctions_SingleInput_PrintsTrailingComma()
    {
        var x = torch.tensor(2.0, requires_grad: true);

        // print(x.pow(2).grad_fn.next_functions)
        var text = x.pow(2).grad_fn!.next_functions.ToString();

        Assert.Matches(@"^\(\(<AccumulateGrad object at 0x[0-9a-f]+>, 0\),\)$", text);
    }
}
