using GradRepl.Tensors;

namespace GradRepl.Prelude.Tests;

public sealed class ScriptGlobalsPrintTests
{
    // Globals printing to a string, made current for the calling test (as the host does for a script's thread).
    private static StringWriter Create()
    {
        var output = new StringWriter();
        new ScriptGlobals(new ScriptEnvironment { Output = new TextWriterScriptOutput(output) }).MakeCurrent();
        return output;
    }

    [Fact]
    public void Print_StringThenValue_JoinsWithOneSpaceLikePython()
    {
        var output = Create();
        ScriptGlobals.print("The value: ", 2.0);
        Assert.Equal("The value:  2.0\n", output.ToString());
    }

    [Fact]
    public void Print_NullAndBooleans_PrintsNoneTrueFalse()
    {
        var output = Create();
        ScriptGlobals.print(null);
        ScriptGlobals.print(true, false, null, 1e-5);
        Assert.Equal("None\nTrue False None 1e-05\n", output.ToString());
    }

    [Fact]
    public void Print_NoArguments_PrintsEmptyLine()
    {
        var output = Create();
        ScriptGlobals.print();
        Assert.Equal("\n", output.ToString());
    }

    // Expected texts below are what PyTorch 1.13 prints for the same Python code (shown in each comment).

    [Fact]
    public void Print_Dtypes_PrintsTorchNames()
    {
        var output = Create();
        // print(x.dtype, torch.tensor(1).dtype, torch.tensor(True).dtype, torch.tensor(1.0, dtype=torch.float64).dtype)
        ScriptGlobals.print(ScriptGlobals.tensor(2.0).dtype, ScriptGlobals.tensor(1).dtype, ScriptGlobals.tensor(true).dtype, ScriptGlobals.tensor(1.0, torch.float64).dtype);
        ScriptGlobals.print(ScriptGlobals.tensor(2.0).dtype);
        Assert.Equal("torch.float32 torch.int64 torch.bool torch.float64\ntorch.float32\n", output.ToString());
        Assert.Equal("torch.float32", ScriptGlobals.str(torch.float32));
    }

    [Fact]
    public void Print_Shape_StaysTorchSize()
    {
        var output = Create();
        // print(torch.tensor([[1., 2.]]).shape)
        ScriptGlobals.print(ScriptGlobals.tensor(new double[,] { { 1, 2 } }).shape);
        Assert.Equal("torch.Size([1, 2])\n", output.ToString());
    }

    [Fact]
    public void Print_AutogradGradResult_PrintsOneElementTuple()
    {
        var output = Create();
        var x = ScriptGlobals.tensor(2.0, requires_grad: true);
        // print(torch.autograd.grad(x * x, x))
        ScriptGlobals.print(torch.autograd.grad(x * x, x));
        Assert.Equal("(tensor(4.),)\n", output.ToString());
    }

    [Fact]
    public void Print_NextFunctions_PrintsTupleOfPairs()
    {
        var output = Create();
        var x = ScriptGlobals.tensor(2.0, requires_grad: true);
        // print((x.pow(2) + torch.tensor(3.0)).grad_fn.next_functions)
        ScriptGlobals.print((x.pow(2) + ScriptGlobals.tensor(3.0)).grad_fn!.next_functions);
        Assert.Matches(@"^\(\(<PowBackward0 object at 0x[0-9a-f]+>, 0\), \(None, 0\)\)\n$", output.ToString());
    }

    [Fact]
    public void Print_TensorArrayAlone_IsOneValuePrintedAsList()
    {
        var output = Create();
        // print([torch.tensor(1.), torch.tensor(2.)])
        ScriptGlobals.print(new[] { ScriptGlobals.tensor(1.0), ScriptGlobals.tensor(2.0) });
        Assert.Equal("[tensor(1.), tensor(2.)]\n", output.ToString());
    }

    [Fact]
    public void Print_TensorArrayAfterLabel_IsOneValuePrintedAsList()
    {
        var output = Create();
        // print("ts:", [torch.tensor(1.), torch.tensor(2.)], None)
        ScriptGlobals.print("ts:", new[] { ScriptGlobals.tensor(1.0), ScriptGlobals.tensor(2.0) });
        ScriptGlobals.print("ts:", new[] { ScriptGlobals.tensor(1.0) }, null);
        ScriptGlobals.print("a", null);
        Assert.Equal("ts: [tensor(1.), tensor(2.)]\nts: [tensor(1.)] None\na None\n", output.ToString());
    }

    [Fact]
    public void Print_ObjectArrayAlone_IsOneValue()
    {
        var output = Create();
        // print([1, 'a', None])
        ScriptGlobals.print(new object?[] { 1, "a", null });
        Assert.Equal("[1, 'a', None]\n", output.ToString());
    }

    [Fact]
    public void Print_ZeroDimNumpy_PrintsTheBareValueLikeNumpy()
    {
        var output = Create();
        // print(torch.tensor(2.0).exp().numpy(), torch.tensor(2.0, dtype=torch.float64).exp().numpy(),
        //       torch.tensor(3).numpy(), torch.tensor(True).numpy(), torch.tensor(1e-5).numpy())
        ScriptGlobals.print(ScriptGlobals.tensor(2.0).exp().numpy(), ScriptGlobals.tensor(2.0, torch.float64).exp().numpy(),
            ScriptGlobals.tensor(3).numpy(), ScriptGlobals.tensor(true).numpy(), ScriptGlobals.tensor(1e-5).numpy());
        ScriptGlobals.print(ScriptGlobals.tensor(2.0).exp().numpy());
        Assert.Equal("7.389056 7.38905609893065 3 True 1e-05\n7.389056\n", output.ToString());
    }

    [Fact]
    public void Print_OneElementArray_StaysAList()
    {
        var output = Create();
        // print([2.0])
        ScriptGlobals.print(new[] { 2.0 });
        Assert.Equal("[2.0]\n", output.ToString());
    }

    [Fact]
    public void Checkpoint_WithHandler_InvokesHandler()
    {
        var seen = new List<int>();
        new ScriptGlobals(new ScriptEnvironment { Output = new TextWriterScriptOutput(new StringWriter()), Checkpoint = seen.Add }).MakeCurrent();
        ScriptGlobals.__checkpoint(3);
        Assert.Equal([3], seen);
    }
}
