using GradRepl.TestSupport;

namespace GradRepl.Tensors.Tests;

/// <summary>Runs tests/fsharp/engine.fsx under <c>dotnet fsi</c> against the engine this test project built.</summary>
public sealed class FSharpScriptTests
{
    [Fact]
    public async Task EngineScript_UnderDotnetFsi_ComputesTheLabsDerivatives()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "fsharp", "engine.fsx");
        var engine = Path.Combine(AppContext.BaseDirectory, "GradRepl.Tensors.dll");

        var result = await DotnetFsi.RunAsync(script, [$"--reference:{engine}"]);

        var output = result.Stdout + result.Stderr;
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("all F# engine checks passed", output);
    }
}
