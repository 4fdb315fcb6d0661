using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

/// <summary>
/// When the host warns (GR0001) about a tensor compound assignment: only where it rebinds a tensor variable under
/// torch.no_grad(), never on numbers, on what the tensor writes through itself (indexer, <c>.data</c>), outside
/// no_grad, or on a local made inside the block; and the hint under C#'s own errors for the same mistake.
/// </summary>
public sealed class TensorCompoundAssignmentsTests
{
    private const string Prologue = "var w = tensor(new double[] { 1.0, 2.0 }, requires_grad: true);\n(w * w).sum().backward();\n";

    [Theory]
    [InlineData("-=", "sub_")]
    [InlineData("+=", "add_")]
    [InlineData("*=", "mul_")]
    [InlineData("/=", "div_")]
    public void Compile_OperatorOnATensorUnderNoGrad_WarnsWithTheInPlaceMethod(string op, string method)
    {
        var warning = Assert.Single(Warnings($"using (torch.no_grad())\n{{\n    w {op} 0.5 * w.grad;\n}}\n"));

        Assert.Equal(("GR0001", 5, 5, 17, true), (warning.Id, warning.Line, warning.Column, warning.Length, warning.IsWarning));
        Assert.Equal(
            $"'w {op} ...' makes a new tensor and rebinds w, unlike Python's in-place {op}; made under no_grad, "
            + "the new w does not require grad (the next backward() fails, or w.grad stays None)",
            warning.Message);
        Assert.Equal($"write w.{method}(0.5 * w.grad) instead (or w = w {op[..1]} ... if a new tensor is what you mean)", warning.Hint);
        Assert.Equal($"    w {op} 0.5 * w.grad;", warning.SourceLine);
    }

    [Theory]
    [InlineData("list slot", "var ps = new List<Tensor> { w };\nusing (torch.no_grad()) for (int i = 0; i < ps.Count; i++) ps[i] -= 0.1;\n", "ps[i]")]
    [InlineData("array element", "Tensor[] arr = { w };\nusing (torch.no_grad()) { arr[0] += 0.1; }\n", "arr[0]")]
    [InlineData("field of a class", "class M { public Tensor W = torch.ones(2); public void Step() { using (torch.no_grad()) W -= 0.1 * W; } }\n", "W")]
    [InlineData("using declaration", "{\n    using var g = torch.no_grad();\n    w -= 0.1 * w.grad;\n}\n", "w")]
    [InlineData("nested in a loop", "for (int i = 0; i < 2; i++)\n{\n    using (torch.no_grad())\n    {\n        if (i > 0) { w *= 0.5; }\n    }\n}\n", "w")]
    [InlineData("using with a declaration", "using (var g = torch.no_grad()) w /= 2;\n", "w")]
    public void Compile_TensorVariableRebound_Warns(string what, string code, string target)
    {
        var warning = Assert.Single(Warnings(code));

        Assert.True(warning.Message.StartsWith($"'{target} ", StringComparison.Ordinal), what + ": " + warning.Message);
    }

    [Theory]
    [InlineData("a tensor sum outside no_grad", "var loss = tensor(0.0);\nfor (int i = 0; i < 2; i++) loss += (w * w).sum();\n")]
    [InlineData("numbers under no_grad", "double total = 0; var n = 0L;\nusing (torch.no_grad()) { total += w.sum().item(); n += 1; total /= 2; }\n")]
    [InlineData("the tensor's indexer", "var x = torch.zeros(3);\nusing (torch.no_grad()) { x[0] -= 1; }\n")]
    [InlineData(".data", "using (torch.no_grad()) { w.data -= 0.1 * w.grad.data; }\n")]
    [InlineData("sub_", "using (torch.no_grad()) { w.sub_(0.1 * w.grad); w.grad.zero_(); }\n")]
    [InlineData("a local made in the block", "using (torch.no_grad()) { var scratch = torch.zeros(2); scratch += w; }\n")]
    [InlineData("enable_grad inside no_grad", "using (torch.no_grad()) { using (torch.enable_grad()) { w *= 2; } }\n")]
    [InlineData("a method's body (its caller decides the mode)", "void Step(Tensor p) { p -= 0.1 * p.grad; }\nusing (torch.no_grad()) Step(w);\n")]
    [InlineData("a using of something else", "using (new System.IO.MemoryStream()) { w -= 0.1 * w.grad; }\n")]
    public void Compile_LegitimateCode_NoWarning(string what, string code)
    {
        Assert.True(Warnings(code).Count == 0, what);
    }

