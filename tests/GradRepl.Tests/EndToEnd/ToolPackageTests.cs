using System.Diagnostics;

namespace GradRepl.Tests.EndToEnd;

/// <summary><c>dotnet pack</c> gives a .NET tool package that installs into a tool path and runs a lesson.</summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("gradrepl-pack-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_scratch, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public void Pack_InstalledIntoToolPath_RunsALesson()
    {
        var packages = Path.Combine(_scratch, "packages");
        var tools = Path.Combine(_scratch, "tools");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        // --no-build packs what the test run already built, so this test never rebuilds under other tests' feet.
        Run("dotnet", ["pack", Path.Combine(ToolProcess.RepositoryRoot, "src", "GradRepl", "GradRepl.csproj"),
            "-c", configuration, "--no-build", "-o", packages]);
        Assert.Single(Directory.GetFiles(packages, "GradRepl.*.nupkg"));

        // Only the local folder as a package source: the install needs no network.
        var config = Path.Combine(_scratch, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{packages}" /></packageSources>
            </configuration>
            """);
        Run("dotnet", ["tool", "install", "GradRepl", "--tool-path", tools, "--configfile", config]);

        var lesson = Path.Combine(ToolProcess.RepositoryRoot, "scripts", "derivatives.csx");
        var output = Run(Path.Combine(tools, "gradrepl"), [lesson]);
        Assert.Contains("tensor(4.)", output);
    }

    private string Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = _scratch,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["XDG_CACHE_HOME"] = Path.Combine(_scratch, "cache");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 3 minutes");
        }
        process.WaitForExit();
        var output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
