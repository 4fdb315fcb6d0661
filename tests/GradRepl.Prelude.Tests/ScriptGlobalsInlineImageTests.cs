using GradRepl.Plotting.Terminal;

namespace GradRepl.Prelude.Tests;

/// <summary><c>show()</c> in a terminal: the image where the (fake) terminal speaks an image protocol, else the braille preview.</summary>
public sealed class ScriptGlobalsInlineImageTests : IDisposable
{
    private const string Kitty = "\u001b_Ga=T,f=100,";
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-inline-").FullName;
    private readonly StringWriter _output = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Show(bool interactive, params (string Name, string Value)[] variables)
    {
        var globals = new ScriptGlobals(new ScriptEnvironment
        {
            Output = new FakeTerminalOutput(_output, interactive, TerminalEnvironment.Fake(interactive, variables)),
            PlotDirectory = _directory,
        });
        globals.MakeCurrent();
        ScriptGlobals.plot([0.0, 1.0, 2.0], [0.0, 1.0, 4.0]);
        ScriptGlobals.show();
        return _output.ToString();
    }

    private static bool HasBraille(string text) => text.Any(c => c is > '\u2800' and <= '\u28ff');

    [Fact]
    public void Show_KittyTerminal_WritesTheImageInsteadOfTheBraillePreview()
    {
        var text = Show(interactive: true, ("TERM", "xterm-kitty"), ("KITTY_WINDOW_ID", "1"));

        Assert.StartsWith(Kitty, text, StringComparison.Ordinal);
        Assert.EndsWith($"\u001b\\\nFigure saved to {Path.Combine(_directory, "repl-1.png")}\n", text, StringComparison.Ordinal);
        Assert.False(HasBraille(text));
    }

    [Theory]
    [InlineData("TERM_PROGRAM", "iTerm.app", "\u001b]1337;File=inline=1;")]
    [InlineData("TERM", "foot", "\u001bP0;1q\"1;1;640;480#")]
    public void Show_ITerm2OrSixelTerminal_WritesItsEscape(string name, string value, string start)
    {
        Assert.StartsWith(start, Show(interactive: true, (name, value)), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_PlainTerminal_BraillePreviewAndNoEscape()
    {
        var text = Show(interactive: true, ("TERM", "xterm-256color"));

        Assert.True(HasBraille(text));
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void Show_NotATerminal_NeitherImageNorPreview()
    {
        var text = Show(interactive: false, ("TERM", "xterm-kitty"), ("KITTY_WINDOW_ID", "1"), ("GRADREPL_IMAGES", "kitty"));

        Assert.Equal($"Figure saved to {Path.Combine(_directory, "repl-1.png")}\n", text);
    }

    [Fact]
    public void Show_KittyForcedInsideTmux_WrappedForPassthrough()
    {
        var text = Show(interactive: true, ("TERM", "tmux-256color"), ("TMUX", "/tmp/tmux-1/default,1,0"), ("GRADREPL_IMAGES", "kitty"));

        Assert.StartsWith("\u001bPtmux;\u001b" + Kitty, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_SixelForcedInsideTmux_NotWrapped()
    {
        var text = Show(interactive: true, ("TERM", "tmux-256color"), ("TMUX", "/tmp/tmux-1/default,1,0"), ("GRADREPL_IMAGES", "sixel"));

        Assert.StartsWith("\u001bP0;1q", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_KittyInsideTmuxWithoutOverride_BraillePreview()
    {
        var text = Show(interactive: true, ("TERM", "tmux-256color"), ("TMUX", "/tmp/tmux-1/default,1,0"), ("KITTY_WINDOW_ID", "1"));

        Assert.True(HasBraille(text));
        Assert.DoesNotContain("\u001b_G", text, StringComparison.Ordinal);
    }

    private sealed class FakeTerminalOutput(TextWriter output, bool interactive, TerminalEnvironment terminal) : IScriptOutput
    {
        public TextWriter Out => output;

        public TextWriter Error => output;

        public bool IsInteractive => interactive;

        public (int Columns, int Rows) TerminalSize => (80, 24);

        public bool SupportsColor => false;

        public TerminalEnvironment Terminal => terminal;
    }
}
