using System.Diagnostics;
using System.Text.RegularExpressions;

namespace GradRepl.Tests.EndToEnd;

/// <summary>
/// The repository's <c>./gradrepl</c> launcher, run against a fake <c>dotnet</c> (see <see cref="LauncherSandbox"/>):
/// the quick build first with a progress line, the script run with it, the precompiled build in the background and
/// swapped in, builds that take turns, failures and interruptions that leave nothing half-made.
/// </summary>
public sealed partial class LauncherTests : IDisposable
{
    private readonly LauncherSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void FirstRun_QuickBuildRunsTheScript_PrecompiledBuildMadeInBackgroundAndUsedNext()
    {
        var first = _sandbox.Run("lesson.csx");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("ran the plain build: lesson.csx\n", first.Stdout);
        Assert.StartsWith("start plain nice=0 ", _sandbox.Calls[0]);
        Assert.Contains("making the precompiled build in the background", first.Stderr);
        Assert.True(LauncherSandbox.WaitUntil(() => _sandbox.Count("done composite") == 1), string.Join('\n', _sandbox.Calls));
        var composite = Assert.Single(_sandbox.Calls, line => line.StartsWith("start composite", StringComparison.Ordinal));
        Assert.Contains("nice=19 ", composite);
        Assert.Contains("-nodeReuse:false", composite);
        Assert.NotEqual(SessionOf(_sandbox.Calls[0]), SessionOf(composite));   // detached (setsid)
        Assert.True(_sandbox.WaitForBuilds());

        var next = _sandbox.Run("lesson.csx");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("ran the composite build: lesson.csx\n", next.Stdout);
        Assert.Equal("", next.Stderr);
        Assert.Equal(2, _sandbox.Count("start "));
    }

    [Fact]
    public void Build_StderrNotATerminal_PlainProgressLinesSayWhatWithSecondsAndLog()
    {
        _sandbox.Environment["FAKE_DOTNET_SECONDS"] = "3";

        var result = _sandbox.Run("lesson.csx");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("gradrepl: first run: building gradrepl for this machine", result.Stderr);
        var progress = ProgressLine().Matches(result.Stderr);
        Assert.True(progress.Count >= 2, result.Stderr);
        Assert.Contains(progress, line => line.Groups["phase"].Value == "compiling C# (1 of 2 projects done)");
        Assert.True(int.Parse(progress[^1].Groups["seconds"].Value) > int.Parse(progress[0].Groups["seconds"].Value), result.Stderr);
        Assert.DoesNotContain("\r", result.Stderr);
        Assert.Matches(@"gradrepl: built in \d+ s", result.Stderr);
    }

    [Fact]
    public void Build_StderrATerminal_ProgressUpdatedInPlace()
    {
        Assert.SkipWhen(!File.Exists("/usr/bin/script"), "script (util-linux) is not installed");
        _sandbox.Environment["FAKE_DOTNET_SECONDS"] = "3";
        var info = new ProcessStartInfo("script") { WorkingDirectory = _sandbox.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-qec", "./gradrepl lesson.csx", "/dev/null" }) info.ArgumentList.Add(arg);
        foreach (var (name, value) in _sandbox.Environment) info.Environment[name] = value;

        var result = LauncherSandbox.Finish(Process.Start(info)!);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\r\u001b[Kgradrepl: building (plain): compiling C#", result.Stdout);
        Assert.Contains("ran the plain build: lesson.csx", result.Stdout);
    }

    [Fact]
    public void TwoLaunchersAtOnce_OnlyOneBuilds_BothRunTheScript()
    {
        _sandbox.Environment["FAKE_DOTNET_SECONDS"] = "3";

        var one = _sandbox.Start(["one.csx"]);
        var two = _sandbox.Start(["two.csx"]);
        var results = new[] { LauncherSandbox.Finish(one), LauncherSandbox.Finish(two) };

        Assert.All(results, result => Assert.True(result.ExitCode == 0, result.ToString()));
        Assert.Equal("ran the plain build: one.csx\n", results[0].Stdout);
        Assert.Equal("ran the plain build: two.csx\n", results[1].Stdout);
        Assert.Equal(1, _sandbox.Count("start plain"));
        Assert.Contains(results, result => result.Stderr.Contains("another gradrepl is building .build/gradrepl-quick; waiting for it", StringComparison.Ordinal));
        Assert.True(LauncherSandbox.WaitUntil(() => _sandbox.Count("done composite") == 1));
        Assert.True(_sandbox.WaitForBuilds());
        Assert.Equal(1, _sandbox.Count("start composite"));
    }

    [Fact]
    public void FailedBuild_Exit2WithTheLog_NothingHalfMadeAndNoBackgroundBuild()
    {
        _sandbox.Environment["FAKE_DOTNET_FAIL"] = "plain";

        var result = _sandbox.Run("lesson.csx");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("error CS1002: ; expected (the fake plain build fails)", result.Stderr);
        Assert.Contains("gradrepl: the build failed (log above, also in .build/gradrepl-quick.build.log)", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_sandbox.Builds, "gradrepl-quick")));
        Assert.Empty(Directory.GetDirectories(_sandbox.Builds));
        Assert.Equal(0, _sandbox.Count("start composite"));
    }

