using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors.Tests.Optim;

/// <summary>
/// An optimizer's state dict through torch.save and torch.load, and the state and groups beyond what the PyTorch
/// goldens (Golden/OptimGoldenTests, optim_groups.json) compare.
/// </summary>
public sealed class OptimizerStateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-optim-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Optimizers => new("sgd", "adam", "rmsprop", "adagrad");

    private static torch.optim.Optimizer Make(string kind, Tensor w, Tensor b) => kind switch
    {
        "sgd" => torch.optim.SGD([new SGD.ParamGroup([w]), new SGD.ParamGroup([b], lr: 0.01, momentum: 0)], lr: 0.05, momentum: 0.9),
        "adam" => torch.optim.Adam([new Adam.ParamGroup([w], amsgrad: true), new Adam.ParamGroup([b], beta1: 0.5)], lr: 0.1),
        "rmsprop" => torch.optim.RMSprop([new RMSProp.ParamGroup([w], momentum: 0.5), new RMSProp.ParamGroup([b], centered: true)]),
        _ => torch.optim.Adagrad([new Adagrad.ParamGroup([w], lr_decay: 0.1), new Adagrad.ParamGroup([b])], initial_accumulator_value: 0.25),
    };

    private static void Steps(torch.optim.Optimizer optimizer, Tensor w, Tensor b, int count)
    {
        for (var i = 0; i < count; i++)
        {
            optimizer.zero_grad();
            ((w - 1).pow(2).sum() + (b * torch.tensor(new[] { 1.0, -2.0 })).pow(2).sum()).backward();
            optimizer.step();
        }
    }

    private static string Bits(Tensor t) => string.Join(" ", t.detach().reshape(-1).ToArray().Select(v => BitConverter.SingleToUInt32Bits((float)v).ToString("x")));

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void StateDict_SavedAndLoadedIntoAFreshOptimizer_ContinuesBitForBit(string kind)
    {
        var (w, b) = (torch.tensor(new[] { 0.5, -1.5, 2.0 }, requires_grad: true), torch.tensor(new[] { 0.3, -0.7 }, requires_grad: true));
        var optimizer = Make(kind, w, b);
        Steps(optimizer, w, b, 3);
        var path = Path.Combine(_directory, kind + ".json");
        torch.save(optimizer.state_dict(), path);
        var (w2, b2) = (w.detach().clone().requires_grad_(), b.detach().clone().requires_grad_());
        var restored = Make(kind, w2, b2);
        restored.param_groups[0]["lr"] = 123.0;

        restored.load_state_dict(torch.load(path));

        // the same state and options, printed alike (floats stay floats and ints ints), and the same next steps
        Assert.Equal(optimizer.state_dict().ToString(), restored.state_dict().ToString());
        Assert.Equal(optimizer.state_dict().ToString(), torch.load(path).ToString());
        Steps(optimizer, w, b, 3);
        Steps(restored, w2, b2, 3);
        Assert.Equal(Bits(w) + " | " + Bits(b), Bits(w2) + " | " + Bits(b2));
    }

    [Fact]
    public void Save_OptimizerStateDict_WritesTheDocumentedJson()
    {
        var w = torch.tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        var optimizer = torch.optim.Adam([w]);
        w.sum().backward();
        optimizer.step();
        var path = Path.Combine(_directory, "adam.json");

        torch.save(optimizer.state_dict(), path);

        Assert.Equal(
            """
            {"format": "gradrepl.optimizer_state_dict", "version": 1, "state": [
            {"param":0,"entries":[{"name":"step","dtype":"float32","shape":[],"data":[1]},{"name":"exp_avg","dtype":"float32","shape":[2],"data":[0.1,0.1]},{"name":"exp_avg_sq","dtype":"float32","shape":[2],"data":[0.001,0.001]}]}
            ], "param_groups": [
            {"lr":0.001,"betas":[0.9,0.999],"eps":1e-08,"weight_decay":0,"amsgrad":false,"maximize":false,"foreach":null,"capturable":false,"differentiable":false,"fused":false,"params":[0]}
            ]}

            """.ReplaceLineEndings("\n"), File.ReadAllText(path));
    }

    [Fact]
    public void LoadStateDict_AModulesStateDict_FailsAsPyTorch()
    {
        var model = torch.nn.Linear(2, 1);
        var optimizer = torch.optim.SGD(model.parameters(), 0.1);

        var error = Assert.Throws<KeyError>(() => optimizer.load_state_dict(model.state_dict()));

        Assert.Equal("'param_groups'", error.Message);
    }

    [Fact]
    public void Step_StateBufferOfAnotherShapeSetByHand_NamesIt()
    {
        var w = torch.ones(3, requires_grad: true);
        var optimizer = torch.optim.SGD([w], 0.1, momentum: 0.9);
        optimizer.state[w]["momentum_buffer"] = torch.ones(2);
        w.sum().backward();

        var error = Assert.Throws<RuntimeError>(() => optimizer.step());

        Assert.Equal("the optimizer's state 'momentum_buffer' must be a tensor of the parameter's shape torch.Size([3]), got tensor([1., 1.])", error.Message);
    }

    [Fact]
    public void AddParamGroup_ParameterTwiceInOneGroup_WarnsAsPyTorch()
    {
        var w = torch.ones(2, requires_grad: true);
        var warnings = new List<string>();
        var previous = TorchWarnings.Handler;
        TorchWarnings.Handler = warnings.Add;
        try
        {
            torch.optim.SGD([w, w], 0.1);
        }
        finally
        {
            TorchWarnings.Handler = previous;
        }

        // PyTorch 1.13's text (torch/optim/optimizer.py, add_param_group); other tests may warn meanwhile
        Assert.Contains("UserWarning: optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; "
            + "see github.com/pytorch/pytorch/issues/40967 for more information", warnings);
    }

    [Fact]
    public void State_ParameterWithoutState_GetsAnEmptyDictAsADefaultdict()
    {
        var w = torch.ones(2, requires_grad: true);
        var optimizer = torch.optim.SGD([w], 0.1);

        Assert.False(optimizer.state.ContainsKey(w));
        Assert.Equal("{}", optimizer.state[w].ToString());
        Assert.True(optimizer.state.ContainsKey(w));
        Assert.Single(optimizer.state);
    }
}
