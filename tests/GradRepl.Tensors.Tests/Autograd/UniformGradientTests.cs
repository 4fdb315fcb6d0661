using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors.Tests.Autograd;

/// <summary>
/// Uniform tensors (one value expanded, kept as that value until read; Tensor.Uniform.cs) and the kernels that
/// read the value directly: they must give exactly what a materialised array would, and never change a user's tensor.
/// </summary>
public sealed class UniformGradientTests
{
    [Fact]
    public void Expand_OfOneValue_StaysOneValueUntilItsElementsAreRead()
    {
        var t = torch.tensor(3.0f).expand([4]); // the gradients' expand (the public one is a stride-0 view)
        Assert.True(t.IsUniform);
        Assert.Equal(4, t.numel());
        Assert.Equal("tensor([3., 3., 3., 3.])", t.ToString());
        Assert.False(t.IsUniform);
        Assert.Same(t.Storage, t.Storage);
    }

    [Fact]
    public void Expand_ThenChangingTheSource_DoesNotChangeTheExpansion()
    {
        var source = torch.tensor(new[] { 2.0f });
        var expanded = source.expand([3]);
        source.fill_(7);
        Assert.Equal(new[] { 2.0, 2.0, 2.0 }, expanded.ToDoubleArray());
    }

    [Fact]
    public void ExactArithmetic_OnAUniformTensor_StaysUniform_OtherOpsMaterialise()
    {
        var ones = torch.tensor(1.0f).expand([5]);
        var scaled = ones * 2.5 - 0.5;
        Assert.True(scaled.IsUniform);
        Assert.Equal(new[] { 2.0, 2.0, 2.0, 2.0, 2.0 }, scaled.ToDoubleArray());
        var exp = ones.exp();
        Assert.False(exp.IsUniform);
        Assert.Equal(torch.ones(5).exp().ToDoubleArray(), exp.ToDoubleArray());
    }

    [Fact]
    public void ReluSumBackward_GivesTheSameGradAsAFullGradientOfOnes()
    {
        // Large enough for the streaming-store kernel, with an odd length and the special values relu cares about.
        torch.manual_seed(1);
        var values = (torch.rand(new long[] { 100_003 }) - 0.5).ToDoubleArray();
        values[0] = double.NaN; values[1] = -0.0; values[2] = 0.0; values[100_002] = double.NaN; values[100_001] = -1;
        var x = torch.tensor(Array.ConvertAll(values, v => (float)v), requires_grad: true);
        x.relu().sum().backward();
        var viaUniform = x.grad!.ToDoubleArray();

        var y = torch.tensor(Array.ConvertAll(values, v => (float)v), requires_grad: true);
        y.relu().backward(torch.ones(100_003));
        Assert.Equal(y.grad!.ToDoubleArray(), viaUniform);
        Assert.Equal(1.0, viaUniform[0]);   // NaN lets the gradient through, as PyTorch's threshold_backward does
        Assert.Equal(0.0, viaUniform[1]);
        Assert.Equal(0.0, viaUniform[2]);
        Assert.Equal(1.0, viaUniform[100_002]);
        Assert.False(x.grad.IsUniform);
    }

    [Fact]
    public void SumBackward_IntoAnExistingGrad_AddsTheValueToEveryElement()
    {
        var x = torch.tensor(new[] { 1.0, 2.0, 3.0 }, dtype: torch.float64, requires_grad: true);
        x.sum().backward();
        x.sum().backward();
        x.mean().backward();
        Assert.Equal(new[] { 2.0 + 1.0 / 3, 2.0 + 1.0 / 3, 2.0 + 1.0 / 3 }, x.grad!.ToDoubleArray());
    }

    [Fact]
    public void SumBackward_OfALeaf_GivesAGradWithItsOwnArray()
    {
        var x = torch.tensor(new[] { 1.0f, 2.0f }, requires_grad: true);
        x.sum().backward();
        Assert.False(x.grad!.IsUniform);
        Assert.Equal(new[] { 1.0, 1.0 }, x.grad.ToDoubleArray());
        x.grad.zero_();
        x.sum().backward();
        Assert.Equal(new[] { 1.0, 1.0 }, x.grad.ToDoubleArray());
    }

    [Fact]
    public void DoubleBackward_ThroughRelu_WithCreateGraph()
    {
        var x = torch.tensor(new[] { -1.0, 2.0, 3.0 }, dtype: torch.float64, requires_grad: true);
        // sum() hands a uniform gradient to pow's backward, recorded this time; d/dx Σ relu(x)² = 2·relu(x)
        var g = torch.autograd.grad(x.relu().pow(2).sum(), x, create_graph: true)[0]!;
        Assert.Equal(new[] { 0.0, 4.0, 6.0 }, g.ToDoubleArray());
        Assert.Equal("ThresholdBackwardBackward0", g.grad_fn!.name());
        // d/dx Σ 2·relu(x) = 2 where x > 0
        g.sum().backward();
        Assert.Equal(new[] { 0.0, 2.0, 2.0 }, x.grad!.ToDoubleArray());
    }

    [Fact]
    public void UserGradient_SummedWithTheWalksOwn_IsNeverChanged()
    {
        // x reaches the sum by two paths: the user's gradient itself (through a + x) and 2·gradient (through 2x),
        // so the walk adds the two at x, in place into the array it made, never into the user's.
        var x = torch.tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        var gradient = torch.tensor(new[] { 0.5, 0.25 });
        (x * 2 + x).backward(gradient);
        Assert.Equal(new[] { 1.5, 0.75 }, x.grad!.ToDoubleArray());
        Assert.Equal(new[] { 0.5, 0.25 }, gradient.ToDoubleArray());
    }

    [Fact]
    public void UniformUserGradient_IsNeverChanged()
    {
        var x = torch.tensor(new[] { 1.0f, 2.0f, 3.0f }, requires_grad: true);
        var gradient = torch.tensor(2.0f).expand(3);
        (x * 1).backward(gradient);
        (x * x).backward(gradient);
        Assert.Equal(new[] { 2.0, 2.0, 2.0 }, gradient.ToDoubleArray());
        Assert.Equal(new[] { 2.0 + 4, 2.0 + 8, 2.0 + 12 }, x.grad!.ToDoubleArray());
    }

    [Fact]
    public void PolySumBackward_MatchesTheFormula()
    {
        var values = new[] { -1.5f, 0.0f, 0.25f, 3.0f, 1e-3f };
        var x = torch.tensor(values, requires_grad: true);
        (x.pow(2) + 2 * x + 1).sum().backward();
        Assert.Equal(Array.ConvertAll(values, v => (double)(v * 2f * 1f + 2f)), x.grad!.ToDoubleArray());
    }
}
