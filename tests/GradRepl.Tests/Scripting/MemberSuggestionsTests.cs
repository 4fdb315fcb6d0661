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
    [InlineData("class A { public void F() { print(1); } }\n", "print")]
    [InlineData("static void Draw() => plot(new[] { 1.0 }, new[] { 2.0 });\n", "plot")]
    public void FormatCompileError_GlobalUsedInsideAClass_SaysHowToReachIt(string code, string name)
    {
        var text = DiagnosticFormatter.FormatCompileError(CompileError(code));

        Assert.Contains("error CS0120", text, StringComparison.Ordinal);
        Assert.EndsWith($"\n    {name} belongs to the script's globals, which a class or static method in a script cannot reach: make the helper a top-level method of the script", text, StringComparison.Ordinal);
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
