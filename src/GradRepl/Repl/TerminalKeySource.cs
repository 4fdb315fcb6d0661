using RadLine;

namespace GradRepl.Repl;

/// <summary>
/// Keys from the terminal for RadLine, deciding what each Enter means:
/// <list type="bullet">
/// <item>Inside a bracketed paste (the terminal wraps pasted text in <c>ESC[200~</c> … <c>ESC[201~</c> once
/// <see cref="EnableBracketedPaste"/> was written) an Enter is a new line and a Tab is indentation, so a multi-line
/// paste becomes one submission and never triggers completion.</item>
/// <item>Every other Enter is a real Enter, however fast keys arrive: typed-ahead lines run one by one, as in
/// Python's REPL. (RadLine's own guess, "an Enter among five or more waiting keys is pasted", is switched off by
/// <see cref="ByPassProcessing"/>: it turned the Enter of a line typed during a long evaluation into a new line.)</item>
/// <item>A typed <c>}</c> becomes <see cref="CloseBlock"/>, so the editor can dedent it.</item>
/// <item>A line feed is an Enter: keys typed before the terminal left line mode arrive with <c>\n</c>, which .NET
/// reports as Ctrl+Enter and RadLine would drop.</item>
/// </list>
/// RadLine drains every waiting key into its editor's own queue, and that queue dies with the editor, so after a real
/// Enter this source reports "no key" once: the drain stops at the Enter and later keys wait for the next prompt.
/// </summary>
internal sealed class TerminalKeySource : IInputSource
{
    /// <summary>Turns bracketed paste on; written while the editor reads.</summary>
    public const string EnableBracketedPaste = "\u001b[?2004h";

    /// <summary>Turns bracketed paste off; written before anything else runs, so no other program sees the markers.</summary>
    public const string DisableBracketedPaste = "\u001b[?2004l";

    /// <summary>The key RadLine binds to "new line" (Shift+Enter).</summary>
    public static readonly ConsoleKeyInfo NewLine = new('\r', ConsoleKey.Enter, shift: true, alt: false, control: false);

    /// <summary>A plain Enter.</summary>
    public static readonly ConsoleKeyInfo Enter = new('\r', ConsoleKey.Enter, shift: false, alt: false, control: false);

    /// <summary>A typed (not pasted) closing brace, bound to <see cref="CloseBlockCommand"/>, which dedents it.</summary>
    public static readonly ConsoleKeyInfo CloseBlock = new('\0', ConsoleKey.F23, shift: false, alt: false, control: false);

    /// <summary>A key no binding uses: returned when a paste marker was the only thing waiting.</summary>
    public static readonly ConsoleKeyInfo Nothing = new('\0', ConsoleKey.F24, shift: false, alt: false, control: false);

    private const string PasteStart = "[200~";
    private const string PasteEnd = "[201~";
    private const int TabWidth = 4;

    private readonly Func<bool> _keyAvailable;
    private readonly Func<ConsoleKeyInfo> _readKey;
    private readonly Queue<ConsoleKeyInfo> _ahead = new();
    private bool _inPaste;
    private bool _holdAfterEnter;

    /// <summary>Reads the console.</summary>
    public TerminalKeySource()
        : this(() => Console.KeyAvailable, () => Console.ReadKey(intercept: true))
    {
    }

    /// <summary>Reads from the given functions (tests feed key sequences through them).</summary>
    public TerminalKeySource(Func<bool> keyAvailable, Func<ConsoleKeyInfo> readKey)
    {
        _keyAvailable = keyAvailable;
        _readKey = readKey;
    }

    /// <summary>Always true: this source, not RadLine, decides when an Enter is a new line.</summary>
    public bool ByPassProcessing => true;

    /// <summary>True while the keys being read are inside a bracketed paste.</summary>
    public bool InPaste => _inPaste;

    /// <summary>Puts <paramref name="key"/> before any terminal key (the REPL moves the cursor this way).</summary>
    public void Inject(ConsoleKeyInfo key) => _ahead.Enqueue(key);

    /// <inheritdoc />
    public bool IsKeyAvailable()
    {
        if (_ahead.Count > 0) return true;
        if (_holdAfterEnter)
        {
            _holdAfterEnter = false;
            return false;
        }

        return _keyAvailable();
    }

    /// <inheritdoc />
    public ConsoleKeyInfo ReadKey()
    {
        var key = Next();
        while (key.Key == ConsoleKey.Escape && TryReadPasteMarker(out var start))
        {
            _inPaste = start;
            // Never block inside ReadKey: RadLine asked because a key was waiting, and the marker was all there was.
            if (_ahead.Count == 0 && !_keyAvailable()) return Nothing;
            key = Next();
        }

        if (IsEnterKey(key))
        {
            if (_inPaste) return NewLine;
            _holdAfterEnter = true;
            return Enter;
        }

        // Typed, a '}' is dedented; pasted text keeps the indentation it came with.
        if (key.KeyChar == '}' && !_inPaste) return CloseBlock;

        if (_inPaste && key.Key == ConsoleKey.Tab)
        {
            for (var i = 1; i < TabWidth; i++) _ahead.Enqueue(Space);
            return Space;
        }

        return key;
    }

    private static readonly ConsoleKeyInfo Space = new(' ', ConsoleKey.Spacebar, shift: false, alt: false, control: false);

    private static bool IsEnterKey(ConsoleKeyInfo key) => key.Key == ConsoleKey.Enter || key.KeyChar is '\n' or '\r';

    private ConsoleKeyInfo Next() => _ahead.Count > 0 ? _ahead.Dequeue() : _readKey();

    /// <summary>
    /// After an Escape, reads the rest of a paste marker if one is waiting; anything else read on the way is kept,
    /// in order, for the following reads.
    /// </summary>
    private bool TryReadPasteMarker(out bool start)
    {
        start = false;
        var read = new List<ConsoleKeyInfo>();
        while (read.Count < PasteStart.Length && (_ahead.Count > 0 || _keyAvailable()))
        {
            read.Add(Next());
            var text = new string(read.Select(k => k.KeyChar).ToArray());
            if (!PasteStart.StartsWith(text, StringComparison.Ordinal) && !PasteEnd.StartsWith(text, StringComparison.Ordinal)) break;
            if (text == PasteStart || text == PasteEnd)
            {
                start = text == PasteStart;
                return true;
            }
        }

        // Not a marker: the Escape stands alone and what followed it is read next.
        var rest = read.Concat(_ahead).ToList();
        _ahead.Clear();
        foreach (var k in rest) _ahead.Enqueue(k);
        return false;
    }
}
