using GradRepl.Tensors;

namespace GradRepl.Prelude.Tests;

public sealed class ScriptGlobalsTensorsTests
{
    private readonly StringWriter _output = new();
    private readonly ScriptGlobals _globals;

    public ScriptGlobalsTensorsTests()
    {
        _globals = new ScriptGlobals(new ScriptEnvironment { Output = new TextWriterScriptOutput(_output) });
    }

    [Fact]
    public void Tensor_DoubleLiteral_IsFloat32LikePython()
    {
        var x = _globals.tensor(2.0, requires_grad: true);

        Assert.Equal(ScalarType.Float32, x.dtype);
        Assert.Equal("tensor(2., requires_grad=True)", x.ToString());
    }

    [Fact]
    public void Tensor_ListAndJaggedRows_PrintAsPyTorch()
    {
        // expected strings printed by PyTorch 1.13 for torch.tensor([1.0, 2.5, -3.0], requires_grad=True)
        // and torch.tensor([[1.0, 2.5], [3.0, -4.0]])
        var list = _globals.tensor(new List<double> { 1.0, 2.5, -3.0 }, requires_grad: true);
        var rows = _globals.tensor(new[] { new[] { 1.0, 2.5 }, new[] { 3.0, -4.0 } });

        Assert.Equal("tensor([ 1.0000,  2.5000, -3.0000], requires_grad=True)", list.ToString());
        Assert.Equal("tensor([[ 1.0000,  2.5000],\n        [ 3.0000, -4.0000]])", rows.ToString());
    }

    [Fact]
    public void Backward_Global_FillsLeafGrad()
    {
        var x = _globals.tensor(3.0, requires_grad: true);

        _globals.backward(x.pow(2));

        Assert.Equal(6.0, x.grad!.item());
    }

    [Fact]
    public void Show_Tensor_PrintsCard()
    {
        _globals.show(_globals.tensor(1.0));

        Assert.Equal("data: tensor(1.)\ngrad_fn: None\ngrad: None\nis_leaf: True\nrequires_grad: False\n", _output.ToString());
    }

    [Fact]
    public void Gradcheck_CorrectFunction_PassesAndReports()
    {
        var ok = _globals.gradcheck(t => t.pow(3) + t.sin(), _globals.tensor([0.5, -1.0, 2.0]));

        Assert.True(ok, _output.ToString());
        Assert.StartsWith("gradcheck passed: 3 element(s)", _output.ToString());
    }

    [Fact]
    public void Gradcheck_BackwardIgnoringGradOutput_Fails()
    {
        var ok = _globals.gradcheck(t => 3 * ForgetsChainRule.apply(t), _globals.tensor(2.0));

        Assert.False(ok);
        Assert.StartsWith("gradcheck FAILED at element 0: autograd 4, numeric 12", _output.ToString());
    }

    private sealed class ForgetsChainRule : torch.autograd.Function<ForgetsChainRule>
    {
        public override Tensor forward(AutogradContext ctx, Tensor i)
        {
            ctx.save_for_backward(i);
            return i.pow(2);
        }

        public override Tensor backward(AutogradContext ctx, Tensor grad_output) => 2 * ctx.saved_tensors[0];
    }
}
