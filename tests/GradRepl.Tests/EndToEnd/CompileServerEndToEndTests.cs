namespace GradRepl.Tests.EndToEnd;

/// <summary>
/// Batch runs with the compile server on, as a user gets them: the first cold run compiles in-process and starts the
/// server; the next cache miss is compiled by it (Roslyn never loads in the client), and its errors read exactly as
/// an in-process compile's.
/// </summary>
public sealed class CompileServerEndToEndTests : IDisposable
{
    private readonly ToolProcess _tool = new() { CompileServer = "1" };
    private readonly string _runtimeDirectory;

    public CompileServerEndToEndTests()
    {
        _runtimeDirectory = Path.Combine(_tool.WorkingDirectory, "runtime");
        Directory.CreateDirectory(_runtimeDirectory);
        _tool.ExtraEnvironment["XDG_RUNTIME_DIR"] = _runtimeDirectory;
        _tool.ExtraEnvironment["GRADREPL_COMPILE_SERVER_IDLE_SECONDS"] = "120";
    }

    public void Dispose()
    {
        StopServers();
        _tool.Dispose();
    }

    [Fact]
    public void SecondColdRun_IsCompiledByTheServerTheFirstStarted_WithTheSameErrors()
    {
        if (!OperatingSystem.IsLinux()) return;
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "first.csx"), "print(1 + 1);\n");
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "second.csx"), "print(tensor(2.0).pow(2));\n");
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "broken.csx"), "var x = 1;\nprint(y);\n");

        var first = _tool.Run("first.csx");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("2\n", first.Stdout);
        Assert.DoesNotContain("compiled by the compile server", first.Stderr);
        WaitForServer();

        var second = _tool.Run("second.csx");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("tensor(4.)\n", second.Stdout);
        Assert.Contains("compiled by the compile server", second.Stderr);
        Assert.Contains("roslyn not loaded", second.Stderr);

        var served = _tool.Run("broken.csx");
        _tool.CompileServer = "0";
        var local = _tool.Run("--no-cache", "broken.csx");
        Assert.Contains("compiled by the compile server", served.Stderr);
        Assert.Equal(1, served.ExitCode);
        Assert.Equal(local.ExitCode, served.ExitCode);
        Assert.Contains("CS0103", served.Stderr);
        Assert.Equal(WithoutTrace(local.Stderr), WithoutTrace(served.Stderr));
    }

    private static string WithoutTrace(string stderr) =>
        string.Join('\n', stderr.ReplaceLineEndings("\n").Split('\n').Where(line => !line.StartsWith("[gradrepl]", StringComparison.Ordinal)));

    // The server is listening once its socket file exists (it binds and listens in one step).
    private void WaitForServer()
    {
        var directory = Path.Combine(_runtimeDirectory, "gradrepl");
        for (var i = 0; i < 600; i++)
        {
            if (Directory.Exists(directory) && Directory.GetFiles(directory, "*.sock").Length > 0) return;
            Thread.Sleep(50);
        }
        Assert.Fail("no compile server started within 30 s");
    }

    // Servers exit on their own when idle; the ones this test started are stopped now.
    private void StopServers()
    {
        foreach (var pid in Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(name => name!.All(char.IsAsciiDigit)))
        {
            try
            {
                var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
                if (commandLine.Contains(_runtimeDirectory, StringComparison.Ordinal)) System.Diagnostics.Process.GetProcessById(int.Parse(pid!)).Kill();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // The process ended meanwhile.
            }
        }
    }
}
