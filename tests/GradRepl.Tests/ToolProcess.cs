using System.Diagnostics;

namespace GradRepl.Tests;

/// <summary>Runs the built <c>gradrepl</c> as a separate process, in a scratch directory with its own cache.</summary>
internal sealed class ToolProcess : IDisposable
{
    public ToolProcess()
    {
        WorkingDirectory = Directory.CreateTempSubdirectory("gradrepl-e2e-").FullName;
        CacheHome = Path.Combine(WorkingDirectory, ".cache");
    }

    public string WorkingDirectory { get; }

    public string CacheHome { get; }

    public string CacheDirectory => Path.Combine(CacheHome, "gradrepl");

    /// <summary><c>GRADREPL_COMPILE_SERVER</c> for the runs: "0" (off) unless a test sets "1".</summary>
    public string CompileServer { get; set; } = "0";

    /// <summary>Extra environment variables for the runs.</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = [];

    /// <summary>The repository root (the directory holding GradRepl.sln).</summary>
    public static string RepositoryRoot => GradRepl.TestSupport.RepositoryPaths.Root;

    public static string ToolPath
    {
        get
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            return Path.Combine(RepositoryRoot, "src", "GradRepl", "bin", configuration, "net10.0", "gradrepl.dll");
        }
    }

    /// <summary>Copies a fixture from Data/ into the working directory and returns its file name.</summary>
    public string AddFixture(string name)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", name), Path.Combine(WorkingDirectory, name), overwrite: true);
        return name;
    }

    public ToolResult Run(params string[] args) => Run(TimeSpan.FromSeconds(120), args);

    public ToolResult Run(TimeSpan limit, params string[] args) => RunWithInput(null, limit, args);

    /// <summary>Runs with <paramref name="input"/> piped to stdin (then closed); null leaves stdin alone.</summary>
    public ToolResult RunWithInput(string? input, TimeSpan limit, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ToolPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["XDG_CACHE_HOME"] = CacheHome;
        info.Environment["GRADREPL_TRACE"] = "1";
        info.Environment["NO_COLOR"] = "1";
        // Every run compiles in its own process, as the traces the tests read expect; CompileServerEndToEndTests
        // turns the server on.
        info.Environment["GRADREPL_COMPILE_SERVER"] = CompileServer;
        foreach (var (name, value) in ExtraEnvironment) info.Environment[name] = value;

        using var process = Process.Start(info)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"gradrepl {string.Join(' ', args)} did not finish within {limit}");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Exit code and both output streams of one run.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
