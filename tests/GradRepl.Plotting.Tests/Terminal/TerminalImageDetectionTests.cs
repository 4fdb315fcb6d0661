using GradRepl.Plotting.Terminal;

namespace GradRepl.Plotting.Tests.Terminal;

public sealed class TerminalImageDetectionTests
{
    // "NAME=value NAME=value" to a fake environment
    private static TerminalEnvironment Env(bool terminal, string variables) =>
        TerminalEnvironment.Fake(terminal, [.. variables.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => (v[..v.IndexOf('=')], v[(v.IndexOf('=') + 1)..]))]);

    [Theory]
    [InlineData("TERM=xterm-kitty", TerminalImageProtocol.Kitty)]
    [InlineData("TERM=xterm-256color KITTY_WINDOW_ID=3", TerminalImageProtocol.Kitty)]
    [InlineData("TERM=xterm-ghostty", TerminalImageProtocol.Kitty)]
    [InlineData("TERM=xterm-256color TERM_PROGRAM=ghostty", TerminalImageProtocol.Kitty)]
    [InlineData("TERM=xterm-256color TERM_PROGRAM=iTerm.app", TerminalImageProtocol.ITerm2)]
    [InlineData("TERM=xterm-256color LC_TERMINAL=iTerm2", TerminalImageProtocol.ITerm2)]
    [InlineData("TERM=xterm-256color TERM_PROGRAM=WezTerm", TerminalImageProtocol.ITerm2)]
    [InlineData("TERM=foot", TerminalImageProtocol.Sixel)]
    [InlineData("TERM=foot-extra", TerminalImageProtocol.Sixel)]
    [InlineData("TERM=mlterm", TerminalImageProtocol.Sixel)]
    [InlineData("TERM=xterm-sixel", TerminalImageProtocol.Sixel)]
    [InlineData("TERM=xterm-256color", TerminalImageProtocol.None)]
    [InlineData("TERM=xterm-256color TERM_PROGRAM=vscode", TerminalImageProtocol.None)]
    [InlineData("TERM=linux", TerminalImageProtocol.None)]
    [InlineData("", TerminalImageProtocol.None)]
    public void Detect_TerminalFromEnvironment_ItsProtocol(string variables, TerminalImageProtocol expected)
    {
        Assert.Equal(expected, TerminalImageDetection.Detect(Env(terminal: true, variables)));
    }

    [Theory]
    [InlineData("TERM=xterm-kitty KITTY_WINDOW_ID=1")]
    [InlineData("TERM_PROGRAM=iTerm.app")]
    [InlineData("TERM=foot")]
    [InlineData("GRADREPL_IMAGES=kitty")]
    [InlineData("GRADREPL_IMAGES=sixel TERM=foot")]
    public void Detect_OutputRedirected_NoneWhateverIsSet(string variables)
    {
        Assert.Equal(TerminalImageProtocol.None, TerminalImageDetection.Detect(Env(terminal: false, variables)));
    }

    [Theory]
    [InlineData("TERM=xterm-kitty NO_COLOR=1")]
    [InlineData("TERM_PROGRAM=iTerm.app NO_COLOR=yes")]
    [InlineData("TERM=dumb KITTY_WINDOW_ID=1")]
    [InlineData("TERM=dumb TERM_PROGRAM=WezTerm")]
    [InlineData("TERM=xterm-kitty KITTY_WINDOW_ID=1 TMUX=/tmp/tmux-0/default,1,0")]
    [InlineData("TERM=tmux-256color TERM_PROGRAM=iTerm.app LC_TERMINAL=iTerm2")]
    [InlineData("TERM=screen-256color KITTY_WINDOW_ID=1")]
    [InlineData("TERM=xterm-kitty GRADREPL_IMAGES=off")]
    [InlineData("TERM=xterm-kitty GRADREPL_IMAGES=braille")]
    public void Detect_PlainTextAskedOrMultiplexerOrOff_None(string variables)
    {
        Assert.Equal(TerminalImageProtocol.None, TerminalImageDetection.Detect(Env(terminal: true, variables)));
    }

    [Theory]
    [InlineData("TERM=xterm-kitty NO_COLOR=", TerminalImageProtocol.Kitty)] // an empty NO_COLOR is not set
    [InlineData("TERM=xterm-kitty GRADREPL_IMAGES=auto", TerminalImageProtocol.Kitty)]
    [InlineData("TERM=xterm-kitty GRADREPL_IMAGES=", TerminalImageProtocol.Kitty)]
    public void Detect_EmptyOrAutoVariables_Detects(string variables, TerminalImageProtocol expected)
    {
        Assert.Equal(expected, TerminalImageDetection.Detect(Env(terminal: true, variables)));
    }

    [Theory]
    [InlineData("GRADREPL_IMAGES=kitty TERM=xterm-256color", TerminalImageProtocol.Kitty)]
    [InlineData("GRADREPL_IMAGES=ITERM TERM=xterm-256color", TerminalImageProtocol.ITerm2)]
    [InlineData("GRADREPL_IMAGES=iterm2", TerminalImageProtocol.ITerm2)]
    [InlineData("GRADREPL_IMAGES=sixel TERM=xterm-kitty", TerminalImageProtocol.Sixel)]
    [InlineData("GRADREPL_IMAGES=kitty TMUX=/tmp/tmux-0/default,1,0 TERM=tmux-256color", TerminalImageProtocol.Kitty)]
    [InlineData("GRADREPL_IMAGES=sixel NO_COLOR=1", TerminalImageProtocol.Sixel)]
    [InlineData("GRADREPL_IMAGES=iterm TERM=dumb", TerminalImageProtocol.ITerm2)]
    public void Detect_Override_WinsOverTheEnvironment(string variables, TerminalImageProtocol expected)
    {
        Assert.Equal(expected, TerminalImageDetection.Detect(Env(terminal: true, variables)));
    }

    [Theory]
    [InlineData("TMUX=/tmp/tmux-0/default,1,0", true)]
    [InlineData("TERM=tmux-256color", false)]
    [InlineData("", false)]
    public void InsideTmux_OnlyWithTmuxVariable(string variables, bool expected)
    {
        Assert.Equal(expected, Env(terminal: true, variables).InsideTmux);
    }

    [Fact]
    public void Wrap_Escapes_DoublesEveryEscInsideTmuxPassthrough()
    {
        Assert.Equal("\u001bPtmux;\u001b\u001b_Gm=0;QQ==\u001b\u001b\\\u001b\\", TmuxPassthrough.Wrap("\u001b_Gm=0;QQ==\u001b\\"));
    }
}
