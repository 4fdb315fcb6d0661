namespace GradRepl.Tensors.Tests;

/// <summary>The tensor surface scripts use: metadata, copies out, conversions.</summary>
public sealed class TensorApiTests
{
    [Fact]
    public void Shape_PrintsLikeTorchSize()
    {
        var m = torch.zeros(2, 3);
        Assert.Equal("torch.Size([2, 3])", m.shape.ToString());
        Assert.Equal(2, m.dim());
        Assert.Equal(6, m.numel());
        Assert.Equal(3, m.size(-1));
    }

    [Fact]
    public void Item_OfNonScalar_FailsWithPyTorchText()
    {
        var error = Assert.Throws<ValueError>(() => torch.ones(3).item());
        Assert.Equal("only one element tensors can be converted to Python scalars", error.Message);
    }

    [Fact]
    public void ItemOfT_ConvertsToRequestedType()
    {
        Assert.Equal(7L, torch.tensor(7).item<long>());
        Assert.Equal(2.5f, torch.tensor(2.5).item<float>());
        Assert.True(torch.tensor(true).item<bool>());
    }

    [Fact]
    public void Numpy_OfMatrix_IsRowMajorCopy()
    {
        var m = torch.tensor(new[,] { { 1.0, 2.0 }, { 3.0, 4.0 } });
        var array = Assert.IsType<float[,]>(m.numpy());
        Assert.Equal(3f, array[1, 0]);
        array[1, 0] = 99f;
        Assert.Equal(3.0, m[1, 0].item());
    }

    [Fact]
    public void Tolist_OfMatrix_GivesNestedLists()
    {
        var list = Assert.IsType<List<object>>(torch.tensor(new[,] { { 1, 2 }, { 3, 4 } }).tolist());
        Assert.Equal(new List<long> { 3, 4 }, list[1]);
        Assert.Equal(0.5, torch.tensor(0.5).tolist());
    }

    [Fact]
    public void Detach_SharesStorageButLeavesGraph()
    {
        var x = torch.tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        var d = x.detach();
        Assert.False(d.requires_grad);
        Assert.True(d.is_leaf);
        d.zero_();
        Assert.Equal(new[] { 0.0, 0.0 }, x.ToArray());
    }

    [Fact]
    public void Double_ConvertsAndKeepsGraph()
    {
        var x = torch.tensor(2.0, requires_grad: true);
        var y = x.@double();
        Assert.Equal(torch.float64, y.dtype);
        y.pow(2).backward();
        Assert.Equal(torch.float32, x.grad!.dtype);
        Assert.Equal(4.0, x.grad.item());
    }

    [Fact]
    public void RandWithSeed_MatchesPyTorchFirstValues()
    {
        // torch.manual_seed(0); torch.rand(3) in PyTorch 1.13 gives [0.4963, 0.7682, 0.0885]
        torch.manual_seed(0);
        Assert.Equal("tensor([0.4963, 0.7682, 0.0885])", torch.rand(3).ToString());
    }

    [Fact]
    public void Randn_WithSeed_IsRepeatableAndRoughlyStandard()
    {
        torch.manual_seed(42);
        var a = torch.randn(10_000);
        torch.manual_seed(42);
        var b = torch.randn(10_000);
        Assert.True(a.equal(b));
        Assert.InRange(a.mean().item(), -0.05, 0.05);
        Assert.InRange((a * a).mean().item(), 0.95, 1.05);
    }
}
