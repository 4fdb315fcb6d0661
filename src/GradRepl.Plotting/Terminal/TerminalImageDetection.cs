namespace GradRepl.Plotting.Terminal;

/// <summary>
/// Which image protocol the terminal understands, read from environment variables alone: the terminal is never
/// queried, so detection cannot hang or eat typed input. In order:
/// <list type="number">
/// <item>standard output not a terminal (a file, a pipe): none, whatever else is set;</item>
/// <item><c>GRADREPL_IMAGES=kitty|iterm|sixel|off</c>: that protocol (<c>auto</c> or empty: detect; anything else: none);</item>
/// <item><c>NO_COLOR</c> set, <c>TERM=dumb</c>, or inside tmux/screen: none;</item>
/// <item>kitty (<c>KITTY_WINDOW_ID</c>, <c>TERM=xterm-kitty</c>) or Ghostty (<c>TERM=xterm-ghostty</c>, <c>TERM_PROGRAM=ghostty</c>): kitty;</item>
/// <item>iTerm2 (<c>TERM_PROGRAM=iTerm.app</c>, <c>LC_TERMINAL=iTerm2</c>) or WezTerm (<c>TERM_PROGRAM=WezTerm</c>): iTerm2's;</item>
/// <item><c>TERM</c> naming sixel or a terminal known for it (foot, mlterm, yaft, contour): sixel.</item>
/// </list>
/// </summary>
public static class TerminalImageDetection
{
    /// <summary>The environment variable that overrides detection.</summary>
    public const string OverrideVariable = "GRADREPL_IMAGES";

    private static readonly string[] s_sixelTerminals = ["foot", "mlterm", "yaft", "contour"];

    /// <summary>The protocol to draw images with in <paramref name="environment"/>, or <see cref="TerminalImageProtocol.None"/>.</summary>
    /// <param name="environment">Variables and whether output is a terminal.</param>
    public static TerminalImageProtocol Detect(TerminalEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.OutputIsTerminal)
        {
            return TerminalImageProtocol.None;
        }

        var chosen = environment.Variable(OverrideVariable)?.Trim().ToLowerInvariant();
        switch (chosen)
        {
            case "kitty": return TerminalImageProtocol.Kitty;
            case "iterm" or "iterm2": return TerminalImageProtocol.ITerm2;
            case "sixel": return TerminalImageProtocol.Sixel;
            case null or "" or "auto": break;
            default: return TerminalImageProtocol.None;
        }

        string Get(string name) => environment.Variable(name) ?? "";
        var term = Get("TERM");
        if (Get("NO_COLOR").Length > 0 || term == "dumb" || environment.InsideMultiplexer)
        {
            return TerminalImageProtocol.None;
        }

        if (Get("KITTY_WINDOW_ID").Length > 0 || term is "xterm-kitty" or "xterm-ghostty" || Get("TERM_PROGRAM") == "ghostty")
        {
            return TerminalImageProtocol.Kitty;
        }

        if (Get("TERM_PROGRAM") is "iTerm.app" or "WezTerm" || Get("LC_TERMINAL") == "iTerm2")
        {
            return TerminalImageProtocol.ITerm2;
        }

        if (term.Contains("sixel", StringComparison.OrdinalIgnoreCase) || s_sixelTerminals.Any(t => term.StartsWith(t, StringComparison.Ordinal)))
        {
            return TerminalImageProtocol.Sixel;
        }

        return TerminalImageProtocol.None;
    }
}
