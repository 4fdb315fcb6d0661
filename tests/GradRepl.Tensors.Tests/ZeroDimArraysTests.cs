namespace GradRepl.Tensors.Tests;

public sealed class ZeroDimArraysTests
{
    [Fact]
    public void Numpy_ZeroDimTensor_GivesAMarkedOneElementArray()
    {
        var array = torch.tensor(2.0).exp().numpy();

        Assert.Equal([MathF.Exp(2)], (float[])array);
        Assert.True(ZeroDimArrays.Contains(array));
    }

    [Fact]
    public void Numpy_OneElementVector_IsNotMarked()
    {
        Assert.False(ZeroDimArrays.Contains(torch.tensor([2.0]).numpy()));
        Assert.False(ZeroDimArrays.Contains(new[] { 2.0f }));
    }
}
