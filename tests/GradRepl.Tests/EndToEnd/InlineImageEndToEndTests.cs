using System.Diagnostics;

namespace GradRepl.Tests.EndToEnd;

/// <summary>
/// Inline images through the built tool: drawn only when stdout is a terminal (a pseudo-terminal from util-linux
/// <c>script</c>, or a tmux pane whose raw output tmux copies to a file), never into a pipe.
/// </summary>
public sealed class InlineImageEndToEndTests : IDisposable
{
    private const string KittyStart = "\u001b_Ga=T,f=100,";
    private const string Plot = "plot(linspace(-3, 3, 50), linspace(-3, 3, 50).sin(), label: \"sin\"); legend(); show();\n";

    private readonly ToolProcess _tool = new();
    private readonly TmuxTerminal _terminal = new();

    public void Dispose()
    {
        _tool.Dispose();
        _terminal.Dispose();
    }

    [Fact]
    public void Run_KittyEnvironmentButPiped_NoEscapes()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "sin.csx"), Plot);
        _tool.ExtraEnvironment["TERM"] = "xterm-kitty";
        _tool.ExtraEnvironment["KITTY_WINDOW_ID"] = "1";
        _tool.ExtraEnvironment["GRADREPL_IMAGES"] = "kitty";

        var result = _tool.Run("sin.csx");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Figure saved to plots/sin-1.png\n", result.Stdout);
    }

    [Fact]
    public void Run_KittyEnvironmentOnATerminal_DrawsThePngBeforeTheSavedPath()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/script"), "util-linux script (a pseudo-terminal) is not installed");
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "sin.csx"), Plot);

        var (status, output) = RunOnTerminal("sin.csx", "TERM=xterm-kitty", "KITTY_WINDOW_ID=1");

        Assert.Equal(0, status);
        var image = output.IndexOf(KittyStart, StringComparison.Ordinal);
        Assert.True(image >= 0, "no kitty escape in:\n" + output);
        Assert.True(output.IndexOf("Figure saved to plots/sin-1.png", StringComparison.Ordinal) > image);
        Assert.DoesNotContain(output, c => c is > '\u2800' and <= '\u28ff'); // no braille preview
    }

    [Fact]
    public void Run_PlainTerminal_BraillePreviewAndNoImageEscape()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/script"), "util-linux script (a pseudo-terminal) is not installed");
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "sin.csx"), Plot);

        var (status, output) = RunOnTerminal("sin.csx", "TERM=xterm-256color");

        Assert.Equal(0, status);
        Assert.DoesNotContain("\u001b_G", output, StringComparison.Ordinal);
        Assert.Contains(output, c => c is > '\u2800' and <= '\u28ff');
    }

    [Fact]
    public void Repl_InTmuxWithoutOverride_BraillePreviewAndNoImageEscape()
    {
        Assert.SkipUnless(TmuxTerminal.Available, "tmux is not installed (.ci/run installs it)");
        _terminal.ExtraEnvironment["KITTY_WINDOW_ID"] = "1";
        _terminal.Start();
        _terminal.WaitForPrompt();

        _terminal.Enter(Plot.TrimEnd());

        _terminal.WaitFor("Figure saved to plots/repl-1.png");
        _terminal.WaitForPrompt();
        Assert.Contains("─ sin", _terminal.Screen());
        Assert.DoesNotContain("\u001b_G", File.ReadAllText(_terminal.RawOutputFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Repl_InTmuxWithKittyOverride_ImagePassedThroughAndSessionGoesOn()
    {
        Assert.SkipUnless(TmuxTerminal.Available, "tmux is not installed (.ci/run installs it)");
        _terminal.ExtraEnvironment["GRADREPL_IMAGES"] = "kitty";
        _terminal.Start();
        _terminal.WaitForPrompt();

        _terminal.Enter(Plot.TrimEnd());
        _terminal.WaitFor("Figure saved to plots/repl-1.png");
        _terminal.WaitForPrompt();
        _terminal.Enter("1 + 1");
        _terminal.WaitFor("> 1 + 1\n2");

        var raw = File.ReadAllText(_terminal.RawOutputFile);
        Assert.Contains("\u001bPtmux;\u001b" + KittyStart, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("─ sin", _terminal.Screen());
    }

    /// <summary>Runs the tool on a pseudo-terminal with only <paramref name="variables"/> describing the terminal.</summary>
    private (int Status, string Output) RunOnTerminal(string script, params string[] variables)
    {
        var command = $"env -u NO_COLOR -u TMUX -u TERM_PROGRAM -u LC_TERMINAL -u KITTY_WINDOW_ID -u GRADREPL_IMAGES {string.Join(' ', variables)} "
            + $"XDG_CACHE_HOME='{_tool.CacheHome}' GRADREPL_COMPILE_SERVER=0 dotnet '{ToolProcess.ToolPath}' {script}";
        var info = new ProcessStartInfo("/usr/bin/script")
        {
            WorkingDirectory = _tool.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-q", "-e", "-c", command, "/dev/null" }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the tool did not finish on its terminal within 120 s");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result);
    }
}
