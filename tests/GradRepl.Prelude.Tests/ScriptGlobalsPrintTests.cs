using GradRepl.Tensors;

namespace GradRepl.Prelude.Tests;

public sealed class ScriptGlobalsPrintTests
{
    private static (ScriptGlobals Globals, StringWriter Output) Create()
    {
        var output = new StringWriter();
        var globals = new ScriptGlobals(new ScriptEnvironment { Output = new TextWriterScriptOutput(output) });
        return (globals, output);
    }

    [Fact]
    public void Print_StringThenValue_JoinsWithOneSpaceLikePython()
    {
        var (globals, output) = Create();
        globals.print("The value: ", 2.0);
        Assert.Equal("The value:  2.0\n", output.ToString());
    }

    [Fact]
    public void Print_NullAndBooleans_PrintsNoneTrueFalse()
    {
        var (globals, output) = Create();
        globals.print(null);
        globals.print(true, false, null, 1e-5);
        Assert.Equal("None\nTrue False None 1e-05\n", output.ToString());
    }

    [Fact]
    public void Print_NoArguments_PrintsEmptyLine()
    {
        var (globals, output) = Create();
        globals.print();
        Assert.Equal("\n", output.ToString());
    }

    // Expected texts below are what PyTorch 1.13 prints for the same Python code (shown in each comment).

    [Fact]
    public void Print_Dtypes_PrintsTorchNames()
    {
        var (globals, output) = Create();
        // print(x.dtype, torch.tensor(1).dtype, torch.tensor(True).dtype, torch.tensor(1.0, dtype=torch.float64).dtype)
        globals.print(globals.tensor(2.0).dtype, globals.tensor(1).dtype, globals.tensor(true).dtype, globals.tensor(1.0, torch.float64).dtype);
        globals.print(globals.tensor(2.0).dtype);
        Assert.Equal("torch.float32 torch.int64 torch.bool torch.float64\ntorch.float32\n", output.ToString());
        Assert.Equal("torch.float32", globals.str(torch.float32));
    }

    [Fact]
    public void Print_Shape_StaysTorchSize()
    {
        var (globals, output) = Create();
        // print(torch.tensor([[1., 2.]]).shape)
        globals.print(globals.tensor(new double[,] { { 1, 2 } }).shape);
        Assert.Equal("torch.Size([1, 2])\n", output.ToString());
    }

    [Fact]
    public void Print_AutogradGradResult_PrintsOneElementTuple()
    {
        var (globals, output) = Create();
        var x = globals.tensor(2.0, requires_grad: true);
        // print(torch.autograd.grad(x * x, x))
        globals.print(torch.autograd.grad(x * x, x));
        Assert.Equal("(tensor(4.),)\n", output.ToString());
    }

    [Fact]
    public void Print_NextFunctions_PrintsTupleOfPairs()
    {
        var (globals, output) = Create();
        var x = globals.tensor(2.0, requires_grad: true);
        // print((x.pow(2) + torch.tensor(3.0)).grad_fn.next_functions)
        globals.print((x.pow(2) + globals.tensor(3.0)).grad_fn!.next_functions);
        Assert.Matches(@"^\(\(<PowBackward0 object at 0x[0-9a-f]+>, 0\), \(None, 0\)\)\n$", output.ToString());
    }

    [Fact]
    public void Print_TensorArrayAlone_IsOneValuePrintedAsList()
    {
        var (globals, output) = Create();
        // print([torch.tensor(1.), torch.tensor(2.)])
        globals.print(new[] { globals.tensor(1.0), globals.tensor(2.0) });
        Assert.Equal("[tensor(1.), tensor(2.)]\n", output.ToString());
    }

    [Fact]
    public void Print_TensorArrayAfterLabel_IsOneValuePrintedAsList()
    {
        var (globals, output) = Create();
        // print("ts:", [torch.tensor(1.), torch.tensor(2.)], None)
        globals.print("ts:", new[] { globals.tensor(1.0), globals.tensor(2.0) });
        globals.print("ts:", new[] { globals.tensor(1.0) }, null);
        globals.print("a", null);
        Assert.Equal("ts: [tensor(1.), tensor(2.)]\nts: [tensor(1.)] None\na None\n", output.ToString());
    }

    [Fact]
    public void Print_ObjectArrayAlone_IsOneValue()
    {
        var (globals, output) = Create();
        // print([1, 'a', None])
        globals.print(new object?[] { 1, "a", null });
        Assert.Equal("[1, 'a', None]\n", output.ToString());
    }

    [Fact]
    public void Print_ZeroDimNumpy_PrintsTheBareValueLikeNumpy()
    {
        var (globals, output) = Create();
        // print(torch.tensor(2.0).exp().numpy(), torch.tensor(2.0, dtype=torch.float64).exp().numpy(),
        //       torch.tensor(3).numpy(), torch.tensor(True).numpy(), torch.tensor(1e-5).numpy())
        globals.print(globals.tensor(2.0).exp().numpy(), globals.tensor(2.0, torch.float64).exp().numpy(),
            globals.tensor(3).numpy(), globals.tensor(true).numpy(), globals.tensor(1e-5).numpy());
        globals.print(globals.tensor(2.0).exp().numpy());
        Assert.Equal("7.389056 7.38905609893065 3 True 1e-05\n7.389056\n", output.ToString());
    }

    [Fact]
    public void Print_OneElementArray_StaysAList()
    {
        var (globals, output) = Create();
        // print([2.0])
        globals.print(new[] { 2.0 });
        Assert.Equal("[2.0]\n", output.ToString());
    }

    [Fact]
    public void Checkpoint_WithHandler_InvokesHandler()
    {
        var seen = new List<int>();
        var globals = new ScriptGlobals(new ScriptEnvironment { Output = new TextWriterScriptOutput(new StringWriter()), Checkpoint = seen.Add });
        globals.__checkpoint(3);
        Assert.Equal([3], seen);
    }
}
