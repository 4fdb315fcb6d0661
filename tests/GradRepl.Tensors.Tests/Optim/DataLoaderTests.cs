using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors.Tests.Optim;

/// <summary>Datasets and loaders beyond PyTorch's numbers (those are in OptimGoldenTests): unpacking, counts, collation, bad input.</summary>
public sealed class DataLoaderTests
{
    private sealed class Squares(long n) : torch.utils.data.Dataset<(Tensor x, Tensor y)>
    {
        private readonly Tensor _x = torch.arange((double)n);

        public override long Count => n;

        public override (Tensor x, Tensor y) GetTensor(long index) => (_x[index], _x[index] * _x[index]);
    }

    [Fact]
    public void Foreach_TupleDataset_DeconstructsStackedBatches()
    {
        var seen = new List<string>();
        foreach (var (xb, yb) in torch.utils.data.DataLoader(new Squares(5), batchSize: 2))
            seen.Add($"{xb} {yb}");

        Assert.Equal(["tensor([0., 1.]) tensor([0., 1.])", "tensor([2., 3.]) tensor([4., 9.])", "tensor([4.]) tensor([16.])"], seen);
    }

    [Fact]
    public void Foreach_TensorDataset_DeconstructsTheList()
    {
        var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(4.0), torch.arange(4)), 4);
        foreach (var (xb, yb) in loader)
        {
            Assert.Equal("tensor([0., 1., 2., 3.])", xb.ToString());
            Assert.Equal("tensor([0, 1, 2, 3])", yb.ToString());
        }
    }

    [Fact]
    public void Deconstruct_WrongCount_PythonsUnpackingErrors()
    {
        var three = torch.utils.data.TensorDataset(torch.ones(2), torch.ones(2), torch.ones(2))[0];
        var two = torch.utils.data.TensorDataset(torch.ones(2), torch.ones(2))[0];

        Assert.Equal("too many values to unpack (expected 2)", Assert.Throws<ValueError>(() => { var (a, b) = three; }).Message);
        Assert.Equal("not enough values to unpack (expected 3, got 2)", Assert.Throws<ValueError>(() => { var (a, b, c) = two; }).Message);
    }

    [Theory]
    [InlineData(10, 3, false, 4)]
    [InlineData(10, 3, true, 3)]
    [InlineData(9, 3, true, 3)]
    [InlineData(2, 5, true, 0)]
    public void Count_BatchesPerPass_AsPythonsLen(long n, int batchSize, bool dropLast, long expected)
    {
        var loader = torch.utils.data.DataLoader(new Squares(n), batchSize, drop_last: dropLast);
        Assert.Equal(expected, loader.Count);
        Assert.Equal(expected, loader.LongCount());
    }

    [Fact]
    public void DataLoader_CollateFunction_MakesEachBatch()
    {
        var loader = torch.utils.data.DataLoader(new Squares(5), 2, samples => samples.Count);
        Assert.Equal([2, 2, 1], loader.ToList());
    }

    [Fact]
    public void Collate_SamplesRequiringGrad_StackKeepsTheGraph()
    {
        var x = torch.ones(3, 2, requires_grad: true);
        var batch = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x), 3).Single()[0];
        Assert.Equal("StackBackward0", batch.grad_fn!.name());
    }

    [Fact]
    public void TensorDataset_FirstDimensionsDiffer_Refused()
    {
        var error = Assert.Throws<ValueError>(() => torch.utils.data.TensorDataset(torch.ones(3, 2), torch.ones(4)));
        Assert.Equal("Size mismatch between tensors", error.Message);
    }

    [Fact]
    public void TensorDataset_ZeroDimTensor_IndexError()
    {
        var error = Assert.Throws<IndexError>(() => torch.utils.data.TensorDataset(torch.tensor(1.0)));
        Assert.Equal("dimension specified as 0 but tensor has no dimensions", error.Message);
    }

    [Fact]
    public void Indexer_SampleOfATensorDataset_PrintsAsPythonsTuple()
    {
        var dataset = torch.utils.data.TensorDataset(torch.arange(6.0).reshape(3, 2), torch.arange(3));
        Assert.Equal("(tensor([4., 5.]), tensor(2))", dataset[2].ToString());
        Assert.Equal(3, dataset.Count);
    }
}
