using System.Diagnostics;

namespace GradRepl.Tensors.Tests;

/// <summary>Runs tests/fsharp/engine.fsx under <c>dotnet fsi</c> against the engine this test project built.</summary>
public sealed class FSharpScriptTests
{
    [Fact]
    public async Task EngineScript_UnderDotnetFsi_ComputesTheLabsDerivatives()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "fsharp", "engine.fsx");
        var engine = Path.Combine(AppContext.BaseDirectory, "GradRepl.Tensors.dll");
        var start = new ProcessStartInfo("dotnet", ["fsi", "--quiet", $"--reference:{engine}", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("all F# engine checks passed", output);
    }
}
