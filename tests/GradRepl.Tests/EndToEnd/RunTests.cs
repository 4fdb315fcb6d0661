using System.Diagnostics;

namespace GradRepl.Tests.EndToEnd;

public sealed class RunTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Run_ScriptWithLoadAndArgs_PrintsPythonStyleAndExitsZero()
    {
        _tool.AddFixture("helper.csx");
        var script = _tool.AddFixture("hello.csx");

        var result = _tool.Run(script, "--", "a", "b");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hello 4.0 None True 1e-05\nargs: a,b\n", result.Stdout);
    }

    [Fact]
    public void Run_MissingFile_ExitsTwo()
    {
        var result = _tool.Run("no-such-script.csx");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no such file: 'no-such-script.csx'", result.Stderr);
    }

    [Fact]
    public void Run_UnknownOption_ExitsTwo()
    {
        var result = _tool.Run("--frobnicate", "x.csx");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--frobnicate", result.Stderr);
    }

    [Fact]
    public void Run_CompileErrors_ExitsOneWithEveryErrorLineAndCaret()
    {
        var script = _tool.AddFixture("syntax-error.csx");

        var result = _tool.Run(script);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(
            "syntax-error.csx(2,7): error CS0103: The name 'undefinedName' does not exist in the current context\n" +
            "    print(undefinedName);\n" +
            "          ^~~~~~~~~~~~~\n",
            result.Stderr);
        Assert.Contains("syntax-error.csx(3,9): error CS0029: Cannot implicitly convert type 'string' to 'int'\n    int y = \"text\";\n            ^~~~~~", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Run_UnhandledException_ExitsOneWithScriptLinesAndNoHostFrames()
    {
        var script = _tool.AddFixture("throws.csx");

        var result = _tool.Run(script);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("before the failure\n", result.Stdout);
        Assert.Contains("throws.csx(2): error: DivideByZeroException: Attempted to divide by zero.\n    int Divide(int a, int b) => a / b;\n", result.Stderr);
        Assert.Contains("called from throws.csx(4): print(Divide(1, zero));", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("GradRepl.Scripting", result.Stderr);
    }

    [Fact]
    public void Run_InfiniteLoopWithTimeout_Exits124()
    {
        var script = _tool.AddFixture("loop.csx");

        var watch = Stopwatch.StartNew();
        var result = _tool.Run(script, "--timeout", "1");

        Assert.True(result.ExitCode == 124, result.ToString());
        Assert.Contains("timed out after 1 s", result.Stderr);
        Assert.Equal("looping\n", result.Stdout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Run_SigintDuringLoop_Exits130()
    {
        var script = _tool.AddFixture("loop.csx");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _tool.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(ToolProcess.ToolPath);
        info.ArgumentList.Add(script);
        info.Environment["XDG_CACHE_HOME"] = _tool.CacheHome;
        info.Environment["GRADREPL_TRACE"] = "1";
        info.Environment["GRADREPL_COMPILE_SERVER"] = "0";

        using var process = Process.Start(info)!;
        // The trace line arrives after compiling, just before the script starts.
        var firstLine = process.StandardError.ReadLine();
        Assert.Contains("compile cache", firstLine);
        Thread.Sleep(500);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "gradrepl did not stop on SIGINT");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("Interrupted", process.StandardError.ReadToEnd());
    }

    [Fact]
    public void Run_SecondRun_HitsCacheWithSameOutput()
    {
        _tool.AddFixture("helper.csx");
        var script = _tool.AddFixture("hello.csx");

        var miss = _tool.Run(script);
        var hit = _tool.Run(script);

        Assert.Contains("compile cache miss", miss.Stderr);
        Assert.Contains("compile cache hit", hit.Stderr);
        Assert.Contains("roslyn loaded", miss.Stderr);
        Assert.Contains("roslyn not loaded", hit.Stderr);
        Assert.Equal(miss.Stdout, hit.Stdout);
        Assert.Equal(0, hit.ExitCode);
    }

    [Fact]
    public void Run_ChangedLoadedFile_MissesCache()
    {
        _tool.AddFixture("helper.csx");
        var script = _tool.AddFixture("hello.csx");
        _tool.Run(script);

        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "helper.csx"), "double Twice(double x) => 3 * x;\n");
        var result = _tool.Run(script);

        Assert.Contains("compile cache miss", result.Stderr);
        Assert.StartsWith("hello 6.0 ", result.Stdout);
    }

    [Fact]
    public void Run_CorruptedCacheEntry_RecompilesWithSameOutput()
    {
        var script = _tool.AddFixture("throws.csx");
        var first = _tool.Run(script);
        var entry = Assert.Single(Directory.GetFiles(_tool.CacheDirectory, "*.gsc"));

        // Flip bytes in the middle of the stored image.
        var bytes = File.ReadAllBytes(entry);
        for (int i = bytes.Length / 2; i < bytes.Length / 2 + 16; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(entry, bytes);
        var recovered = _tool.Run(script);
        var again = _tool.Run(script);

        Assert.Contains("compile cache miss", recovered.Stderr);
        Assert.Equal(first.Stdout, recovered.Stdout);
        Assert.Equal(first.ExitCode, recovered.ExitCode);
        Assert.Contains("compile cache hit", again.Stderr);
        Assert.Equal(first.Stdout, again.Stdout);
    }

    [Fact]
    public void Run_TruncatedCacheEntry_RecompilesWithSameOutput()
    {
        _tool.AddFixture("helper.csx");
        var script = _tool.AddFixture("hello.csx");
        var first = _tool.Run(script);
        var entry = Assert.Single(Directory.GetFiles(_tool.CacheDirectory, "*.gsc"));
        File.WriteAllBytes(entry, File.ReadAllBytes(entry)[..100]);

        var recovered = _tool.Run(script);

        Assert.Equal(0, recovered.ExitCode);
        Assert.Equal(first.Stdout, recovered.Stdout);
    }

    [Fact]
    public void Run_NoCache_LeavesCacheEmpty()
    {
        _tool.AddFixture("helper.csx");
        var script = _tool.AddFixture("hello.csx");

        var result = _tool.Run("--no-cache", script);

        Assert.Equal(0, result.ExitCode);
        Assert.False(Directory.Exists(_tool.CacheDirectory) && Directory.GetFiles(_tool.CacheDirectory).Length > 0);
    }
}
