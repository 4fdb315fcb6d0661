using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

public sealed class MemberSuggestionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-suggestions-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("var x = tensor(2.0);\nx.pwo(2);\n", "did you mean pow?")]
    [InlineData("var x = tensor(2.0);\nx.backwards();\n", "did you mean backward?")]
    [InlineData("var x = torch.tensr(2.0);\n", "did you mean tensor?")]
    [InlineData("var y = torch.nn.functional.rleu(tensor(1.0));\n", "did you mean relu?")]
    public void FormatCompileError_MissingEngineMember_EndsWithTheClosestNames(string code, string hint)
    {
        var error = CompileError(code);

        var text = DiagnosticFormatter.FormatCompileError(error);

        // The hint is one line of its own, right after the caret under the misspelt name.
        var lines = text.Split('\n');
        Assert.Equal("    " + hint, lines[^1]);
        Assert.StartsWith("^", lines[^2].Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var lr = 0.1;\nclass A { public double F() => lr; }\n", "lr is a variable of the script, which a class or static method in the script cannot reach: pass it in as an argument")]
    [InlineData("var lr = 0.1;\nstatic double F() => 2 * lr;\n", "lr is a variable of the script, which a class or static method in the script cannot reach: pass it in as an argument")]
    [InlineData("void Report(int n) => print(n);\nclass A { public void F() => Report(1); }\n", "Report is a method of the script, which a class or static method in the script cannot call: declare it static (print, plot and the other globals work in a static method too)")]
    [InlineData("T Same<T>(T x) => x;\nclass A { public int F() => Same(1); }\n", "Same is a method of the script, which a class or static method in the script cannot call: declare it static (print, plot and the other globals work in a static method too)")]
    public void FormatCompileError_ScriptMemberUsedInsideAClass_SaysHowToReachIt(string code, string hint)
    {
        var text = DiagnosticFormatter.FormatCompileError(CompileError(code));

        Assert.Contains("error CS0120", text, StringComparison.Ordinal);
        Assert.EndsWith("\n    " + hint, text, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatCompileError_InstanceMemberOfAClassFromAStaticMethod_AddsNoLine()
    {
        // the compiler's message names the class's member; nothing about scripts to add
        var text = DiagnosticFormatter.FormatCompileError(CompileError("class A { int n; static int F() => n; }\n"));

        Assert.Contains("error CS0120", text, StringComparison.Ordinal);
        Assert.EndsWith("^", text.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void FormatCompileError_NothingClose_AddsNoLine()
    {
        var error = CompileError("var x = tensor(2.0);\nx.zzzzzzzzzz();\n");

        var text = DiagnosticFormatter.FormatCompileError(error);

        Assert.Equal("CS1061", error.Id);
        Assert.DoesNotContain("did you mean", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_MissingMemberOfANonEngineType_IsNull()
    {
        var error = CompileError("var s = \"abc\";\nvar n = s.Lenght;\n");

        Assert.Equal("CS1061", error.Id);
        Assert.Null(MemberSuggestions.For(error.Id, error.Message));
    }

    [Theory]
    [InlineData("pwo", "pow", 1)]
    [InlineData("Pow", "pow", 0)]
    [InlineData("backwrd", "backward", 1)]
    [InlineData("abc", "xyz", 3)]
    public void Distance_Pairs_CountsEdits(string a, string b, int distance)
    {
        Assert.Equal(distance, MemberSuggestions.Distance(a, b));
    }

    private ScriptDiagnostic CompileError(string code)
    {
        var path = Path.Combine(_directory, "x.csx");
        File.WriteAllText(path, code);
        var failed = Assert.IsType<CompileResult.Failed>(RoslynCompiler.Compile(ScriptSource.Create(path, code)));
        return Assert.Single(failed.Errors);
    }
}