    [Fact]
    public void Interrupted_DuringTheBuild_Exit130_NothingLeftBehind_NextRunBuilds()
    {
        _sandbox.Environment["FAKE_DOTNET_SECONDS"] = "30";
        var process = _sandbox.Start(["lesson.csx"], ownSession: true);
        Assert.True(LauncherSandbox.WaitUntil(() => _sandbox.Count("start plain") == 1));

        // Ctrl+C on a terminal: SIGINT to the whole foreground process group.
        Process.Start("kill", ["-INT", "--", "-" + process.Id])!.WaitForExit();
        var result = LauncherSandbox.Finish(process);

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal([".build/gradrepl-quick.lock"], Directory.GetFileSystemEntries(_sandbox.Builds).Select(RelativeToRoot));
        _sandbox.Environment["FAKE_DOTNET_SECONDS"] = "0";
        Assert.Equal("ran the plain build: lesson.csx\n", _sandbox.Run("lesson.csx").Stdout);
    }

    [Fact]
    public void SourceChanged_QuickRebuildRunsTheScript_ThenPrecompiledAgain()
    {
        _sandbox.Run("lesson.csx");
        Assert.True(LauncherSandbox.WaitUntil(() => _sandbox.Count("done composite") == 1));
        Assert.True(_sandbox.WaitForBuilds());

        File.SetLastWriteTimeUtc(Path.Combine(_sandbox.Root, "src", "GradRepl", "Program.cs"), DateTime.UtcNow.AddSeconds(1));
        var changed = _sandbox.Run("lesson.csx");

        Assert.Contains("gradrepl: sources changed, rebuilding", changed.Stderr);
        Assert.Equal("ran the plain build: lesson.csx\n", changed.Stdout);
        Assert.Equal(2, _sandbox.Count("start plain"));
        Assert.True(LauncherSandbox.WaitUntil(() => _sandbox.Count("done composite") == 2));
        Assert.True(_sandbox.WaitForBuilds());
        Assert.Equal("ran the composite build: lesson.csx\n", _sandbox.Run("lesson.csx").Stdout);
    }

    [Fact]
    public void PrecompiledBuildFails_BackgroundFallsBackToFrameworkDependent()
    {
        _sandbox.Environment["FAKE_DOTNET_FAIL"] = "composite";

        _sandbox.Run("lesson.csx");

        Assert.True(LauncherSandbox.WaitUntil(() => _sandbox.Count("done framework") == 1), string.Join('\n', _sandbox.Calls));
        Assert.True(_sandbox.WaitForBuilds());
        Assert.Equal("ran the framework build: lesson.csx\n", _sandbox.Run("lesson.csx").Stdout);
    }

    [Fact]
    public void PrecompiledBuildFailsEntirely_SaidOnce_NotRetriedUntilASourceChanges()
    {
        _sandbox.Environment["FAKE_DOTNET_FAIL"] = "composite framework";
        _sandbox.Run("lesson.csx");
        Assert.True(LauncherSandbox.WaitUntil(() => _sandbox.Count("fail framework") == 1));
        Assert.True(_sandbox.WaitForBuilds());

        var second = _sandbox.Run("lesson.csx");
        var third = _sandbox.Run("lesson.csx");

        Assert.Equal("ran the plain build: lesson.csx\n", second.Stdout);
        Assert.Contains("gradrepl: note: the precompiled build failed (log: .build/gradrepl.build.log)", second.Stderr);
        Assert.Equal("", third.Stderr);
        Assert.Equal(1, _sandbox.Count("start composite"));
        Assert.Contains("error CS1002", File.ReadAllText(Path.Combine(_sandbox.Builds, "gradrepl.build.log")));
    }

    [Fact]
    public void GradreplBuildFramework_BuildsInForeground_StartsNoBackgroundBuild()
    {
        _sandbox.Environment["GRADREPL_BUILD"] = "framework";

        var result = _sandbox.Run("lesson.csx");

        Assert.Equal("ran the framework build: lesson.csx\n", result.Stdout);
        Assert.Equal(1, _sandbox.Count("start framework nice=0"));
        // Starting a background build first looks at its lock; no lock file, no attempt.
        Assert.False(File.Exists(Path.Combine(_sandbox.Builds, "gradrepl.lock")));
    }

    [Fact]
    public void GradreplBuildComposite_FallsBackToFrameworkThenPlain_AndSaysSo()
    {
        _sandbox.Environment["GRADREPL_BUILD"] = "composite";
        _sandbox.Environment["FAKE_DOTNET_FAIL"] = "composite framework";

        var result = _sandbox.Run("lesson.csx");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("ran the plain build: lesson.csx\n", result.Stdout);
        Assert.Contains("gradrepl: note: built the plain build instead of the composite one", result.Stderr);
        Assert.Equal(["start composite", "fail composite", "start framework", "fail framework", "start plain", "done plain"],
            _sandbox.Calls.Select(line => string.Join(' ', line.Split(' ').Take(2))));
    }

    private string RelativeToRoot(string path) => Path.GetRelativePath(_sandbox.Root, path);

    private static string SessionOf(string call) => Regex.Match(call, @" sid=(\d+) ").Groups[1].Value;

    [GeneratedRegex(@"gradrepl: building \(plain\): (?<phase>[^,]+), (?<seconds>\d+) s \(log: \.build/gradrepl-quick\.build\.log\)")]
    private static partial Regex ProgressLine();
}
