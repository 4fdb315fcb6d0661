using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors.Tests;

/// <summary>torch.nn behaviour beyond what the PyTorch goldens (Golden/NnGoldenTests) compare: saving, registration, typing.</summary>
public sealed class NnModuleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-nn-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class Pair : torch.nn.Module<Tensor, Tensor>
    {
        public Linear first = torch.nn.Linear(2, 3);
        public Linear second = torch.nn.Linear(3, 1);

        public Pair() : base("Pair") => RegisterComponents();

        public override Tensor forward(Tensor input) => second.forward(first.forward(input));
    }

    [Fact]
    public void SaveThenLoad_StateDict_GivesTheSameNamesDtypesAndElements()
    {
        torch.manual_seed(3);
        var state = new Pair().state_dict();
        state["doubles"] = torch.tensor(new[] { 0.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0 }, dtype: torch.float64);
        state["floats"] = torch.tensor(new[] { 1e-30, float.MaxValue, float.NaN }, dtype: torch.float32);
        state["longs"] = torch.tensor(new[] { long.MaxValue, long.MinValue, 7L });
        state["flags"] = torch.tensor(new[] { true, false });
        state["scalar"] = torch.tensor(2.5);
        var path = Path.Combine(_directory, "model.pt");

        torch.save(state, path);
        var loaded = torch.load(path);

        Assert.Equal(state.Keys, loaded.Keys);
        foreach (var (name, tensor) in state)
        {
            Assert.Equal(tensor.dtype, loaded[name].dtype);
            Assert.Equal(tensor.shape, loaded[name].shape);
            Assert.Equal(tensor.ToString(), loaded[name].ToString());
            Assert.Equal(BitsOf(tensor), BitsOf(loaded[name]));
        }
    }

    [Fact]
    public void LoadStateDict_FromSavedFile_CopiesIntoTheModel()
    {
        torch.manual_seed(1);
        var source = new Pair();
        var path = Path.Combine(_directory, "pair.pt");
        torch.save(source.state_dict(), path);
        torch.manual_seed(2);
        var target = new Pair();

        var result = target.load_state_dict(torch.load(path));

        Assert.Equal("<All keys matched successfully>", result.ToString());
        Assert.Equal(source.state_dict().ToString(), target.state_dict().ToString());
        Assert.True(target.first.weight.requires_grad);
    }

    [Fact]
    public void Load_MissingFile_FileNotFoundErrorNamingThePath()
    {
        var path = Path.Combine(_directory, "nothing.pt");

        var error = Assert.Throws<FileNotFoundError>(() => torch.load(path));

        Assert.Equal($"[Errno 2] No such file or directory: '{path}'", error.Message);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"tensors\": []}")]
    [InlineData("{\"format\": \"gradrepl.state_dict\", \"version\": 2, \"tensors\": []}")]
    [InlineData("{\"format\": \"gradrepl.state_dict\", \"version\": 1, \"tensors\": [{\"name\": \"w\", \"dtype\": \"float32\", \"shape\": [2], \"data\": [1.0]}]}")]
    [InlineData("{\"format\": \"gradrepl.state_dict\", \"version\": 1, \"tensors\": [{\"name\": \"w\", \"dtype\": \"int8\", \"shape\": [1], \"data\": [1]}]}")]
    public void Load_BadFile_RuntimeErrorNamingThePath(string content)
    {
        var path = Path.Combine(_directory, "bad.pt");
        File.WriteAllText(path, content);

        var error = Assert.Throws<RuntimeError>(() => torch.load(path));

        Assert.StartsWith($"{path} is not a state dict saved by torch.save: ", error.Message);
    }

    [Fact]
    public void Save_IntoMissingDirectory_PyTorchsMessage()
    {
        var path = Path.Combine(_directory, "nodir", "x.pt");

        var error = Assert.Throws<RuntimeError>(() => torch.save(new Pair().state_dict(), path));

        // PyTorch 1.13: RuntimeError: Parent directory nodir does not exist.
        Assert.Equal($"Parent directory {Path.Combine(_directory, "nodir")} does not exist.", error.Message);
    }

    [Fact]
    public void Save_OneLinePerTensor()
    {
        var path = Path.Combine(_directory, "lines.pt");

        torch.save(new Pair().state_dict(), path);

        Assert.Equal(1 + 4 + 1, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Parameters_AreTensorsAnOptimizerCanTake()
    {
        IEnumerable<Tensor> forOptimizer = new Pair().parameters();

        Assert.Equal(4, forOptimizer.Count());
        Assert.All(forOptimizer, p => Assert.True(p.is_leaf && p.requires_grad));
    }

    [Fact]
    public void FieldGivenANewModule_ReplacesTheRegisteredOneInPlace()
    {
        var model = new Pair();
        _ = model.parameters().ToList();

        model.first = torch.nn.Linear(2, 5, hasBias: false);

        Assert.Equal("Pair(\n  (first): Linear(in_features=2, out_features=5, bias=False)\n  (second): Linear(in_features=3, out_features=1, bias=True)\n)", model.ToString());
        Assert.Equal(["first.weight", "second.weight", "second.bias"], model.named_parameters().Select(p => p.name));
    }

    private sealed class Layers : torch.nn.Module<Tensor, Tensor>
    {
        private readonly List<Linear> layers = [torch.nn.Linear(1, 1)];

        public override Tensor forward(Tensor input) => layers[0].forward(input);
    }

    [Fact]
    public void FieldHoldingAListOfModules_WarnsOnceToUseModuleList()
    {
        var warnings = new List<string>();
        var previous = TorchWarnings.Handler;
        TorchWarnings.Handler = warnings.Add;
        try
        {
            Assert.Empty(new Layers().parameters());
            Assert.Equal("Layers()", new Layers().ToString());
        }
        finally
        {
            TorchWarnings.Handler = previous;
        }

        // (other tests running at the same time may warn through the handler too: only this class's warnings count)
        Assert.Equal(
            ["UserWarning: Layers.layers is a List<Linear>: the modules in it are not registered, so parameters(), state_dict() and print leave them out; hold them in a torch.nn.ModuleList<Linear> instead"],
            warnings.Where(w => w.Contains("Layers.layers", StringComparison.Ordinal)));
    }

    [Fact]
    public void StateDict_Values_ShareStorageButAreOutsideTheGraph()
    {
        var model = new Pair();

        var weight = model.state_dict()["first.weight"];
        weight.zero_();

        Assert.False(weight.requires_grad);
        Assert.Equal(0.0, model.first.weight.abs().sum().item());
    }

    // The elements' bits (NaN, -0.0 and float32's exact values included); int64 and bool compare by their print.
    private static long[] BitsOf(Tensor t) => t.dtype is ScalarType.Float32 or ScalarType.Float64
        ? t.ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray()
        : [];
}
