using System.Reflection;
using GradRepl.Completion;
using GradRepl.Highlighting;
using GradRepl.Scripting;
using RadLine;
using Spectre.Console;

namespace GradRepl.Repl;

/// <summary>
/// The RadLine line editor, with the pieces RadLine 0.6 lacks added around it:
/// <list type="bullet">
/// <item>Multi-line by completeness: RadLine's Enter always submits, so an incomplete submission is reopened in a
/// fresh editor with one more (indented) line, drawn over the old one; a bracketed paste is one submission (see
/// <see cref="TerminalKeySource"/>, which decides what each Enter means).</item>
/// <item>Tab completes C# identifiers (RadLine's own completion works on whitespace-separated words); with several
/// candidates it lists them below the line, as bash and IPython do.</item>
/// <item>Ctrl+L clears the screen and draws the line being edited again at the top.</item>
/// <item>Up/Down recall history on the first/last line; Ctrl+D on an empty buffer ends the session; Ctrl+C (SIGINT,
/// see <see cref="Interrupts"/>) drops the line.</item>
/// </list>
/// </summary>
internal sealed class LineEditorInput : IReplInput
{
    private readonly IAnsiConsole _console;
    private readonly History _history;
    private readonly Interrupts _interrupts;
    private readonly CompletionProvider _completion;
    private readonly SyntaxHighlighter _highlighter;
    private readonly TerminalKeySource _keys = new();

    /// <summary>Creates the editor input.</summary>
    public LineEditorInput(IAnsiConsole console, History history, Interrupts interrupts, CompletionProvider completion, SyntaxHighlighter highlighter)
    {
        _console = console;
        _history = history;
        _interrupts = interrupts;
        _completion = completion;
        _highlighter = highlighter;
    }

    /// <summary>Clears the screen and its scrollback, and puts the cursor at the top (Ctrl+L, <c>#clear</c>).</summary>
    public const string ClearScreen = "\u001b[2J\u001b[3J\u001b[H";

    private const int MaxListed = 100;

    /// <inheritdoc />
    public bool IsInteractive => true;

    /// <summary>True when RadLine can drive this terminal (stdin and stdout are a terminal that takes ANSI).</summary>
    public static bool IsSupported(IAnsiConsole console) => !Console.IsInputRedirected && LineEditor.IsSupported(console);

    /// <inheritdoc />
    public string? Read(string prompt)
    {
        var text = "";
        EditorRedraw? redraw = null;
        while (true)
        {
            var view = new EditorView();
            bool endOfInput = false;
            var editor = new LineEditor(_console, _keys)
            {
                MultiLine = true,
                Text = text,
                Prompt = new Prompt(prompt, view, _highlighter),
                Highlighter = _highlighter,
            };
            foreach (var entry in _history.Entries) editor.History.Add(entry);
            Bind(editor.KeyBindings, view, () => endOfInput = true);
            if (redraw is not null) RestoreCaret(redraw);
            else if (text.Length > 0) _keys.Inject(new ConsoleKeyInfo('\0', ConsoleKey.PageDown, false, false, false));
            redraw = null;

            var cancel = _interrupts.BeginPrompt();
            string? result;
            try
            {
                WriteControl(TerminalKeySource.EnableBracketedPaste);
                result = editor.ReadLine(cancel).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C while RadLine waited for a key: it left the cursor on the line.
                _console.WriteLine();
                return IReplInput.Dropped;
            }
            finally
            {
                WriteControl(TerminalKeySource.DisableBracketedPaste);
            }

            if (endOfInput) return null;
            if (view.Redraw is { } request)
            {
                // RadLine has ended the line; show what was asked for, then the same text in a fresh editor.
                if (request.Candidates is { } candidates) WriteCandidates(candidates);
                else WriteControl(ClearScreen);
                redraw = request;
                text = string.Join("\n", request.Lines);
                continue;
            }

            if (result is null) return IReplInput.Dropped;
            if (Submissions.IsComplete(result)) return result;

            // Incomplete: draw the same lines again, plus a new indented one, in a fresh editor.
            int lines = result.ReplaceLineEndings("\n").Split('\n').Length;
            WriteControl($"\u001b[{lines}A\u001b[J");
            text = result.ReplaceLineEndings("\n") + "\n" + Submissions.Indentation(result);
        }
    }

    // The new editor starts on its last line: move to the line and column the old one had the cursor at.
    private void RestoreCaret(EditorRedraw redraw)
    {
        static ConsoleKeyInfo Key(ConsoleKey key) => new('\0', key, false, false, false);
        _keys.Inject(Key(ConsoleKey.PageDown));
        for (int i = redraw.LineIndex; i < redraw.Lines.Count - 1; i++) _keys.Inject(Key(ConsoleKey.UpArrow));
        _keys.Inject(Key(ConsoleKey.Home));
        for (int i = 0; i < redraw.Column; i++) _keys.Inject(Key(ConsoleKey.RightArrow));
    }

    // In columns, as bash lists completions; a long list is cut short.
    private void WriteCandidates(IReadOnlyList<string> candidates)
    {
        var shown = candidates.Take(MaxListed).ToList();
        int width = shown.Max(c => c.Length) + 2;
        int columns = Math.Max(1, Math.Max(width, _console.Profile.Width) / width);
        int rows = (shown.Count + columns - 1) / columns;
        var sb = new System.Text.StringBuilder();
        for (int row = 0; row < rows; row++)
        {
            var line = new System.Text.StringBuilder();
            for (int column = 0; column < columns; column++)
            {
                int index = column * rows + row;
                if (index < shown.Count) line.Append(shown[index].PadRight(width));
            }

            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }

        if (candidates.Count > shown.Count) sb.Append($"... and {candidates.Count - shown.Count} more (type more letters)\n");
        Console.Out.Write(sb.ToString());
        Console.Out.Flush();
    }

