using System.Diagnostics;

namespace GradRepl.Tests.EndToEnd;

/// <summary>
/// A copy of the repository's <c>./gradrepl</c> launcher in a scratch directory with a few stand-in sources and a
/// fake <c>dotnet</c> first on PATH (Data/launcher/fake-dotnet.sh), so the launcher's logic runs in seconds.
/// </summary>
internal sealed class LauncherSandbox : IDisposable
{
    public LauncherSandbox()
    {
        Root = Directory.CreateTempSubdirectory("gradrepl-launcher-").FullName;
        File.Copy(Path.Combine(ToolProcess.RepositoryRoot, "gradrepl"), Launcher);
        MakeExecutable(Launcher);
        foreach (var file in new[] { "src/GradRepl/GradRepl.csproj", "src/GradRepl/Program.cs", "src/Other/Other.csproj", "Directory.Build.props", "Directory.Packages.props" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, file))!);
            File.WriteAllText(Path.Combine(Root, file), "");
        }

        var bin = Directory.CreateDirectory(Path.Combine(Root, "fakebin")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "launcher", "fake-dotnet.sh"), Path.Combine(bin, "dotnet"));
        MakeExecutable(Path.Combine(bin, "dotnet"));
        Environment["PATH"] = bin + ":" + System.Environment.GetEnvironmentVariable("PATH");
        Environment["FAKE_DOTNET_DIR"] = Root;
        Environment["FAKE_DOTNET_SECONDS"] = "1";
        Environment["GRADREPL_PROGRESS_EVERY"] = "1";
    }

    public string Root { get; }

    public string Launcher => Path.Combine(Root, "gradrepl");

    public string Builds => Path.Combine(Root, ".build");

    /// <summary>Environment for the launcher (and through it, the fake dotnet).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>The fake dotnet's record: one "start KIND nice=N sid=N ARGS", then "done KIND" or "fail KIND" per call.</summary>
    public string[] Calls => File.Exists(Path.Combine(Root, "calls.log")) ? File.ReadAllLines(Path.Combine(Root, "calls.log")) : [];

    public int Count(string prefix) => Calls.Count(line => line.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Starts the launcher (in its own session when <paramref name="ownSession"/>, so a test can interrupt its group).</summary>
    public Process Start(string[] args, bool ownSession = false)
    {
        var info = new ProcessStartInfo(ownSession ? "setsid" : Launcher)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (ownSession) info.ArgumentList.Add(Launcher);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in Environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    public ToolResult Run(params string[] args) => Finish(Start(args));

    public static ToolResult Finish(Process process)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the launcher did not finish within 60 s");
            }

            process.WaitForExit();
            return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>Waits (up to 30 s) until <paramref name="condition"/> holds; false if it never did.</summary>
    public static bool WaitUntil(Func<bool> condition)
    {
        var limit = Stopwatch.StartNew();
        while (!condition())
        {
            if (limit.Elapsed > TimeSpan.FromSeconds(30)) return false;
            Thread.Sleep(100);
        }

        return true;
    }

    /// <summary>Waits until every fake build has ended (the background one too), so the directory can go.</summary>
    public bool WaitForBuilds() => WaitUntil(() => Count("start ") == Count("done ") + Count("fail ")
        && !Directory.EnumerateDirectories(Root, "*.next.*", SearchOption.AllDirectories).Any());

    private static void MakeExecutable(string path)
    {
        // rwxr-xr-x; the launcher is a bash script, so these tests run on Unix only.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    public void Dispose()
    {
        WaitForBuilds();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
