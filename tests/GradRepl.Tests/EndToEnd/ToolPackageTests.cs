using System.Diagnostics;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

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
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        // --no-build packs what the test run already built, so this test never rebuilds under other tests' feet.
        Run("dotnet", ["pack", Path.Combine(ToolProcess.RepositoryRoot, "src", "GradRepl", "GradRepl.csproj"),
            "-c", configuration, "--no-build", "-o", packages]);
        Assert.Single(Directory.GetFiles(packages, "GradRepl.*.nupkg"));

        var tools = InstallFrom(packages);
        var lesson = Path.Combine(ToolProcess.RepositoryRoot, "scripts", "derivatives.csx");
        var output = Run(Path.Combine(tools, "gradrepl"), [lesson]);
        Assert.Contains("tensor(4.)", output);
    }

    [Fact]
    public void PackReadyToRun_ForThisMachine_InstallsPrecompiledToolThatRunsALesson()
    {
        // The README's ReadyToRun form: a tool package for one runtime identifier, its assemblies precompiled.
        var rid = MachineRuntimeIdentifier();
        Assert.SkipWhen(rid is null, $"no ReadyToRun runtime identifier for {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
        var packages = Path.Combine(_scratch, "packages");
        // Its own artifacts folder: a RID-specific restore and build never touch the obj/ and bin/ folders of this test run.
        Run("dotnet", ["pack", Path.Combine(ToolProcess.RepositoryRoot, "src", "GradRepl", "GradRepl.csproj"),
            "-c", "Release", "-r", rid!, "-p:PublishReadyToRun=true", "-p:SelfContained=false",
            "--artifacts-path", Path.Combine(_scratch, "artifacts"), "-o", packages]);

        var tools = InstallFrom(packages);
        var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "gradrepl.dll", SearchOption.AllDirectories);
        Assert.True(IsReadyToRun(Assert.Single(installed)), "the installed gradrepl.dll has no precompiled code");
        var lesson = Path.Combine(ToolProcess.RepositoryRoot, "scripts", "derivatives.csx");
        Assert.Contains("tensor(4.)", Run(Path.Combine(tools, "gradrepl"), [lesson]));
    }

    /// <summary>Installs the GradRepl package found in <paramref name="packages"/> into a fresh tool path.</summary>
    private string InstallFrom(string packages)
    {
        var tools = Path.Combine(_scratch, "tools");
        // Only the local folder as a package source: the install needs no network.
        var config = Path.Combine(_scratch, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{packages}" /></packageSources>
            </configuration>
            """);
        Run("dotnet", ["tool", "install", "GradRepl", "--tool-path", tools, "--configfile", config]);
        return tools;
    }

    /// <summary>The runtime identifier the launcher publishes for on this machine, as in <c>./gradrepl</c>.</summary>
    private static string? MachineRuntimeIdentifier() => (RuntimeInformation.OSArchitecture, OperatingSystem.IsLinux(), OperatingSystem.IsMacOS()) switch
    {
        (Architecture.X64, true, _) => "linux-x64",
        (Architecture.Arm64, true, _) => "linux-arm64",
        (Architecture.Arm64, _, true) => "osx-arm64",
        (Architecture.X64, _, true) => "osx-x64",
        _ => null,
    };

    /// <summary>True when the assembly carries ReadyToRun native code (its CLI header has a managed native header).</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
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
        info.Environment["GRADREPL_COMPILE_SERVER"] = "0";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 8 minutes");
        }
        process.WaitForExit();
        var output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
