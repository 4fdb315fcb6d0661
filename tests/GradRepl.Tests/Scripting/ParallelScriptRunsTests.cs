using GradRepl.Prelude;
using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

/// <summary>Two runs of a script in one process at once (as tests and <c>check</c> may): a class's print goes to its own run's output.</summary>
public sealed class ParallelScriptRunsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-parallel-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Execute_TwoRunsAtOnce_EachClassPrintsToItsOwnOutput()
    {
        // the class reads Args too: every global, not just print, is its own run's
        var source = ScriptSource.Create(Path.Combine(_directory, "speaker.csx"), """
            class Speaker
            {
                public static void Say()
                {
                    for (int i = 0; i < 40; i++)
                    {
                        print(Args[0], i);
                        System.Threading.Thread.Sleep(2);
                    }
                }
            }
            Speaker.Say();

            """);
        var script = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(source)).Script;
        var runner = new ScriptRunner(new RunnerSettings());
        var outputs = new[] { new StringWriter(), new StringWriter() };
        var results = new EvaluationResult[2];

        Parallel.For(0, 2, i => results[i] = runner.Execute(script, source, new ScriptEnvironment
        {
            Output = new TextWriterScriptOutput(outputs[i]),
            Args = [$"run{i}"],
            PlotDirectory = _directory,
        }));

        Assert.All(results, r => Assert.IsType<EvaluationResult.Success>(r));
        Assert.Equal(Lines("run0"), outputs[0].ToString());
        Assert.Equal(Lines("run1"), outputs[1].ToString());
    }

    private static string Lines(string word) => string.Concat(Enumerable.Range(0, 40).Select(i => $"{word} {i}\n"));
}
