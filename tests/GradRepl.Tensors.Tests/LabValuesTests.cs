using GradRepl.Tensors;

namespace GradRepl.Tensors.Tests;

/// <summary>The numbers the lab itself arrives at, computed through the engine.</summary>
public sealed class LabValuesTests
{
    [Fact]
    public void Square_AtTwo_GradientIsFour()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var y = x.pow(2);
        y.backward();
        Assert.Equal(4.0, y.item());
        Assert.Equal(4.0, x.grad!.item());
        Assert.Equal("PowBackward0", y.grad_fn!.name());
    }

    [Fact]
    public void Polynomial_AtTwo_GradientIsSix()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var y = x.pow(2) + 2 * x + 1;
        y.backward();
        Assert.Equal(9.0, y.item());
        Assert.Equal(6.0, x.grad!.item());
        Assert.Equal("AddBackward0", y.grad_fn!.name());
    }

    [Fact]
    public void CubicExercise_AtOne_GradientIsSeven()
    {
        var x = torch.tensor(1.0, requires_grad: true);
        var y = 2 * x.pow(3) + x;
        y.backward();
        Assert.Equal(3.0, y.item());
        Assert.Equal(7.0, x.grad!.item());
    }

    private sealed class SQ : torch.autograd.Function<SQ>
    {
        public override Tensor forward(AutogradContext ctx, Tensor i)
        {
            ctx.save_for_backward(i);
            return i.pow(2);
        }

        public override Tensor backward(AutogradContext ctx, Tensor grad_output)
        {
            var i = ctx.saved_tensors[0];
            return 2 * i * grad_output;
        }
    }

    [Fact]
    public void CustomSquare_AtTwo_ValueFourGradientFour()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var y = SQ.apply(x);
        Assert.Equal("SQBackward", y.grad_fn!.name());
        Assert.Equal("tensor(4., grad_fn=<SQBackward>)", y.ToString());
        Assert.StartsWith("<torch.autograd.function.SQBackward object at 0x", y.grad_fn.ToString());
        y.backward();
        Assert.Equal(4.0, y.item());
        Assert.Equal(4.0, x.grad!.item());
    }

    [Fact]
    public void CustomSquare_WithUpstreamGradient_UsesChainRule()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var y = 3 * SQ.apply(x);
        y.backward();
        Assert.Equal(12.0, x.grad!.item());
    }

    [Fact]
    public void Partials_UvPlusUSquared_AreFourAndOne()
    {
        var u = torch.tensor(1.0, requires_grad: true);
        var v = torch.tensor(2.0, requires_grad: true);
        var f = u * v + u.pow(2);
        f.backward();
        Assert.Equal(3.0, f.item());
        Assert.Equal(4.0, u.grad!.item());
        Assert.Equal(1.0, v.grad!.item());
    }

    [Fact]
    public void Partials_Exercise_AreFiveAndTen()
    {
        var u = torch.tensor(2.0, requires_grad: true);
        var v = torch.tensor(1.0, requires_grad: true);
        var f = u * v + (u * v).pow(2);
        f.backward();
        Assert.Equal(5.0, u.grad!.item());
        Assert.Equal(10.0, v.grad!.item());
    }

    [Fact]
    public void SumTrick_Linspace_GradientIsTwoX()
    {
        var x = torch.linspace(-10, 10, 10, requires_grad: true);
        var y = torch.sum(x.pow(2));
        y.backward();
        var xs = x.detach().ToArray();
        var grads = x.grad!.ToArray();
        Assert.Equal(10, grads.Length);
        for (var i = 0; i < xs.Length; i++) Assert.Equal(2 * xs[i], grads[i], 5);
    }

    [Fact]
    public void Relu_Linspace_GradientIsStep()
    {
        var x = torch.linspace(-10, 10, 1000, requires_grad: true);
        var y = torch.nn.functional.relu(x);
        y.sum().backward();
        var xs = x.detach().ToArray();
        var grads = x.grad!.ToArray();
        for (var i = 0; i < xs.Length; i++) Assert.Equal(xs[i] > 0 ? 1.0 : 0.0, grads[i]);
        Assert.Equal(0.0, y.ToArray()[0]);
        Assert.Equal(10.0, y.ToArray()[999], 5);
    }

    [Fact]
    public void Relu_AtZero_DerivativeIsZero()
    {
        var x = torch.tensor(new[] { -1.0, 0.0, 1.0 }, requires_grad: true);
        x.relu().sum().backward();
        Assert.Equal(new[] { 0.0, 0.0, 1.0 }, x.grad!.ToArray());
    }
}
