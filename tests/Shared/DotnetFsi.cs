using System.Diagnostics;

namespace GradRepl.TestSupport;

/// <summary>Runs an F# script under <c>dotnet fsi</c>, as the README's "From F#" section tells users to.</summary>
internal static class DotnetFsi
{
    /// <summary>What a finished run gave: its exit code and both output streams.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// Runs <c>dotnet fsi --quiet</c> with <paramref name="options"/> (e.g. <c>--reference:</c>, <c>--lib:</c>) and
    /// <paramref name="script"/> in <paramref name="workingDirectory"/>; F#'s first compile is slow, hence minutes.
    /// </summary>
    public static async Task<Result> RunAsync(string script, IEnumerable<string> options, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet", ["fsi", "--quiet", .. options, script])
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet fsi {Path.GetFileName(script)} did not finish in 3 minutes");
        }

        int exitCode = process.ExitCode;
        return new Result(exitCode, await stdout, await stderr);
    }
}
