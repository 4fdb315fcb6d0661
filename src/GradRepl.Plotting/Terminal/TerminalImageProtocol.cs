namespace GradRepl.Plotting.Terminal;

/// <summary>A way of drawing a real image in a terminal, or none.</summary>
public enum TerminalImageProtocol
{
    /// <summary>No images: the braille preview only.</summary>
    None,

    /// <summary>The kitty graphics protocol (kitty, Ghostty): PNG bytes in APC <c>ESC _G ... ESC \</c> chunks.</summary>
    Kitty,

    /// <summary>iTerm2's inline images (iTerm2, WezTerm): PNG bytes in OSC <c>1337;File=...</c>.</summary>
    ITerm2,

    /// <summary>DEC sixel graphics (foot, mlterm, xterm built with sixel, ...): the pixels in a palette of at most 256 colours.</summary>
    Sixel,
}
