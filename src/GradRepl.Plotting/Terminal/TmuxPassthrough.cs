namespace GradRepl.Plotting.Terminal;

/// <summary>
/// tmux keeps escapes it does not know from the terminal outside it, image escapes included, unless they are wrapped
/// in its passthrough escape (<c>ESC Ptmux; ... ESC \</c>, every ESC inside doubled), which tmux 3.3 and later forward
/// when <c>allow-passthrough</c> is on. The image is then drawn where the outer terminal's cursor is, which tmux does not
/// track: it may land off place or vanish when tmux redraws, which is why detection leaves images off inside tmux.
/// </summary>
public static class TmuxPassthrough
{
    /// <summary><paramref name="escapes"/> wrapped for tmux to pass on as they are.</summary>
    /// <param name="escapes">Escape sequences.</param>
    public static string Wrap(string escapes)
    {
        ArgumentNullException.ThrowIfNull(escapes);
        return "\u001bPtmux;" + escapes.Replace("\u001b", "\u001b\u001b", StringComparison.Ordinal) + "\u001b\\";
    }
}