    [Fact]
    public void Compile_UpdateStepOnAForeachVariable_ErrorWithTheInPlaceHint()
    {
        var failed = Assert.IsType<CompileResult.Failed>(RoslynCompiler.Compile(Source(
            "var model = torch.nn.Linear(1, 1);\nforeach (var p in model.parameters())\n{\n    using (torch.no_grad()) p -= 0.1 * p.grad;\n}\n")));

        var error = Assert.Single(failed.Errors);
        Assert.Equal(("CS1656", 6, 29), (error.Id, error.Line, error.Column));
        Assert.Equal("to update the tensor p refers to in place, as Python's -= does, write p.sub_(0.1 * p.grad)", error.Hint);
    }

    [Fact]
    public void Compile_MinusEqualsOnAParameterVariable_ErrorWithTheInPlaceHint()
    {
        var failed = Assert.IsType<CompileResult.Failed>(RoslynCompiler.Compile(Source(
            "var model = torch.nn.Linear(1, 1);\nvar b = model.bias;\nb += 1;\n")));

        var error = Assert.Single(failed.Errors);
        Assert.Equal(("CS0266", 5, 1), (error.Id, error.Line, error.Column));
        Assert.Equal("to update the tensor b refers to in place, as Python's += does, write b.add_(1)", error.Hint);
    }

    [Fact]
    public void Compile_ForeachVariableOfNumbersAssigned_NoHint()
    {
        var failed = Assert.IsType<CompileResult.Failed>(RoslynCompiler.Compile(Source("foreach (var i in new[] { 1, 2 }) i += 1;\n")));

        var error = Assert.Single(failed.Errors);
        Assert.Equal("CS1656", error.Id);
        Assert.Null(error.Hint);
    }

    [Fact]
    public void Warnings_AfterTheCompileCacheAndTheCompileServerReply_AreTheSame()
    {
        var compiled = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(Source("using (torch.no_grad()) w -= 0.1 * w.grad;\n")));
        var warning = Assert.Single(compiled.Script.Warnings);

        var fromCache = CompileCache.Decode(CompileCache.Encode(compiled.Script));
        using var stream = new MemoryStream();
        CompileServerProtocol.WriteReply(stream, compiled);
        stream.Position = 0;
        var fromServer = Assert.IsType<CompileResult.Compiled>(CompileServerProtocol.ReadReply(stream));

        Assert.Equal(warning, Assert.Single(Assert.IsType<CompiledScript>(fromCache).Warnings));
        Assert.Equal(warning, Assert.Single(fromServer.Script.Warnings));
    }

    [Fact]
    public void FormatCompileWarnings_Warning_ReadsAsACompilerWarningWithTheHint()
    {
        var compiled = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(Source("using (torch.no_grad()) { w -= 0.1 * w.grad; }\n")));

        var text = DiagnosticFormatter.FormatCompileWarnings(compiled.Script.Warnings);

        Assert.Equal(
            "update.csx(3,27): warning GR0001: 'w -= ...' makes a new tensor and rebinds w, unlike Python's in-place -=; made under no_grad, "
            + "the new w does not require grad (the next backward() fails, or w.grad stays None)\n"
            + "    using (torch.no_grad()) { w -= 0.1 * w.grad; }\n"
            + "                              ^~~~~~~~~~~~~~~~~\n"
            + "    write w.sub_(0.1 * w.grad) instead (or w = w - ... if a new tensor is what you mean)",
            text.Replace(Path.Combine(Path.GetTempPath(), "gradrepl-tests") + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }

    private static List<ScriptDiagnostic> Warnings(string code) =>
        Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(Source(code))).Script.Warnings.ToList();

    // The path is never read: the text is given.
    private static ScriptSource Source(string code) =>
        ScriptSource.Create(Path.Combine(Path.GetTempPath(), "gradrepl-tests", "update.csx"), Prologue + code);
}
