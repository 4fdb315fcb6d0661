using GradRepl.Prelude;
using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

/// <summary>
/// Every script of a process is compiled from one template compilation (shared reference binding). These tests make
/// sure the scripts still come out as if each were compiled alone: its own code, its own path in errors, and its own
/// <c>#load</c>/<c>#r</c> directives, whatever was compiled before it.
/// </summary>
public sealed class RoslynCompilerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-compiler-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Compile_TwoScriptsDefiningTheSameFunction_EachRunsItsOwn()
    {
        var first = Source("first.csx", "int Pick() => 1;\nprint(Pick());\n");
        var second = Source("second.csx", "int Pick() => 2;\nprint(Pick());\n");

        var compiledFirst = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(first));
        var compiledSecond = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(second));

        // Run in the opposite order too: neither image depends on the other having been loaded.
        Assert.Equal("2\n", Run(compiledSecond, second));
        Assert.Equal("1\n", Run(compiledFirst, first));
    }

    [Fact]
    public void Compile_ErrorAfterAGoodScript_IsReportedAtItsOwnPathAndLine()
    {
        Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(Source("good.csx", "var a = 1;\nprint(a);\n")));

        var failed = Assert.IsType<CompileResult.Failed>(RoslynCompiler.Compile(Source("bad.csx", "var b = 1;\nprint(c);\n")));

        var error = Assert.Single(failed.Errors);
        Assert.Equal(Path.Combine(_directory, "bad.csx"), error.Path);
        Assert.Equal((2, 7, "CS0103"), (error.Line, error.Column, error.Id));
    }

    [Fact]
    public void Compile_LoadDirectiveBetweenPlainScripts_SeesTheLoadedFileOnlyWhereItIsLoaded()
    {
        File.WriteAllText(Path.Combine(_directory, "helper.csx"), "int Twice(int x) => 2 * x;\n");
        var before = Source("before.csx", "print(3);\n");
        var loading = Source("loading.csx", "#load \"helper.csx\"\nprint(Twice(21));\n");
        var after = Source("after.csx", "print(Twice(1));\n");

        var compiledBefore = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(before));
        var compiledLoading = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(loading));
        var failedAfter = Assert.IsType<CompileResult.Failed>(RoslynCompiler.Compile(after));

        Assert.Equal("3\n", Run(compiledBefore, before));
        Assert.Equal("42\n", Run(compiledLoading, loading));
        Assert.Equal("CS0103", Assert.Single(failedAfter.Errors).Id);
    }

    [Fact]
    public void Compile_ReferenceDirectiveAfterAPlainScript_ResolvesTheAssembly()
    {
        Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(Source("plain.csx", "print(1);\n")));
        var source = Source("xml.csx", "#r \"System.Xml.Linq\"\nusing System.Xml.Linq;\nprint(new XElement(\"a\", 1).ToString());\n");

        var compiled = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(source));

        Assert.Equal("<a>1</a>\n", Run(compiled, source));
    }

    [Fact]
    public void Compile_ScriptsOnSeveralThreadsAtOnce_EachGetsItsOwnImage()
    {
        // The compile server warms itself on a pool thread while it serves its first request: both derive from the
        // one template at the same time.
        var sources = Enumerable.Range(0, 6)
            .Select(i => Source($"parallel{i}.csx", $"int Value() => {i};\nprint(Value() * 10);\n"))
            .ToArray();
        var compiled = new CompileResult.Compiled[sources.Length];

        Parallel.For(0, sources.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 },
            i => compiled[i] = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(sources[i])));

        for (var i = 0; i < sources.Length; i++) Assert.Equal($"{i * 10}\n", Run(compiled[i], sources[i]));
    }

    private ScriptSource Source(string name, string text) => ScriptSource.Create(Path.Combine(_directory, name), text);

    private string Run(CompileResult.Compiled compiled, ScriptSource source)
    {
        var output = new StringWriter();
        var environment = new ScriptEnvironment { Output = new TextWriterScriptOutput(output), PlotDirectory = _directory };
        var result = new ScriptRunner(new RunnerSettings()).Execute(compiled.Script, source, environment);
        Assert.IsType<EvaluationResult.Success>(result);
        return output.ToString().ReplaceLineEndings("\n");
    }
}
