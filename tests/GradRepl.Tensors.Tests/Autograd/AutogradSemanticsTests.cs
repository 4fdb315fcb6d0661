namespace GradRepl.Tensors.Tests.Autograd;

/// <summary>PyTorch's autograd behaviour beyond single ops: accumulation, modes, retained graphs, warnings.</summary>
public sealed class AutogradSemanticsTests
{
    [Fact]
    public void Backward_TwiceWithRetainGraph_AccumulatesIntoLeaf()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var y = x.pow(2);
        y.backward(retain_graph: true);
        y.backward();
        Assert.Equal(8.0, x.grad!.item());
    }

    [Fact]
    public void Backward_AfterZeroGrad_StartsFromZero()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        (x * 3).backward();
        x.grad!.zero_();
        (x * 5).backward();
        Assert.Equal(5.0, x.grad!.item());
    }

    [Fact]
    public void Backward_ReusedNodes_SumsEveryPath()
    {
        // micrograd's test expression, differentiated by hand:
        // a = -4, b = 2; c = a + b; d = a*b + b³; c = c + c + 1; c = c + 1 + c - a; d = d + d*2 + relu(b + a);
        // d = d + 3*d + relu(b - a); e = c - d; f = e²; g = f/2 + 10/f.
        var a = torch.tensor(-4.0, dtype: torch.float64, requires_grad: true);
        var b = torch.tensor(2.0, dtype: torch.float64, requires_grad: true);
        var c = a + b;
        var d = a * b + b.pow(3);
        c = c + c + 1;
        c = c + 1 + c + (-a);
        d = d + d * 2 + (b + a).relu();
        d = d + 3 * d + (b - a).relu();
        var e = c - d;
        var f = e.pow(2);
        var g = f / 2.0 + 10.0 / f;
        g.backward();
        Assert.Equal(24.70408163265306, g.item(), 12);
        Assert.Equal(138.83381924198250, a.grad!.item(), 10);
        Assert.Equal(645.57725947521860, b.grad!.item(), 10);
    }

    [Fact]
    public void Grad_OfNonLeaf_IsNullAndWarnsOnce()
    {
        var warnings = new List<string>();
        var previous = TorchWarnings.Handler;
        TorchWarnings.Handler = warnings.Add;
        try
        {
            var x = torch.tensor(2.0, requires_grad: true);
            var y = x * 3;
            y.backward();
            Assert.Null(y.grad);
            Assert.Null(y.grad);
            // Only this test's warning counts: the handler is global, and other tests run at the same time.
            Assert.Single(warnings, w => w.StartsWith("UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed.", StringComparison.Ordinal));
        }
        finally
        {
            TorchWarnings.Handler = previous;
        }
    }

    [Fact]
    public void RetainGrad_OnNonLeaf_FillsItsGrad()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var y = x * 3;
        y.retain_grad();
        (y * y).backward();
        Assert.Equal(12.0, y.grad!.item());
        Assert.Equal(36.0, x.grad!.item());
    }

    [Fact]
    public void NoGrad_InsideScope_RecordsNothingAndRestoresAfter()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        Tensor inside;
        using (torch.no_grad())
        {
            Assert.False(torch.is_grad_enabled());
            using (torch.no_grad()) { }
            Assert.False(torch.is_grad_enabled());
            inside = x * 2;
        }
        Assert.True(torch.is_grad_enabled());
        Assert.False(inside.requires_grad);
        Assert.Null(inside.grad_fn);
        Assert.True((x * 2).requires_grad);
    }

    [Fact]
    public void NoGrad_OnOneThread_DoesNotAffectAnother()
    {
        var enabledElsewhere = false;
        using (torch.no_grad())
        {
            var other = new Thread(() => enabledElsewhere = torch.is_grad_enabled());
            other.Start();
            other.Join();
        }
        Assert.True(enabledElsewhere);
    }

    [Fact]
    public void CreateGraph_CubeAtTwo_SecondDerivativeIsTwelve()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var y = x.pow(3);
        y.backward(create_graph: true);
        Assert.Equal(12.0, x.grad!.item());
        Assert.Equal("MulBackward0", x.grad.grad_fn!.name());
        var dx = x.grad;
        x.grad = null;
        dx.backward();
        Assert.Equal(12.0, x.grad!.item());
    }

    [Fact]
    public void AutogradGrad_LeavesDotGradUntouched()
    {
        var x = torch.tensor(3.0, requires_grad: true);
        var g = torch.autograd.grad(x.pow(2), x);
        Assert.Equal(6.0, g[0]!.item());
        Assert.Null(x.grad);
    }

    [Fact]
    public void AutogradGrad_UnusedInput_FailsUnlessAllowed()
    {
        var x = torch.tensor(3.0, requires_grad: true);
        var unused = torch.tensor(1.0, requires_grad: true);
        var error = Assert.Throws<RuntimeError>(() => torch.autograd.grad([x * 2], [x, unused], retain_graph: true));
        Assert.StartsWith("One of the differentiated Tensors appears to not have been used in the graph.", error.Message);
        var grads = torch.autograd.grad([x * 2], [x, unused], allow_unused: true);
        Assert.Equal(2.0, grads[0]!.item());
        Assert.Null(grads[1]);
    }

    [Fact]
    public void RequiresGrad_SetFalseOnNonLeaf_Fails()
    {
        var y = torch.tensor(2.0, requires_grad: true) * 2;
        var error = Assert.Throws<RuntimeError>(() => y.requires_grad = false);
        Assert.StartsWith("you can only change requires_grad flags of leaf variables.", error.Message);
    }

    [Fact]
    public void ZeroInPlace_OnLeafThatRequiresGrad_Fails()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var error = Assert.Throws<RuntimeError>(() => x.zero_());
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.", error.Message);
        using (torch.no_grad()) x.zero_();
        Assert.Equal(0.0, x.item());
    }

    [Fact]
    public void Backward_ThroughLongChain_DoesNotOverflowTheStack()
    {
        var x = torch.tensor(1.0, dtype: torch.float64, requires_grad: true);
        var y = x;
        for (var i = 0; i < 100_000; i++) y = y * 1.0 + 0.0;
        y.backward();
        Assert.Equal(1.0, x.grad!.item());
    }

    [Fact]
    public void Broadcasting_Gradients_SumBackToEachInputShape()
    {
        var m = torch.ones(new long[] { 2, 3 }, requires_grad: true);
        var row = torch.tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
        var col = torch.tensor(new[,] { { 10.0 }, { 20.0 } }, requires_grad: true);
        (m * row + col).sum().backward();
        Assert.Equal(new long[] { 2, 3 }, m.grad!.shape.ToArray());
        Assert.Equal(new[] { 2.0, 2.0, 2.0 }, row.grad!.ToArray());
        Assert.Equal(new[] { 3.0, 3.0 }, col.grad!.ToArray());
        Assert.Equal(new long[] { 2, 1 }, col.grad.shape.ToArray());
    }

    private sealed class Product : torch.autograd.BinaryFunction<Product>
    {
        public override Tensor forward(AutogradContext ctx, Tensor a, Tensor b)
        {
            ctx.save_for_backward(a, b);
            return a * b;
        }

        public override (Tensor? grad_a, Tensor? grad_b) backward(AutogradContext ctx, Tensor grad_output)
        {
            var saved = ctx.saved_tensors;
            return (grad_output * saved[1], grad_output * saved[0]);
        }
    }

    [Fact]
    public void BinaryFunction_TwoInputs_GivesBothGradientsAndItsName()
    {
        var a = torch.tensor(3.0, requires_grad: true);
        var b = torch.tensor(4.0, requires_grad: true);
        var y = Product.apply(a, b);
        Assert.Equal("tensor(12., grad_fn=<ProductBackward>)", y.ToString());
        y.backward();
        Assert.Equal(4.0, a.grad!.item());
        Assert.Equal(3.0, b.grad!.item());
    }

    [Fact]
    public void CustomFunction_SecondBackward_FailsBecauseSavedTensorsWereFreed()
    {
        var a = torch.tensor(3.0, requires_grad: true);
        var y = Product.apply(a, a);
        y.backward();
        var error = Assert.Throws<RuntimeError>(() => y.backward());
        Assert.StartsWith("Trying to backward through the graph a second time", error.Message);
    }

    [Fact]
    public void CustomFunction_ForwardRunsWithGradOff()
    {
        var seen = new List<bool>();
        var x = torch.tensor(1.0, requires_grad: true);
        Spy.Seen = seen;
        Spy.apply(x);
        Assert.Equal([false], seen);
    }

    private sealed class Spy : torch.autograd.Function<Spy>
    {
        public static List<bool> Seen = [];
        public override Tensor forward(AutogradContext ctx, Tensor input)
        {
            Seen.Add(torch.is_grad_enabled());
            return input * 2;
        }

        public override Tensor backward(AutogradContext ctx, Tensor grad_output) => grad_output * 2;
    }

    [Fact]
    public void Node_ToString_LooksLikeAPythonObject()
    {
        var y = torch.tensor(2.0, requires_grad: true).pow(2);
        Assert.Matches(@"^<PowBackward0 object at 0x[0-9a-f]+>$", y.grad_fn!.ToString());
        var (node, index) = Assert.Single(y.grad_fn.next_functions);
        Assert.Equal("AccumulateGrad", node!.name());
        Assert.Equal(0, index);
    }

    [Fact]
    public void Backward_WithUserGradient_NeverChangesTheUsersTensor()
    {
        var x = torch.tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        var gradient = torch.tensor(new[] { 0.5, 0.25 });
        x.backward(gradient);
        x.backward(gradient);
        (x * 1).backward(gradient);
        Assert.Equal(new[] { 1.5, 0.75 }, x.grad!.ToArray());
        Assert.Equal(new[] { 0.5, 0.25 }, gradient.ToArray());
    }

    [Fact]
    public void Backward_SameGradientToBothInputs_SumsWithoutDoubleCounting()
    {
        var x = torch.tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        (x + x).sum().backward();
        Assert.Equal(new[] { 2.0, 2.0 }, x.grad!.ToArray());
        (x.clone() + x).sum().backward();
        Assert.Equal(new[] { 4.0, 4.0 }, x.grad.ToArray());
    }

    [Fact]
    public void Grad_AfterBackward_IsNotSharedWithLaterGraphs()
    {
        var x = torch.tensor(new[] { 1.0, -2.0 }, requires_grad: true);
        x.relu().sum().backward();
        var first = x.grad!.clone();
        x.relu().sum().backward();
        Assert.Equal(new[] { 1.0, 0.0 }, first.ToArray());
        Assert.Equal(new[] { 2.0, 0.0 }, x.grad.ToArray());
    }
}
