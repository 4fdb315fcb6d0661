using GradRepl.Tensors;

namespace GradRepl.Prelude.Tests;

public sealed class ScriptGlobalsTensorsTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly ScriptGlobals _globals;

    public ScriptGlobalsTensorsTests()
    {
        _globals = new ScriptGlobals(new ScriptEnvironment { Output = new TextWriterScriptOutput(_output, _error) });
        // xunit runs the constructor and the test in one execution context, so the test sees these globals
        _globals.MakeCurrent();
    }

    [Fact]
    public void Tensor_DoubleLiteral_IsFloat32LikePython()
    {
        var x = ScriptGlobals.tensor(2.0, requires_grad: true);

        Assert.Equal(ScalarType.Float32, x.dtype);
        Assert.Equal("tensor(2., requires_grad=True)", x.ToString());
    }

    [Fact]
    public void Tensor_ListAndJaggedRows_PrintAsPyTorch()
    {
        // expected strings printed by PyTorch 1.13 for torch.tensor([1.0, 2.5, -3.0], requires_grad=True)
        // and torch.tensor([[1.0, 2.5], [3.0, -4.0]])
        var list = ScriptGlobals.tensor(new List<double> { 1.0, 2.5, -3.0 }, requires_grad: true);
        var rows = ScriptGlobals.tensor(new[] { new[] { 1.0, 2.5 }, new[] { 3.0, -4.0 } });

        Assert.Equal("tensor([ 1.0000,  2.5000, -3.0000], requires_grad=True)", list.ToString());
        Assert.Equal("tensor([[ 1.0000,  2.5000],\n        [ 3.0000, -4.0000]])", rows.ToString());
    }

    [Fact]
    public void Backward_Global_FillsLeafGrad()
    {
        var x = ScriptGlobals.tensor(3.0, requires_grad: true);

        ScriptGlobals.backward(x.pow(2));

        Assert.Equal(6.0, x.grad!.item());
    }

    [Fact]
    public void Show_Tensor_PrintsCard()
    {
        ScriptGlobals.show(ScriptGlobals.tensor(1.0));

        Assert.Equal("data: tensor(1.)\ngrad_fn: None\ngrad: None\nis_leaf: True\nrequires_grad: False\n", _output.ToString());
    }

    [Fact]
    public void Gradcheck_CorrectFunction_PassesAndReports()
    {
        var ok = ScriptGlobals.gradcheck(t => t.pow(3) + t.sin(), ScriptGlobals.tensor([0.5, -1.0, 2.0], torch.float64));

        Assert.True(ok, _output.ToString());
        Assert.StartsWith("gradcheck passed: 3 element(s)", _output.ToString());
        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public void Gradcheck_Float32Input_WarnsAsPyTorchDoes()
    {
        ScriptGlobals.gradcheck(t => t.pow(3), ScriptGlobals.tensor([0.5, 2.0]));

        // torch.autograd.gradcheck(f, (torch.tensor([0.5, 2.0], requires_grad=True),)) in PyTorch 1.13 warns so.
        Assert.Equal(
            "UserWarning: Input #0 requires gradient and is not a double precision floating point or complex. " +
            "This check will likely fail if all the inputs are not of double precision floating point or complex.\n",
            _error.ToString());
    }

    [Fact]
    public void Gradcheck_Report_PrintsNumbersAsPythonDoes()
    {
        ScriptGlobals.gradcheck(t => t.pow(2), ScriptGlobals.tensor(3.0, torch.float64));

        // Python's repr of each float: 6.0, not 6; a tiny difference as 1.2e-10, not 1.2E-10.
        Assert.Matches(@"^gradcheck passed: 1 element\(s\), largest difference \d(\.\d+)?e-\d\d \(autograd 6\.0, numeric 6\.0\d*\)\n$", _output.ToString());
    }

    [Fact]
    public void Gradcheck_BackwardIgnoringGradOutput_Fails()
    {
        var ok = ScriptGlobals.gradcheck(t => 3 * ForgetsChainRule.apply(t), ScriptGlobals.tensor(2.0));

        Assert.False(ok);
        Assert.StartsWith("gradcheck FAILED at element 0: autograd 4.0, numeric 12.0", _output.ToString());
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
