namespace GradRepl.Tensors.Tests;

/// <summary>
/// The layout behind views (storage, offset, strides) as the engine's own code sees it, and the C# side of ==:
/// what Data/views.json (PyTorch's results) cannot say.
/// </summary>
public sealed class TensorLayoutTests
{
    [Fact]
    public void Storage_OfAPlainTensor_IsTheStorageItself_OfAViewACopy()
    {
        var x = torch.arange(0.0, 6.0, 1.0);
        Assert.Same(x.Storage, x.Storage);
        var t = x.view(2, 3).t();
        Assert.NotSame(t.Storage, t.Storage);
        Assert.Equal(new float[] { 0, 3, 1, 4, 2, 5 }, (float[])t.Storage);
    }

    [Fact]
    public void F32_OfAContiguousSlice_IsASliceOfTheStorage()
    {
        var x = torch.arange(0.0, 6.0, 1.0);
        var slice = x[2..5];
        Assert.Equal(new float[] { 2, 3, 4 }, slice.F32.ToArray());
        slice.F32[0] = 100; // the span is the shared storage (the engine's own code never writes through it)
        Assert.Equal(100.0, x[2].item());
    }

    [Fact]
    public void GetAsDouble_OfAStridedView_ReadsThroughTheStrides()
    {
        var m = torch.arange(0.0, 12.0, 1.0).view(3, 4);
        var view = m[.., TensorIndex.Slice(1, null, 2)].t();
        Assert.Equal(new[] { 1.0, 5, 9, 3, 7, 11 }, Enumerable.Range(0, 6).Select(view.GetAsDouble).ToArray());
    }

    [Fact]
    public void WriteElements_IntoAStridedView_LeavesTheRestAlone()
    {
        var m = torch.zeros(3, 4);
        m[.., TensorIndex.Slice(step: 2)].WriteElements(torch.tensor(new[] { 1.0, 2.0 }));
        Assert.Equal(new[] { 1.0, 0, 2, 0, 1, 0, 2, 0, 1, 0, 2, 0 }, m.ToArray());
        Assert.Equal(0, m._version); // the engine's write path: no version bump
    }

    [Fact]
    public void EqualsNull_IsStillAReferenceTest()
    {
        Tensor? none = null;
        var x = torch.ones(3);
        Assert.True(none == null);
        Assert.False(x == null);
        Assert.True(x != null);
        Assert.True(none is null);
        Assert.True(x.grad == null);
        Assert.Equal("tensor([True, True, True])", (x == torch.ones(3)).ToString());
    }

    [Fact]
    public void BoolOfAManyElementComparison_FailsAsPython()
    {
        var x = torch.ones(3);
        var y = torch.ones(3);
        var error = Assert.Throws<RuntimeError>(() => { if (x == y) { } });
        Assert.Equal("Boolean value of Tensor with more than one value is ambiguous", error.Message);
    }

    [Fact]
    public void Collections_StillUseReferenceIdentity()
    {
        var a = torch.ones(2);
        var b = torch.ones(2);
        var set = new HashSet<Tensor> { a, b, a };
        Assert.Equal(2, set.Count);
        Assert.False(a.Equals(b));
    }

    [Fact]
    public void DataSetter_CourseUpdateStep_KeepsTheLeafAndItsGrad()
    {
        var w = torch.tensor(new[] { 1.0f, -2.0f }, requires_grad: true);
        var x = torch.tensor(new[] { 3.0f, 0.5f });
        for (var epoch = 0; epoch < 2; epoch++)
        {
            var loss = ((w * x - 1.0).pow(2)).sum();
            loss.backward();
            w.data = w.data - 0.1 * w.grad!.data;
            w.grad.data.zero_();
        }
        Assert.True(w.is_leaf);
        Assert.True(w.requires_grad);
        Assert.Equal("tensor([0., 0.])", w.grad!.ToString());
        // by hand: w0 = 1 - 0.1·2·(3-1)·3 = -0.2, then -0.2 - 0.1·2·(-0.6-1)·3 = 0.76; w1 = -2 - 0.1·2·(-1-1)·0.5 = -1.8, then -1.8 + 0.19 = -1.61
        Assert.Equal("tensor([ 0.7600, -1.6100], requires_grad=True)", w.ToString());
    }

    [Fact]
    public void AUniformGradient_AndItsData_ShareOneStorage()
    {
        var x = torch.tensor(new[] { 1.0f, 2.0f, 3.0f }, requires_grad: true);
        var g = Tensor.Uniform(torch.tensor(1.0f), [3]);
        var data = g.data;
        data.zero_();
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, g.ToArray());
        Assert.True(x.requires_grad);
    }

    [Fact]
    public void T_Of3D_ReversesTheDimensionsAsAViewAndWarnsOnce()
    {
        var warnings = new List<string>();
        var previous = TorchWarnings.Handler;
        TorchWarnings.Handler = warnings.Add;
        try
        {
            Tensor.ResetReversingTWarning();
            var x = torch.arange(24.0).view(2, 3, 4).requires_grad_();
            var t = x.T;
            _ = x.T;

            Assert.Equal([4L, 3, 2], t.shape.ToArray());
            Assert.Equal([1L, 4, 12], t.stride());
            Assert.Equal("PermuteBackward0", t.grad_fn!.name());
            // The handler is global and other tests run at the same time: count only this warning.
            Assert.Single(warnings, w => w.StartsWith("UserWarning: The use of `x.T` on tensors of dimension other than 2", StringComparison.Ordinal));
        }
        finally
        {
            TorchWarnings.Handler = previous;
        }
    }
}
