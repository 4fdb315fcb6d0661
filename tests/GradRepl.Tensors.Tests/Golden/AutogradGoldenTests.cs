namespace GradRepl.Tensors.Tests.Golden;

/// <summary>Each case of Data/autograd.json: the engine must print, name nodes, differentiate and fail as PyTorch 1.13 did.</summary>
public sealed class AutogradGoldenTests
{
    public static TheoryData<string> CaseIds => new(AutogradGoldenCase.All.Keys.Order());

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void GoldenCase_RunInEngine_MatchesPyTorch(string id) => Check("autograd.json", id);

    /// <summary>Runs case <paramref name="id"/> of golden file <paramref name="file"/> and compares it with PyTorch's results.</summary>
    internal static void Check(string file, string id)
    {
        var golden = AutogradGoldenCase.InFile(file)[id];
        var inputs = golden.MakeInputs();
        if (golden.Kind == "error")
        {
            var error = Assert.ThrowsAny<TorchException>(() => GoldenCaseCompiler.Run(file, golden, inputs));
            Assert.Equal(golden.ErrorType, error.PythonName);
            Assert.Equal(golden.Error, error.Message);
            return;
        }
        var result = GoldenCaseCompiler.Run(file, golden, inputs);
        if (golden.Kind == "text")
        {
            Assert.Equal(golden.Text, result);
            return;
        }
        var tensor = Assert.IsType<Tensor>(result);
        if (golden.Kind == "approx")
        {
            var actual = tensor.ToArray();
            Assert.Equal(golden.Values!.Length, actual.Length);
            for (var i = 0; i < actual.Length; i++)
                Assert.True(Math.Abs(actual[i] - golden.Values[i]) <= 1e-6 * Math.Abs(golden.Values[i]), $"element {i}: {actual[i]} vs PyTorch {golden.Values[i]}");
        }
        else
        {
            Assert.Equal(golden.Repr, tensor.ToString());
        }
        Assert.Equal(golden.GradFn, tensor.grad_fn?.name());
        if (golden.Kind is "grad" or "approx" && tensor.grad_fn is not null) tensor.backward(torch.ones_like(tensor));
        foreach (var (name, expected) in golden.Grads ?? [])
            Assert.Equal(expected, inputs[name].grad?.ToString());
    }
}