    /// <summary>Writes a terminal control sequence straight away (RadLine draws through the same console).</summary>
    private static void WriteControl(string sequence)
    {
        Console.Out.Write(sequence);
        Console.Out.Flush();
    }

    private void Bind(KeyBindings bindings, EditorView view, Action endOfInput)
    {
        bindings.Add(ConsoleKey.Tab, () => new TabCommand(_completion, view));
        bindings.Add(ConsoleKey.UpArrow, () => new SubmitActionCommand(() => view.State?.IsFirstLine ?? true ? SubmitAction.PreviousHistory : SubmitAction.MoveUp));
        bindings.Add(ConsoleKey.DownArrow, () => new SubmitActionCommand(() => view.State?.IsLastLine ?? true ? SubmitAction.NextHistory : SubmitAction.MoveDown));
        bindings.Add(ConsoleKey.D, ConsoleModifiers.Control, () => new EndOfInputCommand(view, endOfInput));
        bindings.Add<MoveHomeCommand>(ConsoleKey.A, ConsoleModifiers.Control);
        bindings.Add<MoveEndCommand>(ConsoleKey.E, ConsoleModifiers.Control);
        bindings.Add<CloseBlockCommand>(TerminalKeySource.CloseBlock.Key);
        bindings.Add(ConsoleKey.L, ConsoleModifiers.Control, () => new ClearScreenCommand(view));
    }

    /// <summary>The prompt; it also tells the highlighter which line RadLine is about to draw.</summary>
    private sealed class Prompt(string text, EditorView view, SyntaxHighlighter highlighter) : ILineEditorPrompt
    {
        private readonly Markup _first = new($"[green bold]{Markup.Escape(text)}[/]");
        private readonly Markup _more = new($"[grey]{Markup.Escape(new string('.', text.Length))}[/]");

        public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line)
        {
            view.State = state;
            HostTrace.Phase("repl: prompt drawn");
            highlighter.BeginLine(view, line);
            return (line == 0 ? _first : _more, 1);
        }
    }

    private sealed class ClearScreenCommand(EditorView view) : LineEditorCommand
    {
        public override void Execute(LineEditorContext context) => view.RequestRedraw(context, candidates: null);
    }

    private sealed class SubmitActionCommand(Func<SubmitAction> action) : LineEditorCommand
    {
        public override void Execute(LineEditorContext context) => context.Submit(action());
    }

    private sealed class EndOfInputCommand(EditorView view, Action endOfInput) : LineEditorCommand
    {
        public override void Execute(LineEditorContext context)
        {
            if (context.Buffer.Length == 0 && string.IsNullOrWhiteSpace(string.Join("", view.Lines())))
            {
                endOfInput();
                context.Submit(SubmitAction.Cancel);
                return;
            }

            new DeleteCommand().Execute(context);
        }
    }
}

/// <summary>
/// What the editor currently holds, for completion and highlighting: RadLine passes its state to the prompt, and its
/// lines are read from it (RadLine 0.6 exposes them only on the internal state class, hence the reflection).
/// </summary>
internal sealed class EditorView
{
    private static readonly Dictionary<Type, MethodInfo?> GetBuffers = [];

    /// <summary>RadLine's state (line index and count), set each time a prompt is drawn.</summary>
    public ILineEditorState? State { get; set; }

    /// <summary>Set when a key asked to end this editor and draw its text again (after a list of candidates, or a cleared screen).</summary>
    public EditorRedraw? Redraw { get; private set; }

    /// <summary>
    /// Ends the editor (RadLine draws only the lines it owns, so anything else is written between two editors) and
    /// asks for a new one with the same text and cursor, after <paramref name="candidates"/> are listed, or, when
    /// null, after the screen is cleared.
    /// </summary>
    public void RequestRedraw(LineEditorContext context, IReadOnlyList<string>? candidates)
    {
        var lines = Lines();
        Redraw = new EditorRedraw(lines.Count > 0 ? lines : [context.Buffer.Content], State?.LineIndex ?? 0, context.Buffer.Position, candidates);
        context.Submit(SubmitAction.Cancel);
    }

    /// <summary>Every line in the editor, or an empty list when RadLine hides them.</summary>
    public IReadOnlyList<string> Lines()
    {
        if (State is not { } state) return [];
        var type = state.GetType();
        MethodInfo? method;
        lock (GetBuffers)
        {
            if (!GetBuffers.TryGetValue(type, out method))
            {
                method = type.GetMethod("GetBuffers", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes);
                GetBuffers[type] = method;
            }
        }

        return method?.Invoke(state, null) is IEnumerable<LineBuffer> buffers ? buffers.Select(b => b.Content).ToList() : [];
    }
}

/// <summary>An editor to draw again: its lines, where the cursor was, and the candidates to list first (or null: clear the screen).</summary>
/// <param name="Lines">The editor's lines.</param>
/// <param name="LineIndex">The line the cursor was on.</param>
/// <param name="Column">The cursor's position in that line.</param>
/// <param name="Candidates">Completions to list, or null to clear the screen.</param>
internal sealed record EditorRedraw(IReadOnlyList<string> Lines, int LineIndex, int Column, IReadOnlyList<string>? Candidates);
